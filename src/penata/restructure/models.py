"""Restructuring scenarios, their operations and enactments; team roles of functional posts.

A scenario stores operations as (kind, params JSON) in order; `cursor` says how many are in
force (undo/redo). The structure they produce is computed in memory by
`penata.restructure.graph`; only enactment writes units and positions.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.core.reference import POSITION_KINDS


class ScenarioStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")
    ENACTED = "enacted", _("Ditetapkan")


class Scenario(models.Model):
    """A named, ordered list of change operations on the structure valid on `base_date`."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("nama skenario"), max_length=200)
    description = models.TextField(_("keterangan"), blank=True)
    base_date = models.DateField(_("struktur dasar per tanggal"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ScenarioStatus.choices,
        default=ScenarioStatus.DRAFT,
        db_index=True,
    )
    cursor = models.PositiveIntegerField(
        _("jumlah operasi berlaku"),
        default=0,
        help_text=_("Operasi urutan 1..cursor berlaku; sisanya dibatalkan (dapat diulang)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diajukan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputus oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputus"), null=True, blank=True)
    decision_note = models.TextField(_("catatan keputusan"), blank=True)

    class Meta:
        verbose_name = _("skenario penataan")
        verbose_name_plural = _("skenario penataan")
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["instansi", "status"], name="scenario_instansi_status")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_editable(self) -> bool:
        return self.status == ScenarioStatus.DRAFT


class ScenarioOperation(models.Model):
    """One operation of a scenario: `kind` names a class in `graph.operations.OPERATIONS`."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    scenario = models.ForeignKey(
        Scenario, verbose_name=_("skenario"), on_delete=models.CASCADE, related_name="operations"
    )
    seq = models.PositiveIntegerField(_("urutan"))
    kind = models.CharField(_("jenis operasi"), max_length=40)
    params = models.JSONField(_("parameter"), default=dict)
    description = models.CharField(_("uraian"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditambahkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ditambahkan"), auto_now_add=True)

    class Meta:
        verbose_name = _("operasi skenario")
        verbose_name_plural = _("operasi skenario")
        ordering = ["scenario_id", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["scenario", "seq"], name="scenario_operation_seq"),
        ]

    def __str__(self) -> str:
        return f"{self.seq}. {self.description}"


class Enactment(models.Model):
    """The enactment of an approved scenario: legal basis, effective date, who did it, the
    confirmed crosswalk of employees and the lineage of rows (old id → successor id)."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    scenario = models.OneToOneField(
        Scenario, verbose_name=_("skenario"), on_delete=models.PROTECT, related_name="enactment"
    )
    legal_basis = models.CharField(
        _("dasar hukum"), max_length=200, help_text=_("Mis. Perwali Surakarta No. 12 Tahun 2026.")
    )
    effective_date = models.DateField(_("berlaku mulai"), db_index=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditetapkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enacted_at = models.DateTimeField(_("ditetapkan"), auto_now_add=True)
    crosswalk = models.JSONField(_("padanan pegawai"), default=list)
    lineage = models.JSONField(_("silsilah baris"), default=dict)
    summary = models.JSONField(_("ringkasan"), default=dict)

    class Meta:
        verbose_name = _("penetapan struktur")
        verbose_name_plural = _("penetapan struktur")
        ordering = ["-effective_date", "-id"]

    def __str__(self) -> str:
        return f"{self.legal_basis} ({self.effective_date:%d-%m-%Y})"


class TeamRole(models.TextChoices):
    KOORDINATOR = "koordinator", _("Koordinator")
    SUBKOORDINATOR = "subkoordinator", _("Subkoordinator")


class PositionRole(models.Model):
    """The Koordinator/Subkoordinator team role of a functional post (a role, not a tree node:
    DOMAIN §2.4) and, for posts made by penyetaraan, what the post was before (some regions
    pay TPP by the former position). Dated with its position row."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.OneToOneField(
        "org.Position",
        verbose_name=_("jabatan"),
        on_delete=models.CASCADE,
        related_name="team_role",
    )
    role = models.CharField(_("peran"), max_length=16, choices=TeamRole.choices, blank=True)
    former_kind = models.CharField(
        _("jenis jabatan semula"), max_length=20, blank=True, choices=list(POSITION_KINDS.items())
    )
    former_eselon = models.CharField(_("eselon semula"), max_length=4, blank=True)
    former_title = models.CharField(_("nama jabatan semula"), max_length=200, blank=True)
    enactment = models.ForeignKey(
        Enactment,
        verbose_name=_("penetapan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("peran tim jabatan fungsional")
        verbose_name_plural = _("peran tim jabatan fungsional")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="") | ~Q(former_kind=""), name="position_role_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display() or self.former_title} — {self.position_id}"
