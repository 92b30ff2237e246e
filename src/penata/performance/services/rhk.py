"""Editing the results of a plan: RHK with their indicators, and the intervened RHK of the
pejabat penilai. Only the plan's employee edits, and only while it is a draft or returned."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from penata.core import audit
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import conflict, invalid, refused
from penata.performance.models import Indicator, Rhk, Skp
from penata.performance.services.common import acting_employee_id
from penata.performance.values import ASPECTS, RHK_KINDS

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


def require_owner(actor: Any, skp: Skp) -> None:
    if acting_employee_id(actor) != skp.employee_id:
        raise refused(E.SKP_NOT_OWNER, "Hanya pegawai pemilik SKP yang dapat mengubahnya.")


def require_editable(skp: Skp) -> None:
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
    require_owner(actor, skp)
    require_editable(skp)
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
    require_owner(actor, skp)
    require_editable(skp)
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
