"""A resident's saved searches and offerings; mounted at /bewaard/ (namespace "saved").

Not in the "catalogue" namespace on purpose: the two-factor middleware leaves that namespace
open, and these pages are behind the login, so staff must have finished their second factor.
"""

from django.urls import path

from werkroute.catalogue.views import saved as views

app_name = "saved"

urlpatterns = [
    path("", views.saved_list, name="saved_list"),
    path("zoekopdracht/", views.save_search, name="save_search"),
    path("zoekopdracht/<uuid:public_id>/", views.open_search, name="open_search"),
    path("zoekopdracht/<uuid:public_id>/verwijderen/", views.delete_search, name="delete_search"),
    path("aanbod/<uuid:public_id>/", views.save_offering, name="save_offering"),
    path("aanbod/<uuid:public_id>/verwijderen/", views.unsave_offering, name="unsave_offering"),
]
