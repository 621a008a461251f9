"""The public description of the algorithm; mounted at /algoritme/ (namespace "algorithm")."""

from django.urls import path

from werkroute.matching import views

app_name = "algorithm"

urlpatterns = [path("", views.algorithm, name="matching")]
