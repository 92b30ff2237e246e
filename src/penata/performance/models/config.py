"""Per-instansi settings of the SKP cycle, the organisational predikat of units, and the
working calendar (weekly pattern, national holidays, local holidays and working days)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.performance.rules import ORG_PREDIKAT_LABELS
from penata.performance.values import FREQUENCY_LABELS


class PerformanceSettings(models.Model):
    """How an instansi runs the SKP cycle. Missing row = the defaults below."""

    instansi = models.OneToOneField(
        "org.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="performance_settings",
    )
    frequency = models.CharField(
        _("frekuensi evaluasi periodik"),
        max_length=10,
        choices=list(FREQUENCY_LABELS.items()),
        default="monthly",
        help_text=_("Berlaku untuk SKP yang dibuat setelah perubahan."),
    )
    grace_days = models.PositiveSmallIntegerField(
        _("batas waktu penilaian (hari setelah periode)"),
        default=10,
        validators=[MaxValueValidator(90)],
        help_text=_("Evaluasi periodik yang belum dinilai setelah batas ini dihitung terlambat."),
    )
    evidence_max_kb = models.PositiveIntegerField(
        _("ukuran bukti dukung maksimal (KB)"),
        default=2048,
        validators=[MinValueValidator(64), MaxValueValidator(20480)],
    )
    backdate_days = models.PositiveSmallIntegerField(
        _("log harian boleh diisi mundur (hari)"),
        default=31,
        validators=[MaxValueValidator(366)],
    )
    reminders_enabled = models.BooleanField(_("kirim pengingat log harian"), default=True)
    # Overrides of rules.DEFAULT_COEFFICIENTS, jenjang → koefisien tahunan (text of a decimal).
    ak_coefficients = models.JSONField(
        _("koefisien angka kredit tahunan"), default=dict, blank=True
    )
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diperbarui oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pengaturan kinerja")
        verbose_name_plural = _("pengaturan kinerja")

    def __str__(self) -> str:
        return f"Pengaturan kinerja — {self.instansi}"


class WorkCalendar(models.Model):
    """The working days of the week of an instansi (Monday = 0). Missing row = Mon–Fri."""

    instansi = models.OneToOneField(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="+"
    )
    working_weekdays = models.CharField(
        _("hari kerja dalam sepekan"),
        max_length=7,
        default="01234",
        help_text=_("Angka hari: 0 = Senin … 6 = Minggu. Lima hari kerja = 01234."),
    )
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("kalender kerja")
        verbose_name_plural = _("kalender kerja")

    def __str__(self) -> str:
        return f"Kalender kerja — {self.instansi}"

    def weekdays(self) -> frozenset[int]:
        return frozenset(int(c) for c in self.working_weekdays)


class Holiday(models.Model):
    """A day of the calendar. Without instansi: the national list (SKB 3 Menteri), kept by the
    superuser; with instansi: that instansi's own local holiday, or a working day that
    overrides a national holiday or a weekend (hari kerja pengganti)."""

    class Kind(models.TextChoices):
        NATIONAL = "nasional", _("Libur nasional")
        JOINT_LEAVE = "cuti_bersama", _("Cuti bersama")
        LOCAL = "daerah", _("Libur daerah")
        WORKING = "hari_kerja", _("Hari kerja (pengganti libur)")

    instansi = models.ForeignKey(
        "org.Instansi",
        verbose_name=_("instansi"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kosong = daftar nasional."),
    )
    date = models.DateField(_("tanggal"))
    name = models.CharField(_("keterangan"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    is_estimate = models.BooleanField(
        _("perkiraan"),
        default=False,
        help_text=_("Tanggal belum pasti (mis. menunggu sidang isbat)."),
    )
    source = models.CharField(_("dasar penetapan"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["date"], condition=Q(instansi__isnull=True), name="holiday_national_day"
            ),
            models.UniqueConstraint(
                fields=["instansi", "date"],
                condition=Q(instansi__isnull=False),
                name="holiday_instansi_day",
            ),
            models.CheckConstraint(
                condition=Q(instansi__isnull=False) | Q(kind__in=["nasional", "cuti_bersama"]),
                name="holiday_national_kinds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"

    @property
    def is_day_off(self) -> bool:
        return self.kind != self.Kind.WORKING


class OrgPredikat(models.Model):
    """The organisational performance predikat of a unit for a year (entered by admin): it
    sets the distribution curve of the unit's staff and the unit head's hasil kerja rating."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    predikat = models.CharField(
        _("predikat organisasi"), max_length=16, choices=list(ORG_PREDIKAT_LABELS.items())
    )
    note = models.CharField(_("catatan / dasar"), max_length=255, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditetapkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    set_at = models.DateTimeField(_("ditetapkan"), auto_now=True)

    class Meta:
        verbose_name = _("predikat organisasi")
        verbose_name_plural = _("predikat organisasi")
        ordering = ["year", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "unit", "year"], name="orgpredikat_unit_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.get_predikat_display()}"
