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


class OverlapRunStatus(models.TextChoices):
    QUEUED = "queued", _("Antre")
    RUNNING = "running", _("Berjalan")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


class OverlapRun(models.Model):
    """One search for overlapping duties over the structure in force when it ran."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dijalankan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OverlapRunStatus.choices,
        default=OverlapRunStatus.QUEUED,
    )
    threshold = models.FloatField(_("ambang kemiripan"))
    progress_done = models.PositiveIntegerField(_("selesai"), default=0)
    progress_total = models.PositiveIntegerField(_("total"), default=0)
    duty_count = models.PositiveIntegerField(_("jumlah uraian tugas"), default=0)
    finding_count = models.PositiveIntegerField(_("jumlah temuan"), default=0)
    pair_count = models.PositiveIntegerField(_("jumlah pasangan"), default=0)
    error = models.TextField(_("galat"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("pemeriksaan tumpang tindih")
        verbose_name_plural = _("pemeriksaan tumpang tindih")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status in (OverlapRunStatus.DONE, OverlapRunStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.status == OverlapRunStatus.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))


class OverlapDecisionStatus(models.TextChoices):
    OPEN = "open", _("Belum diputus")
    CONFIRMED = "confirmed", _("Dikonfirmasi")
    DISMISSED = "dismissed", _("Diabaikan")
    RESOLVED = "resolved", _("Selesai ditangani")


class OverlapFinding(models.Model):
    """A cluster of duty statements of different units that say the same thing.

    `duties` holds, per duty: id, text hash, statement, unit and position (id and name) as
    they were at the run; `key` identifies the cluster by duty ids and text hashes."""

    run = models.ForeignKey(
        OverlapRun, verbose_name=_("pemeriksaan"), on_delete=models.CASCADE, related_name="findings"
    )
    key = models.CharField(_("kunci"), max_length=64, db_index=True)
    score = models.FloatField(_("skor"))
    terms = models.JSONField(_("istilah kunci"), default=list)
    duties = models.JSONField(_("uraian tugas"), default=list)
    pairs = models.JSONField(_("pasangan"), default=list)
    unit_ids = models.JSONField(_("unit"), default=list)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OverlapDecisionStatus.choices,
        default=OverlapDecisionStatus.OPEN,
    )

    class Meta:
        verbose_name = _("temuan tumpang tindih")
        verbose_name_plural = _("temuan tumpang tindih")
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "key"], name="overlap_finding_run_key"),
        ]

    def __str__(self) -> str:
        return f"{self.key[:8]} ({self.score:.2f})"


class OverlapDecision(models.Model):
    """An analyst's decision on a finding, kept across runs: it applies to every later finding
    with the same key (same duty ids and the same texts), so a dismissed finding returns
    only when one of its texts changes."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    key = models.CharField(_("kunci"), max_length=64)
    duty_ids = models.JSONField(_("uraian tugas"), default=list)
    status = models.CharField(_("status"), max_length=10, choices=OverlapDecisionStatus.choices)
    owner_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit pemilik"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("alasan"), blank=True)
    scenario = models.ForeignKey(
        Scenario,
        verbose_name=_("skenario"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputus oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputus"))

    class Meta:
        verbose_name = _("keputusan tumpang tindih")
        verbose_name_plural = _("keputusan tumpang tindih")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "key"], name="overlap_decision_key"),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(owner_unit__isnull=False),
                name="overlap_decision_confirmed_owner",
            ),
            models.CheckConstraint(
                condition=~Q(status="dismissed") | ~Q(reason=""),
                name="overlap_decision_dismissed_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key[:8]} {self.get_status_display()}"
