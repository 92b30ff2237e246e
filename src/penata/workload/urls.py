from django.urls import path

from penata.workload import views

app_name = "workload"
urlpatterns = [
    path("", views.city_summary, name="summary"),
    path("pengaturan/", views.settings_page, name="settings"),
    path("unit/<int:pk>/", views.unit_abk, name="unit"),
    path("unit/<int:pk>/proyeksi/", views.unit_outlook, name="outlook"),
    path("unit/<int:pk>/abk.xlsx", views.unit_xlsx, name="unit_xlsx"),
    path("unit/<int:pk>/abk.pdf", views.unit_pdf, name="unit_pdf"),
    path("tugas/<int:pk>/", views.duty_save, name="duty_save"),
]
