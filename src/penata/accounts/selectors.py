"""Reads of accounts: API tokens and the users an admin manages them for.

Who sees which tokens: an `admin` sees the tokens of every user of the instansi where they
hold the admin role (superusers: all); everybody else sees only their own.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

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
