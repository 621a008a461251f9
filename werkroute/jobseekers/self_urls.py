"""The job seeker's own pages; mounted at /mijn/ (namespace "me"). No URL names a file."""

from django.urls import path

from werkroute.jobseekers.views import self_service as views

app_name = "me"

urlpatterns = [
    path("", views.home, name="home"),
    path("profiel/", views.details, name="details"),
    path("profiel/wijzigen/", views.edit, name="edit"),
    path("profiel/correctie/", views.correction, name="correction"),
    path("toestemming/", views.consent, name="consent"),
    path("toestemming/geven/", views.consent_give, name="consent_give"),
    path("toestemming/intrekken/", views.consent_withdraw, name="consent_withdraw"),
    path("gegevens/", views.export_page, name="export"),
    path("gegevens.json", views.export_json, name="export_json"),
    path("wie-keek-in-mijn-dossier/", views.access_log, name="access_log"),
]
