from django.urls import path

from werkroute.core import views

app_name = "core"

urlpatterns = [
    path("thema.css", views.theme_stylesheet, name="theme"),
    path("logo/<str:kind>/<slug:code>/", views.logo, name="logo"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
    path("over/", views.about, name="about"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
