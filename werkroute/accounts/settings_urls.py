from django.urls import path

from werkroute.accounts import views

app_name = "settings"

urlpatterns = [
    path("", views.settings_home, name="home"),
    path("regio/<slug:code>/", views.region_settings, name="region"),
    path("gemeente/<slug:slug>/", views.municipality_settings, name="municipality"),
]
