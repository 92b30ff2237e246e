"""Evaluation use cases: the employee records realisation (with evidence) and submits; the
pejabat penilai rates each RHK and the perilaku kerja, and the predikat follows the matrix.

Periodic evaluations follow the SKP's frequency (monthly by default); the annual evaluation
(number 0) closes the year, gives the unit head the hasil kerja rating of the organisation
(rules.head_hasil_kerja_rating) and JF officials their angka kredit (rules.angka_kredit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast
from urllib.parse import urlsplit

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from penata.core import audit
from penata.core.dating import today
from penata.performance import rules, schedule
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import conflict, invalid, refused
from penata.performance.models import (
    ANNUAL_NUMBER,
    Evaluation,
    Indicator,
    OrgPredikat,
    Realisation,
    Rhk,
    RhkRating,
    Skp,
)
from penata.performance.selectors.common import settings_for
from penata.performance.services.common import acting_employee_id, require_evaluator

VALUE_MAX = Decimal("9999999999.99")
NOTE_MAX = 2000
FEEDBACK_MAX = 2000
EVIDENCE_SIGNATURES: Mapping[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    # Office files are zip containers.
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
}
EVALUATION_FIELDS = ("status", "hasil_kerja_rating", "perilaku_rating", "predikat", "angka_kredit")


@dataclass(frozen=True)
class RealisationInput:
    indicator_id: int
    value: Decimal
    note: str = ""
    evidence_link: str = ""
    evidence_file: UploadedFile[Any] | None = None


@dataclass(frozen=True)
class Period:
    kind: str
    number: int
    label: str
    start: dt.date
    end: dt.date


def skp_period(skp: Skp, kind: str, number: int) -> Period:
    """Period `number` of the SKP (kind periodic), or its year (kind annual, number 0)."""
    if kind == Evaluation.Kind.ANNUAL and number == ANNUAL_NUMBER:
        return Period(kind, number, f"Tahunan {skp.year}", skp.start, skp.end)
    if kind == Evaluation.Kind.PERIODIC:
        found = schedule.period_number(skp.year, skp.frequency, number)
        if found is not None and found.end >= skp.start and found.start <= skp.end:
            return Period(kind, number, found.label, max(found.start, skp.start), found.end)
    raise invalid(E.EVALUATION_PERIOD, "Periode evaluasi tidak ada dalam SKP ini.", "period")


def _evaluation_locked(skp: Skp, period: Period) -> Evaluation:
    """The evaluation of the period, created on first write; locked for this transaction."""
    found = (
        Evaluation.objects.select_for_update()
        .filter(skp=skp, kind=period.kind, number=period.number)
        .first()
    )
    if found is not None:
        return found
    return Evaluation.objects.create(
        instansi_id=skp.instansi_id,
        skp=skp,
        employee_id=skp.employee_id,
        perangkat_daerah_id=skp.perangkat_daerah_id,
        kind=period.kind,
        number=period.number,
        label=period.label,
        start=period.start,
        end=period.end,
    )


def _clean(text: str) -> str:
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t").strip()


def _check_link(link: str, n: int) -> str:
    link = link.strip()
    if not link:
        return ""
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(link) > 500:
        raise invalid(
            E.EVIDENCE_LINK,
            f"Tautan bukti dukung indikator ke-{n} harus alamat http(s) yang lengkap.",
            f"realisations.{n}.evidence_link",
        )
    return link


def _check_file(upload: UploadedFile[Any], n: int, max_bytes: int) -> None:
    name = (upload.name or "").lower()
    suffix = next((s for s in EVIDENCE_SIGNATURES if name.endswith(s)), None)
    field = f"realisations.{n}.evidence_file"
    if suffix is None:
        raise invalid(E.EVIDENCE_TYPE, "Bukti dukung harus PDF, JPG, PNG, DOCX atau XLSX.", field)
    if upload.size is None or upload.size > max_bytes:
        raise invalid(
            E.EVIDENCE_TOO_LARGE,
            f"Berkas bukti dukung paling besar {max_bytes // 1024} KB.",
            field,
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in EVIDENCE_SIGNATURES[suffix]):
        raise invalid(E.EVIDENCE_CONTENT, "Isi berkas tidak sesuai dengan jenis berkasnya.", field)


def realisation_share(indicators: Sequence[Indicator]) -> Decimal | None:
    """Average of realised/target (capped at 1) over the kuantitas indicators (or over all
    when there is none): the SKP's progress shown on dashboards."""
    chosen = [i for i in indicators if i.aspect == "kuantitas"] or list(indicators)
    if not chosen:
        return None
    total = sum(
        (min(Fraction(i.realised or 0) / Fraction(i.target), Fraction(1)) for i in chosen),
        Fraction(0),
    )
    share = total / len(chosen)
    return Decimal(share.numerator) / Decimal(share.denominator)


