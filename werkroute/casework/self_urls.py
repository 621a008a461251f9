"""A job seeker's own route plan and appointments; the lead mounts them at /mijn/
(namespace "my_casework")."""

from django.urls import path

from werkroute.casework import views

app_name = "my_casework"

urlpatterns = [
    path("route/", views.my_route, name="route"),
    path("afspraken/", views.my_appointments, name="appointments"),
]
