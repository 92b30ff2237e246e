"""Root URL configuration: web pages per app, the JSON API and the admin."""

from django.contrib import admin
from django.urls import include, path

from penata.config.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("akun/", include("penata.accounts.urls")),
    path("akun/", include("penata.accounts.urls_security")),
    path("akun/", include("penata.accounts.urls_admin")),
    path("audit/", include("penata.core.urls_audit")),
    path("", include("penata.people.urls_self")),
    path("org/", include("penata.org.urls")),
    path("pegawai/", include("penata.people.urls")),
    path("beban-kerja/", include("penata.workload.urls")),
    path("penataan/", include("penata.restructure.urls")),
    path("kinerja/", include("penata.performance.urls")),
    path("pengembangan/", include("penata.learning.urls")),
    path("layanan/", include("penata.participation.urls")),
    path("perubahan/", include("penata.change.urls")),
    path("", include("penata.portal.urls")),
]
