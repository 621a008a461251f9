"""Technical administration sees that files exist, never what is in them.

Reading or changing a person's file must go through the services, which write the access audit;
the Django admin would bypass them. So the admin shows only non-personal columns, read-only.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from werkroute.jobseekers.models import JobSeeker


@admin.register(JobSeeker)
class JobSeekerAdmin(admin.ModelAdmin):
    list_display = ("public_id", "municipality", "created_at", "anonymised_at")
    list_filter = ("municipality",)
    fields = ("public_id", "municipality", "created_at", "updated_at", "anonymised_at")
    readonly_fields = fields
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)
