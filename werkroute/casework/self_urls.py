"""A job seeker's own route plan and appointments; the lead mounts them at /mijn/
(namespace "my_casework")."""

from django.urls import path

from werkroute.casework import views, views_referrals

app_name = "my_casework"

urlpatterns = [
    path("route/", views.my_route, name="route"),
    path("afspraken/", views.my_appointments, name="appointments"),
]

urlpatterns += [
    path("verwijzingen/", views_referrals.my_referrals, name="referrals"),
]
