from django.urls import path

from werkroute.catalogue.views import partner as views

app_name = "partner"

urlpatterns = [
    path("", views.home, name="home"),
]
