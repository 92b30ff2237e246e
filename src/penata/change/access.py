"""Who may do what with announcements.

Composing and following up: admin and org_analyst (instansi-wide) and unit_head (their unit
subtree; they target only inside it). auditor reads the follow-up pages. Answering
questions: admin, org_analyst and the unit_head whose subtree the announcement reaches.
Recipients (any employee record) read, acknowledge and ask. Only admin sees who asked an
anonymous question; nobody sees who answered a pulse.
"""

from __future__ import annotations

from typing import Any

from penata.accounts.models import Role
from penata.accounts.scope import reach_of

COMPOSERS = frozenset({Role.ADMIN, Role.ORG_ANALYST, Role.UNIT_HEAD})
FOLLOWERS = COMPOSERS | {Role.AUDITOR}
WHOLE_FOLLOWERS = (Role.ADMIN, Role.ORG_ANALYST, Role.AUDITOR)


def can_compose(actor: Any) -> bool:
    return reach_of(actor).has(*COMPOSERS)


def can_follow(actor: Any) -> bool:
    return reach_of(actor).has(*FOLLOWERS)


def follows_whole(actor: Any, instansi_id: int) -> bool:
    """Sees every announcement and recipient of the instansi."""
    reach = reach_of(actor)
    return reach.is_superuser or any(instansi_id in reach.whole.get(r, ()) for r in WHOLE_FOLLOWERS)


def composes_whole(actor: Any, instansi_id: int) -> bool:
    reach = reach_of(actor)
    return reach.is_superuser or any(
        instansi_id in reach.whole.get(r, ()) for r in (Role.ADMIN, Role.ORG_ANALYST)
    )


def head_paths(actor: Any) -> tuple[str, ...]:
    return reach_of(actor).subtrees.get(Role.UNIT_HEAD, ())


def sees_askers(actor: Any, instansi_id: int) -> bool:
    """Only admin learns who asked an anonymous question."""
    reach = reach_of(actor)
    return reach.is_superuser or instansi_id in reach.whole.get(Role.ADMIN, ())
