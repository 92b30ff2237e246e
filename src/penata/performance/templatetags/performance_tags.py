"""Display filters of the performance pages (labels and colours of codes)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from penata.core.numbers import format_number
from penata.performance import rules
from penata.performance.values import ASPECTS, BERAKHLAK, FREQUENCY_LABELS, RHK_KINDS

register = template.Library()

PREDIKAT_CLASSES = {
    "sangat_baik": "text-bg-success",
    "baik": "text-bg-primary",
    "butuh_perbaikan": "text-bg-warning",
    "kurang": "text-bg-danger",
    "sangat_kurang": "text-bg-dark",
}
STATUS_CLASSES = {
    "draft": "text-bg-secondary",
    "submitted": "text-bg-info",
    "approved": "text-bg-success",
    "returned": "text-bg-warning",
    "open": "text-bg-light border",
    "rated": "text-bg-primary",
    "final": "text-bg-success",
    "pending": "text-bg-warning",
    "none": "text-bg-light border",
}
PROGRESS_CLASSES = {
    "tercapai": "bg-success",
    "sesuai_jadwal": "bg-primary",
    "tertinggal": "bg-danger",
}


@register.filter
def predikat_label(code: str) -> str:
    return rules.PREDIKAT_LABELS.get(code, code or "—")


@register.filter
def predikat_class(code: str) -> str:
    return PREDIKAT_CLASSES.get(code, "text-bg-light border")


@register.filter
def org_predikat_label(code: str) -> str:
    return rules.ORG_PREDIKAT_LABELS.get(code, code or "—")


@register.filter
def rating_label(code: str) -> str:
    return rules.RATING_LABELS.get(code, code or "—")


@register.filter
def status_class(code: str) -> str:
    return STATUS_CLASSES.get(code, "text-bg-light border")


@register.filter
def progress_label(code: str) -> str:
    return rules.PROGRESS_LABELS.get(code, code)


@register.filter
def progress_class(code: str) -> str:
    return PROGRESS_CLASSES.get(code, "bg-secondary")


@register.filter
def aspect_label(code: str) -> str:
    return ASPECTS.get(code, code)


@register.filter
def value_label(code: str) -> str:
    return BERAKHLAK.get(code, code)


@register.filter
def kind_label(code: str) -> str:
    return RHK_KINDS.get(code, code)


@register.filter
def frequency_label(code: str) -> str:
    return FREQUENCY_LABELS.get(code, code)


@register.filter
def number(value: Any) -> str:
    """12.50 → "12,5"; 1200 → "1.200" in Indonesian, "12.5" and "1,200" in English (no
    trailing zeros)."""
    if value is None or value == "":
        return "—"
    return format_number(Decimal(str(value)), trim=True)


@register.filter
def bar_width(value: Any) -> str:
    """A percentage for a CSS width, clamped to 0–100 and written with a dot."""
    try:
        amount = max(Decimal(0), min(Decimal(100), Decimal(str(value))))
    except (ArithmeticError, ValueError, TypeError):
        amount = Decimal(0)
    return format(amount, "f")


@register.filter
def hours(minutes: Any) -> str:
    total = int(minutes or 0)
    return f"{total // 60} j {total % 60} m" if total >= 60 else f"{total} m"