@transaction.atomic
def realisation_save(
    *,
    actor: Any,
    skp: Skp,
    kind: str,
    number: int,
    entries: Sequence[RealisationInput],
) -> Evaluation:
    """Record the employee's realisation of indicators for one evaluation period.

    Values are cumulative (what has been reached by the end of the period). Only the SKP's
    employee writes, once the plan has been approved, from the start of the period until
    the pejabat penilai rates it. A file replaces the indicator's previous file.
    """
    skp = Skp.objects.select_for_update().get(pk=skp.pk)
    if acting_employee_id(actor) != skp.employee_id:
        raise refused(E.SKP_NOT_OWNER, "Realisasi hanya diisi oleh pegawai pemilik SKP.")
    if not skp.has_been_approved:
        raise conflict(E.SKP_NOT_APPROVED, "Realisasi diisi setelah SKP disetujui.")
    period = skp_period(skp, kind, number)
    if period.start > today():
        raise invalid(E.EVALUATION_PERIOD, "Periode evaluasi ini belum dimulai.", "period")
    evaluation = _evaluation_locked(skp, period)
    if evaluation.status not in (Evaluation.Status.OPEN, Evaluation.Status.SUBMITTED):
        raise conflict(E.EVALUATION_NOT_OPEN, "Evaluasi yang sudah dinilai tidak dapat diubah.")
    indicators = {i.pk: i for i in Indicator.objects.filter(rhk__skp=skp)}
    max_bytes = settings_for(skp.instansi_id).evidence_max_bytes
    existing = {r.indicator_id: r for r in Realisation.objects.filter(evaluation=evaluation)}
    changed: dict[str, str] = {}
    for n, entry in enumerate(entries, start=1):
        indicator = indicators.get(entry.indicator_id)
        if indicator is None:
            raise invalid(
                E.REALISATION_VALUE,
                f"Indikator ke-{n} bukan bagian dari SKP ini.",
                f"realisations.{n}.indicator",
            )
        if not Decimal(0) <= entry.value <= VALUE_MAX:
            raise invalid(
                E.REALISATION_VALUE,
                f"Realisasi indikator ke-{n} harus angka 0 atau lebih.",
                f"realisations.{n}.value",
            )
        link = _check_link(entry.evidence_link, n)
        if entry.evidence_file is not None:
            _check_file(entry.evidence_file, n, max_bytes)
        row = existing.get(indicator.pk) or Realisation(
            instansi_id=skp.instansi_id,
            evaluation=evaluation,
            indicator=indicator,
            employee_id=skp.employee_id,
        )
        row.value = entry.value.quantize(Decimal("0.01"))
        row.note = _clean(entry.note)[:NOTE_MAX]
        row.evidence_link = link
        if entry.evidence_file is not None:
            if row.evidence_file:
                row.evidence_file.delete(save=False)
            row.evidence_name = (entry.evidence_file.name or "")[:255]
            row.evidence_file.save(
                entry.evidence_file.name or "bukti", entry.evidence_file, save=False
            )
        row.updated_by = actor if getattr(actor, "pk", None) else None
        row.save()
        changed[str(indicator.pk)] = str(row.value)
        if indicator.realised_on is None or evaluation.end >= indicator.realised_on:
            indicator.realised, indicator.realised_on = row.value, evaluation.end
            indicator.save(update_fields=["realised", "realised_on"])
    skp.realisation_share = realisation_share(list(indicators.values()))
    skp.save(update_fields=["realisation_share", "updated_at"])
    audit.record(
        actor=actor,
        action="evaluation.realisation",
        obj=evaluation,
        after=changed,
        extra={"period": evaluation.label},
    )
    return evaluation


