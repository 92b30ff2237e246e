"""Sign-in page: Django's LoginView with Penata's template and, in demo mode, the demo logins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from penata.accounts.models import Role


def demo_logins() -> tuple[list[dict[str, str]], str]:
    """The demo accounts and their shared password for the login page (none outside demo mode)."""
    if not settings.DEMO_MODE:
        return [], ""
    try:
        from penata.org import demo
    except ImportError:  # the demo package is optional in a trimmed deployment
        return [], ""
    labels = dict(Role.choices)
    logins = [
        {"username": username, "role": str(labels.get(role, role))}
        for username, role in getattr(demo, "DEMO_LOGINS", ())
    ]
    return logins, getattr(demo, "DEMO_PASSWORD", "")


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."
        ),
        "inactive": _("Akun ini tidak aktif. Hubungi admin BKPSDM."),
    }


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["demo_logins"], context["demo_password"] = demo_logins()
        return context
