from django.urls import path

from werkroute.catalogue.views import public as views

app_name = "catalogue"

urlpatterns = [
    path("", views.search, name="search"),
    path("kaart/", views.map_view, name="map"),
    path("kaart.json", views.map_points, name="map_points"),
    path("zoeken.ics", views.search_feed, name="search_feed"),
    path("aanbod/<str:public_id>/", views.detail, name="detail"),
    path("aanbod/<str:public_id>/agenda.ics", views.detail_calendar, name="detail_calendar"),
    path("mijn-route/", views.my_route, name="my_route"),
]
