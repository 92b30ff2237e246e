"""Writes of accounts: API tokens (create, revoke, note their use).

`actor=None` means the server operator working through the `penata` command line: whoever
can run it can read the database anyway, so it is not asked for a role; the audit trail
records it as "sistem".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from penata.accounts import rules
from penata.accounts.models import ApiToken, Role, RoleGrant, User
from penata.accounts.scope import reach_of
from penata.accounts.selectors import admin_instansi_ids
from penata.core import audit
from penata.core.errors import PermissionDenied, ValidationFailed

if TYPE_CHECKING:
    from penata.org.models import Instansi, Unit

# Longest lifetime an admin may give a token; integrations renew at least once a year.
API_TOKEN_MAX_DAYS_DEFAULT = 365
# Note a token's use at most this often: one write per request would cost more than it tells.
LAST_USED_RESOLUTION = dt.timedelta(minutes=5)

NAME_MAX_LENGTH = 100

_AUDITED_FIELDS = ("user", "name", "prefix", "expires_at", "revoked_at")


def api_token_max_days() -> int:
    """Longest lifetime of a new token in days (setting PENATA_API_TOKEN_MAX_DAYS)."""
    return int(getattr(settings, "PENATA_API_TOKEN_MAX_DAYS", API_TOKEN_MAX_DAYS_DEFAULT))


def _instansi_of(user: User) -> int | None:
    ids = reach_of(user).instansi_ids
    return min(ids) if ids else None


def _check_may_manage(actor: Any, user: User) -> None:
    """Anyone for themself; an admin for the users of their instansi; only a superuser for a
    superuser (a token acts with all its user's rights)."""
    if actor is None:
        return
    if actor.pk == user.pk:
        return
    reach = reach_of(actor)
    if reach.is_superuser:
        return
    if not reach.has(Role.ADMIN) or user.is_superuser:
        raise PermissionDenied("Hanya admin yang dapat mengelola token API pengguna lain.")
    if not (admin_instansi_ids(actor) & reach_of(user).instansi_ids):
        raise PermissionDenied("Pengguna ini bukan pegawai atau pemegang peran di instansi Anda.")


@transaction.atomic
def api_token_create(
    *, actor: User | None, user: User, name: str, expires_at: dt.datetime
) -> tuple[ApiToken, str]:
    """Create an API token for `user`; return it with its secret, which is never stored.

    Show the secret to the person once; afterwards only its prefix identifies the token.
    The audit event names the token by prefix and never holds the secret.
    """
    _check_may_manage(actor, user)
    name = name.strip()
    now = timezone.now()
    if not name or len(name) > NAME_MAX_LENGTH:
        raise ValidationFailed(
            "token.name",
            f"Nama token wajib diisi, paling banyak {NAME_MAX_LENGTH} karakter "
            "(mis. 'Integrasi SIASN').",
            {"field": "name"},
        )
    if timezone.is_naive(expires_at):
        raise ValidationFailed("token.expiry_naive", "Waktu kedaluwarsa harus memuat zona waktu.")
    if expires_at <= now:
        raise ValidationFailed(
            "token.expiry_past", "Waktu kedaluwarsa token harus sesudah saat ini."
        )
    if expires_at > now + dt.timedelta(days=api_token_max_days()):
        raise ValidationFailed(
            "token.expiry_too_far",
            f"Masa berlaku token paling lama {api_token_max_days()} hari.",
            {"max_days": api_token_max_days()},
        )
    if not user.is_active:
        raise ValidationFailed(
            "token.user_inactive", "Akun pengguna ini nonaktif; token tidak dapat dibuat."
        )
    for _attempt in range(5):
        secret = rules.token_secret_new()
        try:
            # A savepoint, so that a (vanishingly rare) prefix collision can be retried.
            with transaction.atomic():
                token = ApiToken.objects.create(
                    user=user,
                    name=name,
                    prefix=rules.token_prefix(secret),
                    key_hash=rules.token_hash(secret),
                    created_by=actor,
                    expires_at=expires_at,
                )
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover - five collisions of 47-bit prefixes in a row
        raise RuntimeError("could not draw a unique API token prefix")
    audit.record(
        actor=actor,
        action="api_token.create",
        obj=token,
        after=audit.snapshot(token, _AUDITED_FIELDS),
        instansi_id=_instansi_of(user),
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor: User | None, token: ApiToken) -> ApiToken:
    """Revoke a token now; requests carrying it are refused from then on."""
    locked = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    _check_may_manage(actor, locked.user)
    if locked.revoked_at is not None:
        raise ValidationFailed(
            "token.already_revoked",
            f"Token {locked.prefix}… sudah dicabut pada "
            f"{timezone.localtime(locked.revoked_at):%d-%m-%Y %H:%M}.",
        )
    before = audit.snapshot(locked, _AUDITED_FIELDS)
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    audit.record(
        actor=actor,
        action="api_token.revoke",
        obj=locked,
        before=before,
        after=audit.snapshot(locked, _AUDITED_FIELDS),
        instansi_id=_instansi_of(locked.user),
    )
    return locked


def api_token_touch(*, token: ApiToken, now: dt.datetime) -> None:
    """Note that the token was used (at most every few minutes).

    Bookkeeping, not a change of anybody's data, so it records no audit event: an event per
    API request would bury the real ones.
    """
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


# ---------------------------------------------------------------------------------------------
# Role grants (DESIGN §1): who may grant what, and which combinations make sense.

# Roles whose reach is a unit subtree: an instansi-wide grant would mean something else.
UNIT_REQUIRED_ROLES = frozenset({Role.UNIT_HEAD})
# Roles that act on the user's own employee record (supervisor: the reporting line of the
# positions that employee holds; employee: themself).
EMPLOYEE_LINK_ROLES = frozenset({Role.SUPERVISOR, Role.EMPLOYEE})
# Roles only an instansi-wide admin may hand out.
INSTANSI_ADMIN_ONLY_ROLES = frozenset({Role.ADMIN, Role.AUDITOR})

_GRANT_FIELDS = ("user", "role", "instansi", "unit", "granted_by")


def _admin_covers(actor: Any, instansi_id: int, unit: Unit | None) -> bool:
    """Does the actor hold `admin` over the instansi (no unit) or over the unit's subtree?"""
    reach = reach_of(actor)
    if reach.is_superuser:
        return True
    if instansi_id in reach.whole.get(Role.ADMIN, frozenset()):
        return True
    if unit is None:
        return False
    return any(unit.path.startswith(path) for path in reach.subtrees.get(Role.ADMIN, ()))


def _check_may_grant(
    actor: Any, *, user: User, role: str, instansi_id: int, unit: Unit | None
) -> None:
    reach = reach_of(actor)
    if actor is not None and not reach.has(Role.ADMIN):
        raise PermissionDenied("Hanya admin yang dapat memberi atau mencabut peran.")
    if actor is not None and actor.pk == user.pk:
        raise PermissionDenied(
            "Anda tidak dapat memberi atau mencabut peran Anda sendiri; minta admin lain."
        )
    if actor is not None and user.is_superuser and not reach.is_superuser:
        raise PermissionDenied("Peran akun superuser hanya diatur oleh superuser.")
    if actor is None:
        return
    if role in INSTANSI_ADMIN_ONLY_ROLES and not (
        reach.is_superuser or instansi_id in reach.whole.get(Role.ADMIN, frozenset())
    ):
        raise PermissionDenied(
            "Peran admin dan auditor hanya dapat diatur oleh admin tingkat instansi."
        )
    if not _admin_covers(actor, instansi_id, unit):
        raise PermissionDenied(
            "Hak admin Anda tidak mencakup unit ini."
            if unit is not None
            else "Peran untuk seluruh instansi hanya dapat diatur oleh admin tingkat instansi."
        )


@transaction.atomic
def role_grant_create(
    *, actor: User | None, user: User, role: str, instansi: Instansi, unit: Unit | None = None
) -> RoleGrant:
    """Grant `role` to `user` on `unit`'s subtree (or, without a unit, the whole instansi).

    Refuses (ApplicationError codes `role_grant.*`): unknown roles, a unit of another
    instansi or no longer in force, a `unit_head` without a unit, a `supervisor`/`employee`
    grant for an account not linked to an employee of the instansi, inactive accounts and
    duplicates. Records `role_grant.create`.
    """
    from penata.people.models import Employee

    if role not in Role.values:
        raise ValidationFailed(
            "role_grant.role_invalid", f"Peran '{role}' tidak dikenal.", {"field": "role"}
        )
    if unit is not None and unit.instansi_id != instansi.pk:
        raise ValidationFailed(
            "role_grant.unit_instansi",
            "Unit yang dipilih bukan bagian dari instansi ini.",
            {"field": "unit"},
        )
    _check_may_grant(actor, user=user, role=role, instansi_id=instansi.pk, unit=unit)
    if not user.is_active:
        raise ValidationFailed(
            "role_grant.user_inactive", "Akun pengguna ini nonaktif; peran tidak dapat diberikan."
        )
    if unit is not None and not unit.is_current():
        raise ValidationFailed(
            "role_grant.unit_closed",
            f"Unit {unit.name} sudah tidak berlaku; pilih unit yang masih berlaku.",
            {"field": "unit"},
        )
    if role in UNIT_REQUIRED_ROLES and unit is None:
        raise ValidationFailed(
            "role_grant.unit_required",
            "Peran Kepala Unit harus diberikan pada satu unit (berlaku untuk unit itu dan "
            "seluruh unit di bawahnya).",
            {"field": "unit"},
        )
    if role in EMPLOYEE_LINK_ROLES:
        if not Employee.objects.filter(user=user, instansi=instansi).exists():
            raise ValidationFailed(
                "role_grant.employee_link_required",
                "Peran ini mengikuti jabatan pegawai: akun harus terhubung dengan data pegawai "
                "di instansi ini terlebih dahulu.",
                {"field": "user"},
            )
        if unit is not None:
            raise ValidationFailed(
                "role_grant.unit_not_applicable",
                "Peran Atasan langsung dan Pegawai mengikuti jabatan dan data pegawai, bukan "
                "unit; kosongkan unit.",
                {"field": "unit"},
            )
    exists = RoleGrant.objects.filter(user=user, role=role, instansi=instansi, unit=unit)
    if exists.exists():
        raise ValidationFailed(
            "role_grant.duplicate",
            "Pengguna ini sudah memiliki peran tersebut pada cakupan yang sama.",
        )
    grant = RoleGrant.objects.create(
        user=user, role=role, instansi=instansi, unit=unit, granted_by=actor
    )
    audit.record(
        actor=actor,
        action="role_grant.create",
        obj=grant,
        after=audit.snapshot(grant, _GRANT_FIELDS),
        instansi_id=instansi.pk,
    )
    return grant


@transaction.atomic
def role_grant_revoke(*, actor: User | None, grant: RoleGrant) -> None:
    """Withdraw a role grant; it stops counting from the user's next request.

    Records `role_grant.revoke` with the grant as it was.
    """
    locked = (
        RoleGrant.objects.select_for_update(of=("self",))
        .select_related("user", "unit")
        .filter(pk=grant.pk)
        .first()
    )
    if locked is None:
        raise ValidationFailed("role_grant.already_revoked", "Peran ini sudah dicabut.")
    _check_may_grant(
        actor, user=locked.user, role=locked.role, instansi_id=locked.instansi_id, unit=locked.unit
    )
    before = audit.snapshot(locked, _GRANT_FIELDS)
    label = str(locked)
    grant_id = locked.pk
    locked.delete()
    audit.record(
        actor=actor,
        action="role_grant.revoke",
        object_type="accounts.rolegrant",
        object_id=grant_id,
        before=before,
        instansi_id=before["instansi"],
        extra={"grant": label},
    )
