"""Who may do what in the learning module (one place for the services, views and API)."""

from __future__ import annotations

from typing import Any

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core.errors import PermissionDenied
from penata.people.models import Employee
from penata.people.selectors import current_assignment_q, supervised_position_ids


def is_admin(actor: Any) -> bool:
    return reach_of(actor).has(Role.ADMIN)


def is_reader(actor: Any) -> bool:
    """Sees unit and city views: admin, unit heads, auditors."""
    return reach_of(actor).has(Role.ADMIN, Role.UNIT_HEAD, Role.AUDITOR)


def require_admin(actor: Any) -> None:
    if not is_admin(actor):
        raise PermissionDenied("Hanya admin BKPSDM yang dapat melakukan tindakan ini.")


def require_reader(actor: Any) -> None:
    if not is_reader(actor):
        raise PermissionDenied("Halaman ini untuk admin BKPSDM dan kepala unit.")


def is_self(actor: Any, employee: Employee) -> bool:
    return reach_of(actor).employee_id == employee.pk


def supervises(actor: Any, employee: Employee) -> bool:
    """The actor's position is above one of the employee's current positions."""
    positions = supervised_position_ids(actor)
    if not positions:
        return False
    return employee.assignments.filter(current_assignment_q(), position_id__in=positions).exists()
