"""Campaign pages; the lead mounts them at /uitnodigen/ (namespace "outreach")."""

from django.urls import path

from werkroute.outreach import views

app_name = "outreach"

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("nieuw/", views.campaign_create, name="campaign_create"),
    path("<uuid:campaign_id>/", views.campaign_detail, name="campaign_detail"),
    path("<uuid:campaign_id>/starten/", views.campaign_start, name="campaign_start"),
    path("<uuid:campaign_id>/afsluiten/", views.campaign_close, name="campaign_close"),
    path("<uuid:campaign_id>/versturen/", views.campaign_send, name="campaign_send"),
    path("deelnemer/<uuid:member_id>/", views.member_detail, name="member_detail"),
    path("deelnemer/<uuid:member_id>/pauzeren/", views.member_pause, name="member_pause"),
    path("deelnemer/<uuid:member_id>/hervatten/", views.member_resume, name="member_resume"),
    path("deelnemer/<uuid:member_id>/opnieuw/", views.member_resend, name="member_resend"),
    path("deelnemer/<uuid:member_id>/brief.pdf", views.member_letter, name="member_letter"),
]
