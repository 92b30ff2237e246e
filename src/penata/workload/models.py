"""Per-instansi ABK settings: how the exact need is rounded and which PJ bands apply.

The WKE itself is `org.Instansi.effective_minutes` (one source of truth for every app).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

ROUNDING_CHOICES = [
    ("half_up", _("Terdekat (0,5 ke atas)")),
    ("ceil", _("Selalu ke atas")),
    ("floor", _("Selalu ke bawah")),
    ("threshold", _("Ke atas mulai ambang tertentu")),
]
PJ_PRESET_CHOICES = [
    ("permendagri_12_2008", _("Permendagri 12/2008")),
    ("depkeu", _("Varian Depkeu")),
    ("custom", _("Pita sendiri")),
]


class WorkloadSettings(models.Model):
    """Rounding rule and PJ bands of one instansi (defaults = DOMAIN §3)."""

    instansi = models.OneToOneField(
        "org.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="workload_settings",
    )
    rounding = models.CharField(
        _("aturan pembulatan"), max_length=10, choices=ROUNDING_CHOICES, default="half_up"
    )
    round_up_from = models.DecimalField(
        _("ambang pembulatan ke atas"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1"))],
    )
    pj_preset = models.CharField(
        _("pita prestasi jabatan"),
        max_length=24,
        choices=PJ_PRESET_CHOICES,
        default="permendagri_12_2008",
    )
    # Custom bands, highest first: lower bounds of A, B, C, D (E starts at 0).
    custom_lower_bounds = models.CharField(
        _("batas bawah pita A–D"),
        max_length=60,
        blank=True,
        help_text=_("Untuk pita sendiri: mis. 1,00; 0,85; 0,70; 0,50 (A di atas 1,00)."),
    )

    class Meta:
        verbose_name = _("pengaturan ABK")
        verbose_name_plural = _("pengaturan ABK")

    def __str__(self) -> str:
        return f"ABK {self.instansi_id}"
