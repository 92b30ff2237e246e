"""Competency dictionary and standards, assessments, training catalog and sessions, the JP
ledger and talent placements (DOMAIN §5–§6). Formulas live in `rules.py`; writes in services.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Competency(models.Model):
    """One competency of the instansi's dictionary: managerial, socio-cultural or technical."""

    class Kind(models.TextChoices):
        MANAJERIAL = "manajerial", _("Manajerial")
        SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")
        TEKNIS = "teknis", _("Teknis")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("kode"), max_length=60)
    name = models.CharField(_("nama"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("definisi"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "code"], name="competency_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class CompetencyLevel(models.Model):
    """Level 1–5 of a competency with its behavioural indicators (PermenPAN-RB 38/2017)."""

    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.CASCADE, related_name="levels"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    description = models.CharField(_("deskripsi level"), max_length=255)
    indicators = models.TextField(_("indikator perilaku"), blank=True)

    class Meta:
        verbose_name = _("level kompetensi")
        verbose_name_plural = _("level kompetensi")
        ordering = ["competency", "level"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="competency_level_unique"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="competency_level_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency} {self.level}"


class CompetencyStandard(models.Model):
    """Required level of one competency for one position (Standar Kompetensi Jabatan)."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.ForeignKey(
        "org.Position",
        verbose_name=_("jabatan"),
        on_delete=models.CASCADE,
        related_name="competency_standards",
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="+"
    )
    required_level = models.PositiveSmallIntegerField(
        _("level standar"), validators=LEVEL_VALIDATORS
    )

    class Meta:
        verbose_name = _("standar kompetensi jabatan")
        verbose_name_plural = _("standar kompetensi jabatan")
        ordering = ["position", "competency__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "position", "competency"], name="standard_unique"
            ),
            models.CheckConstraint(
                condition=Q(required_level__gte=1, required_level__lte=5),
                name="standard_level_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position_id}: {self.competency} {self.required_level}"


class Assessment(models.Model):
    """One assessment of an employee (assessment centre, self, supervisor) on a date."""

    class Source(models.TextChoices):
        ASSESSMENT_CENTRE = "assessment_centre", _("Assessment center")
        SELF = "self", _("Penilaian diri")
        SUPERVISOR = "supervisor", _("Penilaian atasan")
        TRAINING = "training", _("Hasil pelatihan")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="competency_assessments",
    )
    source = models.CharField(_("sumber"), max_length=20, choices=Source.choices)
    assessed_on = models.DateField(_("tanggal penilaian"))
    potential_score = models.DecimalField(
        _("nilai potensial (0–100)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    note = models.CharField(_("catatan"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        verbose_name = _("penilaian kompetensi")
        verbose_name_plural = _("penilaian kompetensi")
        ordering = ["-assessed_on", "-id"]
        indexes = [models.Index(fields=["instansi", "employee", "assessed_on"])]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.assessed_on}"


class AssessmentResult(models.Model):
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("penilaian"), on_delete=models.CASCADE, related_name="results"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)

    class Meta:
        verbose_name = _("hasil penilaian")
        verbose_name_plural = _("hasil penilaian")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competency"], name="assessment_result_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="assessment_level_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency} {self.level}"


class EmployeeCompetency(models.Model):
    """The employee's current level of one competency: the latest assessment, raised by a
    completed programme that develops it (never lowered by training)."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="competencies",
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    source = models.CharField(_("sumber"), max_length=20, choices=Assessment.Source.choices)
    as_of = models.DateField(_("per tanggal"))

    class Meta:
        verbose_name = _("kompetensi pegawai")
        verbose_name_plural = _("kompetensi pegawai")
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "employee", "competency"], name="employee_competency_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="employee_competency_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}: {self.competency} {self.level}"


class Programme(models.Model):
    """A training programme of the catalog."""

    class Kind(models.TextChoices):
        PKN_I = "pkn_i", _("PKN Tingkat I")
        PKN_II = "pkn_ii", _("PKN Tingkat II")
        PKA = "pka", _("Pelatihan Kepemimpinan Administrator (PKA)")
        PKP = "pkp", _("Pelatihan Kepemimpinan Pengawas (PKP)")
        LATSAR = "latsar", _("Latsar CPNS")
        TECHNICAL = "teknis", _("Pelatihan teknis")
        FUNCTIONAL = "fungsional", _("Pelatihan fungsional")
        SEMINAR = "seminar", _("Seminar/lokakarya")
        COACHING = "coaching", _("Coaching")
        MENTORING = "mentoring", _("Mentoring")
        ELEARNING = "elearning", _("E-learning")
        INTERNSHIP = "magang", _("Magang/praktik kerja")
        EXCHANGE = "pertukaran", _("Pertukaran PNS")

    class Mode(models.TextChoices):
        KLASIKAL = "klasikal", _("Klasikal")
        NONKLASIKAL = "nonklasikal", _("Nonklasikal")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama program"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    mode = models.CharField(_("metode"), max_length=12, choices=Mode.choices)
    jp = models.DecimalField(_("JP"), max_digits=6, decimal_places=2)
    provider = models.CharField(_("penyelenggara"), max_length=150)
    cost = models.DecimalField(_("biaya per peserta (Rp)"), max_digits=14, decimal_places=0)
    description = models.TextField(_("deskripsi"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("program pelatihan")
        verbose_name_plural = _("program pelatihan")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "code"], name="programme_code_unique"),
            models.CheckConstraint(condition=Q(jp__gt=0), name="programme_jp_positive"),
            models.CheckConstraint(condition=Q(cost__gte=0), name="programme_cost_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def minutes(self) -> int:
        from penata.learning.rules import jp_to_minutes

        return int(jp_to_minutes(self.jp))


class ProgrammeCompetency(models.Model):
    """A competency a programme develops, and the level a graduate reaches."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="developed",
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="+"
    )
    target_level = models.PositiveSmallIntegerField(_("level dicapai"), validators=LEVEL_VALIDATORS)

    class Meta:
        verbose_name = _("kompetensi yang dikembangkan")
        verbose_name_plural = _("kompetensi yang dikembangkan")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "competency"], name="programme_competency_unique"
            ),
            models.CheckConstraint(
                condition=Q(target_level__gte=1, target_level__lte=5),
                name="programme_level_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency} → {self.target_level}"


class TrainingSession(models.Model):
    """One run (angkatan) of a programme."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.PROTECT, related_name="sessions"
    )
    name = models.CharField(_("angkatan"), max_length=100)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    online_url = models.URLField(_("tautan daring"), blank=True)
    capacity = models.PositiveIntegerField(_("kuota"))

    class Meta:
        verbose_name = _("angkatan pelatihan")
        verbose_name_plural = _("angkatan pelatihan")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="session_dates"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_capacity"),
        ]

    def __str__(self) -> str:
        return f"{self.programme.name} — {self.name}"


