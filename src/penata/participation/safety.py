"""Abuse protection of the public faces: per-client rate limits, the honeypot and devices.

- Rate limits are fixed windows counted in Django's cache (`CACHES`; Redis via REDIS_URL
  shares them between processes). The client is its address, kept only as an HMAC.
  Defaults below; `settings.PENATA_RATE_LIMITS` ("complaint=5/600,lookup=30/600") overrides.
- The honeypot is a form field people never see (`website`); bots fill it.
- A device is a random id in a signed cookie; what is stored is an HMAC of it, and next to
  it an HMAC of the client fingerprint (address, browser, language), so that one device
  answers a survey once even after clearing its cookies.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from penata.core.errors import ApplicationError, ValidationFailed

HONEYPOT_FIELD = "website"
DEVICE_COOKIE = "penata_perangkat"
DEVICE_COOKIE_SALT = "penata.participation.device"
DEVICE_COOKIE_AGE = 2 * 365 * 24 * 3600

# scope → (requests, seconds) per client.
DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "complaint": (5, 600),  # complaint submissions
    "lookup": (30, 600),  # tracking-code look-ups (no enumeration)
    "rating": (10, 600),
    "skm": (10, 600),
    "comment": (10, 600),
    "support": (60, 600),
    "report": (20, 600),
    "citizen": (5, 600),  # sign-in links sent by e-mail
}


class RateLimited(ApplicationError):
    status_code = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "rate_limited",
            f"Terlalu banyak permintaan dari perangkat Anda. Coba lagi dalam {retry_after} detik.",
            {"retry_after": retry_after},
        )
        self.retry_after = retry_after


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


def _parse_overrides(text: str) -> dict[str, Limit]:
    out: dict[str, Limit] = {}
    for part in text.split(","):
        name, _, spec = part.strip().partition("=")
        count, _, seconds = spec.partition("/")
        if name and count.strip().isdigit() and seconds.strip().isdigit():
            out[name.strip()] = Limit(int(count), max(int(seconds), 1))
    return out


def limit_for(scope: str) -> Limit:
    overrides = _parse_overrides(getattr(settings, "PENATA_RATE_LIMITS", "") or "")
    if scope in overrides:
        return overrides[scope]
    count, seconds = DEFAULT_LIMITS[scope]
    return Limit(count, seconds)


def _hmac(purpose: str, value: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only, as the audit trail: X-Forwarded-For is spoofable without a trusted proxy.
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def client_key(request: HttpRequest) -> str:
    return _hmac("client", client_address(request))[:32]


def rate_limit(request: HttpRequest, scope: str) -> None:
    """Count one request of `scope` for this client; RateLimited (429) past the limit."""
    limit = limit_for(scope)
    now = int(time.time())
    window = now // limit.seconds
    key = f"penata:rl:{scope}:{client_key(request)}:{window}"
    # add() is atomic: only the first request of a window creates the counter.
    if cache.add(key, 1, timeout=limit.seconds + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=limit.seconds + 5)
            count = 1
    if count > limit.count:
        raise RateLimited(retry_after=(window + 1) * limit.seconds - now)


def check_honeypot(data: Any) -> None:
    """Refuse a submission whose invisible honeypot field was filled (nothing is stored)."""
    value = data.get(HONEYPOT_FIELD) if hasattr(data, "get") else None
    if value:
        raise ValidationFailed("spam.honeypot", "Permintaan tidak dapat diproses.")


def device_token(request: HttpRequest) -> tuple[str, bool]:
    """This browser's device id from its signed cookie, or a new one (True = new)."""
    token = request.get_signed_cookie(DEVICE_COOKIE, default=None, salt=DEVICE_COOKIE_SALT)
    if token and len(token) <= 64:
        return token, False
    return secrets.token_urlsafe(24), True


def remember_device(response: HttpResponse, token: str) -> HttpResponse:
    response.set_signed_cookie(
        DEVICE_COOKIE,
        token,
        salt=DEVICE_COOKIE_SALT,
        max_age=DEVICE_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=bool(getattr(settings, "SESSION_COOKIE_SECURE", False)),
    )
    return response


def device_hash(token: str) -> str:
    return _hmac("device", token)


def fingerprint_hash(request: HttpRequest) -> str:
    parts = (
        client_address(request),
        request.headers.get("User-Agent", "")[:300],
        request.headers.get("Accept-Language", "")[:100],
    )
    return _hmac("fingerprint", "|".join(parts))


@dataclass(frozen=True)
class Client:
    """What the services need to know about an anonymous client (hashes only)."""

    device_hash: str
    fingerprint_hash: str


def client_of(request: HttpRequest, token: str | None) -> Client:
    return Client(device_hash(token) if token else "", fingerprint_hash(request))
