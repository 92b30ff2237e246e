"""Map Penata errors onto JSON responses of the same shape for every API operation."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from penata.core.errors import ApplicationError

UNREADABLE = "Isi permintaan tidak dapat dibaca (bukan JSON yang sah)."


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ApplicationError)
    def app_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        assert isinstance(exc, ApplicationError)
        return api.create_response(request, exc.as_dict(), status=exc.status_code)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        body = {"code": "not_found", "message": "Data tidak ditemukan.", "extra": {}}
        return api.create_response(request, body, status=404)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        body = {"code": "unauthenticated", "message": "Perlu login atau token API.", "extra": {}}
        return api.create_response(request, body, status=401)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Ninja's own refusals. A request body that is not JSON (Ninja's 400) is invalid input
        # like any other, answered as the 422 every operation documents.
        assert isinstance(exc, HttpError)
        if exc.status_code == 400:
            error = {"type": "json_invalid", "loc": ["body"], "msg": UNREADABLE}
            body = {"code": "invalid_input", "message": UNREADABLE, "extra": {"errors": [error]}}
            return api.create_response(request, body, status=422)
        body = {"code": "http_error", "message": str(exc), "extra": {}}
        return api.create_response(request, body, status=exc.status_code)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: Exception) -> HttpResponse:
        assert isinstance(exc, ValidationError)
        body = {
            "code": "invalid_input",
            "message": "Masukan tidak valid.",
            "extra": {"errors": exc.errors},
        }
        return api.create_response(request, body, status=422)
