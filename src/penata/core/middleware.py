"""Request id and client address for the audit trail; language from the user's choice."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from penata.core import request_context


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        # REMOTE_ADDR only: X-Forwarded-For is spoofable unless a trusted proxy sets it.
        info = request_context.RequestInfo(
            request_id=request_id[:64], ip=request.META.get("REMOTE_ADDR")
        )
        token = request_context.set_current(info)
        try:
            response = self.get_response(request)
        finally:
            request_context.reset(token)
        response["X-Request-ID"] = info.request_id
        return response
