"""Reads of accounts: API tokens and the users an admin manages them for.

Who sees which tokens: an `admin` sees the tokens of every user of the instansi where they
hold the admin role (superusers: all); everybody else sees only their own.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from penata.accounts import rules
from penata.accounts.models import ApiToken, Role, RoleGrant, User
from penata.accounts.scope import reach_of
from penata.core.errors import NotFound


def admin_instansi_ids(actor: Any) -> frozenset[int]:
    """Instansi where `actor` holds `admin` (whole or on a unit) — one query."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return frozenset()
    return frozenset(
        RoleGrant.objects.filter(user=actor, role=Role.ADMIN).values_list("instansi_id", flat=True)
    )


def users_of_instansi_q(instansi_ids: frozenset[int]) -> Q:
    """Users holding a grant in, or linked to an employee of, one of the instansi."""
    return Q(role_grants__instansi_id__in=instansi_ids) | Q(employee__instansi_id__in=instansi_ids)


def token_user_choices(actor: Any) -> QuerySet[User]:
    """Active users `actor` may create tokens for: themself, and as admin the users of their
    instansi (superuser accounts only for a superuser)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return User.objects.none()
    reach = reach_of(actor)
    if reach.is_superuser:
        return User.objects.filter(is_active=True).order_by("username")
    q = Q(pk=actor.pk)
    if reach.has(Role.ADMIN):
        q |= users_of_instansi_q(admin_instansi_ids(actor)) & Q(is_superuser=False)
    ids = User.objects.filter(q, is_active=True).values("pk")
    return User.objects.filter(pk__in=ids).order_by("username")


def api_token_list(actor: Any) -> QuerySet[ApiToken]:
    """Tokens the actor may see, newest first, with user and creator loaded."""
    qs = ApiToken.objects.select_related("user", "created_by").order_by("-created_at", "-id")
    if actor is None or not getattr(actor, "is_authenticated", False):
        return qs.none()
    reach = reach_of(actor)
    if reach.is_superuser:
        return qs
    q = Q(user_id=actor.pk)
    if reach.has(Role.ADMIN):
        users = User.objects.filter(users_of_instansi_q(admin_instansi_ids(actor))).values("pk")
        q |= Q(user_id__in=users)
    return qs.filter(q)


def api_token_get_for(actor: Any, token_id: int) -> ApiToken:
    """One token the actor may see, or NotFound."""
    token = api_token_list(actor).filter(pk=token_id).first()
    if token is None:
        raise NotFound("token API")
    return token


def api_token_by_prefix(prefix: str) -> ApiToken:
    """The token named by its prefix (server operator on the command line), or NotFound."""
    token = ApiToken.objects.select_related("user").filter(prefix=prefix.strip()).first()
    if token is None:
        raise NotFound("token API")
    return token


def api_token_for_secret(secret: str) -> ApiToken | None:
    """The token whose secret this is (revoked and expired ones included), with its user."""
    if not rules.token_well_formed(secret):
        return None
    # The prefix is unique, so at most one candidate; the hash decides in constant time.
    for token in ApiToken.objects.select_related("user").filter(prefix=rules.token_prefix(secret)):
        if rules.token_matches(secret, token.key_hash):
            return token
    return None


def api_token_list_all() -> QuerySet[ApiToken]:
    """Every token, newest first (server operator on the command line)."""
    return ApiToken.objects.select_related("user").order_by("-created_at", "-id")


def user_by_username(username: str) -> User:
    """The account with this username (server operator on the command line), or NotFound."""
    user = User.objects.filter(username=username).first()
    if user is None:
        raise NotFound(f"pengguna '{username}'")
    return user


def role_grant_list(actor: Any) -> QuerySet[RoleGrant]:
    """The actor's own role grants with their unit and instansi (for the staff home)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return RoleGrant.objects.none()
    return (
        RoleGrant.objects.filter(user_id=actor.pk)
        .select_related("unit", "instansi")
        .order_by("role", "unit__path", "id")
    )


# ---------------------------------------------------------------------------------------------
# Role administration (admin pages /akun/peran/)


