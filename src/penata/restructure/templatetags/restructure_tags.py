"""Display filters of the restructure pages: `{% load restructure_tags %}`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from penata.core.numbers import format_number
from penata.core.reference import JF_JENJANG, POSITION_KINDS, UNIT_KINDS
from penata.restructure.graph.model import ROLES

register = template.Library()

_TREND_CLASSES = {
    "better": "text-success",
    "worse": "text-danger",
    "neutral": "text-body",
    "same": "text-body-secondary",
}
# Ratios are shown as percentages.
_PERCENT_KEYS = frozenset({"managerial_ratio_positions", "managerial_ratio_people"})


def _format(value: Any, places: int) -> str:
    if isinstance(value, bool) or value is None:
        return "—"
    if isinstance(value, int | float | Decimal):
        return format_number(value, 0 if isinstance(value, int) else places)
    return str(value)


@register.filter
def metric(value: Any, key: str = "") -> str:
    """A metric value for people: ratios as %, decimals with 2 places, integers grouped."""
    if value is None:
        return "—"
    if key in _PERCENT_KEYS:
        return _format(float(value) * 100, 2) + "%"
    if isinstance(value, float) and value.is_integer() and key.endswith("median"):
        return _format(value, 1)
    return _format(value, 2)


@register.filter
def signed(value: Any, key: str = "") -> str:
    """A delta with its sign (+3, −0,25); zero as 0; None as —."""
    if value is None:
        return "—"
    if value == 0:
        return "0"
    text = metric(abs(value), key)
    return ("+" if value > 0 else "−") + text


@register.filter
def trend_class(trend: str) -> str:
    return _TREND_CLASSES.get(trend, "")


@register.filter
def unit_kind_label(kind: str) -> str:
    return UNIT_KINDS.get(kind, kind)


@register.filter
def post_kind_label(kind: str) -> str:
    return POSITION_KINDS.get(kind, kind)


@register.filter
def jenjang_label(jenjang: str) -> str:
    return JF_JENJANG.get(jenjang, jenjang)


@register.filter
def role_label(role: str) -> str:
    return ROLES.get(role, "")


@register.filter
def change_badge(kind: str) -> str:
    """A bootstrap badge class for a change kind (added green, removed red, else amber)."""
    verb = kind.split(".", 1)[-1]
    if verb == "added":
        return "text-bg-success"
    if verb == "removed":
        return "text-bg-danger"
    if verb in ("moved", "converted"):
        return "text-bg-warning"
    return "text-bg-light border"


@register.filter
def reads_restructure(user: Any) -> bool:
    """True when the menu should link the restructure pages (org_analyst, admin, auditor)."""
    from penata.restructure.selectors import READERS, holds_anywhere

    return holds_anywhere(user, READERS)