@transaction.atomic
def evaluation_submit(*, actor: Any, skp: Skp, kind: str, number: int) -> Evaluation:
    """The employee sends the period's realisation to the pejabat penilai for rating."""
    skp = Skp.objects.select_for_update().get(pk=skp.pk)
    if acting_employee_id(actor) != skp.employee_id:
        raise refused(E.SKP_NOT_OWNER, "Evaluasi hanya diajukan oleh pegawai pemilik SKP.")
    period = skp_period(skp, kind, number)
    evaluation = (
        Evaluation.objects.select_for_update()
        .filter(skp=skp, kind=period.kind, number=period.number)
        .first()
    )
    if evaluation is None or evaluation.status != Evaluation.Status.OPEN:
        raise conflict(E.EVALUATION_NOT_OPEN, "Evaluasi ini tidak sedang diisi.")
    missing = Indicator.objects.filter(rhk__skp=skp).exclude(realisations__evaluation=evaluation)
    if missing.exists():
        raise conflict(
            E.EVALUATION_INCOMPLETE,
            "Isi realisasi semua indikator sebelum mengajukan evaluasi.",
            indicators=sorted(missing.values_list("pk", flat=True)),
        )
    evaluation.status = Evaluation.Status.SUBMITTED
    evaluation.submitted_at = timezone.now()
    evaluation.save(update_fields=["status", "submitted_at"])
    audit.record(
        actor=actor, action="evaluation.submit", obj=evaluation, after={"status": "submitted"}
    )
    return evaluation


def head_org_predikat(skp: Skp) -> OrgPredikat | None:
    """The organisational predikat that sets a unit head's hasil kerja (annual), if any."""
    if not skp.position.is_unit_head:
        return None
    return OrgPredikat.objects.filter(
        instansi_id=skp.instansi_id, unit_id=skp.position.unit_id, year=skp.year
    ).first()


def refresh_skp_predikat(skp: Skp) -> None:
    """Keep the SKP's latest predikat: the annual one once rated, else the latest periodic."""
    rated = (
        Evaluation.objects.filter(
            skp=skp, status__in=[Evaluation.Status.RATED, Evaluation.Status.FINAL]
        )
        .order_by("-kind", "-number")  # "periodic" > "annual": annual last …
        .values_list("kind", "number", "predikat", "label", "status")
    )
    rows = list(rated)
    annual = [r for r in rows if r[0] == Evaluation.Kind.ANNUAL]
    chosen = annual[0] if annual else (rows[0] if rows else None)  # … so pick it explicitly
    skp.predikat = chosen[2] if chosen else ""
    skp.predikat_label = chosen[3] if chosen else ""
    skp.predikat_is_final = bool(
        chosen and chosen[0] == Evaluation.Kind.ANNUAL and chosen[4] == Evaluation.Status.FINAL
    )
    skp.save(update_fields=["predikat", "predikat_label", "predikat_is_final", "updated_at"])


