"""Reads of the service catalog: public (published only) and for staff (their units)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from penata.core.errors import NotFound
from penata.org.models import Instansi, Unit
from penata.participation import access
from penata.participation.models import ServiceStandard


def public_service_list(
    instansi: Instansi, *, search: str = "", unit: Unit | None = None
) -> QuerySet[ServiceStandard]:
    """Published services, by unit then name; `search` looks in names, descriptions and the
    unit's name; `unit` keeps its subtree."""
    qs = ServiceStandard.objects.filter(instansi=instansi, is_published=True).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    for word in search.split()[:8]:
        qs = qs.filter(
            Q(name__icontains=word)
            | Q(description__icontains=word)
            | Q(unit__name__icontains=word)
            | Q(product__icontains=word)
        )
    return qs.order_by("unit__path", "name")


def public_service_get(instansi: Instansi, service_id: int) -> ServiceStandard:
    found = (
        ServiceStandard.objects.select_related("unit")
        .filter(instansi=instansi, is_published=True, pk=service_id)
        .first()
    )
    if found is None:
        raise NotFound("layanan")
    return found


@dataclass(frozen=True)
class UnitServices:
    unit: Unit
    services: list[ServiceStandard]


def group_by_unit(services: list[ServiceStandard]) -> list[UnitServices]:
    groups: list[UnitServices] = []
    for service in services:
        if not groups or groups[-1].unit.pk != service.unit_id:
            groups.append(UnitServices(service.unit, []))
        groups[-1].services.append(service)
    return groups


def service_list_for(
    actor: Any, instansi: Instansi, *, search: str = "", unit: Unit | None = None
) -> QuerySet[ServiceStandard]:
    """Services the actor may read on staff pages: all of the instansi for admin, moderator
    and auditor; their subtree for a unit head."""
    qs = ServiceStandard.objects.filter(instansi=instansi).select_related("unit")
    if not access.covers_unit_any(actor, instansi.pk):
        qs = qs.filter(access.unit_scope_q(actor, instansi.pk, path_field="unit__path"))
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    for word in search.split()[:8]:
        qs = qs.filter(Q(name__icontains=word) | Q(unit__name__icontains=word))
    return qs.annotate(complaint_count=Count("complaints")).order_by("unit__path", "name")


def service_get_for(actor: Any, instansi: Instansi, service_id: int) -> ServiceStandard:
    found = service_list_for(actor, instansi).filter(pk=service_id).first()
    if found is None:
        raise NotFound("layanan")
    return found


def published_services_for_select(instansi: Instansi) -> QuerySet[ServiceStandard]:
    return (
        ServiceStandard.objects.filter(instansi=instansi, is_published=True)
        .select_related("unit")
        .order_by("name")
    )