def _certificate_upload_to(instance: Enrolment, filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"learning/certificates/{instance.instansi_id}/{instance.pk or 'new'}.{suffix}"


class Enrolment(models.Model):
    """An employee in a session: awaiting the supervisor, confirmed, on the waiting list,
    refused, cancelled or completed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu persetujuan atasan")
        CONFIRMED = "confirmed", _("Terdaftar")
        WAITLISTED = "waitlisted", _("Daftar tunggu")
        REJECTED = "rejected", _("Ditolak")
        CANCELLED = "cancelled", _("Dibatalkan")
        COMPLETED = "completed", _("Selesai")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("angkatan"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("didaftarkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("didaftarkan"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attended = models.BooleanField(_("hadir"), default=False)
    completed_on = models.DateField(_("tanggal lulus"), null=True, blank=True)
    certificate = models.FileField(
        _("sertifikat"), upload_to=_certificate_upload_to, blank=True, max_length=255
    )

    class Meta:
        verbose_name = _("peserta pelatihan")
        verbose_name_plural = _("peserta pelatihan")
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "session", "employee"], name="enrolment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} @ {self.session_id}"

    @property
    def holds_seat(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.COMPLETED)


def _evidence_upload_to(instance: JpRecord, filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    name = f"{instance.employee_id}-{instance.completed_on}.{suffix}"
    return f"learning/jp/{instance.instansi_id}/{name}"


class JpRecord(models.Model):
    """One line of the JP ledger: minutes of development completed on a day.

    Completed programmes enter verified; external training evidence entered by the employee
    counts only after `admin` verifies it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu verifikasi")
        VERIFIED = "verified", _("Terverifikasi")
        REJECTED = "rejected", _("Ditolak")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="jp_records",
    )
    enrolment = models.OneToOneField(
        Enrolment,
        verbose_name=_("pelatihan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="jp_record",
    )
    title = models.CharField(_("kegiatan"), max_length=200)
    provider = models.CharField(_("penyelenggara"), max_length=150, blank=True)
    completed_on = models.DateField(_("tanggal selesai"))
    year = models.PositiveSmallIntegerField(_("tahun"), editable=False)
    minutes = models.PositiveIntegerField(_("durasi (menit)"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    evidence = models.FileField(
        _("bukti"), upload_to=_evidence_upload_to, blank=True, max_length=255
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        verbose_name = _("catatan JP")
        verbose_name_plural = _("catatan JP")
        ordering = ["-completed_on", "-id"]
        indexes = [models.Index(fields=["instansi", "year", "status", "employee"])]
        constraints = [models.CheckConstraint(condition=Q(minutes__gt=0), name="jp_minutes")]

    def __str__(self) -> str:
        return f"{self.title} ({self.completed_on})"

    @property
    def jp(self) -> Decimal:
        from penata.learning.rules import minutes_to_jp

        return minutes_to_jp(self.minutes)


class TalentPlacement(models.Model):
    """The 9-box of one employee for one period (year)."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="talent_placements",
    )
    year = models.PositiveSmallIntegerField(_("periode"))
    predikat = models.CharField(_("predikat kinerja"), max_length=16, blank=True)
    kinerja_level = models.CharField(_("kinerja"), max_length=10)
    potensial_score = models.DecimalField(_("nilai potensial"), max_digits=5, decimal_places=2)
    potensial_level = models.CharField(_("potensial"), max_length=10)
    box = models.PositiveSmallIntegerField(_("kotak"))
    placed_at = models.DateTimeField(_("ditempatkan"), auto_now=True)

    class Meta:
        verbose_name = _("penempatan 9-box")
        verbose_name_plural = _("penempatan 9-box")
        ordering = ["-box", "employee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "employee", "year"], name="talent_placement_unique"
            ),
            models.CheckConstraint(condition=Q(box__gte=1, box__lte=9), name="talent_box_range"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.year}: {self.box}"


class TalentSetting(models.Model):
    """The 9-box configuration an admin chose for one period: a preset's component weights
    with its cut-offs and talent-score weights (see `rules.TalentConfig`). A period without a
    row uses the default configuration."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("periode"))
    preset = models.CharField(_("acuan bobot komponen"), max_length=20, default="default")
    kinerja_middle = models.DecimalField(
        _("batas kinerja sesuai ekspektasi"), max_digits=5, decimal_places=2, default=Decimal(60)
    )
    kinerja_high = models.DecimalField(
        _("batas kinerja di atas ekspektasi"), max_digits=5, decimal_places=2, default=Decimal(80)
    )
    potensial_middle = models.DecimalField(
        _("batas potensial menengah"), max_digits=5, decimal_places=2, default=Decimal(60)
    )
    potensial_high = models.DecimalField(
        _("batas potensial tinggi"), max_digits=5, decimal_places=2, default=Decimal(80)
    )
    # Weights of the combined talent score, in percent.
    kinerja_weight = models.DecimalField(
        _("bobot kinerja (%)"), max_digits=5, decimal_places=2, default=Decimal(50)
    )
    potensial_weight = models.DecimalField(
        _("bobot potensial (%)"), max_digits=5, decimal_places=2, default=Decimal(50)
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("konfigurasi 9-box")
        verbose_name_plural = _("konfigurasi 9-box")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "year"], name="talent_setting_once"),
            models.CheckConstraint(
                condition=Q(
                    kinerja_middle__gte=0,
                    kinerja_middle__lte=models.F("kinerja_high"),
                    kinerja_high__lte=100,
                    potensial_middle__gte=0,
                    potensial_middle__lte=models.F("potensial_high"),
                    potensial_high__lte=100,
                ),
                name="talent_setting_cutoffs_ordered",
            ),
            models.CheckConstraint(
                condition=Q(
                    kinerja_weight__gte=0,
                    potensial_weight__gte=0,
                    kinerja_weight=100 - models.F("potensial_weight"),
                ),
                name="talent_setting_weights_100",
            ),
        ]

    def __str__(self) -> str:
        return f"9-box {self.year}: {self.preset}"
