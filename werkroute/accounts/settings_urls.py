from django.urls import path

from werkroute.accounts import views

app_name = "settings"

urlpatterns = [
    path("", views.home, name="home"),
]
