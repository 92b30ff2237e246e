"""Numbers as Indonesian readers write them (1.234,5678) and the PJ/gap badges."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import template

from penata.workload.rules import gap_text

register = template.Library()

PJ_CLASSES = {
    "A": "text-bg-danger",
    "B": "text-bg-success",
    "C": "text-bg-primary",
    "D": "text-bg-warning",
    "E": "text-bg-secondary",
}


def id_number(value: Any, places: int = 0) -> str:
    """Format a number with '.' for thousands and ',' for decimals."""
    if value is None or value == "":
        return "–"
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,.{places}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


@register.filter
def num(value: Any, places: int = 0) -> str:
    return id_number(value, int(places))


@register.filter
def pj_class(grade: str | None) -> str:
    return PJ_CLASSES.get(grade or "", "text-bg-light")


@register.filter
def gap_class(gap: int) -> str:
    return "text-danger" if gap > 0 else ("text-warning-emphasis" if gap < 0 else "text-success")


@register.filter
def gap_words(gap: int) -> str:
    return gap_text(gap)
