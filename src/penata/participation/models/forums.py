"""Public consultations (forum): topics opened by a unit, citizens' comments and moderation."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 200
BODY_MAX = 20000
COMMENT_MAX = 2000
REASON_MAX = 500


class Citizen(models.Model):
    """A light citizen account: a public display name and an e-mail verified by a link.

    The e-mail is never shown publicly; `login_nonce` changes each time a link is used, so a
    link works once.
    """

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(_("e-mail"))
    display_name = models.CharField(_("nama tampilan"), max_length=60)
    verified_at = models.DateTimeField(_("diverifikasi"), null=True, blank=True)
    login_nonce = models.CharField(max_length=32)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    is_blocked = models.BooleanField(_("diblokir"), default=False)

    class Meta:
        verbose_name = _("akun warga")
        verbose_name_plural = _("akun warga")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "email"], name="citizen_email_unique")
        ]

    def __str__(self) -> str:
        return self.display_name


class Consultation(models.Model):
    """A public consultation, e.g. on the planned merger of two services."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit penyelenggara"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    title = models.CharField(_("judul"), max_length=TITLE_MAX)
    body = models.TextField(
        _("uraian (Markdown)"),
        max_length=BODY_MAX,
        help_text=_("Markdown sederhana: judul, tebal, miring, daftar, tautan, kutipan, tabel."),
    )
    body_html = models.TextField(editable=False, blank=True)
    opens_at = models.DateTimeField(_("dibuka"))
    closes_at = models.DateTimeField(_("ditutup"))
    moderation = models.CharField(
        _("moderasi komentar anonim"),
        max_length=4,
        choices=[("pre", _("Pra-moderasi")), ("post", _("Pasca-moderasi"))],
        default="pre",
    )
    is_published = models.BooleanField(_("diterbitkan"), default=True)
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("dibuat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("konsultasi publik")
        verbose_name_plural = _("konsultasi publik")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="consultation_dates"
            )
        ]

    def __str__(self) -> str:
        return self.title


class AuthorKind(models.TextChoices):
    ANONYMOUS = "anonymous", _("Warga (anonim)")
    CITIZEN = "citizen", _("Warga terverifikasi")
    OFFICIAL = "official", _("Pejabat")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu moderasi")
    PUBLISHED = "published", _("Tampil")
    HIDDEN = "hidden", _("Disembunyikan")


class ForumComment(models.Model):
    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("konsultasi"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("membalas"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    body = models.TextField(_("komentar"), max_length=COMMENT_MAX)
    body_html = models.TextField(editable=False, blank=True)
    author_kind = models.CharField(_("penulis"), max_length=10, choices=AuthorKind.choices)
    author_label = models.CharField(_("nama tampilan"), max_length=255)
    citizen = models.ForeignKey(
        Citizen,
        verbose_name=_("akun warga"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    official = models.ForeignKey(
        "accounts.User",
        verbose_name=_("pejabat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    moderation_reason = models.CharField(_("alasan moderasi"), max_length=REASON_MAX, blank=True)
    moderated_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("dimoderasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("dimoderasi"), null=True, blank=True)
    is_answer = models.BooleanField(_("jawaban resmi"), default=False)
    support_count = models.PositiveIntegerField(_("dukungan"), default=0)
    report_count = models.PositiveIntegerField(_("laporan"), default=0)
    device_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("dibuat"))

    class Meta:
        verbose_name = _("komentar")
        verbose_name_plural = _("komentar")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["consultation", "status"], name="comment_status_idx"),
            models.Index(fields=["instansi", "status", "report_count"], name="comment_queue_idx"),
        ]

    def __str__(self) -> str:
        return self.body[:60]


class CommentSupport(models.Model):
    comment = models.ForeignKey(ForumComment, on_delete=models.CASCADE, related_name="supports")
    device_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dukungan komentar")
        verbose_name_plural = _("dukungan komentar")
        constraints = [
            models.UniqueConstraint(fields=["comment", "device_hash"], name="support_once")
        ]

    def __str__(self) -> str:
        return f"+1 {self.comment_id}"


class ReportReason(models.TextChoices):
    ABUSE = "abuse", _("Kasar, menghina atau mengancam")
    PERSONAL = "personal", _("Memuat data pribadi orang lain")
    SPAM = "spam", _("Iklan atau spam")
    SARA = "sara", _("Ujaran kebencian (SARA)")
    HOAX = "hoax", _("Informasi bohong")
    OTHER = "other", _("Lainnya")


class CommentReport(models.Model):
    comment = models.ForeignKey(ForumComment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("alasan"), max_length=10, choices=ReportReason.choices)
    note = models.CharField(_("keterangan"), max_length=REASON_MAX, blank=True)
    device_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("laporan komentar")
        verbose_name_plural = _("laporan komentar")
        constraints = [
            models.UniqueConstraint(fields=["comment", "device_hash"], name="report_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.comment_id})"
