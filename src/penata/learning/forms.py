"""Input forms of the learning pages (shape and types only; rules live in `rules.py` and the
services)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from penata.learning import rules

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _percent(label: StrOrPromise, help_text: StrOrPromise = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=5,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=Decimal(100),
        help_text=help_text,
        widget=forms.NumberInput(attrs={"step": "0.01", "class": "form-control"}),
    )


class TalentSettingForm(forms.Form):
    preset = forms.ChoiceField(
        label=_("Acuan bobot komponen"),
        choices=list(rules.TALENT_PRESET_LABELS.items()),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    potensial_middle = _percent(_("Batas potensial menengah (≥)"))
    potensial_high = _percent(_("Batas potensial tinggi (≥)"))
    kinerja_middle = _percent(
        _("Batas kinerja sesuai ekspektasi (≥)"),
        _("Untuk nilai kinerja gabungan; penempatan dari predikat SKP memakai tingkat predikat."),
    )
    kinerja_high = _percent(_("Batas kinerja di atas ekspektasi (≥)"))
    kinerja_weight = _percent(_("Bobot kinerja dalam nilai talenta (%)"))
    potensial_weight = _percent(_("Bobot potensial dalam nilai talenta (%)"))
