"""The functional administrator keeps the register of processing activities here.

The logs themselves are not in the admin: reading them is a processing of personal data that the
privacy officer's page audits, and the admin would not.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from werkroute.core.audit.models import BUILTIN_ACTIVITY_CODES, ProcessingActivity


@admin.register(ProcessingActivity)
class ProcessingActivityAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "confidentiality", "active")
    list_filter = ("active", "confidentiality")
    search_fields = ("name", "code", "purpose")
    ordering = ("name",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        # Code calls a line by its code: once in use, renaming it would orphan those calls.
        return ("code",) if obj is not None else ()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Built-in lines are switched off (active), never deleted; used lines are PROTECTed.
        if obj is not None and obj.code in BUILTIN_ACTIVITY_CODES:
            return False
        return super().has_delete_permission(request, obj)