def _admin_grant_q(actor: Any, prefix: str = "") -> Q:
    """Grants an admin manages: of the instansi they administer whole, or on a unit inside
    a subtree where they are admin."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return Q()
    q = Q(**{f"{prefix}instansi_id__in": list(reach.whole.get(Role.ADMIN, ()))})
    for path in reach.subtrees.get(Role.ADMIN, ()):
        q |= Q(**{f"{prefix}unit__path__startswith": path})
    return q


def _managed_users_q(actor: Any) -> Q:
    """Users an admin manages: holders of grants they manage, employees of their instansi
    (or of their subtree) and accounts not yet attached to any instansi."""
    from penata.people.models import Assignment
    from penata.people.selectors import current_assignment_q

    reach = reach_of(actor)
    if reach.is_superuser:
        return Q()
    whole = list(reach.whole.get(Role.ADMIN, ()))
    grant_users = RoleGrant.objects.filter(_admin_grant_q(actor)).values("user_id")
    q = Q(pk__in=grant_users) | Q(employee__instansi_id__in=whole)
    paths = reach.subtrees.get(Role.ADMIN, ())
    if paths:
        unit_q = Q(pk__in=[])
        for path in paths:
            unit_q |= Q(position__unit__path__startswith=path)
        assigned = Assignment.objects.filter(current_assignment_q(), unit_q).values("employee_id")
        q |= Q(employee__in=assigned)
    unattached = Q(role_grants__isnull=True, employee__isnull=True)
    return (q | unattached) & Q(is_superuser=False)


def may_administer_roles(actor: Any) -> bool:
    return reach_of(actor).has(Role.ADMIN)


def managed_user_list(actor: Any, *, search: str = "", role: str = "") -> QuerySet[User]:
    """Users whose roles the admin manages, with their grants (unit, instansi) and employee
    record loaded; `search` matches username, name or NIP, `role` keeps holders of a role."""
    if not may_administer_roles(actor):
        return User.objects.none()
    ids = User.objects.filter(_managed_users_q(actor)).values("pk")
    qs = User.objects.filter(pk__in=ids)
    if search:
        qs = qs.filter(
            Q(username__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(employee__name__icontains=search)
            | Q(employee__nip__startswith=search.replace(" ", ""))
        )
    if role:
        qs = qs.filter(role_grants__role=role)
    return (
        qs.distinct()
        .select_related("employee")
        .prefetch_related(
            Prefetch(
                "role_grants",
                queryset=RoleGrant.objects.select_related("unit", "instansi", "granted_by")
                .filter(_admin_grant_q(actor))
                .order_by("role", "unit__path", "id"),
                to_attr="managed_grants",
            )
        )
        .order_by("username", "id")
    )


def managed_user_get_for(actor: Any, user_id: int) -> User:
    """One user whose roles the admin manages, or NotFound."""
    user = managed_user_list(actor).filter(pk=user_id).first()
    if user is None:
        raise NotFound("pengguna")
    return user


def role_grant_get_for(actor: Any, grant_id: int) -> RoleGrant:
    """One grant the admin manages, or NotFound."""
    if not may_administer_roles(actor):
        raise NotFound("hak peran")
    grant = (
        RoleGrant.objects.filter(_admin_grant_q(actor), pk=grant_id)
        .select_related("user", "unit", "instansi")
        .first()
    )
    if grant is None:
        raise NotFound("hak peran")
    return grant


def grant_unit_choices(actor: Any, *, search: str = "", limit: int = 20) -> QuerySet[Any]:
    """Units in force an admin may grant roles on (search by name or code), in tree order."""
    from penata.core.dating import valid_on
    from penata.org.models import Unit

    reach = reach_of(actor)
    if not may_administer_roles(actor):
        return Unit.objects.none()
    qs = Unit.objects.filter(valid_on())
    if not reach.is_superuser:
        q = Q(instansi_id__in=list(reach.whole.get(Role.ADMIN, ())))
        for path in reach.subtrees.get(Role.ADMIN, ()):
            q |= Q(path__startswith=path)
        qs = qs.filter(q)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(code__icontains=search))
    return qs.select_related("parent").order_by("path")[:limit]


def grant_unit_get_for(actor: Any, unit_id: int) -> Any:
    """A unit (any date) the admin may name in a grant, or NotFound."""
    from penata.org.models import Unit

    reach = reach_of(actor)
    unit = Unit.objects.select_related("instansi").filter(pk=unit_id).first()
    if unit is None or not may_administer_roles(actor):
        raise NotFound("unit")
    if reach.is_superuser or unit.instansi_id in reach.whole.get(Role.ADMIN, frozenset()):
        return unit
    if any(unit.path.startswith(p) for p in reach.subtrees.get(Role.ADMIN, ())):
        return unit
    raise NotFound("unit")
