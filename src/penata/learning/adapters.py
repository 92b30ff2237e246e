"""Reads from other modules that may be absent: the SKP predikat of the performance module."""

from __future__ import annotations

from django.apps import apps


def skp_predikat(employee_id: int, year: int) -> str | None:
    """The employee's SKP predikat for `year` (latest known), or None when no SKP exists or
    the performance module is not installed."""
    try:
        skp_model = apps.get_model("performance", "Skp")
    except LookupError:
        return None
    value = (
        skp_model.objects.filter(employee_id=employee_id, year=year)
        .exclude(predikat="")
        .values_list("predikat", flat=True)
        .first()
    )
    return str(value) if value else None


def skp_predikats(employee_ids: list[int], year: int) -> dict[int, str]:
    """`skp_predikat` for many employees in one query."""
    try:
        skp_model = apps.get_model("performance", "Skp")
    except LookupError:
        return {}
    rows = (
        skp_model.objects.filter(employee_id__in=employee_ids, year=year)
        .exclude(predikat="")
        .values_list("employee_id", "predikat")
    )
    return {int(e): str(p) for e, p in rows}
