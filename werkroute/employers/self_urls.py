"""The job seeker's own proposals; mounted at /mijn/ (namespace "my_proposals")."""

from django.urls import path

from werkroute.employers.views import self_service as views

app_name = "my_proposals"

urlpatterns = [
    path("voordrachten/", views.my_proposals, name="list"),
    path("voordrachten/<uuid:public_id>/", views.my_proposal, name="detail"),
    path("voordrachten/<uuid:public_id>/toestemming/", views.consent_give, name="consent_give"),
    path(
        "voordrachten/<uuid:public_id>/intrekken/", views.consent_withdraw, name="consent_withdraw"
    ),
]
