"""Pages of the employer service point; mounted at /werkgevers/ (namespace "employers")."""

from django.urls import path

from werkroute.employers.views import settings as settings_views
from werkroute.employers.views import staff as views

app_name = "employers"

urlpatterns = [
    path("", views.employer_list, name="employer_list"),
    path("nieuw/", views.employer_create, name="employer_create"),
    path("<uuid:public_id>/", views.employer_detail, name="employer_detail"),
    path("<uuid:public_id>/wijzigen/", views.employer_edit, name="employer_edit"),
    path("<uuid:public_id>/contactpersoon/", views.contact_person_add, name="contact_person_add"),
    path(
        "<uuid:public_id>/contactpersoon/<uuid:contact_id>/wijzigen/",
        views.contact_person_edit,
        name="contact_person_edit",
    ),
    path(
        "<uuid:public_id>/contactpersoon/<uuid:contact_id>/verwijderen/",
        views.contact_person_remove,
        name="contact_person_remove",
    ),
    path("<uuid:public_id>/contact/", views.contact_moment_add, name="contact_moment_add"),
    path("<uuid:public_id>/werkakkoord/nieuw/", views.agreement_create, name="agreement_create"),
    path("werkakkoord/<uuid:public_id>/", views.agreement_detail, name="agreement_detail"),
    path("werkakkoord/<uuid:public_id>/wijzigen/", views.agreement_edit, name="agreement_edit"),
    path("voordragen/", views.proposal_create, name="proposal_create"),
    path("voordrachten/", views.proposal_list, name="proposal_list"),
    path("voordracht/<uuid:public_id>/", views.proposal_detail, name="proposal_detail"),
    path("voordracht/<uuid:public_id>/status/", views.proposal_status, name="proposal_status"),
    path(
        "voordracht/<uuid:public_id>/akkoord/",
        views.proposal_case_manager_consent,
        name="proposal_consent",
    ),
    path("voordracht/<uuid:public_id>/plaatsing/", views.placement_create, name="placement_create"),
    path("plaatsing/<uuid:public_id>/wijzigen/", views.placement_edit, name="placement_edit"),
    path("plaatsing/<uuid:public_id>/schrappen/", views.placement_cancel, name="placement_cancel"),
    path("controles/", views.check_list, name="check_list"),
    path("controle/<uuid:public_id>/", views.check_record, name="check_record"),
    path("vacatures-beoordelen/", views.review_list, name="review_list"),
    path("vacatures-beoordelen/<uuid:public_id>/", views.review_decide, name="review_decide"),
    path("instellingen/", settings_views.settings_page, name="settings"),
]
