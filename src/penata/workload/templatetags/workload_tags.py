"""Numbers as the reader's language writes them and the PJ/gap badges."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from penata.core.numbers import format_number
from penata.workload.rules import gap_text

register = template.Library()

PJ_CLASSES = {
    "A": "text-bg-danger",
    "B": "text-bg-success",
    "C": "text-bg-primary",
    "D": "text-bg-warning",
    "E": "text-bg-secondary",
}


@register.filter
def num(value: Any, places: int = 0) -> str:
    """`value` rounded half up to `places` decimals, in the separators of the active language
    (1.234,5678 in Indonesian, 1,234.5678 in English); None or "" as –."""
    if value is None or value == "":
        return "–"
    return format_number(Decimal(str(value)), int(places))


@register.filter
def pj_class(grade: str | None) -> str:
    return PJ_CLASSES.get(grade or "", "text-bg-light")


@register.filter
def gap_class(gap: int) -> str:
    return "text-danger" if gap > 0 else ("text-warning-emphasis" if gap < 0 else "text-success")


@register.filter
def gap_words(gap: int) -> str:
    return gap_text(gap)
