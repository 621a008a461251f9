from django.urls import path

from werkroute.taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    path("zoeken/", views.occupation_search, name="occupation_search"),
]
