"""The JSON API at /api/v1 (Django Ninja); each app contributes one router."""

from ninja import NinjaAPI

from penata.core.api_errors import install_error_handlers

api = NinjaAPI(
    title="Penata API",
    version="1",
    description=(
        "API Penata untuk integrasi (SIASN, e-Kinerja, portal). Autentikasi: sesi login "
        "atau token `Authorization: Bearer <token>`."
    ),
    urls_namespace="api",
)
install_error_handlers(api)

from penata.org.api import router as org_router  # noqa: E402
from penata.people.api import router as people_router  # noqa: E402

api.add_router("/", org_router)
api.add_router("/", people_router)
