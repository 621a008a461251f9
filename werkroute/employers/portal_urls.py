"""The employer portal; mounted at /werkgever/ (namespace "employer_portal")."""

from django.urls import path

from werkroute.employers.views import portal as views

app_name = "employer_portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("voordracht/<uuid:public_id>/", views.proposal, name="proposal"),
    path("voordracht/<uuid:public_id>/antwoord/", views.answer, name="answer"),
    path("voordracht/<uuid:public_id>/aannemen/", views.hire, name="hire"),
]
