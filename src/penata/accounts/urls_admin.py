"""Role administration pages for `admin`, mounted under /akun/ (config/urls.py)."""

from django.urls import path

from penata.accounts import views_roles

app_name = "roles"
urlpatterns = [
    path("peran/", views_roles.role_list, name="list"),
    path("peran/beri/", views_roles.role_grant, name="grant"),
    path("peran/pengguna/<int:pk>/", views_roles.role_user, name="user"),
    path("peran/<int:pk>/cabut/", views_roles.role_revoke, name="revoke"),
    path("peran/cari-unit/", views_roles.unit_search, name="unit_search"),
    path("peran/cari-pengguna/", views_roles.user_search, name="user_search"),
]
