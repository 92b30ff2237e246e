"""Who may do what in participation, decided in one place for services and selectors.

- `admin`: everything in the instansi (catalog, routing, settings, complaints, forums).
- `moderator`: triage of complaints (verify, assign, reject, respond, close) and moderation of
  forum comments, in the whole instansi.
- `unit_head`: their unit subtree: its services, its complaints (all actions; assignment only
  within the subtree), its consultations and their official replies.
- `auditor`: reads everything, changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from penata.accounts.models import Role
from penata.accounts.scope import Reach, reach_of

READERS = (Role.ADMIN, Role.MODERATOR, Role.AUDITOR)
MODERATOR_ACTIONS = frozenset({"verify", "assign", "reject", "respond", "close", "reopen"})


def _whole(reach: Reach, role: str, instansi_id: int) -> bool:
    return reach.is_superuser or instansi_id in reach.whole.get(role, frozenset())


def covers_unit(actor: Any, roles: tuple[str, ...], unit: Any) -> bool:
    """Whether one of `roles` applies to `unit` (whole instansi or a subtree above it)."""
    if unit is None:
        return False
    reach = reach_of(actor)
    if reach.is_superuser:
        return True
    for role in roles:
        if unit.instansi_id in reach.whole.get(role, frozenset()):
            return True
        if any(unit.path.startswith(path) for path in reach.subtrees.get(role, ())):
            return True
    return False


def is_admin(actor: Any, instansi_id: int) -> bool:
    return _whole(reach_of(actor), Role.ADMIN, instansi_id)


def is_moderator(actor: Any, instansi_id: int) -> bool:
    reach = reach_of(actor)
    return _whole(reach, Role.ADMIN, instansi_id) or _whole(reach, Role.MODERATOR, instansi_id)


def manages_unit(actor: Any, unit: Any) -> bool:
    """admin of the instansi or unit_head over `unit`: may edit its services and consultations."""
    return covers_unit(actor, (Role.ADMIN, Role.UNIT_HEAD), unit)


def is_participation_staff(actor: Any) -> bool:
    """Whether the staff pages of participation have anything for the actor."""
    return reach_of(actor).has(Role.ADMIN, Role.MODERATOR, Role.AUDITOR, Role.UNIT_HEAD)


def covers_unit_any(actor: Any, instansi_id: int) -> bool:
    """Whether the actor reads the whole instansi (admin, moderator or auditor)."""
    reach = reach_of(actor)
    return reach.is_superuser or any(_whole(reach, r, instansi_id) for r in READERS)


def complaint_scope_q(actor: Any, instansi_id: int) -> Q:
    """Complaints of the instansi the actor may read."""
    reach = reach_of(actor)
    if reach.is_superuser or any(_whole(reach, r, instansi_id) for r in READERS):
        return Q(instansi_id=instansi_id)
    q = Q(pk__in=[])
    if _whole(reach, Role.UNIT_HEAD, instansi_id):
        q |= Q(unit__isnull=False)
    for path in reach.subtrees.get(Role.UNIT_HEAD, ()):
        q |= Q(unit__path__startswith=path)
    return Q(instansi_id=instansi_id) & q


def unit_scope_q(actor: Any, instansi_id: int, *, path_field: str = "path") -> Q:
    """Units the actor manages (admin: all of the instansi; unit_head: their subtrees)."""
    reach = reach_of(actor)
    if reach.is_superuser or _whole(reach, Role.ADMIN, instansi_id):
        return Q()
    if _whole(reach, Role.UNIT_HEAD, instansi_id):
        return Q()
    q = Q(pk__in=[])
    for path in reach.subtrees.get(Role.UNIT_HEAD, ()):
        q |= Q(**{f"{path_field}__startswith": path})
    return q


def may_act_on_complaint(actor: Any, complaint: Any, action: str) -> bool:
    """Whether the actor may take `action` (incl. `respond`) on the complaint."""
    reach = reach_of(actor)
    if reach.is_superuser or _whole(reach, Role.ADMIN, complaint.instansi_id):
        return True
    if action in MODERATOR_ACTIONS and _whole(reach, Role.MODERATOR, complaint.instansi_id):
        return True
    return covers_unit(actor, (Role.UNIT_HEAD,), complaint.unit)


def may_assign_to(actor: Any, complaint: Any, unit: Any) -> bool:
    """admin and moderator assign anywhere in the instansi; a unit head within their subtree."""
    if unit.instansi_id != complaint.instansi_id:
        return False
    if is_moderator(actor, complaint.instansi_id):
        return True
    return covers_unit(actor, (Role.UNIT_HEAD,), unit)
