"""The daily activity log (the high-volume table) and the reminders for empty working days."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

DESCRIPTION_MAX = 500
MINUTES_PER_DAY = 24 * 60


class Activity(models.Model):
    """One entry of an employee's daily log.

    Billions of rows at national scale (DESIGN §5): every row carries `instansi_id`; the
    indexes lead with it, and the unit/Perangkat Daerah of the employee at the time of
    writing are kept on the row so that dashboards aggregate without joins. Foreign keys that
    no query filters on alone carry no index of their own (each index is paid on every insert).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu persetujuan")
        APPROVED = "approved", _("Disetujui")
        RETURNED = "returned", _("Dikembalikan")

    instansi = models.ForeignKey(
        "org.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="activities",
        db_index=False,
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
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
    date = models.DateField(_("tanggal"))
    description = models.CharField(_("uraian kegiatan"), max_length=DESCRIPTION_MAX)
    minutes = models.PositiveSmallIntegerField(_("durasi (menit)"))
    rhk = models.ForeignKey(
        "performance.Rhk",
        verbose_name=_("RHK terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    output_count = models.PositiveIntegerField(_("jumlah keluaran"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diperiksa oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    reviewed_at = models.DateTimeField(_("diperiksa"), null=True, blank=True)
    review_note = models.CharField(_("catatan atasan"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        verbose_name = _("log kegiatan harian")
        verbose_name_plural = _("log kegiatan harian")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=1, minutes__lte=MINUTES_PER_DAY),
                name="activity_minutes_range",
            ),
        ]
        indexes = [
            models.Index(fields=["instansi", "employee", "date"], name="activity_employee_day_idx"),
            # Leads with (instansi, date) and carries what the city dashboard counts, so that
            # a day's or a week's entries per Perangkat Daerah are read from the index alone.
            models.Index(
                fields=["instansi", "date", "perangkat_daerah", "employee"],
                name="activity_day_idx",
            ),
            # Pending entries are few (most get approved): a small partial index serves the
            # reviewer's queue and the dashboards' "menunggu persetujuan" counts.
            models.Index(
                fields=["instansi", "employee", "date"],
                condition=Q(status="pending"),
                name="activity_pending_idx",
            ),
            models.Index(
                fields=["instansi", "perangkat_daerah"],
                condition=Q(status="pending"),
                name="activity_pending_pd_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.description[:60]}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class ActivityReminder(models.Model):
    """A reminder that a working day has no log entry: shown in the app until the day is
    filled in or dismissed, and sent by e-mail once (`penata activity remind`)."""

    instansi = models.ForeignKey(
        "org.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    date = models.DateField(_("hari kerja yang kosong"))
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("dikirim lewat surel"), null=True, blank=True)
    dismissed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    class Meta:
        verbose_name = _("pengingat log harian")
        verbose_name_plural = _("pengingat log harian")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "employee", "date"], name="activityreminder_day"
            ),
        ]

    def __str__(self) -> str:
        return f"Pengingat {self.date:%Y-%m-%d} — {self.employee_id}"
