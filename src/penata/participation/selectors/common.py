"""Reads shared by every part of participation: settings, the instansi, officials' titles."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core.dating import valid_on
from penata.core.errors import NotFound
from penata.org import selectors as org_selectors
from penata.org.models import Instansi, Unit
from penata.participation.models import ParticipationSettings
from penata.participation.rules import SkmConfig


def settings_for(instansi: Instansi | int) -> ParticipationSettings:
    """The instansi's participation settings; the defaults (unsaved) when never set."""
    instansi_id = instansi if isinstance(instansi, int) else instansi.pk
    found = ParticipationSettings.objects.filter(instansi_id=instansi_id).first()
    return found or ParticipationSettings(instansi_id=instansi_id)


def skm_config_for(instansi: Instansi | int) -> SkmConfig:
    return SkmConfig(weighting=settings_for(instansi).skm_weighting)  # type: ignore[arg-type]


def public_instansi(code: str | None = None) -> Instansi:
    """The instansi a public page serves (by Kemendagri code; default from settings)."""
    return org_selectors.instansi_by_code(code)


def staff_instansi(actor: Any) -> Instansi:
    return org_selectors.instansi_for(actor)


def kelurahan_list(instansi: Instansi) -> QuerySet[Unit]:
    """The kelurahan of the instansi in force today, by name (for the complaint form)."""
    return Unit.objects.filter(valid_on(), instansi=instansi, kind="kelurahan").order_by("name")


def kelurahan_get(instansi: Instansi, unit_id: int) -> Unit:
    found = kelurahan_list(instansi).filter(pk=unit_id).first()
    if found is None:
        raise NotFound("kelurahan")
    return found


def public_unit_choices(instansi: Instansi) -> QuerySet[Unit]:
    """Units a citizen may address directly: the Perangkat Daerah, kecamatan and kelurahan."""
    from penata.core import reference

    kinds = set(reference.PERANGKAT_DAERAH_KINDS) | {"kecamatan", "kelurahan"}
    return Unit.objects.filter(valid_on(), instansi=instansi, kind__in=kinds).order_by("path")


def unit_in_instansi(instansi: Instansi, unit_id: int) -> Unit:
    found = Unit.objects.filter(valid_on(), instansi=instansi, pk=unit_id).first()
    if found is None:
        raise NotFound("unit")
    return found


ROLE_TITLES = {Role.MODERATOR: "Admin ULAS", Role.ADMIN: "Admin pengaduan"}


def official_title(actor: Any, unit: Unit | None = None) -> str:
    """How an official appears to citizens: position title and unit, never a name.

    The title of the actor's current (definitive first) post; without one, a role label
    with the unit's name.
    """
    from penata.people.models import Assignment
    from penata.people.selectors import current_assignment_q

    reach = reach_of(actor)
    if reach.employee_id is not None:
        assignment = (
            Assignment.objects.filter(current_assignment_q(), employee_id=reach.employee_id)
            .select_related("position", "position__unit")
            .order_by("acting", "-start", "id")
            .first()
        )
        if assignment is not None:
            position = assignment.position
            title = position.title
            prefix = {"plt": "Plt. ", "plh": "Plh. "}.get(assignment.acting or "", "")
            if position.unit.name.lower() not in title.lower():
                short = position.unit.short_name or position.unit.name
                return f"{prefix}{title} — {short}"[:255]
            return f"{prefix}{title}"[:255]
    for role, label in ROLE_TITLES.items():
        if reach.has(role):
            return label
    if reach.has(Role.UNIT_HEAD) and unit is not None:
        return f"Pimpinan {unit.name}"[:255]
    return f"Petugas {unit.name}"[:255] if unit is not None else "Petugas"
