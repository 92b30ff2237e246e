from django.urls import include, path

from penata.people import views

app_name = "people"
urlpatterns = [
    path("", views.employee_list, name="employee_list"),
    path("<int:pk>/", views.employee_detail, name="employee_detail"),
    path("", include("penata.people.urls_import")),  # import/export: people/urls_import.py
]
