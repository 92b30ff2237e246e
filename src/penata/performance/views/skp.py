"""SKP pages: my plan, one plan (for its employee, its pejabat penilai and those who
supervise), the RHK form, the approval actions, versions, subordinates and the cascade."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from penata.accounts.scope import reach_of
from penata.core.dating import today
from penata.core.errors import ApplicationError, NotFound
from penata.core.web import staff_view
from penata.people.models import Employee
from penata.people.selectors import employee_of
from penata.performance import forms
from penata.performance.errors import Refused
from penata.performance.models import Skp
from penata.performance.selectors import evaluation as evaluation_selectors
from penata.performance.selectors import skp as selectors
from penata.performance.services import cascade as cascade_services
from penata.performance.services import rhk as rhk_services
from penata.performance.services import skp as services
from penata.performance.values import ACTING_LABELS, BERAKHLAK
from penata.performance.views.common import action, error_context, tabs, year_of


def _me(request: HttpRequest) -> Employee | None:
    return employee_of(request.user)


@staff_view
def home(request: HttpRequest) -> HttpResponse:
    """My SKP of the year (or the button to open it)."""
    me = _me(request)
    year = year_of(request)
    skp = selectors.skp_of(me.pk, year) if me else None
    if skp is not None:
        return redirect("performance:skp_detail", pk=skp.pk)
    context = {
        **tabs(request, "skp", me.instansi_id if me else None),
        "me": me,
        "year": year,
        "years": [today().year - 1, today().year, today().year + 1],
    }
    return render(request, "performance/home.html", context)


@staff_view
@require_POST
def skp_create(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    if me is None:
        raise NotFound("pegawai")
    year = forms.parse_int(request.POST.get("year", ""), "year", "Tahun")
    try:
        skp = services.skp_create(actor=request.user, employee=me, year=year)
    except Refused:
        raise
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(reverse("performance:home") + f"?tahun={year}")
    return redirect("performance:skp_detail", pk=skp.pk)


def _skp_context(request: HttpRequest, skp: Skp) -> dict[str, Any]:
    me = reach_of(request.user).employee_id
    is_owner = me == skp.employee_id
    is_evaluator = me is not None and me == skp.evaluator_id and not is_owner
    return {
        **tabs(request, "skp" if is_owner else "bawahan", skp.instansi_id),
        "skp": skp,
        "rhks": selectors.rhk_list(skp),
        "expectations": selectors.expectation_rows(skp),
        "periods": evaluation_selectors.period_rows(skp, today()) if skp.has_been_approved else [],
        "is_owner": is_owner,
        "is_evaluator": is_evaluator,
        "can_edit": is_owner and skp.is_editable,
        "acting_labels": ACTING_LABELS,
        "berakhlak": BERAKHLAK.items(),
        "return_form": forms.ReturnForm(),
    }


@staff_view
def skp_detail(request: HttpRequest, pk: int) -> HttpResponse:
    skp = selectors.skp_get_for(request.user, pk)
    return render(request, "performance/skp_detail.html", _skp_context(request, skp))


def _rhk_page(
    request: HttpRequest, skp: Skp, rhk: Any, rows: list[dict[str, Any]], **extra: Any
) -> dict[str, Any]:
    return {
        **tabs(request, "skp", skp.instansi_id),
        "skp": skp,
        "rhk": rhk,
        "rows": rows,
        "parents": selectors.superior_rhks(skp),
        "aspects": forms.ASPECT_CHOICES,
        "kinds": forms.KIND_CHOICES,
        **extra,
    }


def _save_rhk(request: HttpRequest, skp: Skp, rhk: Any) -> HttpResponse:
    data = request.POST
    try:
        parent_id = forms.optional_id(data.get("parent"))
        parent = next((p for p in selectors.superior_rhks(skp) if p.pk == parent_id), None)
        if parent_id is not None and parent is None:
            raise ApplicationError(
                "rhk.parent_not_superior", _("RHK atasan yang dipilih tidak ada.")
            )
        rhk_services.rhk_save(
            actor=request.user,
            skp=skp,
            rhk=rhk,
            text=data.get("text", ""),
            kind=data.get("kind", "utama"),
            parent=parent,
            indicators=forms.indicator_rows(data),
        )
    except Refused:
        raise
    except ApplicationError as error:
        context = _rhk_page(
            request,
            skp,
            rhk,
            forms.indicator_rows_from_post(data),
            posted=data,
            **error_context(error),
        )
        return render(request, "performance/rhk_form.html", context, status=error.status_code)
    return redirect("performance:skp_detail", pk=skp.pk)


@staff_view
def rhk_add(request: HttpRequest, pk: int) -> HttpResponse:
    skp = selectors.skp_get_for(request.user, pk)
    if request.method == "POST":
        return _save_rhk(request, skp, None)
    context = _rhk_page(request, skp, None, forms.indicator_initial([]), posted={"kind": "utama"})
    return render(request, "performance/rhk_form.html", context)


@staff_view
def rhk_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rhk = selectors.rhk_get_for(request.user, pk)
    skp = selectors.skp_get_for(request.user, rhk.skp_id)
    if request.method == "POST":
        return _save_rhk(request, skp, rhk)
    posted = {"text": rhk.text, "kind": rhk.kind, "parent": rhk.parent_id}
    rows = forms.indicator_initial(rhk.indicators.order_by("sort_order", "id"))
    return render(
        request, "performance/rhk_form.html", _rhk_page(request, skp, rhk, rows, posted=posted)
    )


@staff_view
@require_POST
def rhk_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rhk = selectors.rhk_get_for(request.user, pk)
    url = reverse("performance:skp_detail", args=[rhk.skp_id])
    return action(
        request,
        lambda: rhk_services.rhk_delete(actor=request.user, rhk=rhk),
        _("RHK dihapus."),
        url,
    )


def _skp_action(request: HttpRequest, pk: int, work: Any, success: str) -> HttpResponse:
    skp = selectors.skp_get_for(request.user, pk)
    url = reverse("performance:skp_detail", args=[skp.pk])
    return action(request, lambda: work(skp), success, url)


@staff_view
@require_POST
def skp_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _skp_action(
        request,
        pk,
        lambda skp: services.skp_submit(actor=request.user, skp=skp),
        _("SKP diajukan kepada pejabat penilai."),
    )


@staff_view
@require_POST
def skp_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _skp_action(
        request,
        pk,
        lambda skp: services.skp_approve(actor=request.user, skp=skp),
        _("SKP disetujui."),
    )


@staff_view
@require_POST
def skp_return(request: HttpRequest, pk: int) -> HttpResponse:
    note = request.POST.get("note", "")
    return _skp_action(
        request,
        pk,
        lambda skp: services.skp_return(actor=request.user, skp=skp, note=note),
        _("SKP dikembalikan kepada pegawai dengan catatan."),
    )


@staff_view
@require_POST
def skp_revise(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _skp_action(
        request,
        pk,
        lambda skp: services.skp_revise(actor=request.user, skp=skp, reason=reason),
        _("SKP dibuka kembali untuk diubah; ajukan lagi setelah selesai."),
    )


@staff_view
def skp_versions(request: HttpRequest, pk: int) -> HttpResponse:
    skp = selectors.skp_get_for(request.user, pk)
    context = {
        **tabs(request, "skp", skp.instansi_id),
        "skp": skp,
        "versions": list(selectors.skp_versions(skp)),
        "berakhlak": dict(BERAKHLAK),
    }
    return render(request, "performance/skp_versions.html", context)


@staff_view
@require_POST
def expectation_add(request: HttpRequest, pk: int) -> HttpResponse:
    value, text = request.POST.get("value", ""), request.POST.get("text", "")
    return _skp_action(
        request,
        pk,
        lambda skp: services.expectation_add(actor=request.user, skp=skp, value=value, text=text),
        _("Ekspektasi khusus ditambahkan."),
    )


@staff_view
@require_POST
def expectation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.expectation_get_for(request.user, pk)
    url = reverse("performance:skp_detail", args=[found.skp_id])
    return action(
        request,
        lambda: services.expectation_delete(actor=request.user, expectation=found),
        _("Ekspektasi khusus dihapus."),
        url,
    )


@staff_view
def subordinates(request: HttpRequest) -> HttpResponse:
    """The people I evaluate: their plans to approve, evaluations to rate, and my RHK to
    cascade to them."""
    me = _me(request)
    year = year_of(request)
    people = selectors.evaluatee_list(request.user, year)
    my_skp = selectors.skp_of(me.pk, year) if me else None
    context = {
        **tabs(request, "bawahan", me.instansi_id if me else None),
        "year": year,
        "people": people,
        "my_skp": my_skp,
        "my_rhks": selectors.rhk_list(my_skp) if my_skp else [],
        "waiting": evaluation_selectors.waiting_evaluations(me.pk, year) if me else [],
        "to_approve": [p for p in people if p.skp and p.skp.status == Skp.Status.SUBMITTED],
        "acting_labels": ACTING_LABELS,
    }
    return render(request, "performance/subordinates.html", context)


@staff_view
def rhk_cascade(request: HttpRequest, pk: int) -> HttpResponse:
    """Turn one of my RHK into RHK of the subordinates I choose, in one go."""
    parent = selectors.rhk_get_for(request.user, pk)
    me = reach_of(request.user).employee_id
    if me is None or parent.skp.employee_id != me:
        raise NotFound("RHK")
    candidates = selectors.cascade_candidates(parent, me)
    context: dict[str, Any] = {
        **tabs(request, "bawahan", parent.skp.instansi_id),
        "parent": parent,
        "people": candidates,
        "aspects": forms.ASPECT_CHOICES,
        "kinds": forms.KIND_CHOICES,
        "rows": forms.indicator_initial(parent.indicators.order_by("sort_order", "id")),
        "posted": {"text": parent.text, "kind": "utama"},
        "chosen": set(),
    }
    if request.method == "POST":
        data = request.POST
        chosen = [int(v) for v in data.getlist("employees") if v.isdigit()]
        try:
            result = cascade_services.rhk_cascade(
                actor=request.user,
                parent=parent,
                employee_ids=chosen,
                text=data.get("text", ""),
                kind=data.get("kind", "utama"),
                indicators=forms.indicator_rows(data),
            )
        except Refused:
            raise
        except ApplicationError as error:
            context.update(
                rows=forms.indicator_rows_from_post(data),
                posted=data,
                chosen=set(chosen),
                **error_context(error),
            )
            return render(request, "performance/cascade.html", context, status=error.status_code)
        context.update(result=result, names={p.pk: p.full_name for p, _skp in candidates})
        return render(request, "performance/cascade_done.html", context)
    return render(request, "performance/cascade.html", context)
