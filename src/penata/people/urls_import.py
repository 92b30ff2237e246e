"""URLs of spreadsheet import and export, included from `people/urls.py` (under /pegawai/)."""

from django.urls import path, re_path

from penata.people import views_import as views

KINDS_RE = "units|positions|duties|employees"

urlpatterns = [
    path("impor/", views.import_home, name="import_home"),
    path("impor/<int:pk>/", views.import_job, name="import_job"),
    path("impor/<int:pk>/progres/", views.import_job_progress, name="import_job_progress"),
    path("impor/<int:pk>/terapkan/", views.import_job_confirm, name="import_job_confirm"),
    path("impor/<int:pk>/kesalahan.xlsx", views.import_job_errors, name="import_job_errors"),
    re_path(rf"^impor/templat/(?P<kind>{KINDS_RE})\.xlsx$", views.import_template,
            name="import_template"),
    re_path(rf"^ekspor/(?P<kind>{KINDS_RE})\.(?P<fmt>xlsx|csv)$", views.export, name="export"),
]  # fmt: skip
