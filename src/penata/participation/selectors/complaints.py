"""Reads of complaints: the public status look-up, staff inboxes and complaint pages.

Public reads return only what the status page shows; the reporter's name, contact and photo
never leave the staff side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from penata.core.errors import NotFound
from penata.org.models import Instansi, Unit
from penata.participation import access, tracking
from penata.participation import complaint_rules as rules
from penata.participation.models import Complaint, ComplaintCategory, ComplaintEvent, RoutingRule

# A syntactically impossible code: look-ups of malformed input still run one query, so that
# every unknown code costs the same and answers the same.
_NO_CODE = "0" * tracking.CODE_LENGTH


def complaint_by_code(raw: str) -> Complaint | None:
    """The complaint with this tracking code (any case, with or without hyphens), or None."""
    code = tracking.normalise(raw or "")
    if not tracking.is_well_formed(code):
        code = _NO_CODE
    return (
        Complaint.objects.select_related("category", "kelurahan", "unit", "service")
        .filter(tracking_code=code)
        .first()
    )


def public_timeline(complaint: Complaint) -> list[ComplaintEvent]:
    return list(
        ComplaintEvent.objects.filter(complaint=complaint, is_public=True)
        .select_related("unit")
        .order_by("at", "id")
    )


def category_list(instansi: Instansi, *, active_only: bool = True) -> QuerySet[ComplaintCategory]:
    qs = ComplaintCategory.objects.filter(instansi=instansi)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("sort_order", "name")


def category_get(
    instansi: Instansi, category_id: int, *, active_only: bool = True
) -> ComplaintCategory:
    found = category_list(instansi, active_only=active_only).filter(pk=category_id).first()
    if found is None:
        raise NotFound("kategori aduan")
    return found


def overdue_q(now: dt.datetime | None = None) -> Q:
    """Open complaints past a timer that has not been met."""
    now = now or timezone.now()
    return Q(status__in=rules.OPEN_STATUSES) & (
        Q(responded_at__isnull=True, response_due_at__lt=now)
        | Q(assigned_at__isnull=False, followed_up_at__isnull=True, followup_due_at__lt=now)
    )


@dataclass(frozen=True)
class ComplaintFilters:
    status: str = ""
    category_id: int | None = None
    unit: Unit | None = None  # the unit's whole subtree
    overdue: bool = False
    triage: bool = False  # no unit yet
    search: str = ""  # tracking code (part) or text
    received_from: dt.date | None = None
    received_to: dt.date | None = None


def complaint_list_for(
    actor: Any, instansi: Instansi, filters: ComplaintFilters | None = None
) -> QuerySet[Complaint]:
    """Complaints the actor may read, newest first, with what the inbox shows."""
    f = filters or ComplaintFilters()
    qs = Complaint.objects.filter(access.complaint_scope_q(actor, instansi.pk)).select_related(
        "category", "unit", "kelurahan", "service"
    )
    if f.status == "open":
        qs = qs.filter(status__in=rules.OPEN_STATUSES)
    elif f.status in rules.STATUSES:
        qs = qs.filter(status=f.status)
    if f.category_id:
        qs = qs.filter(category_id=f.category_id)
    if f.unit is not None:
        qs = qs.filter(unit__path__startswith=f.unit.path)
    if f.triage:
        qs = qs.filter(unit__isnull=True, status__in=rules.OPEN_STATUSES)
    if f.overdue:
        qs = qs.filter(overdue_q())
    if f.search:
        code = tracking.normalise(f.search)
        qs = qs.filter(Q(tracking_code__startswith=code) | Q(description__icontains=f.search))
    if f.received_from:
        qs = qs.filter(received_at__date__gte=f.received_from)
    if f.received_to:
        qs = qs.filter(received_at__date__lte=f.received_to)
    return qs.order_by("-received_at", "-id")


def complaint_get_for(actor: Any, instansi: Instansi, complaint_id: int) -> Complaint:
    found = (
        complaint_list_for(actor, instansi)
        .select_related("routing_rule", "chosen_unit")
        .filter(pk=complaint_id)
        .first()
    )
    if found is None:
        raise NotFound("aduan")
    return found


def complaint_events(complaint: Complaint) -> QuerySet[ComplaintEvent]:
    """Every step, internal ones included (staff page)."""
    return (
        ComplaintEvent.objects.filter(complaint=complaint)
        .select_related("unit")
        .order_by("at", "id")
    )


def routing_rule_list(instansi: Instansi) -> QuerySet[RoutingRule]:
    return (
        RoutingRule.objects.filter(instansi=instansi)
        .select_related("category", "service", "kelurahan", "unit")
        .order_by("priority", "id")
    )


def routing_rule_get(instansi: Instansi, rule_id: int) -> RoutingRule:
    found = routing_rule_list(instansi).filter(pk=rule_id).first()
    if found is None:
        raise NotFound("aturan penerusan")
    return found


def assignable_units(actor: Any, instansi: Instansi) -> QuerySet[Unit]:
    """Units the actor may forward complaints to (everything for moderators and admins)."""
    from penata.core.dating import valid_on

    qs = Unit.objects.filter(valid_on(), instansi=instansi)
    if not access.is_moderator(actor, instansi.pk):
        qs = qs.filter(access.unit_scope_q(actor, instansi.pk))
    return qs.exclude(kind__in=["sekolah", "kelompok_fungsional"]).order_by("path")


def sla_of(complaint: Complaint, now: dt.datetime | None = None) -> rules.SlaStatus:
    return rules.sla_status(complaint.sla_facts(), now or timezone.now())
