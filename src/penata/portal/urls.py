from django.urls import path

from penata.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.public_home, name="public_home"),
    path("perangkat-daerah/", views.public_units, name="public_units"),
    path("beranda/", views.home, name="home"),
]
