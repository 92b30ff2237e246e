"""Display helpers of the participation pages: `{% load participation_tags %}`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from penata.core.numbers import format_number
from penata.participation import complaint_rules as rules

register = template.Library()

_STATUS_CLASS = {
    rules.RECEIVED: "text-bg-secondary",
    rules.VERIFIED: "text-bg-info",
    rules.ASSIGNED: "text-bg-primary",
    rules.IN_PROGRESS: "text-bg-warning",
    rules.RESOLVED: "text-bg-success",
    rules.CLOSED: "text-bg-dark",
    rules.REJECTED: "text-bg-danger",
}
_MUTU_CLASS = {"A": "mutu-a", "B": "mutu-b", "C": "mutu-c", "D": "mutu-d"}


@register.filter
def add_class(field: BoundField, css: str) -> Any:
    """Render a form field's widget with extra CSS classes (and is-invalid on errors)."""
    classes = css + (" is-invalid" if field.errors else "")
    return field.as_widget(attrs={"class": classes})


@register.filter
def status_badge(status: str) -> SafeString:
    label = rules.STATUS_LABELS.get(status, status)
    return format_html(
        '<span class="badge {}">{}</span>', _STATUS_CLASS.get(status, "text-bg-light"), label
    )


def _badge(css: str, text: str) -> SafeString:
    return format_html('<span class="badge {}">{}</span>', css, text)


@register.filter
def sla_badge(sla: rules.SlaStatus | None) -> SafeString:
    """One badge for the SLA state of a complaint: overdue, on time, late or within target."""
    if sla is None:
        return format_html("{}", "")
    if sla.is_overdue:
        text = (
            _("Lewat batas tanggapan")
            if sla.response == "overdue"
            else _("Lewat batas tindak lanjut")
        )
        return format_html(
            '<span class="badge sla-overdue"><i class="bi bi-alarm"></i> {}</span>', text
        )
    if sla.on_time is False:
        return _badge("sla-late", _("Terlambat"))
    if sla.on_time is True:
        return _badge("sla-ok", _("Tepat waktu"))
    return _badge("sla-pending", _("Dalam batas waktu"))


@register.filter
def pct(value: Decimal | None) -> str:
    """`87.5` → `87,5%` in Indonesian, `87.5%` in English; None → `–`."""
    if value is None:
        return "–"
    return format_number(value) + "%"


@register.filter
def decimal_id(value: Decimal | float | None, places: int = 2) -> str:
    """A number rounded half up to `places` decimals, in the separators of the active language
    (84,52 in Indonesian reports, 84.52 in English)."""
    if value is None:
        return "–"
    return format_number(value, int(places))


@register.filter
def hours(value: Decimal | None) -> str:
    if value is None:
        return "–"
    # "1 hour" but "1.5 hours": only exactly one takes the singular.
    count = 1 if value == 1 else 2
    return ngettext("%(n)s jam", "%(n)s jam", count) % {"n": format_number(value)}


@register.filter
def mutu_class(mutu: str) -> str:
    return _MUTU_CLASS.get(mutu, "mutu-none")


@register.filter
def widthpct(value: Any, total: Any) -> str:
    """Share of `value` in `total` as a CSS width percentage (0–100)."""
    try:
        share = 100 * float(value) / float(total)
    except (TypeError, ValueError, ZeroDivisionError):
        return "0"
    return f"{max(0.0, min(share, 100.0)):.1f}"


@register.filter
def is_participation_staff(user: Any) -> bool:
    """Whether the staff navigation shows the participation pages to `user`."""
    from penata.participation.access import is_participation_staff as check

    return check(user)
