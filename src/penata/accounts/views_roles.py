"""Role administration for `admin` (/akun/peran/): who holds which role where; grant and revoke.

Every grant and revocation goes through `role_grant_create`/`role_grant_revoke`, which check
the admin's own reach and record the audit event. Users and units are picked with htmx search
boxes that return radio buttons, so the pages work without any script of their own.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from penata.accounts import selectors, services
from penata.accounts.models import Role, User
from penata.core.errors import NotFound, PermissionDenied, ValidationFailed
from penata.core.web import paginate, staff_view
from penata.org import selectors as org_selectors

SEARCH_MIN_LENGTH = 2


def _require_admin(actor: Any) -> None:
    if not selectors.may_administer_roles(actor):
        raise PermissionDenied(_("Pengaturan peran hanya untuk Admin BKPSDM."))


class GrantForm(forms.Form):
    user = forms.IntegerField(label=gettext_lazy("Pengguna"), widget=forms.HiddenInput)
    role = forms.ChoiceField(label=gettext_lazy("Peran"), choices=Role.choices)
    unit = forms.IntegerField(label=gettext_lazy("Unit"), required=False)

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.target_user: User | None = None
        self.unit_obj: Any = None

    def clean_user(self) -> int:
        user_id: int = self.cleaned_data["user"]
        try:
            self.target_user = selectors.managed_user_get_for(self.actor, user_id)
        except NotFound as error:
            raise forms.ValidationError(_("Pilih pengguna dari hasil pencarian.")) from error
        return user_id

    def clean_unit(self) -> int | None:
        unit_id: int | None = self.cleaned_data.get("unit")
        if unit_id is None:
            return None
        try:
            self.unit_obj = selectors.grant_unit_get_for(self.actor, unit_id)
        except NotFound as error:
            raise forms.ValidationError(_("Pilih unit dari hasil pencarian.")) from error
        return unit_id


def _grant_from(request: HttpRequest, form: GrantForm) -> bool:
    """Run the service for a valid form; put its refusal on the form. True when granted."""
    assert form.target_user is not None
    unit = form.unit_obj
    instansi = unit.instansi if unit is not None else org_selectors.instansi_for(request.user)
    try:
        grant = services.role_grant_create(
            actor=request.user,  # type: ignore[arg-type]
            user=form.target_user,
            role=form.cleaned_data["role"],
            instansi=instansi,
            unit=unit,
        )
    except ValidationFailed as error:
        field = error.extra.get("field")
        form.add_error(field if field in form.fields else None, error.message)
        return False
    messages.success(
        request,
        _("Peran %(role)s diberikan kepada %(user)s.")
        % {"role": grant.get_role_display(), "user": form.target_user.get_username()},
    )
    return True


@staff_view
@require_GET
def role_list(request: HttpRequest) -> HttpResponse:
    """Users the admin manages with their grants; `?q=` searches, `?peran=` filters."""
    _require_admin(request.user)
    query = request.GET.get("q", "").strip()
    role = request.GET.get("peran", "")
    role = role if role in Role.values else ""
    page = paginate(request, selectors.managed_user_list(request.user, search=query, role=role))
    context = {
        "page": page,
        "query": query,
        "role": role,
        "role_choices": Role.choices,
        "is_filtered": bool(query or role),
    }
    return render(request, "accounts/roles.html", context)


@staff_view
@require_http_methods(["GET", "POST"])
def role_user(request: HttpRequest, pk: int) -> HttpResponse:
    """One user's grants, with the form to grant another role and buttons to revoke."""
    _require_admin(request.user)
    user = selectors.managed_user_get_for(request.user, pk)
    form = GrantForm(request.POST or None, actor=request.user, initial={"user": user.pk})
    if request.method == "POST" and form.is_valid() and _grant_from(request, form):
        return redirect("roles:user", pk=user.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "target": user,
        "grants": user.managed_grants,  # type: ignore[attr-defined]
        "form": form,
        "role_choices": Role.choices,
        "selected_unit": form.unit_obj,
    }
    return render(request, "accounts/roles_user.html", context, status=status)


@staff_view
@require_http_methods(["GET", "POST"])
def role_grant(request: HttpRequest) -> HttpResponse:
    """Grant a role: pick the user and (optionally) the unit with the search boxes."""
    _require_admin(request.user)
    form = GrantForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid() and _grant_from(request, form):
        assert form.target_user is not None
        return redirect("roles:user", pk=form.target_user.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "role_choices": Role.choices,
        "selected_user": form.target_user,
        "selected_unit": form.unit_obj,
    }
    return render(request, "accounts/roles_grant.html", context, status=status)


@staff_view
@require_POST
def role_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request.user)
    grant = selectors.role_grant_get_for(request.user, pk)
    user_id, label = grant.user_id, grant.get_role_display()
    try:
        services.role_grant_revoke(actor=request.user, grant=grant)  # type: ignore[arg-type]
    except ValidationFailed as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Peran %(role)s dicabut.") % {"role": label})
    return redirect("roles:user", pk=user_id)


@staff_view
@require_GET
def unit_search(request: HttpRequest) -> HttpResponse:
    """htmx fragment: units matching `?q=` as radio buttons named `unit`."""
    _require_admin(request.user)
    query = request.GET.get("q", "").strip()
    units = (
        list(selectors.grant_unit_choices(request.user, search=query))
        if len(query) >= SEARCH_MIN_LENGTH
        else []
    )
    context = {"units": units, "query": query, "min_length": SEARCH_MIN_LENGTH}
    return render(request, "accounts/roles_unit_options.html", context)


@staff_view
@require_GET
def user_search(request: HttpRequest) -> HttpResponse:
    """htmx fragment: users matching `?q=` as radio buttons named `user`."""
    _require_admin(request.user)
    query = request.GET.get("q", "").strip()
    users = (
        list(selectors.managed_user_list(request.user, search=query)[:20])
        if len(query) >= SEARCH_MIN_LENGTH
        else []
    )
    context = {"users": users, "query": query, "min_length": SEARCH_MIN_LENGTH}
    return render(request, "accounts/roles_user_options.html", context)
