"""Audit trail pages for `auditor` and `admin`, mounted under /audit/ (config/urls.py)."""

from django.urls import path, re_path

from penata.core import views_audit

app_name = "audit"
urlpatterns = [
    path("", views_audit.audit_list, name="list"),
    path("<int:pk>/", views_audit.audit_detail, name="detail"),
    re_path(r"^ekspor\.(?P<fmt>xlsx|csv)$", views_audit.audit_export, name="export"),
]
