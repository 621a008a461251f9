"""The job seeker's own suggestions; mounted at /mijn/ (namespace "my_matching")."""

from django.urls import path

from werkroute.matching import views

app_name = "my_matching"

urlpatterns = [path("vacatures/", views.my_matches, name="matches")]
