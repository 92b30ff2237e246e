"""Organisation: the instansi (tenant), its unit tree, positions (peta jabatan) and duties."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.core import reference
from penata.core.dating import EffectiveDated

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _choices(mapping: dict[str, str]) -> list[tuple[str, StrOrPromise]]:
    """Choices from a `reference` table, labels translated lazily (those marked there)."""
    return [(code, _(label)) for code, label in mapping.items()]


class Instansi(models.Model):
    """A government (pemerintah daerah). Every high-volume table carries `instansi_id`."""

    code = models.CharField(
        _("kode"), max_length=20, unique=True, help_text=_("Kode wilayah Kemendagri, mis. 3372.")
    )
    name = models.CharField(_("nama"), max_length=200)
    head_title = models.CharField(_("jabatan kepala daerah"), max_length=100, default="Wali Kota")
    effective_minutes = models.PositiveIntegerField(
        _("waktu kerja efektif (menit/tahun)"),
        default=75000,
        help_text=_("WKE untuk ABK; PermenPAN-RB 1/2020: 1.250 jam = 75.000 menit."),
    )

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")

    def __str__(self) -> str:
        return self.name


class Unit(EffectiveDated):
    """A node of the organisation tree (materialised path: `path` = ancestors' ids + own id).

    Subtree: `path__startswith=unit.path` (one indexed query); ancestors: the ids in `path`.
    """

    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(_("jalur"), max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("kedalaman"), default=0, editable=False)
    kind = models.CharField(
        _("jenis"), max_length=32, choices=_choices(reference.UNIT_KINDS), db_index=True
    )
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("singkatan"), max_length=60, blank=True)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)
    region_code = models.CharField(
        _("kode wilayah Kemendagri"),
        max_length=20,
        blank=True,
        help_text=_("Untuk kecamatan dan kelurahan, mis. 33.72.02.1005."),
    )

    class Meta:
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "code"],
                condition=Q(valid_to__isnull=True),
                name="unit_code_unique_current",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="unit_valid_range",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "path"], name="unit_instansi_path_idx")]

    def __str__(self) -> str:
        return self.name

    def ancestor_ids(self) -> list[int]:
        """Ids from the root down to the parent (excluding self), read from `path`."""
        return [int(p) for p in self.path.strip("/").split("/")[:-1] if p]

    @property
    def is_perangkat_daerah(self) -> bool:
        return self.kind in reference.PERANGKAT_DAERAH_KINDS


class Position(EffectiveDated):
    """One row of the peta jabatan. Exists while vacant; fungsional/pelaksana rows may have
    many incumbents (see `people.Assignment`)."""

    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="positions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(_("nama jabatan"), max_length=200)
    kind = models.CharField(
        _("jenis jabatan"),
        max_length=20,
        choices=_choices(reference.POSITION_KINDS),
        db_index=True,
    )
    jf_jenjang = models.CharField(
        _("jenjang JF"), max_length=20, blank=True, choices=_choices(reference.JF_JENJANG)
    )
    kelas_jabatan = models.PositiveSmallIntegerField(
        _("kelas jabatan"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(17)],
    )
    eselon = models.CharField(
        _("eselon (lama)"),
        max_length=4,
        blank=True,
        choices=[(e, e) for e in reference.ESELON],
    )
    reports_to = models.ForeignKey(
        "self",
        verbose_name=_("atasan langsung"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subordinates",
    )
    is_unit_head = models.BooleanField(
        _("kepala unit"), default=False, help_text=_("Jabatan yang memimpin unitnya.")
    )
    is_penyetaraan = models.BooleanField(
        _("hasil penyetaraan"),
        default=False,
        help_text=_("JF hasil penyetaraan jabatan administrasi (PermenPAN-RB 17/2021)."),
    )
    is_critical = models.BooleanField(
        _("jabatan kritikal"), default=False, help_text=_("Memerlukan rencana suksesi.")
    )
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["unit__path", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "unit", "title"],
                condition=Q(valid_to__isnull=True),
                name="position_unit_title_unique_current",
            ),
            models.CheckConstraint(
                condition=Q(kelas_jabatan__isnull=True)
                | Q(kelas_jabatan__gte=1, kelas_jabatan__lte=17),
                name="position_kelas_range",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="position_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_managerial(self) -> bool:
        return self.kind in reference.MANAGERIAL_KINDS


class Duty(models.Model):
    """Uraian tugas of a position, with what ABK needs: output, volume, period, time norm."""

    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("jabatan"), on_delete=models.CASCADE, related_name="duties"
    )
    statement = models.TextField(_("uraian tugas"))
    output_unit = models.CharField(_("satuan hasil"), max_length=60)
    volume = models.DecimalField(
        _("volume"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    period = models.CharField(
        _("periode volume"),
        max_length=8,
        choices=_choices(reference.DUTY_PERIODS),
        default="year",
    )
    time_norm_minutes = models.DecimalField(
        _("norma waktu (menit)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("uraian tugas")
        verbose_name_plural = _("uraian tugas")
        ordering = ["position_id", "sort_order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(volume__gte=0), name="duty_volume_nonnegative"),
            models.CheckConstraint(
                condition=Q(time_norm_minutes__gte=0), name="duty_norm_nonnegative"
            ),
        ]

    def __str__(self) -> str:
        return self.statement[:80]
