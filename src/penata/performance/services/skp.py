"""SKP plan use cases: create, submit, approve, return, revise, and the leader's specific
behaviour expectations (editing the RHK themselves: services/rhk.py).

Only the employee edits and submits their plan; only the pejabat penilai approves or returns
it; a change after approval reopens the plan as a draft and its next approval writes a new
version (SkpVersion), so every approved state stays on record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from penata.core import audit
from penata.core.dating import today
from penata.org.models import Unit
from penata.people.models import Employee
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import conflict, invalid, refused
from penata.performance.models import BehaviourExpectation, Rhk, Skp, SkpVersion
from penata.performance.selectors.common import is_admin, settings_for
from penata.performance.selectors.evaluators import evaluator_map, own_posts
from penata.performance.services.common import (
    acting_employee_id,
    perangkat_daerah_id,
    refresh_evaluator,
    require_evaluator,
)
from penata.performance.services.rhk import require_editable, require_owner
from penata.performance.values import BERAKHLAK

SKP_FIELDS = ("status", "version", "evaluator", "return_note", "revision_reason")


def _clean(text: str) -> str:
    return " ".join("".join(ch for ch in text if ch >= " " or ch in "\n\t").split())


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def skp_new(employee: Employee, year: int, on: dt.date) -> Skp:
    """An unsaved SKP of `employee` for `year` on the post they hold on `on`; the caller
    saves it (alone, or in bulk for a cascade)."""
    post = own_posts([employee.pk], on).get(employee.pk)
    if post is None:
        raise conflict(
            E.SKP_NO_POSITION,
            f"{employee.full_name} tidak memegang jabatan pada {on:%d-%m-%Y}; SKP disusun "
            "untuk jabatan yang sedang dipegang.",
        )
    unit = Unit.objects.get(pk=post.unit_id)
    first, last = _year_bounds(year)
    evaluator = evaluator_map(employee.instansi_id, [employee.pk], on).get(employee.pk)
    return Skp(
        instansi_id=employee.instansi_id,
        employee=employee,
        year=year,
        position_id=post.position_id,
        unit=unit,
        perangkat_daerah_id=perangkat_daerah_id(unit),
        start=max(first, min(post.start, last)),
        end=last,
        frequency=settings_for(employee.instansi_id).frequency,
        evaluator_id=evaluator.employee_id if evaluator else None,
        evaluator_position_id=evaluator.position_id if evaluator else None,
        evaluator_acting=evaluator.acting if evaluator else "",
        evaluator_is_fallback=evaluator.is_fallback if evaluator else False,
    )


@transaction.atomic
def skp_create(*, actor: Any, employee: Employee, year: int) -> Skp:
    """Open the employee's SKP for `year` as a draft on the post they hold now.

    The employee opens their own; BKPSDM admin may open one for anybody of the instansi.
    Refuses a second SKP for the same year and an employee without a post.
    """
    if acting_employee_id(actor) != employee.pk and not is_admin(actor, employee.instansi_id):
        raise refused(E.SKP_NOT_OWNER, "SKP hanya dapat dibuat oleh pegawai yang bersangkutan.")
    on = today()
    if not on.year - 1 <= year <= on.year + 1:
        raise invalid(E.SKP_YEAR, f"Tahun SKP harus {on.year - 1}–{on.year + 1}.", "year")
    if Skp.objects.filter(instansi_id=employee.instansi_id, employee=employee, year=year).exists():
        raise conflict(E.SKP_EXISTS, f"SKP tahun {year} untuk pegawai ini sudah ada.")
    if year == on.year:
        day = on
    else:
        day = _year_bounds(year)[0] if year > on.year else _year_bounds(year)[1]
    skp = skp_new(employee, year, day)
    skp.save()
    audit.record(actor=actor, action="skp.create", obj=skp, after=audit.snapshot(skp, SKP_FIELDS))
    return skp


@transaction.atomic
def skp_submit(*, actor: Any, skp: Skp) -> Skp:
    """Send the draft (or returned) plan to the pejabat penilai for approval."""
    skp = Skp.objects.select_for_update().get(pk=skp.pk)
    require_owner(actor, skp)
    require_editable(skp)
    if not Rhk.objects.filter(skp=skp, kind="utama").exists():
        raise conflict(E.SKP_NO_MAIN_RHK, "SKP perlu paling sedikit satu RHK utama.")
    if refresh_evaluator(skp, today()) is None:
        raise conflict(
            E.SKP_NO_EVALUATOR,
            "Pejabat penilai tidak ditemukan pada garis pelaporan jabatan Anda (jabatan "
            "puncak dinilai kepala daerah di luar Penata). Hubungi admin BKPSDM.",
        )
    before = audit.snapshot(skp, SKP_FIELDS)
    skp.status = Skp.Status.SUBMITTED
    skp.submitted_at = timezone.now()
    skp.save(update_fields=["status", "submitted_at", "updated_at"])
    audit.record(
        actor=actor,
        action="skp.submit",
        obj=skp,
        before=before,
        after=audit.snapshot(skp, SKP_FIELDS),
    )
    return skp


def skp_snapshot(skp: Skp) -> dict[str, Any]:
    """The plan as JSON: what an SkpVersion keeps."""
    rhks = Rhk.objects.filter(skp=skp).select_related("parent").prefetch_related("indicators")
    return {
        "year": skp.year,
        "position": str(skp.position),
        "unit": str(skp.unit),
        "evaluator": str(skp.evaluator) if skp.evaluator_id else "",
        "rhk": [
            {
                "id": r.pk,
                "kind": r.kind,
                "text": r.text,
                "parent": {"id": r.parent_id, "text": r.parent.text} if r.parent else None,
                "indicators": [
                    {"aspect": i.aspect, "text": i.text, "target": str(i.target), "unit": i.unit}
                    for i in r.indicators.all()
                ],
            }
            for r in rhks
        ],
        "expectations": [
            {"value": e.value, "text": e.text}
            for e in BehaviourExpectation.objects.filter(skp=skp).order_by("value", "id")
        ],
    }


@transaction.atomic
def skp_approve(*, actor: Any, skp: Skp) -> Skp:
    """Approve a submitted plan (pejabat penilai only) and write its next version."""
    skp = (
        Skp.objects.select_for_update(of=("self",))
        .select_related("position", "unit", "evaluator")
        .get(pk=skp.pk)
    )
    if skp.status != Skp.Status.SUBMITTED:
        raise conflict(E.SKP_NOT_SUBMITTED, "Hanya SKP yang sedang diajukan yang dapat disetujui.")
    require_evaluator(actor, skp, today(), code=E.SKP_NOT_EVALUATOR, self_code=E.SKP_SELF_APPROVAL)
    before = audit.snapshot(skp, SKP_FIELDS)
    now = timezone.now()
    skp.version += 1
    SkpVersion.objects.create(
        instansi_id=skp.instansi_id,
        skp=skp,
        number=skp.version,
        snapshot=skp_snapshot(skp),
        reason=skp.revision_reason,
        approved_by=actor if getattr(actor, "pk", None) else None,
    )
    skp.status = Skp.Status.APPROVED
    skp.approved_at = now
    skp.approved_by = actor if getattr(actor, "pk", None) else None
    skp.return_note = ""
    skp.revision_reason = ""
    skp.save()
    audit.record(
        actor=actor,
        action="skp.approve",
        obj=skp,
        before=before,
        after=audit.snapshot(skp, SKP_FIELDS),
    )
    return skp


@transaction.atomic
def skp_return(*, actor: Any, skp: Skp, note: str) -> Skp:
    """Send a submitted plan back to the employee with what to change (pejabat penilai only)."""
    skp = Skp.objects.select_for_update().get(pk=skp.pk)
    if skp.status != Skp.Status.SUBMITTED:
        raise conflict(
            E.SKP_NOT_SUBMITTED, "Hanya SKP yang sedang diajukan yang dapat dikembalikan."
        )
    require_evaluator(actor, skp, today(), code=E.SKP_NOT_EVALUATOR, self_code=E.SKP_SELF_APPROVAL)
    cleaned = _clean(note)
    if len(cleaned) < 5:
        raise invalid(
            E.SKP_NOTE_REQUIRED,
            "Tuliskan apa yang perlu diperbaiki (paling sedikit 5 karakter).",
            "note",
        )
    before = audit.snapshot(skp, SKP_FIELDS)
    skp.status = Skp.Status.RETURNED
    skp.return_note = cleaned[:2000]
    skp.save(update_fields=["status", "return_note", "updated_at"])
    audit.record(
        actor=actor,
        action="skp.return",
        obj=skp,
        before=before,
        after=audit.snapshot(skp, SKP_FIELDS),
    )
    return skp


@transaction.atomic
def skp_revise(*, actor: Any, skp: Skp, reason: str) -> Skp:
    """Reopen an approved plan for changes; the approved version stays on record and the
    next approval writes a new one. Evaluations go on against the plan in force."""
    skp = Skp.objects.select_for_update().get(pk=skp.pk)
    require_owner(actor, skp)
    if skp.status != Skp.Status.APPROVED:
        raise conflict(
            E.SKP_NOT_APPROVED, "Hanya SKP yang sudah disetujui yang dapat diubah lewat revisi."
        )
    cleaned = _clean(reason)
    if len(cleaned) < 5:
        raise invalid(
            E.SKP_NOTE_REQUIRED,
            "Tuliskan alasan perubahan SKP (paling sedikit 5 karakter).",
            "reason",
        )
    before = audit.snapshot(skp, SKP_FIELDS)
    skp.status = Skp.Status.DRAFT
    skp.revision_reason = cleaned[:500]
    skp.save(update_fields=["status", "revision_reason", "updated_at"])
    audit.record(
        actor=actor,
        action="skp.revise",
        obj=skp,
        before=before,
        after=audit.snapshot(skp, SKP_FIELDS),
    )
    return skp


@transaction.atomic
def expectation_add(*, actor: Any, skp: Skp, value: str, text: str) -> BehaviourExpectation:
    """The leader (pejabat penilai) adds a specific expectation to one BerAKHLAK value."""
    require_evaluator(actor, skp, today(), code=E.SKP_NOT_EVALUATOR, self_code=E.SKP_SELF_APPROVAL)
    if value not in BERAKHLAK:
        raise invalid(E.BEHAVIOUR_VALUE, "Nilai BerAKHLAK tidak dikenal.", "value")
    cleaned = _clean(text)
    if not 5 <= len(cleaned) <= 500:
        raise invalid(E.BEHAVIOUR_TEXT, "Ekspektasi khusus harus 5–500 karakter.", "text")
    found = BehaviourExpectation.objects.create(
        instansi_id=skp.instansi_id,
        skp=skp,
        value=value,
        text=cleaned,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor=actor,
        action="skp.expectation_add",
        obj=found,
        after={"value": value, "text": cleaned},
    )
    return found


@transaction.atomic
def expectation_delete(*, actor: Any, expectation: BehaviourExpectation) -> None:
    """The leader removes one of the specific expectations they wrote."""
    skp = expectation.skp
    require_evaluator(actor, skp, today(), code=E.SKP_NOT_EVALUATOR, self_code=E.SKP_SELF_APPROVAL)
    before = {"value": expectation.value, "text": expectation.text}
    pk = expectation.pk
    expectation.delete()
    audit.record(
        actor=actor,
        action="skp.expectation_delete",
        object_type="performance.behaviourexpectation",
        object_id=pk,
        instansi_id=skp.instansi_id,
        before=before,
    )
