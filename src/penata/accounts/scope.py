"""What an acting user may see: roles and unit-subtree scope, as reusable query filters.

Selectors of every app build on these helpers so that scoping is decided in one place.
Grants without a unit cover the whole instansi. Superusers count as `admin` everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from penata.accounts.models import Role

INSTANSI_WIDE_READERS = frozenset({Role.ADMIN, Role.ORG_ANALYST, Role.AUDITOR})


@dataclass(frozen=True)
class Reach:
    """The roles of one user and where each applies."""

    user_id: int | None
    is_superuser: bool
    # role -> (instansi ids granted whole, unit paths granted as subtrees)
    whole: dict[str, frozenset[int]]
    subtrees: dict[str, tuple[str, ...]]
    instansi_ids: frozenset[int]
    employee_id: int | None

    def has(self, *roles: str) -> bool:
        if self.is_superuser:
            return True
        return any(self.whole.get(r) or self.subtrees.get(r) for r in roles)

    def is_staff_member(self) -> bool:
        return self.is_superuser or bool(self.instansi_ids) or self.employee_id is not None


_EMPTY = Reach(None, False, {}, {}, frozenset(), None)


def reach_of(user: Any) -> Reach:
    """The user's grants, read once per request and cached on the user object."""
    if user is None or not getattr(user, "is_authenticated", False):
        return _EMPTY
    cached = getattr(user, "_penata_reach", None)
    if cached is not None:
        return cached
    from penata.accounts.models import RoleGrant
    from penata.people.models import Employee

    whole: dict[str, set[int]] = {}
    subtrees: dict[str, list[str]] = {}
    instansi: set[int] = set()
    for grant in RoleGrant.objects.filter(user=user).select_related("unit"):
        instansi.add(grant.instansi_id)
        if grant.unit_id is None:
            whole.setdefault(grant.role, set()).add(grant.instansi_id)
        else:
            assert grant.unit is not None
            subtrees.setdefault(grant.role, []).append(grant.unit.path)
    employee = Employee.objects.filter(user=user).values("id", "instansi_id").first()
    if employee:
        instansi.add(employee["instansi_id"])
    reach = Reach(
        user_id=user.pk,
        is_superuser=bool(user.is_superuser),
        whole={k: frozenset(v) for k, v in whole.items()},
        subtrees={k: tuple(v) for k, v in subtrees.items()},
        instansi_ids=frozenset(instansi),
        employee_id=employee["id"] if employee else None,
    )
    user._penata_reach = reach
    return reach


def unit_q(user: Any, roles: frozenset[str] | set[str], *, path_field: str = "path") -> Q:
    """Filter for rows whose unit lies in the user's reach for any of `roles`.

    `path_field` names the unit path as seen from the queried model (e.g. `unit__path`).
    The instansi of the row must be named by the caller's own filter.
    """
    reach = reach_of(user)
    if reach.is_superuser:
        return Q()
    instansi_field = path_field.removesuffix("path") + "instansi_id"
    q = Q(pk__in=[])
    for role in roles:
        for instansi_id in reach.whole.get(role, ()):
            q |= Q(**{instansi_field: instansi_id})
        for path in reach.subtrees.get(role, ()):
            q |= Q(**{f"{path_field}__startswith": path})
    return q
