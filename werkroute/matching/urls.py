"""Staff matching pages; mounted at /matching/ (namespace "matching")."""

from django.urls import path

from werkroute.matching import views

app_name = "matching"

urlpatterns = [
    path("persoon/<uuid:public_id>/", views.person_matches, name="person"),
    path("persoon/<uuid:public_id>/kortelijst/", views.shortlist_add, name="shortlist_add"),
    path("vacature/<uuid:public_id>/", views.offering_candidates, name="candidates"),
    path("instellingen/", views.settings_page, name="settings"),
]