@transaction.atomic
def evaluation_rate(
    *,
    actor: Any,
    evaluation: Evaluation,
    rhk_ratings: Mapping[int, tuple[str, str]],
    perilaku_rating: str,
    feedback: str = "",
    perilaku_feedback: str = "",
    finalise: bool = False,
) -> Evaluation:
    """Rate a submitted evaluation (pejabat penilai only; nobody rates themself).

    `rhk_ratings` maps RHK id → (rating, feedback) for every RHK of the SKP. Hasil kerja
    follows rules.hasil_kerja_rating_from_indicators — for a unit head's annual evaluation
    with an organisational predikat, rules.head_hasil_kerja_rating instead — and the
    predikat follows rules.predikat_kinerja. `finalise` locks the evaluation.
    """
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    skp = (
        Skp.objects.select_for_update(of=("self",))
        .select_related("position")
        .get(pk=evaluation.skp_id)
    )
    require_evaluator(
        actor, skp, today(), code=E.EVALUATION_NOT_EVALUATOR, self_code=E.EVALUATION_SELF_RATING
    )
    if evaluation.status == Evaluation.Status.FINAL:
        raise conflict(E.EVALUATION_FINAL, "Evaluasi ini sudah final.")
    if evaluation.status == Evaluation.Status.OPEN:
        raise conflict(
            E.EVALUATION_NOT_SUBMITTED, "Pegawai belum mengajukan realisasi periode ini."
        )
    if perilaku_rating not in rules.RATINGS:
        raise invalid(E.EVALUATION_RATING, "Pilih rating perilaku kerja.", "perilaku_rating")
    rhks = list(Rhk.objects.filter(skp=skp).order_by("-kind", "sort_order", "id"))
    org = head_org_predikat(skp) if evaluation.is_annual else None
    for rhk_id, (rating, _note) in rhk_ratings.items():
        if rating not in rules.RATINGS:
            raise invalid(E.EVALUATION_RATING, "Rating RHK tidak dikenal.", f"rhk.{rhk_id}")
    unrated = [r.pk for r in rhks if r.pk not in rhk_ratings]
    if unrated and org is None:
        raise invalid(E.EVALUATION_RHK_UNRATED, "Beri rating untuk setiap RHK.", "rhk", rhk=unrated)
    before = audit.snapshot(evaluation, EVALUATION_FIELDS)
    RhkRating.objects.filter(evaluation=evaluation).delete()
    RhkRating.objects.bulk_create(
        [
            RhkRating(
                instansi_id=evaluation.instansi_id,
                evaluation=evaluation,
                rhk=r,
                rating=rhk_ratings[r.pk][0],
                feedback=_clean(rhk_ratings[r.pk][1])[:1000],
            )
            for r in rhks
            if r.pk in rhk_ratings
        ]
    )
    if org is not None:
        hasil = rules.head_hasil_kerja_rating(org.predikat)
    else:
        hasil = rules.hasil_kerja_rating_from_indicators(
            [
                rules.IndicatorRating(cast(rules.Rating, rhk_ratings[r.pk][0]), r.is_main)
                for r in rhks
            ]
        )
    evaluation.hasil_kerja_rating = hasil
    evaluation.hasil_kerja_from_org = org is not None
    evaluation.perilaku_rating = perilaku_rating
    evaluation.predikat = rules.predikat_kinerja(hasil, perilaku_rating)
    evaluation.feedback = _clean(feedback)[:FEEDBACK_MAX]
    evaluation.perilaku_feedback = _clean(perilaku_feedback)[:FEEDBACK_MAX]
    evaluation.angka_kredit = None
    evaluation.jf_jenjang = ""
    position = skp.position
    if evaluation.is_annual and position.kind == "fungsional" and position.jf_jenjang:
        config = settings_for(skp.instansi_id).ak_config
        if position.jf_jenjang in config.coefficients:
            evaluation.jf_jenjang = position.jf_jenjang
            evaluation.angka_kredit = rules.angka_kredit(
                evaluation.predikat,
                position.jf_jenjang,
                config,
                months=min(12, schedule.months_covered(skp.start, skp.end)),
            )
    now = timezone.now()
    evaluation.status = Evaluation.Status.FINAL if finalise else Evaluation.Status.RATED
    evaluation.rated_at = now
    evaluation.rated_by = actor if getattr(actor, "pk", None) else None
    evaluation.finalised_at = now if finalise else None
    evaluation.save()
    refresh_skp_predikat(skp)
    audit.record(
        actor=actor,
        action="evaluation.finalise" if finalise else "evaluation.rate",
        obj=evaluation,
        before=before,
        after=audit.snapshot(evaluation, EVALUATION_FIELDS),
        extra={"period": evaluation.label, "org_predikat": org.predikat if org else None},
    )
    return evaluation
