"""The service catalog: each unit's public services with their standar pelayanan."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

NAME_MAX = 200
TEXT_MAX = 4000


class ServiceStandard(models.Model):
    """A public service and its standard (UU 25/2009 komponen standar pelayanan)."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit penyelenggara"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField(_("nama layanan"), max_length=NAME_MAX)
    description = models.TextField(_("uraian singkat"), blank=True, max_length=1000)
    requirements = models.TextField(_("persyaratan"), max_length=TEXT_MAX)
    procedure = models.TextField(_("sistem, mekanisme dan prosedur"), max_length=TEXT_MAX)
    time = models.CharField(
        _("jangka waktu penyelesaian"), max_length=200, help_text=_("Mis. 3 hari kerja.")
    )
    cost = models.CharField(
        _("biaya/tarif"), max_length=200, help_text=_("Mis. Gratis, atau tarif dan dasar hukumnya.")
    )
    product = models.CharField(_("produk pelayanan"), max_length=300)
    complaint_channel = models.TextField(
        _("penanganan pengaduan, saran dan masukan"),
        max_length=1000,
        help_text=_("Mis. ULAS, WhatsApp Lapor Mas Wali 0812-2506-7171, loket pengaduan."),
    )
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)
    is_published = models.BooleanField(_("tampil di katalog publik"), default=False)
    allows_repeat_survey = models.BooleanField(
        _("izinkan lebih dari satu survei per perangkat"),
        default=False,
        help_text=_(
            "Untuk tablet survei di loket: satu perangkat dipakai banyak pengguna layanan."
        ),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("standar pelayanan")
        verbose_name_plural = _("standar pelayanan")
        ordering = ["unit__path", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "unit", "name"], name="service_unit_name_unique"
            )
        ]
        indexes = [models.Index(fields=["instansi", "is_published"], name="service_published_idx")]

    def __str__(self) -> str:
        return self.name
