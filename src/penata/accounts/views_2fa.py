"""Two-factor sign-in (TOTP): set up an authenticator app once, then enter its code."""

from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from penata.accounts.models import User
from penata.core import audit


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/beranda/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/beranda/"


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up (first time) or verify the TOTP code of the signed-in user."""
    user = request.user
    assert isinstance(user, User)  # login_required
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name="Aplikasi autentikator", confirmed=False
            )
    assert device is not None
    error = ""
    if request.method == "POST":
        token = "".join(ch for ch in request.POST.get("token", "") if ch.isdigit())
        if len(token) != 6:
            error = _("Kode harus 6 digit angka dari aplikasi autentikator Anda.")
        elif device.verify_token(token):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                audit.record(actor=user, action="account.2fa_enabled", obj=user)
            otp_login(request, device)
            messages.success(request, _("Verifikasi dua langkah berhasil."))
            return redirect(_next_url(request))
        else:
            error = _("Kode tidak cocok atau sudah kedaluwarsa. Coba kode terbaru.")
    context = {
        "setting_up": setting_up,
        "error": error,
        "next": _next_url(request),
    }
    if setting_up:
        context["qr_svg"] = _qr_svg(device.config_url)
        context["secret"] = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return render(request, "accounts/two_factor.html", context)
