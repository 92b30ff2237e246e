"""Employees (ASN) and their assignments to positions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.core import reference

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _choices(mapping: dict[str, str]) -> list[tuple[str, StrOrPromise]]:
    """Choices from a `reference` table, labels translated lazily (those marked there)."""
    return [(code, _(label)) for code, label in mapping.items()]


class Employee(models.Model):
    """An ASN: PNS, CPNS, PPPK or PPPK paruh waktu.

    Personal-data classes (UU 27/2022, see docs/glossary.md): `name`, titles = public for
    officials; birth date, sex, education, golongan = general; `nik` = specific (masked
    unless the viewer is admin or the employee, and every view is logged).
    """

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )
    nip = models.CharField(_("NIP / NI PPPK"), max_length=18)
    name = models.CharField(_("nama"), max_length=150)
    front_title = models.CharField(_("gelar depan"), max_length=40, blank=True)
    back_title = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    birth_date = models.DateField(_("tanggal lahir"))
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=_choices(reference.SEXES))
    kind = models.CharField(
        _("jenis pegawai"), max_length=10, choices=_choices(reference.EMPLOYEE_KINDS)
    )
    golongan = models.CharField(_("golongan"), max_length=6)
    tmt_golongan = models.DateField(_("TMT golongan"), null=True, blank=True)
    education = models.CharField(
        _("pendidikan terakhir"), max_length=4, choices=_choices(reference.EDUCATION_LEVELS)
    )
    education_major = models.CharField(_("jurusan"), max_length=120, blank=True)
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=_choices(reference.EMPLOYEE_STATUSES),
        default="aktif",
        db_index=True,
    )
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    phone = models.CharField(_("telepon"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "nip"], name="employee_nip_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        name = f"{self.front_title} {self.name}".strip()
        return f"{name}, {self.back_title}" if self.back_title else name

    @property
    def is_active(self) -> bool:
        return self.status in reference.ACTIVE_STATUSES


class Assignment(models.Model):
    """Employee ↔ position over time, with the decree (SK). `end` null = still held."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="assignments"
    )
    position = models.ForeignKey(
        "org.Position",
        verbose_name=_("jabatan"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    start = models.DateField(_("TMT jabatan"))
    end = models.DateField(_("sampai"), null=True, blank=True)
    sk_number = models.CharField(_("nomor SK"), max_length=100, blank=True)
    acting = models.CharField(
        _("status penugasan"),
        max_length=3,
        blank=True,
        choices=_choices(reference.ACTING_KINDS),
        help_text=_("Plt/Plh bila pejabat hanya melaksanakan tugas."),
    )

    class Meta:
        verbose_name = _("penugasan jabatan")
        verbose_name_plural = _("penugasan jabatan")
        ordering = ["-start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="assignment_range",
            ),
        ]
        indexes = [
            models.Index(fields=["position", "end"], name="assignment_position_end_idx"),
            models.Index(fields=["employee", "end"], name="assignment_employee_end_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.position}"


class ImportJob(models.Model):
    """One spreadsheet upload through the web: previewed (dry run), then applied as a task.

    `preview` and `summary` hold the import summary (docs/import.md, JSON contract);
    `done`/`total` the progress of the stage running now.
    """

    class Status(models.TextChoices):
        CHECKING = "checking", _("Sedang diperiksa")
        READY = "ready", _("Siap diterapkan")
        INVALID = "invalid", _("Ada kesalahan")
        QUEUED = "queued", _("Menunggu diproses")
        APPLYING = "applying", _("Sedang diterapkan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("jenis data"), max_length=16)
    file = models.FileField(_("berkas"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("nama berkas"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CHECKING
    )
    stage = models.CharField(_("tahap"), max_length=16, blank=True)
    done = models.PositiveIntegerField(_("selesai"), default=0)
    total = models.PositiveIntegerField(_("jumlah"), default=0)
    preview = models.JSONField(_("pratinjau"), default=dict, blank=True)
    summary = models.JSONField(_("hasil"), default=dict, blank=True)
    message = models.TextField(_("pesan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    finished_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("impor berkas")
        verbose_name_plural = _("impor berkas")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["instansi", "-created_at"], name="importjob_recent_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.original_name}"

    def get_kind_display(self) -> str:
        from penata.people.imports.columns import SHEETS

        sheet = SHEETS.get(self.kind)
        return sheet.label if sheet else self.kind

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.QUEUED, self.Status.APPLYING)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0


def _correction_upload_to(instance: CorrectionRequest, filename: str) -> str:
    """Attachments under a random name: the original name may itself be personal data."""
    import pathlib
    import uuid

    suffix = pathlib.Path(filename).suffix.lower()[:8]
    return f"corrections/{instance.instansi_id}/{uuid.uuid4().hex}{suffix}"


class CorrectionRequest(models.Model):
    """An employee's request to correct one field of their own record (like MyASN's
    pemutakhiran data): applied only when an admin verifies it; rejected with a reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu verifikasi")
        VERIFIED = "verified", _("Disetujui dan diterapkan")
        REJECTED = "rejected", _("Ditolak")

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        Employee,
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="correction_requests",
    )
    field = models.CharField(_("data yang dikoreksi"), max_length=32)
    old_value = models.CharField(_("nilai saat diajukan"), max_length=255, blank=True)
    new_value = models.CharField(_("nilai baru"), max_length=255)
    reason = models.TextField(_("alasan"), max_length=1000)
    attachment = models.FileField(
        _("lampiran"), upload_to=_correction_upload_to, blank=True, max_length=255
    )
    attachment_name = models.CharField(_("nama lampiran"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diajukan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decision_note = models.TextField(_("catatan keputusan"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("permohonan koreksi data")
        verbose_name_plural = _("permohonan koreksi data")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # One open request per field: a second one would race the first on verification.
            models.UniqueConstraint(
                fields=["employee", "field"],
                condition=Q(status="pending"),
                name="correction_one_pending_per_field",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="correction_decided_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["instansi", "status", "requested_at"], name="correction_queue_idx")
        ]

    def __str__(self) -> str:
        return f"Koreksi {self.field} — {self.employee}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
