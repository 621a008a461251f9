"""Casework pages for staff; the lead mounts them at /werk/ (namespace "casework")."""

from django.urls import path

from werkroute.casework import views, views_referrals

app_name = "casework"

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("team/", views.team, name="team"),
    path("<uuid:job_seeker_id>/", views.situation, name="situation"),
    path(
        "<uuid:job_seeker_id>/gesprek/nieuw/",
        views.conversation_create,
        name="conversation_create",
    ),
    path(
        "<uuid:job_seeker_id>/afspraak/nieuw/",
        views.appointment_create,
        name="appointment_create",
    ),
    path("<uuid:job_seeker_id>/route/nieuw/", views.route_step_create, name="route_step_create"),
    path("afspraak/<uuid:appointment_id>/", views.appointment_status, name="appointment_status"),
    path("route/<uuid:step_id>/", views.route_step_status, name="route_step_status"),
    path("doel/<uuid:goal_id>/actie/nieuw/", views.action_create, name="action_create"),
    path("actie/<uuid:action_id>/status/", views.action_status, name="action_status"),
]

# Referrals to partner organisations (views_referrals.py).
urlpatterns += [
    path("verwijzingen/", views_referrals.referral_list, name="referral_list"),
    path("partners/", views_referrals.partner_directory, name="partner_directory"),
    path(
        "<uuid:job_seeker_id>/verwijzen/", views_referrals.referral_create, name="referral_create"
    ),
    path("verwijzing/<uuid:referral_id>/", views_referrals.referral_detail, name="referral_detail"),
]
