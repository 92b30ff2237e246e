"""Periodic and annual evaluations: realisation per indicator with evidence, the pejabat
penilai's rating per RHK and of perilaku, and the predikat from the matrix."""

from __future__ import annotations

import pathlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.performance.rules import PREDIKAT_LABELS, RATING_LABELS

ANNUAL_NUMBER = 0


class Evaluation(models.Model):
    """One evaluation of an SKP: periodic (number 1…12 by the SKP's frequency) or annual
    (number 0). Created on the first write for its period.

    Flow: open (the employee records realisation) → submitted → rated (by the pejabat
    penilai, still changeable) → final.
    """

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("Periodik")
        ANNUAL = "annual", _("Tahunan")

    class Status(models.TextChoices):
        OPEN = "open", _("Diisi pegawai")
        SUBMITTED = "submitted", _("Menunggu penilaian")
        RATED = "rated", _("Dinilai")
        FINAL = "final", _("Final")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    skp = models.ForeignKey(
        "performance.Skp",
        verbose_name=_("SKP"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="+"
    )
    perangkat_daerah = models.ForeignKey(
        "org.Unit",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("periode ke"))
    label = models.CharField(_("periode"), max_length=40)
    start = models.DateField(_("awal"))
    end = models.DateField(_("akhir"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    hasil_kerja_rating = models.CharField(
        _("rating hasil kerja"), max_length=10, blank=True, choices=list(RATING_LABELS.items())
    )
    hasil_kerja_from_org = models.BooleanField(
        _("mengikuti predikat organisasi"),
        default=False,
        help_text=_("Kepala unit: rating hasil kerja = hasil kinerja organisasinya."),
    )
    perilaku_rating = models.CharField(
        _("rating perilaku kerja"), max_length=10, blank=True, choices=list(RATING_LABELS.items())
    )
    predikat = models.CharField(
        _("predikat kinerja"), max_length=16, blank=True, choices=list(PREDIKAT_LABELS.items())
    )
    feedback = models.TextField(_("umpan balik hasil kerja"), max_length=2000, blank=True)
    perilaku_feedback = models.TextField(
        _("umpan balik perilaku kerja"), max_length=2000, blank=True
    )
    jf_jenjang = models.CharField(_("jenjang JF"), max_length=20, blank=True)
    angka_kredit = models.DecimalField(
        _("angka kredit"), max_digits=8, decimal_places=3, null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    rated_at = models.DateTimeField(_("dinilai"), null=True, blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dinilai oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    finalised_at = models.DateTimeField(_("ditetapkan"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluasi kinerja")
        verbose_name_plural = _("evaluasi kinerja")
        ordering = ["skp_id", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["skp", "kind", "number"], name="evaluation_period"),
            models.CheckConstraint(
                condition=Q(kind="annual", number=ANNUAL_NUMBER)
                | Q(kind="periodic", number__gte=1, number__lte=12),
                name="evaluation_number_range",
            ),
        ]
        indexes = [
            # Late and rated periodic evaluations per Perangkat Daerah (city dashboard).
            models.Index(
                fields=["instansi", "kind", "status", "end", "perangkat_daerah"],
                name="evaluation_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} — {self.employee_id}"

    @property
    def is_annual(self) -> bool:
        return self.kind == self.Kind.ANNUAL

    @property
    def is_rated(self) -> bool:
        return self.status in (self.Status.RATED, self.Status.FINAL)


def _evidence_upload_to(instance: Realisation, filename: str) -> str:
    """A random name: the original name may say more than the file should."""
    suffix = pathlib.Path(filename).suffix.lower()[:8]
    return f"kinerja/bukti/{instance.instansi_id}/{uuid.uuid4().hex}{suffix}"


class Realisation(models.Model):
    """The realisation of one indicator in one evaluation: the cumulative value reached by
    the end of the period, what was done, and the evidence (a link or a file)."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("evaluasi"),
        on_delete=models.CASCADE,
        related_name="realisations",
    )
    indicator = models.ForeignKey(
        "performance.Indicator",
        verbose_name=_("indikator"),
        on_delete=models.PROTECT,
        related_name="realisations",
    )
    # The evaluation's employee, kept on the row so that "written today by these people"
    # is one range of an index (the dashboards poll it).
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    value = models.DecimalField(_("realisasi"), max_digits=12, decimal_places=2)
    note = models.TextField(_("uraian capaian"), max_length=2000, blank=True)
    evidence_link = models.URLField(_("tautan bukti dukung"), max_length=500, blank=True)
    evidence_file = models.FileField(
        _("berkas bukti dukung"), upload_to=_evidence_upload_to, blank=True, max_length=255
    )
    evidence_name = models.CharField(_("nama berkas"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diisi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("realisasi indikator")
        verbose_name_plural = _("realisasi indikator")
        ordering = ["evaluation_id", "indicator_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "indicator"], name="realisation_indicator"
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="realisation_nonnegative"),
        ]
        indexes = [
            models.Index(
                fields=["instansi", "employee", "updated_at"], name="realisation_written_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value}"


class RhkRating(models.Model):
    """The pejabat penilai's rating of one RHK in one evaluation, with feedback."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluasi"), on_delete=models.CASCADE, related_name="ratings"
    )
    rhk = models.ForeignKey(
        "performance.Rhk", verbose_name=_("RHK"), on_delete=models.PROTECT, related_name="ratings"
    )
    rating = models.CharField(_("rating"), max_length=10, choices=list(RATING_LABELS.items()))
    feedback = models.CharField(_("umpan balik"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("rating RHK")
        verbose_name_plural = _("rating RHK")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "rhk"], name="rhkrating_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.rhk_id}: {self.rating}"
