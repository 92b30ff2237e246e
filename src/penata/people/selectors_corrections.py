"""Reads of correction requests: the employee's own, and the admin's verification queue."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core.errors import NotFound
from penata.people.models import Assignment, CorrectionRequest
from penata.people.selectors import current_assignment_q


def _admin_q(actor: Any) -> Q:
    """Requests of employees an admin covers (instansi-wide, or assigned in their subtree)."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return Q()
    q = Q(instansi_id__in=list(reach.whole.get(Role.ADMIN, ())))
    paths = reach.subtrees.get(Role.ADMIN, ())
    if paths:
        in_units = Q(pk__in=[])
        for path in paths:
            in_units |= Q(position__unit__path__startswith=path)
        q |= Q(
            Exists(
                Assignment.objects.filter(
                    current_assignment_q(), in_units, employee_id=OuterRef("employee_id")
                )
            )
        )
    return q


def may_review_corrections(actor: Any) -> bool:
    return reach_of(actor).has(Role.ADMIN)


def my_correction_list(actor: Any) -> QuerySet[CorrectionRequest]:
    """The actor's own requests, newest first."""
    employee_id = reach_of(actor).employee_id
    if employee_id is None:
        return CorrectionRequest.objects.none()
    return CorrectionRequest.objects.filter(employee_id=employee_id).select_related("decided_by")


def correction_queue(actor: Any, *, status: str = "pending") -> QuerySet[CorrectionRequest]:
    """Requests an admin decides on (oldest pending first); other people's only."""
    if not may_review_corrections(actor):
        return CorrectionRequest.objects.none()
    qs = CorrectionRequest.objects.filter(_admin_q(actor)).select_related(
        "employee", "decided_by", "requested_by"
    )
    if status:
        qs = qs.filter(status=status)
    order = ("requested_at", "id") if status == "pending" else ("-requested_at", "-id")
    return qs.order_by(*order)


def correction_get_for(actor: Any, request_id: int) -> CorrectionRequest:
    """A request its employee or a covering admin may see, or NotFound."""
    reach = reach_of(actor)
    q = Q(employee_id=reach.employee_id) if reach.employee_id is not None else Q(pk__in=[])
    if may_review_corrections(actor):
        q |= _admin_q(actor)
    found = (
        CorrectionRequest.objects.filter(q, pk=request_id)
        .select_related("employee", "decided_by", "requested_by")
        .first()
    )
    if found is None:
        raise NotFound("permohonan koreksi")
    return found
