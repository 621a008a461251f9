"""Staff pages of the job seeker's file; mounted at /werkzoekenden/ (namespace "jobseekers").

Files appear by their public UUID only; a search is a POST, so no name or BSN enters a URL.
"""

from django.urls import path

from werkroute.jobseekers.views import staff as views

app_name = "jobseekers"

urlpatterns = [
    path("", views.search, name="search"),
    path("nieuw/", views.register, name="register"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/bewerken/", views.edit, name="edit"),
    path(
        "<uuid:public_id>/belemmeringen/opgelost/",
        views.obstacle_resolve,
        name="obstacle_resolve",
    ),
    path(
        "<uuid:public_id>/correcties/afhandelen/",
        views.correction_handle,
        name="correction_handle",
    ),
    path("<uuid:public_id>/<slug:kind>/toevoegen/", views.part_add, name="part_add"),
    path("<uuid:public_id>/<slug:kind>/verwijderen/", views.part_remove, name="part_remove"),
]
