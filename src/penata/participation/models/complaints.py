"""Complaints (aduan): categories, routing rules, the complaint and its timeline."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.participation import complaint_rules as rules
from penata.participation import tracking

DESCRIPTION_MAX = 3000
MESSAGE_MAX = 3000


class ComplaintCategory(models.Model):
    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("nama kategori"), max_length=100)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kategori aduan")
        verbose_name_plural = _("kategori aduan")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "code"], name="complaint_category_code")
        ]

    def __str__(self) -> str:
        return self.name


class RoutingRule(models.Model):
    """Category, service and/or kelurahan → the unit that receives the complaint."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.ForeignKey(
        ComplaintCategory,
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="routing_rules",
    )
    service = models.ForeignKey(
        "participation.ServiceStandard",
        verbose_name=_("layanan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="routing_rules",
    )
    kelurahan = models.ForeignKey(
        "org.Unit",
        verbose_name=_("kelurahan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit tujuan"),
        on_delete=models.PROTECT,
        related_name="routing_rules",
    )
    priority = models.PositiveIntegerField(
        _("prioritas"),
        default=100,
        help_text=_("Bila dua aturan sama rinci, angka lebih kecil didahulukan."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    note = models.CharField(_("catatan"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("aturan penerusan aduan")
        verbose_name_plural = _("aturan penerusan aduan")
        ordering = ["priority", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(category__isnull=False)
                | Q(service__isnull=False)
                | Q(kelurahan__isnull=False),
                name="routing_rule_has_criterion",
            )
        ]

    def __str__(self) -> str:
        return f"Aturan {self.pk} → {self.unit_id}"


class Status(models.TextChoices):
    RECEIVED = rules.RECEIVED, _("Diterima")
    VERIFIED = rules.VERIFIED, _("Diverifikasi")
    ASSIGNED = rules.ASSIGNED, _("Diteruskan ke unit")
    IN_PROGRESS = rules.IN_PROGRESS, _("Ditindaklanjuti")
    RESOLVED = rules.RESOLVED, _("Selesai")
    CLOSED = rules.CLOSED, _("Ditutup")
    REJECTED = rules.REJECTED, _("Ditolak")


class Channel(models.TextChoices):
    WEB = "web", _("Situs web")
    API = "api", _("API / aplikasi")


class Complaint(models.Model):
    """An aduan. The reporter's contact is private: shown only to staff who handle it."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    tracking_code = models.CharField(
        _("kode pelacakan"), max_length=tracking.CODE_LENGTH, unique=True, editable=False
    )
    category = models.ForeignKey(
        ComplaintCategory, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="+"
    )
    service = models.ForeignKey(
        "participation.ServiceStandard",
        verbose_name=_("layanan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    chosen_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit yang dipilih pelapor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kelurahan = models.ForeignKey(
        "org.Unit",
        verbose_name=_("kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    location = models.CharField(_("lokasi"), max_length=200, blank=True)
    description = models.TextField(_("isi aduan"), max_length=DESCRIPTION_MAX)
    photo = models.FileField(_("foto"), upload_to="aduan/%Y/%m/", blank=True, max_length=200)
    reporter_name = models.CharField(_("nama pelapor"), max_length=100, blank=True)
    reporter_contact = models.CharField(
        _("kontak pelapor"),
        max_length=150,
        blank=True,
        help_text=_("Nomor HP atau e-mail; rahasia, hanya untuk petugas."),
    )
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices, default="web")
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    routing_rule = models.ForeignKey(
        RoutingRule,
        verbose_name=_("aturan penerusan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    routing_reason = models.CharField(_("dasar penerusan"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    received_at = models.DateTimeField(_("diterima"), db_index=True)
    response_due_at = models.DateTimeField(_("batas tanggapan"))
    responded_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    verified_at = models.DateTimeField(_("diverifikasi"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("diteruskan"), null=True, blank=True)
    followup_due_at = models.DateTimeField(_("batas tindak lanjut"), null=True, blank=True)
    followed_up_at = models.DateTimeField(_("ditindaklanjuti"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("ditolak"), null=True, blank=True)
    rejection_reason = models.TextField(_("alasan penolakan"), blank=True, max_length=1000)
    response_escalated_at = models.DateTimeField(_("eskalasi tanggapan"), null=True, blank=True)
    followup_escalated_at = models.DateTimeField(_("eskalasi tindak lanjut"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("penilaian warga"), null=True, blank=True)
    rating_comment = models.TextField(_("komentar penilaian"), blank=True, max_length=1000)
    rated_at = models.DateTimeField(_("dinilai"), null=True, blank=True)

    class Meta:
        verbose_name = _("aduan")
        verbose_name_plural = _("aduan")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True)
                | Q(rating__gte=rules.RATING_MIN, rating__lte=rules.RATING_MAX),
                name="complaint_rating_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=rules.STATUSES), name="complaint_status_known"
            ),
        ]
        indexes = [
            models.Index(fields=["instansi", "status"], name="complaint_status_idx"),
            models.Index(fields=["instansi", "unit", "received_at"], name="complaint_unit_idx"),
            models.Index(fields=["instansi", "response_due_at"], name="complaint_resp_due_idx"),
            models.Index(fields=["instansi", "followup_due_at"], name="complaint_fu_due_idx"),
        ]

    def __str__(self) -> str:
        return f"Aduan {tracking.display(self.tracking_code)}"

    @property
    def tracking_display(self) -> str:
        return tracking.display(self.tracking_code)

    def sla_facts(self) -> rules.SlaFacts:
        return rules.SlaFacts(
            status=self.status,
            received_at=self.received_at,
            response_due_at=self.response_due_at,
            responded_at=self.responded_at,
            assigned_at=self.assigned_at,
            followup_due_at=self.followup_due_at,
            followed_up_at=self.followed_up_at,
        )

    def is_open(self) -> bool:
        return self.status in rules.OPEN_STATUSES


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Aduan diterima")
    VERIFIED = "verified", _("Diverifikasi")
    ASSIGNED = "assigned", _("Diteruskan ke unit")
    STARTED = "started", _("Mulai ditindaklanjuti")
    RESPONDED = "responded", _("Tanggapan resmi")
    RESOLVED = "resolved", _("Dinyatakan selesai")
    REOPENED = "reopened", _("Dibuka kembali")
    CLOSED = "closed", _("Ditutup")
    REJECTED = "rejected", _("Ditolak")
    ESCALATED = "escalated", _("Eskalasi ke pimpinan unit")
    RATED = "rated", _("Dinilai warga")
    NOTE = "note", _("Catatan internal")


class ComplaintEvent(models.Model):
    """One step of a complaint's timeline. Public steps show the official's position title,
    never a name."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    complaint = models.ForeignKey(
        Complaint, verbose_name=_("aduan"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=EventKind.choices)
    at = models.DateTimeField(_("waktu"))
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_title = models.CharField(_("jabatan petugas"), max_length=255, blank=True)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status_after = models.CharField(_("status sesudah"), max_length=12, blank=True)
    message = models.TextField(_("pesan"), blank=True, max_length=MESSAGE_MAX)
    is_public = models.BooleanField(_("tampil untuk warga"), default=True)

    class Meta:
        verbose_name = _("riwayat aduan")
        verbose_name_plural = _("riwayat aduan")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["complaint", "at"], name="complaint_event_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
