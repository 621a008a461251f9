"""The schemes catalogue and the checker; mounted at /regelingen/ (namespace "subsidies")."""

from django.urls import path

from werkroute.subsidies import views

app_name = "subsidies"

urlpatterns = [
    path("", views.scheme_list, name="list"),
    path("check/", views.check, name="check"),
    path("<slug:country>/<slug:code>/", views.scheme_detail, name="detail"),
]
