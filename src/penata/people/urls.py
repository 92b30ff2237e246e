from django.urls import include, path

app_name = "people"
urlpatterns: list = [
    path("", include("penata.people.urls_import")),  # import/export: people/urls_import.py
]
