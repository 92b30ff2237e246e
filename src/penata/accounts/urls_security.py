from django.urls import path

from penata.accounts import views_2fa

app_name = "security"
urlpatterns = [
    path("2fa/", views_2fa.two_factor, name="two_factor"),
]
