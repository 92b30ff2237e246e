"""Pages where an admin creates, lists and revokes API tokens (/akun/token/).

The secret is shown exactly once, on the page that answers the create request, which is
marked `no-store` so that no browser or proxy cache keeps it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.core.validators import MaxValueValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from penata.accounts import selectors, services
from penata.accounts.models import API_TOKEN_DEFAULT_DAYS, Role, User
from penata.accounts.scope import reach_of
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.web import paginate, staff_view


class TokenCreateForm(forms.Form):
    user = forms.ModelChoiceField(
        label=gettext_lazy("Pengguna"),
        queryset=User.objects.none(),
        help_text=gettext_lazy("Token bertindak dengan hak akses pengguna ini."),
    )
    name = forms.CharField(
        label=gettext_lazy("Nama token"),
        max_length=services.NAME_MAX_LENGTH,
        help_text=gettext_lazy("Untuk apa token dipakai, mis. Integrasi SIASN."),
    )
    days = forms.IntegerField(
        label=gettext_lazy("Masa berlaku (hari)"),
        min_value=1,
        initial=API_TOKEN_DEFAULT_DAYS,
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = selectors.token_user_choices(actor)
        days = self.fields["days"]
        assert isinstance(days, forms.IntegerField)
        # The ceiling is a setting, read per form rather than frozen at import time.
        days.max_value = services.api_token_max_days()
        days.validators.append(MaxValueValidator(days.max_value))
        days.widget.attrs["max"] = str(days.max_value)


def _require_admin(user: Any) -> None:
    if not reach_of(user).has(Role.ADMIN):
        raise PermissionDenied(_("Halaman token API hanya untuk admin BKPSDM."))


def _list_page(request: HttpRequest, form: TokenCreateForm, status: int = 200) -> HttpResponse:
    page = paginate(request, selectors.api_token_list(request.user))
    context = {"page": page, "form": form, "now": timezone.now()}
    return render(request, "accounts/token_list.html", context, status=status)


@staff_view
def token_list(request: HttpRequest) -> HttpResponse:
    _require_admin(request.user)
    assert isinstance(request.user, User)
    return _list_page(request, TokenCreateForm(actor=request.user))


@never_cache
@require_POST
@staff_view
def token_create(request: HttpRequest) -> HttpResponse:
    _require_admin(request.user)
    assert isinstance(request.user, User)
    form = TokenCreateForm(request.POST, actor=request.user)
    if not form.is_valid():
        return _list_page(request, form, status=400)
    expires_at = timezone.now() + dt.timedelta(days=form.cleaned_data["days"])
    try:
        token, secret = services.api_token_create(
            actor=request.user,
            user=form.cleaned_data["user"],
            name=form.cleaned_data["name"],
            expires_at=expires_at,
        )
    except ValidationFailed as error:
        form.add_error(None, error.message)
        return _list_page(request, form, status=400)
    return render(request, "accounts/token_created.html", {"token": token, "secret": secret})


@require_POST
@staff_view
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request.user)
    token = selectors.api_token_get_for(request.user, pk)
    try:
        services.api_token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
    except ValidationFailed as error:
        messages.warning(request, error.message)
    else:
        messages.success(
            request,
            _("Token %(prefix)s… (%(name)s) dicabut; permintaan dengan token ini kini ditolak.")
            % {"prefix": token.prefix, "name": token.name},
        )
    return redirect("accounts:token_list")
