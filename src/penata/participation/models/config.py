"""Per-instansi participation settings: SLA targets, IKM weighting, survey period, moderation."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.participation.complaint_rules import DEFAULT_FOLLOWUP_HOURS, DEFAULT_RESPONSE_HOURS


class Weighting(models.TextChoices):
    ROUNDED = "rounded", _("0,111 per unsur (PermenPAN-RB 14/2017)")
    EXACT = "exact", _("1/9 per unsur (tepat)")


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("Triwulan")
    SEMESTER = "semester", _("Semester")
    YEAR = "year", _("Tahun")


class Moderation(models.TextChoices):
    PRE = "pre", _("Pra-moderasi: komentar anonim tampil setelah disetujui moderator")
    POST = "post", _("Pasca-moderasi: komentar anonim langsung tampil, moderator menindak")


class ParticipationSettings(models.Model):
    """One row per instansi; a missing row means the defaults (ULAS 1×24 h / 2×24 h)."""

    instansi = models.OneToOneField(
        "org.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="participation_settings",
    )
    response_hours = models.PositiveIntegerField(
        _("target tanggapan (jam)"),
        default=DEFAULT_RESPONSE_HOURS,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
        help_text=_("ULAS: admin menanggapi paling lama 1×24 jam."),
    )
    followup_hours = models.PositiveIntegerField(
        _("target tindak lanjut (jam)"),
        default=DEFAULT_FOLLOWUP_HOURS,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
        help_text=_("ULAS: perangkat daerah menindaklanjuti paling lama 2×24 jam."),
    )
    skm_weighting = models.CharField(
        _("pembobotan IKM"), max_length=10, choices=Weighting.choices, default=Weighting.ROUNDED
    )
    skm_period_kind = models.CharField(
        _("periode SKM"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.QUARTER
    )
    forum_moderation = models.CharField(
        _("moderasi komentar anonim"),
        max_length=4,
        choices=Moderation.choices,
        default=Moderation.PRE,
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("pengaturan partisipasi")
        verbose_name_plural = _("pengaturan partisipasi")
        constraints = [
            models.CheckConstraint(
                condition=Q(response_hours__gte=1) & Q(followup_hours__gte=1),
                name="participation_settings_positive_hours",
            )
        ]

    def __str__(self) -> str:
        return f"Pengaturan partisipasi {self.instansi}"
