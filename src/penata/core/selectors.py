"""Reads of the audit trail for `auditor` and `admin` (instansi-wide grants only).

An auditor or admin of an instansi reads the events of that instansi, and the account events
(no instansi, e.g. enabling two-factor sign-in) of that instansi's users. A grant limited to a
unit gives no access: events are not attached to units, and the trail holds changes to every
employee of the instansi.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from penata.accounts.models import Role, User
from penata.accounts.scope import reach_of
from penata.core.errors import NotFound, PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent

AUDIT_READERS = (Role.AUDITOR, Role.ADMIN)


@dataclass(frozen=True)
class AuditFilters:
    """The list's filters; every one optional. `action` ending in `.` matches a prefix
    (`role_grant.` = every role grant event)."""

    actor: str = ""
    object_type: str = ""
    object_id: str = ""
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @classmethod
    def from_query(cls, params: Mapping[str, Any]) -> AuditFilters:
        def text(key: str, limit: int = 64) -> str:
            return str(params.get(key) or "").strip()[:limit]

        def day(key: str) -> dt.date | None:
            raw = text(key, 10)
            if not raw:
                return None
            try:
                return dt.date.fromisoformat(raw)
            except ValueError as error:
                raise ValidationFailed(
                    "audit.date", f"Tanggal '{raw}' tidak sah; pakai TTTT-BB-HH.", {"field": key}
                ) from error

        found = cls(
            actor=text("pelaku", 150),
            object_type=text("jenis"),
            object_id=text("id_objek"),
            action=text("tindakan"),
            date_from=day("dari"),
            date_to=day("sampai"),
        )
        if found.date_from and found.date_to and found.date_to < found.date_from:
            raise ValidationFailed(
                "audit.date_range", "Tanggal akhir tidak boleh sebelum tanggal awal.",
                {"field": "sampai"},
            )  # fmt: skip
        return found

    def as_query(self) -> dict[str, str]:
        """The filters as the list page's query parameters (for links and exports)."""
        pairs = {
            "pelaku": self.actor,
            "jenis": self.object_type,
            "id_objek": self.object_id,
            "tindakan": self.action,
            "dari": self.date_from.isoformat() if self.date_from else "",
            "sampai": self.date_to.isoformat() if self.date_to else "",
        }
        return {k: v for k, v in pairs.items() if v}

    @property
    def is_empty(self) -> bool:
        return not self.as_query()


def audit_instansi_ids(actor: Any) -> frozenset[int] | None:
    """Instansi whose trail the actor reads (None = every one, for a superuser), or
    PermissionDenied."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return None
    ids: set[int] = set()
    for role in AUDIT_READERS:
        ids |= reach.whole.get(role, frozenset())
    if not ids:
        raise PermissionDenied(
            "Jejak audit hanya untuk auditor (Inspektorat) dan admin BKPSDM tingkat instansi."
        )
    return frozenset(ids)


def _scope_q(actor: Any) -> Q:
    ids = audit_instansi_ids(actor)
    if ids is None:
        return Q()
    users = User.objects.filter(
        Q(role_grants__instansi_id__in=ids) | Q(employee__instansi_id__in=ids)
    ).values("pk")
    return Q(instansi_id__in=ids) | Q(instansi_id__isnull=True, actor_id__in=users)


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def audit_event_list(actor: Any, filters: AuditFilters | None = None) -> QuerySet[AuditEvent]:
    """Events the actor may read, newest first, filtered."""
    f = filters or AuditFilters()
    qs = AuditEvent.objects.filter(_scope_q(actor))
    if f.actor:
        qs = qs.filter(actor_label__icontains=f.actor)
    if f.object_type:
        qs = qs.filter(object_type=f.object_type.lower())
    if f.object_id:
        qs = qs.filter(object_id=f.object_id)
    if f.action:
        qs = (
            qs.filter(action__startswith=f.action)
            if f.action.endswith(".")
            else qs.filter(action=f.action)
        )
    if f.date_from:
        qs = qs.filter(created_at__gte=_day_start(f.date_from))
    if f.date_to:
        qs = qs.filter(created_at__lt=_day_start(f.date_to + dt.timedelta(days=1)))
    return qs.order_by("-created_at", "-id")


def audit_event_get_for(actor: Any, event_id: int) -> AuditEvent:
    """One event the actor may read, or NotFound."""
    event = AuditEvent.objects.filter(_scope_q(actor), pk=event_id).first()
    if event is None:
        raise NotFound("jejak audit")
    return event


def audit_action_choices(actor: Any) -> list[str]:
    """Distinct actions in the actor's trail (for the filter's suggestions)."""
    return sorted(
        set(
            AuditEvent.objects.filter(_scope_q(actor))
            .order_by()
            .values_list("action", flat=True)
            .distinct()
        )
    )


def audit_object_type_choices(actor: Any) -> list[str]:
    return sorted(
        t
        for t in set(
            AuditEvent.objects.filter(_scope_q(actor))
            .order_by()
            .values_list("object_type", flat=True)
            .distinct()
        )
        if t
    )
