"""How API callers prove who they are: a bearer token, or the browser's login session.

`API_AUTH` is the default of every operation of /api/v1; public operations opt out with
`auth=None`. Handlers take the acting user from `actor(request)`, which works for both.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from penata.core.errors import ApplicationError


class TokenRefused(ApplicationError):
    """A bearer token was sent but cannot be used: 401 with a specific code."""

    status_code = 401


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a token made by `penata token create` or /akun/token/.

    A request that sends a token is judged by that token alone: a bad token is refused even
    when the browser also has a session, so an integration never works by accident.
    """

    def __call__(self, request: HttpRequest) -> Any:
        # Ninja's own __call__ logs unexpected headers in DEBUG; this one never logs a secret.
        value = request.headers.get(self.header, "")
        scheme, _, secret = value.partition(" ")
        if scheme.lower() != self.openapi_scheme:
            return None
        return self.authenticate(request, secret.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from penata.accounts.selectors import api_token_for_secret
        from penata.accounts.services import api_token_touch

        found = api_token_for_secret(token)
        now = timezone.now()
        if found is None or not found.user.is_active:
            raise TokenRefused("token.invalid", "Token API tidak dikenal.")
        if found.revoked_at is not None:
            raise TokenRefused("token.revoked", "Token API sudah dicabut.")
        if found.expires_at <= now:
            raise TokenRefused(
                "token.expired", "Token API sudah kedaluwarsa; minta token baru ke admin BKPSDM."
            )
        api_token_touch(token=found, now=now)
        request.user = found.user
        return found.user


API_AUTH = [TokenAuth(), django_auth]


def actor(request: HttpRequest) -> Any:
    """The user the request acts for (token or session), or AnonymousUser on public routes."""
    return getattr(request, "auth", None) or request.user
