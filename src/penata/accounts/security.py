"""Login protection middleware: absolute session lifetime and enforced two-factor sign-in.

The idle timeout is Django's own (SESSION_COOKIE_AGE renewed on every request); this adds
the absolute lifetime (SESSION_ABSOLUTE_SECONDS) and, when PENATA_REQUIRE_2FA is on, sends
users holding a privileged role to set up or enter their TOTP code before anything else.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from penata.accounts.scope import reach_of

SESSION_STARTED_KEY = "penata_session_started"
TWO_FACTOR_ROLES = ("admin", "org_analyst", "unit_head", "auditor")


def needs_two_factor(user: object) -> bool:
    """Privileged roles must sign in with a second factor when the setting requires it."""
    if not getattr(settings, "PENATA_REQUIRE_2FA", False):
        return False
    if not getattr(user, "is_authenticated", False):
        return False
    return reach_of(user).has(*TWO_FACTOR_ROLES)


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            now = int(time.time())
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - int(started) > settings.PENATA_SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, _("Sesi Anda telah berakhir. Silakan masuk kembali."))
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


class TwoFactorMiddleware:
    """Privileged users who have not passed the second factor may only reach the 2FA pages."""

    allowed_prefixes = ("/static/", "/i18n/", "/akun/keluar/", "/akun/2fa/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and not request.path.startswith(self.allowed_prefixes)
            and needs_two_factor(user)
            and not user.is_verified()
        ):
            if request.path.startswith("/api/"):
                body = {
                    "code": "two_factor_required",
                    "message": _("Verifikasi dua langkah diperlukan."),
                    "extra": {},
                }
                return JsonResponse(body, status=403)
            return redirect(f"{reverse('security:two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)
