"""Announcements of a change (sosialisasi), who received and acknowledged them, questions
about them, and ADKAR readiness pulses answered anonymously."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AnnouncementStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    PUBLISHED = "published", _("Terbit")


class Announcement(models.Model):
    instansi = models.ForeignKey("org.Instansi", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi (Markdown)"))
    body_html = models.TextField(_("isi (HTML aman)"), blank=True, editable=False)
    reason = models.TextField(_("alasan perubahan"), blank=True)
    benefits = models.TextField(_("manfaat perubahan"), blank=True)
    what_changes = models.TextField(_("apa yang berubah, bagi siapa"), blank=True)
    effective_date = models.DateField(_("berlaku mulai"), null=True, blank=True)
    scenario = models.ForeignKey(
        "restructure.Scenario",
        verbose_name=_("skenario penataan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    enactment = models.ForeignKey(
        "restructure.Enactment",
        verbose_name=_("penetapan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Targeting when no scenario/enactment names the audience.
    target_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit sasaran (beserta bawahannya)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    target_kinds = models.JSONField(_("jenis jabatan sasaran"), default=list, blank=True)
    target_employees = models.JSONField(_("daftar pegawai sasaran"), default=list, blank=True)
    ack_due_days = models.PositiveSmallIntegerField(_("batas konfirmasi (hari)"), default=7)
    reminder_days = models.PositiveSmallIntegerField(_("pengingat setiap (hari)"), default=3)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AnnouncementStatus.choices,
        default=AnnouncementStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengumuman perubahan")
        verbose_name_plural = _("pengumuman perubahan")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["instansi", "status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def is_published(self) -> bool:
        return self.status == AnnouncementStatus.PUBLISHED


class Recipient(models.Model):
    """One employee told about an announcement: when, why, and when they acknowledged."""

    instansi = models.ForeignKey("org.Instansi", on_delete=models.PROTECT, related_name="+")
    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="recipients"
    )
    employee = models.ForeignKey("people.Employee", on_delete=models.PROTECT, related_name="+")
    # Unit of the employee when published (for rates per unit after later moves).
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("alasan menerima"), max_length=20)
    notified_at = models.DateTimeField(_("diberi tahu"))
    acknowledged_at = models.DateTimeField(_("dikonfirmasi"), null=True, blank=True)
    last_reminded_at = models.DateTimeField(_("pengingat terakhir"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("jumlah pengingat"), default=0)

    class Meta:
        verbose_name = _("penerima pengumuman")
        verbose_name_plural = _("penerima pengumuman")
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "announcement", "employee"], name="change_recipient_once"
            )
        ]
        indexes = [models.Index(fields=["employee", "announcement"])]

    def __str__(self) -> str:
        return f"{self.employee_id} · {self.announcement_id}"


class Question(models.Model):
    """A recipient's question about an announcement; answered ones form the FAQ."""

    instansi = models.ForeignKey("org.Instansi", on_delete=models.PROTECT, related_name="+")
    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="questions"
    )
    asked_by = models.ForeignKey("people.Employee", on_delete=models.PROTECT, related_name="+")
    is_anonymous = models.BooleanField(_("tanpa nama"), default=False)
    text = models.TextField(_("pertanyaan"))
    asked_at = models.DateTimeField(_("ditanyakan"))
    answer = models.TextField(_("jawaban"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("sama dengan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
    )

    class Meta:
        verbose_name = _("pertanyaan")
        verbose_name_plural = _("pertanyaan")
        ordering = ["asked_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]

    def is_answered(self) -> bool:
        return self.answered_at is not None


class Pulse(models.Model):
    """An ADKAR readiness pulse sent with or after an announcement to its recipients."""

    instansi = models.ForeignKey("org.Instansi", on_delete=models.PROTECT, related_name="+")
    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="pulses")
    title = models.CharField(_("judul"), max_length=200)
    # [{"dimension": "awareness", "text": "..."}]; Likert 1–5 each.
    questions = models.JSONField(_("pertanyaan"), default=list)
    opened_at = models.DateTimeField(_("dibuka"))
    is_open = models.BooleanField(_("terbuka"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("survei kesiapan")
        verbose_name_plural = _("survei kesiapan")
        ordering = ["opened_at", "id"]

    def __str__(self) -> str:
        return self.title


class PulseParticipation(models.Model):
    """That an employee answered a pulse — kept apart from the answers, which name nobody."""

    instansi = models.ForeignKey("org.Instansi", on_delete=models.PROTECT, related_name="+")
    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="participations")
    employee = models.ForeignKey("people.Employee", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "pulse", "employee"], name="change_pulse_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pulse_id} · {self.employee_id}"


class PulseResponse(models.Model):
    """One anonymous set of answers: the unit is the only thing known about who gave it (no
    employee, no timestamp)."""

    instansi = models.ForeignKey("org.Instansi", on_delete=models.PROTECT, related_name="+")
    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="responses")
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # dimension -> mean score of that dimension's questions (1–5).
    scores = models.JSONField(_("skor"), default=dict)

    class Meta:
        indexes = [models.Index(fields=["pulse", "unit"])]

    def __str__(self) -> str:
        return f"{self.pulse_id} · {self.unit_id}"


def _attachment_upload_to(instance: AnnouncementAttachment, filename: str) -> str:
    """pengumuman/<year>/<month>/<random>.<ext>: the stored name never carries the original."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"pengumuman/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{suffix}"


class AnnouncementAttachment(models.Model):
    """A file sent with an announcement (SK, slides, a table); read by its recipients."""

    instansi = models.ForeignKey("org.Instansi", on_delete=models.PROTECT, related_name="+")
    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("berkas"), upload_to=_attachment_upload_to, max_length=255)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        verbose_name = _("lampiran pengumuman")
        verbose_name_plural = _("lampiran pengumuman")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
