"""Users and their role grants (scoped to a unit subtree)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
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
