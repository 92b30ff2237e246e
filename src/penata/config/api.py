"""The JSON API at /api/v1 (Django Ninja); each app contributes one router.

Every operation needs a login session or an API token (`penata.core.api_auth`) unless it
sits under /public/. The docs at /api/v1/docs use the Swagger UI files vendored under
`core/static/vendor/swagger-ui/`, so they work without internet access.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI, Swagger
from ninja.openapi.docs import _csrf_needed

from penata.core.api_auth import API_AUTH
from penata.core.api_errors import install_error_handlers


class LocalSwagger(Swagger):
    """Swagger UI from Penata's own static files (Ninja's default page loads them from a CDN)."""

    template = "core/api_docs.html"

    def render_page(self, request: HttpRequest, api: "NinjaAPI", **kwargs: Any) -> HttpResponse:
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        context = {"api": api, "swagger_settings": settings, "add_csrf": _csrf_needed(api)}
        return render(request, self.template, context)


api = NinjaAPI(
    title="Penata API",
    version="1",
    description=(
        "API Penata untuk integrasi (SIASN, e-Kinerja, portal). Autentikasi: sesi login "
        "(dengan token CSRF untuk metode yang mengubah data) atau token "
        "`Authorization: Bearer <token>` yang dibuat admin di /akun/token/. Daftar dibagi per "
        "halaman: `?page=1&page_size=50` (paling banyak 500). Galat selalu berbentuk "
        '`{"code", "message", "extra"}`. Panduan lengkap: docs/api.md.'
    ),
    urls_namespace="api",
    auth=API_AUTH,
    # validatorUrl null: Swagger UI would otherwise send the schema to validator.swagger.io.
    docs=LocalSwagger(settings={"validatorUrl": None, "persistAuthorization": False}),
)
install_error_handlers(api)

from penata.org.api import public_router as org_public_router  # noqa: E402
from penata.org.api import router as org_router  # noqa: E402
from penata.participation.api import public_router as participation_public_router  # noqa: E402
from penata.participation.api import router as participation_router  # noqa: E402
from penata.people.api import router as people_router  # noqa: E402
from penata.restructure.api import router as restructure_router  # noqa: E402

api.add_router("/", org_router)
api.add_router("/", people_router)
api.add_router("/", restructure_router)
api.add_router("/", "penata.restructure.api_overlap.router")
api.add_router("/", participation_router)
api.add_router("/kinerja/", "penata.performance.api.router")
api.add_router("/", "penata.change.api.router")
api.add_router("/", "penata.workload.api.router")
api.add_router("/", "penata.learning.api.router")
api.add_router("/public/", org_public_router)
api.add_router("/public/", participation_public_router)
