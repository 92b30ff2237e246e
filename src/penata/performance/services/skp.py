"""SKP plan use cases: create, edit results and indicators, submit, approve, return, revise,
and the leader's specific behaviour expectations.

Only the employee edits and submits their plan; only the pejabat penilai approves or returns
it; a change after approval reopens the plan as a draft and its next approval writes a new
version (SkpVersion), so every approved state stays on record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from penata.core import audit
from penata.core.dating import today
from penata.org.models import Unit
from penata.people.models import Employee
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import conflict, invalid, refused
from penata.performance.models import BehaviourExpectation, Indicator, Rhk, Skp, SkpVersion
from penata.performance.selectors.common import is_admin, settings_for
from penata.performance.selectors.evaluators import evaluator_map, own_posts
from penata.performance.services.common import (
    acting_employee_id,
    perangkat_daerah_id,
    refresh_evaluator,
    require_evaluator,
)
from penata.performance.values import ASPECTS, BERAKHLAK, RHK_KINDS

SKP_FIELDS = ("status", "version", "evaluator", "return_note", "revision_reason")
TEXT_MAX = 1000
INDICATOR_TEXT_MAX = 500
TARGET_MAX = Decimal("9999999999.99")


@dataclass(frozen=True)
class IndicatorInput:
    """One indicator as entered: `id` names an existing indicator to keep and update."""

    aspect: str
    text: str
    target: Decimal
    unit: str
    id: int | None = None


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


def _require_owner(actor: Any, skp: Skp) -> None:
    if acting_employee_id(actor) != skp.employee_id:
        raise refused(E.SKP_NOT_OWNER, "Hanya pegawai pemilik SKP yang dapat mengubahnya.")


def _require_editable(skp: Skp) -> None:
    if not skp.is_editable:
        raise conflict(
            E.SKP_NOT_EDITABLE,
            "SKP yang sedang diajukan atau sudah disetujui tidak dapat diubah; ajukan "
            "perubahan SKP terlebih dahulu.",
        )


def clean_indicators(indicators: Sequence[IndicatorInput]) -> list[IndicatorInput]:
    """Validate indicators as entered (the same rules for a plan and for a cascade)."""
    if not indicators:
        raise invalid(
            E.RHK_NO_INDICATORS, "Setiap RHK perlu paling sedikit satu indikator.", "indicators"
        )
    cleaned: list[IndicatorInput] = []
    for n, item in enumerate(indicators, start=1):
        if item.aspect not in ASPECTS:
            raise invalid(
                E.INDICATOR_ASPECT,
                f"Aspek indikator ke-{n} tidak dikenal.",
                f"indicators.{n}.aspect",
            )
        text = _clean(item.text)
        if not 3 <= len(text) <= INDICATOR_TEXT_MAX:
            raise invalid(
                E.INDICATOR_TEXT,
                f"Uraian indikator ke-{n} harus 3–{INDICATOR_TEXT_MAX} karakter.",
                f"indicators.{n}.text",
            )
        if not Decimal(0) < item.target <= TARGET_MAX:
            raise invalid(
                E.INDICATOR_TARGET,
                f"Target indikator ke-{n} harus lebih dari 0.",
                f"indicators.{n}.target",
            )
        unit = _clean(item.unit)
        if not 1 <= len(unit) <= 40:
            raise invalid(
                E.INDICATOR_UNIT,
                f"Satuan target indikator ke-{n} wajib diisi (paling panjang 40).",
                f"indicators.{n}.unit",
            )
        cleaned.append(
            IndicatorInput(item.aspect, text, item.target.quantize(Decimal("0.01")), unit, item.id)
        )
    return cleaned


def clean_rhk_text(text: str, kind: str) -> str:
    cleaned = _clean(text)
    if not 5 <= len(cleaned) <= TEXT_MAX:
        raise invalid(E.RHK_TEXT, f"Rencana hasil kerja harus 5–{TEXT_MAX} karakter.", "text")
    if kind not in RHK_KINDS:
        raise invalid(E.RHK_KIND, "Jenis RHK harus utama atau tambahan.", "kind")
    return cleaned


def _check_parent(skp: Skp, parent: Rhk | None) -> None:
    """An intervened RHK belongs to the SKP of the same year of this SKP's pejabat penilai."""
    if parent is None:
        return
    parent_skp = parent.skp
    if (
        parent_skp.year != skp.year
        or parent_skp.instansi_id != skp.instansi_id
        or skp.evaluator_id is None
        or parent_skp.employee_id != skp.evaluator_id
    ):
        raise invalid(
            E.RHK_PARENT,
            "RHK yang diintervensi harus RHK atasan (pejabat penilai) pada tahun yang sama.",
            "parent",
        )


