"""Small template helpers of the change pages: dict look-up, heat colour, trend arrow."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def heat_class(value: float | None) -> str:
    """Background for a readiness index: red below 50, amber below 60 (low), green above."""
    if value is None:
        return ""
    if value < 50:
        return "bg-danger-subtle"
    if value < 60:
        return "bg-warning-subtle"
    if value < 75:
        return "bg-light"
    return "bg-success-subtle"


@register.filter
def trend(value: float, previous: float) -> str:
    delta = round(value - previous, 1)
    return f"▲ {delta}" if delta > 0 else (f"▼ {abs(delta)}" if delta < 0 else "= 0")
