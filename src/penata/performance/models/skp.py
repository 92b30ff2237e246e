"""The SKP plan: one per employee per year, its results (RHK) with indicators, the leader's
specific behaviour expectations, and the approved versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.performance.rules import PREDIKAT_LABELS
from penata.performance.values import ACTING_LABELS, ASPECTS, BERAKHLAK, FREQUENCY_LABELS, RHK_KINDS


class Skp(models.Model):
    """Sasaran Kinerja Pegawai of one employee (PNS or PPPK) for one year.

    `evaluator` is the pejabat penilai resolved from the reporting line (refreshed on every
    step of the flow); `unit`/`perangkat_daerah` are the employee's at planning time, kept on
    the row so that dashboards group without joins. `predikat`/`realisation_share` are the
    latest results, kept up to date by the evaluation services.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan")
        APPROVED = "approved", _("Disetujui")
        RETURNED = "returned", _("Dikembalikan")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="skps"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    position = models.ForeignKey(
        "org.Position", verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    perangkat_daerah = models.ForeignKey(
        "org.Unit",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    start = models.DateField(_("awal periode"))
    end = models.DateField(_("akhir periode"))
    frequency = models.CharField(
        _("frekuensi evaluasi"), max_length=10, choices=list(FREQUENCY_LABELS.items())
    )
    evaluator = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evaluator_position = models.ForeignKey(
        "org.Position",
        verbose_name=_("jabatan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evaluator_acting = models.CharField(
        _("status pejabat penilai"),
        max_length=3,
        blank=True,
        choices=list(ACTING_LABELS.items()),
    )
    evaluator_is_fallback = models.BooleanField(
        _("atasan berikutnya"),
        default=False,
        help_text=_("Jabatan atasan langsung kosong: dinilai atasan pada jenjang berikutnya."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveSmallIntegerField(
        _("versi disetujui"), default=0, help_text=_("0 = belum pernah disetujui.")
    )
    return_note = models.TextField(_("catatan pengembalian"), blank=True)
    revision_reason = models.CharField(_("alasan perubahan"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    approved_at = models.DateTimeField(_("disetujui"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    predikat = models.CharField(
        _("predikat terakhir"), max_length=16, blank=True, choices=list(PREDIKAT_LABELS.items())
    )
    predikat_label = models.CharField(_("periode predikat"), max_length=40, blank=True)
    predikat_is_final = models.BooleanField(_("predikat tahunan final"), default=False)
    realisation_share = models.DecimalField(
        _("capaian rata-rata indikator kuantitas"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["-year", "employee__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "employee", "year"], name="skp_employee_year"
            ),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="skp_range"),
        ]
        indexes = [
            models.Index(fields=["instansi", "year", "perangkat_daerah"], name="skp_pd_idx"),
            models.Index(fields=["instansi", "year", "evaluator"], name="skp_evaluator_idx"),
        ]

    def __str__(self) -> str:
        return f"SKP {self.year} — {self.employee}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def has_been_approved(self) -> bool:
        return self.version > 0


class Rhk(models.Model):
    """Rencana hasil kerja. `parent` is the superior's RHK it supports (intervensi): the
    cascade from kepala dinas down to staff."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="rhks"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("RHK atasan yang diintervensi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField(
        _("jenis"), max_length=10, choices=list(RHK_KINDS.items()), default="utama"
    )
    text = models.TextField(_("rencana hasil kerja"), max_length=1000)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        ordering = ["skp_id", "-kind", "sort_order", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_main(self) -> bool:
        return self.kind == "utama"


class Indicator(models.Model):
    """Indikator kinerja of an RHK: aspect (kuantitas/kualitas/waktu), target and its unit.

    `realised` is the latest cumulative realisation recorded in an evaluation (and the end
    of that evaluation's period in `realised_on`).
    """

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    rhk = models.ForeignKey(
        Rhk, verbose_name=_("RHK"), on_delete=models.CASCADE, related_name="indicators"
    )
    aspect = models.CharField(_("aspek"), max_length=10, choices=list(ASPECTS.items()))
    text = models.CharField(_("indikator"), max_length=500)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("satuan"), max_length=40)
    realised = models.DecimalField(
        _("realisasi terakhir"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    realised_on = models.DateField(_("realisasi per tanggal"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("indikator kinerja")
        verbose_name_plural = _("indikator kinerja")
        ordering = ["rhk_id", "sort_order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(target__gt=0), name="indicator_target_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.target} {self.unit})"


class BehaviourExpectation(models.Model):
    """A specific expectation the leader adds to one BerAKHLAK value of an SKP (the seven
    values themselves hold for everybody and are not stored)."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="expectations"
    )
    value = models.CharField(_("nilai BerAKHLAK"), max_length=24, choices=list(BERAKHLAK.items()))
    text = models.CharField(_("ekspektasi khusus pimpinan"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditulis oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("ekspektasi perilaku")
        verbose_name_plural = _("ekspektasi perilaku")
        ordering = ["skp_id", "value", "id"]

    def __str__(self) -> str:
        return f"{self.get_value_display()}: {self.text[:60]}"


class SkpVersion(models.Model):
    """The plan as approved: a JSON snapshot of RHK, indicators and expectations. Each
    approval writes the next number, so every change after approval stays on record."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("versi"))
    snapshot = models.JSONField(_("isi rencana"))
    reason = models.CharField(_("alasan perubahan"), max_length=500, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("disetujui"), auto_now_add=True)

    class Meta:
        verbose_name = _("versi SKP")
        verbose_name_plural = _("versi SKP")
        ordering = ["skp_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["skp", "number"], name="skpversion_number"),
        ]

    def __str__(self) -> str:
        return f"{self.skp} v{self.number}"
