from django.urls import path

from werkroute.catalogue.views import partner as views

app_name = "partner"

urlpatterns = [
    path("", views.home, name="home"),
    path("aanbod/nieuw/", views.offering_start, name="offering_start"),
    path(
        "organisatie/<str:organisation_id>/aanbod/nieuw/",
        views.offering_create,
        name="offering_create",
    ),
    path(
        "organisatie/<str:organisation_id>/locatie/nieuw/",
        views.location_create,
        name="location_create",
    ),
    path("aanbod/<str:public_id>/bewerken/", views.offering_edit, name="offering_edit"),
    path("aanbod/<str:public_id>/publiceren/", views.offering_publish, name="offering_publish"),
    path("aanbod/<str:public_id>/archiveren/", views.offering_archive, name="offering_archive"),
    path(
        "aanbod/<str:public_id>/gecontroleerd/",
        views.offering_mark_checked,
        name="offering_mark_checked",
    ),
]
