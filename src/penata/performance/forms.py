"""Parsing of the performance forms: types and shapes only; rules live in the services.

Indicator, realisation and rating rows arrive as numbered fields (`ind-1-text`,
`real-<indicator>-value`, `rate-<rhk>`) so that one page edits a whole plan or period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from penata.core.errors import ValidationFailed
from penata.performance.models import Holiday
from penata.performance.rules import ORG_PREDIKAT_LABELS, RATING_LABELS
from penata.performance.services.activity import ActivityInput
from penata.performance.services.evaluation import RealisationInput
from penata.performance.services.rhk import IndicatorInput
from penata.performance.values import ASPECTS, FREQUENCY_LABELS, RHK_KINDS

INDICATOR_ROWS = 5
DEFAULT_ASPECTS = ("kuantitas", "kualitas", "waktu", "kuantitas", "kuantitas")


def parse_decimal(raw: str, field: str, label: str) -> Decimal:
    text = (
        raw.strip().replace(" ", "").replace(".", "").replace(",", ".")
        if "," in raw
        else raw.strip()
    )
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationFailed(
            "input.number", f"{label} harus berupa angka.", {"field": field}
        ) from None
    if not value.is_finite():
        raise ValidationFailed("input.number", f"{label} harus berupa angka.", {"field": field})
    return value


def parse_int(raw: str, field: str, label: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise ValidationFailed(
            "input.number", f"{label} harus berupa bilangan bulat.", {"field": field}
        ) from None


def parse_date(raw: str, field: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValidationFailed(
            "input.date", "Tanggal harus berformat TTTT-BB-HH.", {"field": field}
        ) from None


def optional_id(raw: str | None) -> int | None:
    text = (raw or "").strip()
    return int(text) if text.isdigit() else None


def indicator_rows(data: Mapping[str, Any]) -> list[IndicatorInput]:
    """The filled-in indicator rows `ind-1-…` to `ind-5-…` (fully blank rows are skipped)."""
    found = []
    for n in range(1, INDICATOR_ROWS + 1):
        text = str(data.get(f"ind-{n}-text", "")).strip()
        target = str(data.get(f"ind-{n}-target", "")).strip()
        unit = str(data.get(f"ind-{n}-unit", "")).strip()
        if not (text or target or unit):
            continue
        found.append(
            IndicatorInput(
                aspect=str(data.get(f"ind-{n}-aspect", "")),
                text=text,
                target=parse_decimal(
                    target or "0", f"indicators.{n}.target", f"Target indikator ke-{n}"
                ),
                unit=unit,
                id=optional_id(str(data.get(f"ind-{n}-id", ""))),
            )
        )
    return found


def indicator_initial(indicators: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows for the form: existing indicators first, then blank rows with suggested aspects."""
    rows: list[dict[str, Any]] = [
        {"n": n, "id": i.pk, "aspect": i.aspect, "text": i.text, "target": i.target, "unit": i.unit}
        for n, i in enumerate(indicators, start=1)
    ]
    for n in range(len(rows) + 1, INDICATOR_ROWS + 1):
        rows.append(
            {
                "n": n,
                "id": "",
                "aspect": DEFAULT_ASPECTS[n - 1],
                "text": "",
                "target": "",
                "unit": "",
            }
        )
    return rows


def indicator_rows_from_post(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The rows as posted, to show them again next to an error."""
    return [
        {
            "n": n,
            "id": data.get(f"ind-{n}-id", ""),
            "aspect": data.get(f"ind-{n}-aspect", DEFAULT_ASPECTS[n - 1]),
            "text": data.get(f"ind-{n}-text", ""),
            "target": data.get(f"ind-{n}-target", ""),
            "unit": data.get(f"ind-{n}-unit", ""),
        }
        for n in range(1, INDICATOR_ROWS + 1)
    ]


def activity_input(data: Mapping[str, Any]) -> ActivityInput:
    return ActivityInput(
        day=parse_date(str(data.get("date", ""))),
        description=str(data.get("description", "")),
        minutes=parse_int(str(data.get("minutes", "")), "minutes", "Durasi"),
        rhk_id=optional_id(str(data.get("rhk", ""))),
        output_count=parse_int(
            str(data.get("output_count", "") or "0"), "output_count", "Jumlah keluaran"
        ),
    )


def realisation_rows(
    data: Mapping[str, Any], files: Mapping[str, Any], indicator_ids: Iterable[int]
) -> list[RealisationInput]:
    """`real-<id>-value` (with note, link and file) for every indicator that has a value."""
    found = []
    for pk in indicator_ids:
        raw = str(data.get(f"real-{pk}-value", "")).strip()
        if not raw:
            continue
        found.append(
            RealisationInput(
                indicator_id=pk,
                value=parse_decimal(raw, f"realisations.{pk}.value", "Realisasi"),
                note=str(data.get(f"real-{pk}-note", "")),
                evidence_link=str(data.get(f"real-{pk}-link", "")),
                evidence_file=files.get(f"real-{pk}-file"),
            )
        )
    return found


def rating_rows(data: Mapping[str, Any], rhk_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """`rate-<rhk>` and `note-<rhk>` for every RHK rated."""
    return {
        pk: (str(data.get(f"rate-{pk}", "")), str(data.get(f"note-{pk}", "")))
        for pk in rhk_ids
        if data.get(f"rate-{pk}")
    }


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("Catatan perbaikan"), max_length=2000, widget=forms.Textarea)


class SettingsForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Frekuensi evaluasi periodik"), choices=list(FREQUENCY_LABELS.items())
    )
    grace_days = forms.IntegerField(
        label=_("Batas waktu penilaian (hari setelah periode)"), min_value=0, max_value=90
    )
    evidence_max_kb = forms.IntegerField(
        label=_("Ukuran bukti dukung maksimal (KB)"), min_value=64, max_value=20480
    )
    backdate_days = forms.IntegerField(
        label=_("Log harian boleh diisi mundur (hari)"), min_value=0, max_value=366
    )
    reminders_enabled = forms.BooleanField(label=_("Kirim pengingat log harian"), required=False)
    working_weekdays = forms.CharField(label=_("Hari kerja (0 = Senin … 6 = Minggu)"), max_length=7)


class HolidayForm(forms.Form):
    date = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(label=_("Keterangan"), max_length=150)
    kind = forms.ChoiceField(label=_("Jenis"), choices=Holiday.Kind.choices)
    is_estimate = forms.BooleanField(label=_("Tanggal perkiraan"), required=False)
    national = forms.BooleanField(label=_("Daftar nasional (superuser)"), required=False)


class OrgPredikatForm(forms.Form):
    unit = forms.IntegerField(min_value=1)
    year = forms.IntegerField(min_value=2000, max_value=2100)
    predikat = forms.ChoiceField(choices=[("", "—"), *ORG_PREDIKAT_LABELS.items()], required=False)
    note = forms.CharField(max_length=255, required=False)


RATING_CHOICES = list(RATING_LABELS.items())
ASPECT_CHOICES = list(ASPECTS.items())
KIND_CHOICES = list(RHK_KINDS.items())
