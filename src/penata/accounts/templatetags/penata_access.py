"""`{% load penata_access %}{% access_of user as access %}`: what the menu may offer a user.

Menus only hide what a role cannot use; the views themselves decide (403/404).
"""

from __future__ import annotations

from typing import Any

from django import template

from penata.accounts.models import Role
from penata.accounts.scope import reach_of

register = template.Library()


@register.simple_tag
def access_of(user: Any) -> dict[str, bool]:
    reach = reach_of(user)
    instansi_wide = {
        role: reach.is_superuser or bool(reach.whole.get(role)) for role in Role.values
    }
    return {
        "linked": reach.employee_id is not None,
        "admin": reach.has(Role.ADMIN),
        "audit": instansi_wide[Role.ADMIN] or instansi_wide[Role.AUDITOR],
        "breach": instansi_wide[Role.ADMIN],
    }
