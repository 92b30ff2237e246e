"""Writes of accounts: API tokens (create, revoke, note their use).

`actor=None` means the server operator working through the `penata` command line: whoever
can run it can read the database anyway, so it is not asked for a role; the audit trail
records it as "sistem".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from penata.accounts import rules
from penata.accounts.models import ApiToken, Role, User
from penata.accounts.scope import reach_of
from penata.accounts.selectors import admin_instansi_ids
from penata.core import audit
from penata.core.errors import PermissionDenied, ValidationFailed

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
