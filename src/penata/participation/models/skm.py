"""SKM (Survei Kepuasan Masyarakat) responses and the population a unit enters per period."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from penata.participation.rules import ANSWER_MAX, ANSWER_MIN, UNSUR_CODES

SUGGESTION_MAX = 1000


class AgeBand(models.TextChoices):
    UNDER_20 = "lt20", _("Di bawah 20 tahun")
    A20_29 = "20-29", _("20–29 tahun")
    A30_39 = "30-39", _("30–39 tahun")
    A40_49 = "40-49", _("40–49 tahun")
    A50_59 = "50-59", _("50–59 tahun")
    OVER_60 = "60+", _("60 tahun ke atas")


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class Education(models.TextChoices):
    SD = "sd", _("SD atau di bawahnya")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/SMK")
    D3 = "d3", _("D1–D3")
    S1 = "s1", _("D4/S1")
    S2 = "s2", _("S2 ke atas")


class Occupation(models.TextChoices):
    PNS = "asn", _("ASN/TNI/Polri")
    PRIVATE = "swasta", _("Pegawai swasta")
    SELF = "wirausaha", _("Wirausaha")
    STUDENT = "pelajar", _("Pelajar/Mahasiswa")
    HOME = "rumah_tangga", _("Mengurus rumah tangga")
    OTHER = "lainnya", _("Lainnya")


PROFILE_FIELDS = {
    "age_band": AgeBand,
    "sex": Sex,
    "education": Education,
    "occupation": Occupation,
}


def _answer(code: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(code.upper())


class SkmResponse(models.Model):
    """One respondent's answers (1–4 for each of the 9 unsur) to the survey of a service."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    service = models.ForeignKey(
        "participation.ServiceStandard",
        verbose_name=_("layanan"),
        on_delete=models.CASCADE,
        related_name="skm_responses",
    )
    # The service's unit when answered, so that unit results need no join and survive a move.
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField(_("periode"), max_length=8)
    submitted_at = models.DateTimeField(_("diisi"))
    u1 = _answer("u1")
    u2 = _answer("u2")
    u3 = _answer("u3")
    u4 = _answer("u4")
    u5 = _answer("u5")
    u6 = _answer("u6")
    u7 = _answer("u7")
    u8 = _answer("u8")
    u9 = _answer("u9")
    age_band = models.CharField(_("usia"), max_length=6, choices=AgeBand.choices, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(
        _("pendidikan"), max_length=4, choices=Education.choices, blank=True
    )
    occupation = models.CharField(
        _("pekerjaan"), max_length=14, choices=Occupation.choices, blank=True
    )
    suggestion = models.TextField(_("saran"), blank=True, max_length=SUGGESTION_MAX)
    # HMACs of the device cookie and of the client fingerprint (never the address itself).
    device_hash = models.CharField(max_length=64, blank=True, db_index=True)
    fingerprint_hash = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = _("jawaban SKM")
        verbose_name_plural = _("jawaban SKM")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    **{f"{code}__gte": ANSWER_MIN for code in UNSUR_CODES},
                    **{f"{code}__lte": ANSWER_MAX for code in UNSUR_CODES},
                ),
                name="skm_answers_in_range",
            )
        ]
        indexes = [
            models.Index(fields=["instansi", "service", "period"], name="skm_service_period_idx"),
            models.Index(fields=["instansi", "unit", "period"], name="skm_unit_period_idx"),
        ]

    def __str__(self) -> str:
        return f"SKM {self.service_id} {self.period}"

    def answers(self) -> dict[str, int]:
        return {code: getattr(self, code) for code in UNSUR_CODES}


class SkmPopulation(models.Model):
    """The number of service users in a period, entered by the unit (Krejcie–Morgan target)."""

    instansi = models.ForeignKey(
        "org.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="+"
    )
    service = models.ForeignKey(
        "participation.ServiceStandard",
        verbose_name=_("layanan"),
        on_delete=models.CASCADE,
        related_name="skm_populations",
    )
    period = models.CharField(_("periode"), max_length=8)
    population = models.PositiveIntegerField(_("populasi pengguna layanan"))
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("populasi SKM")
        verbose_name_plural = _("populasi SKM")
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "service", "period"], name="skm_population_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_id} {self.period}: {self.population}"
