"""Referrals for partner staff; the lead mounts them at /partner/verwijzingen/
(namespace "partner_referrals")."""

from django.urls import path

from werkroute.casework import views_referrals

app_name = "partner_referrals"

urlpatterns = [
    path("", views_referrals.partner_referral_list, name="list"),
    path("<uuid:referral_id>/", views_referrals.partner_referral_detail, name="detail"),
]
