"""Users, their role grants (scoped to a unit subtree) and their API tokens."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. Linked to at most one Employee (people.Employee.user)."""

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin BKPSDM")
    ORG_ANALYST = "org_analyst", _("Analis Organisasi")
    UNIT_HEAD = "unit_head", _("Kepala Unit")
    SUPERVISOR = "supervisor", _("Atasan langsung")
    EMPLOYEE = "employee", _("Pegawai")
    MODERATOR = "moderator", _("Moderator")
    AUDITOR = "auditor", _("Auditor (Inspektorat)")


class RoleGrant(models.Model):
    """A role for a user; with a unit it covers that unit's whole subtree, without it all units
    of the instansi (for admin, org_analyst, moderator and auditor)."""

    user = models.ForeignKey(
        User, verbose_name=_("pengguna"), on_delete=models.CASCADE, related_name="role_grants"
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_grants",
        help_text=_("Kosongkan untuk seluruh instansi."),
    )
    granted_at = models.DateTimeField(_("diberikan"), auto_now_add=True)
    granted_by = models.ForeignKey(
        User,
        verbose_name=_("diberikan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hak peran")
        verbose_name_plural = _("hak peran")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "instansi", "unit"], name="rolegrant_unique"
            ),
        ]

    def __str__(self) -> str:
        where = self.unit.name if self.unit_id and self.unit else "seluruh instansi"
        return f"{self.user} — {self.get_role_display()} ({where})"


API_TOKEN_DEFAULT_DAYS = 90


def api_token_default_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=API_TOKEN_DEFAULT_DAYS)


class ApiToken(models.Model):
    """A bearer token for integrations. Only a SHA-256 hash of the secret is stored.

    The secret is 256 random bits shown once at creation; a fast hash suffices because such
    a secret cannot be guessed (unlike a password). `prefix` (its first 8 characters) names
    the token in lists and on the command line.
    """

    user = models.ForeignKey(
        User, verbose_name=_("pengguna"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("nama"), max_length=100, help_text=_("Mis. Integrasi SIASN."))
    prefix = models.CharField(_("awalan"), max_length=8, unique=True)
    key_hash = models.CharField(_("hash kunci"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        User,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("kedaluwarsa"), default=api_token_default_expiry)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    def is_usable(self, now: dt.datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now