def _rhk_snapshot(rhk: Rhk) -> dict[str, Any]:
    return {
        "text": rhk.text,
        "kind": rhk.kind,
        "parent": rhk.parent_id,
        "indicators": [
            f"{i.aspect}: {i.text} = {i.target} {i.unit}"
            for i in Indicator.objects.filter(rhk=rhk).order_by("sort_order", "id")
        ],
    }


@transaction.atomic
def rhk_save(
    *,
    actor: Any,
    skp: Skp,
    text: str,
    kind: str,
    indicators: Sequence[IndicatorInput],
    parent: Rhk | None = None,
    rhk: Rhk | None = None,
) -> Rhk:
    """Add an RHK with its indicators to a draft SKP, or update one (`rhk`).

    Indicators named by `id` are updated, others created; indicators left out are deleted
    unless a realisation was recorded for them (then the change is refused).
    """
    skp = Skp.objects.select_for_update().get(pk=skp.pk)
    _require_owner(actor, skp)
    _require_editable(skp)
    cleaned_text = clean_rhk_text(text, kind)
    items = clean_indicators(indicators)
    _check_parent(skp, parent)
    before: dict[str, Any] = {}
    if rhk is None:
        last = Rhk.objects.filter(skp=skp).aggregate(n=Max("sort_order"))["n"] or 0
        rhk = Rhk.objects.create(
            instansi_id=skp.instansi_id,
            skp=skp,
            parent=parent,
            kind=kind,
            text=cleaned_text,
            sort_order=last + 1,
        )
        existing: dict[int, Indicator] = {}
    else:
        if rhk.skp_id != skp.pk:
            raise invalid(E.RHK_TEXT, "RHK ini bukan bagian dari SKP tersebut.", "rhk")
        before = _rhk_snapshot(rhk)
        rhk.text, rhk.kind, rhk.parent = cleaned_text, kind, parent
        rhk.save(update_fields=["text", "kind", "parent"])
        existing = {i.pk: i for i in Indicator.objects.filter(rhk=rhk)}
    kept: set[int] = set()
    for order, item in enumerate(items, start=1):
        found = existing.get(item.id) if item.id is not None else None
        if found is not None:
            kept.add(found.pk)
            found.aspect, found.text, found.target = item.aspect, item.text, item.target
            found.unit, found.sort_order = item.unit, order
            found.save(update_fields=["aspect", "text", "target", "unit", "sort_order"])
        else:
            Indicator.objects.create(
                instansi_id=skp.instansi_id,
                rhk=rhk,
                aspect=item.aspect,
                text=item.text,
                target=item.target,
                unit=item.unit,
                sort_order=order,
            )
    dropped = [i for pk, i in existing.items() if pk not in kept]
    if any(i.realisations.exists() for i in dropped):
        raise conflict(
            E.INDICATOR_HAS_RESULTS,
            "Indikator yang sudah memiliki realisasi tidak dapat dihapus.",
        )
    Indicator.objects.filter(pk__in=[i.pk for i in dropped]).delete()
    audit.record(
        actor=actor,
        action="skp.rhk_update" if before else "skp.rhk_add",
        obj=rhk,
        before=before,
        after=_rhk_snapshot(rhk),
        extra={"skp": skp.pk},
    )
    return rhk


@transaction.atomic
def rhk_delete(*, actor: Any, rhk: Rhk) -> None:
    """Remove an RHK from a draft SKP; refused when subordinates' RHK intervene it or when
    realisations or ratings refer to it."""
    skp = Skp.objects.select_for_update().get(pk=rhk.skp_id)
    _require_owner(actor, skp)
    _require_editable(skp)
    if Rhk.objects.filter(parent=rhk).exists():
        raise conflict(
            E.RHK_HAS_CHILDREN,
            "RHK ini sudah diturunkan ke bawahan; hapus dulu RHK bawahan yang mengintervensinya.",
        )
    if (
        rhk.ratings.exists()
        or Indicator.objects.filter(rhk=rhk, realisations__isnull=False).exists()
    ):
        raise conflict(E.RHK_HAS_RESULTS, "RHK yang sudah dievaluasi tidak dapat dihapus.")
    before = _rhk_snapshot(rhk)
    pk = rhk.pk
    rhk.delete()
    audit.record(
        actor=actor,
        action="skp.rhk_delete",
        object_type="performance.rhk",
        object_id=pk,
        instansi_id=skp.instansi_id,
        before=before,
        extra={"skp": skp.pk},
    )


@transaction.atomic
def skp_submit(*, actor: Any, skp: Skp) -> Skp:
    """Send the draft (or returned) plan to the pejabat penilai for approval."""
    skp = Skp.objects.select_for_update().get(pk=skp.pk)
    _require_owner(actor, skp)
    _require_editable(skp)
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
    _require_owner(actor, skp)
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
