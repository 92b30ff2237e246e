from django.contrib.auth import views as auth_views
from django.urls import path

from penata.accounts import views, views_tokens

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("token/", views_tokens.token_list, name="token_list"),
    path("token/buat/", views_tokens.token_create, name="token_create"),
    path("token/<int:pk>/cabut/", views_tokens.token_revoke, name="token_revoke"),
]
