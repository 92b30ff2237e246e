"""Display filters for Penata's pages: `{% load penata_web %}`."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext

from penata.core import reference

register = template.Library()

_KIND_ICONS = {
    "pemda": "bi-bank",
    "sekretariat_daerah": "bi-building",
    "sekretariat_dprd": "bi-people",
    "inspektorat": "bi-shield-check",
    "dinas": "bi-building",
    "badan": "bi-buildings",
    "satpol_pp": "bi-shield",
    "rsud": "bi-hospital",
    "kecamatan": "bi-geo-alt",
    "kelurahan": "bi-geo",
    "puskesmas": "bi-heart-pulse",
    "sekolah": "bi-mortarboard",
    "upt": "bi-gear",
    "kelompok_fungsional": "bi-person-workspace",
}


@register.filter
def nip(value: str) -> str:
    """`198609262015051001` → `19860926 201505 1 001` (how NIPs are written, Perka BKN 22/2007)."""
    raw = "".join(ch for ch in str(value or "") if ch.isdigit())
    if len(raw) != 18:
        return str(value or "")
    return f"{raw[0:8]} {raw[8:14]} {raw[14]} {raw[15:18]}"


@register.filter
def unit_icon(kind: str) -> str:
    """A bootstrap-icons class for a unit kind."""
    return _KIND_ICONS.get(kind, "bi-diagram-3")


@register.filter
def position_kind_label(kind: str) -> str:
    return reference.POSITION_KINDS.get(kind, kind)


@register.filter
def employee_kind_label(kind: str) -> str:
    return gettext(reference.EMPLOYEE_KINDS[kind]) if kind in reference.EMPLOYEE_KINDS else kind


@register.filter
def initials(name: str) -> str:
    """Up to two initials for an avatar badge."""
    words = [w for w in str(name or "").replace(",", " ").split() if w[:1].isalpha()]
    words = [w for w in words if not w.endswith(".")] or words
    return "".join(w[0].upper() for w in words[:2])


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """`{{ mapping|get_item:key }}`: a dict look-up by a variable key (None when absent)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
