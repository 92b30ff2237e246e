"""Survei Kepuasan Masyarakat (SKM) → Indeks Kepuasan Masyarakat (IKM), PermenPAN-RB 14/2017.

Pure functions (no I/O; Django only for the lazily translated wording of the questionnaire);
DOMAIN.md §7.1 is the reference.

    NRR_i        = Σ answers to unsur i / number of answers          (1–4)
    IKM unit     = Σ NRR_i × weight_i                                 (1–4)
    IKM konversi = IKM unit × 25                                      (25–100)

Weighting: the regulation writes the weight 1/9 as 0.111 [C], so with 0.111 the top score is
99.90, not 100. Both conventions are available (`exact` = 1/9, `rounded` = 0.111, default,
matching published reports), and custom weights summing to 1 [P].

Mutu: the converted IKM is rounded half up to 2 decimals and that value is classified, so the
regulation's two-decimal boundaries are exact: 64.99 → D, 65.00 → C, 76.60 → C, 76.61 → B,
88.30 → B, 88.31 → A. Arithmetic is in exact fractions until that rounding, so a mean like
2.59999… never slips across a boundary.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from penata.core.numbers import format_number

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Unsur:
    """One survey element with the regulation's wording of answers 1, 2, 3 and 4.

    `name`, `question` and `answers` are lazily translated (shown in the language of the page);
    `code` is what is stored.
    """

    code: str
    name: StrOrPromise
    question: StrOrPromise
    answers: tuple[StrOrPromise, StrOrPromise, StrOrPromise, StrOrPromise]


# The 9 unsur of PermenPAN-RB 14/2017 [C] and their answer wording (lampiran questionnaire).
UNSUR: Final = (
    Unsur(
        "u1",
        _("Persyaratan"),
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
            "pelayanannya?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    Unsur(
        "u2",
        _("Sistem, Mekanisme, dan Prosedur"),
        _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    Unsur(
        "u3",
        _("Waktu Penyelesaian"),
        _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    Unsur(
        "u4",
        _("Biaya/Tarif"),
        _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    Unsur(
        "u5",
        _("Produk Spesifikasi Jenis Pelayanan"),
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
            "dalam standar pelayanan dengan hasil yang diberikan?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    Unsur(
        "u6",
        _("Kompetensi Pelaksana"),
        _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    Unsur(
        "u7",
        _("Perilaku Pelaksana"),
        _(
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
            "kesopanan dan keramahan?"
        ),
        (
            _("Tidak sopan dan ramah"),
            _("Kurang sopan dan ramah"),
            _("Sopan dan ramah"),
            _("Sangat sopan dan ramah"),
        ),
    ),
    Unsur(
        "u8",
        _("Sarana dan Prasarana"),
        _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
    Unsur(
        "u9",
        _("Penanganan Pengaduan, Saran dan Masukan"),
        _("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"),
        (
            _("Tidak ada"),
            _("Ada tetapi tidak berfungsi"),
            _("Berfungsi kurang maksimal"),
            _("Dikelola dengan baik"),
        ),
    ),
)
UNSUR_BY_CODE: Final[Mapping[str, Unsur]] = MappingProxyType({u.code: u for u in UNSUR})
UNSUR_CODES: Final = tuple(u.code for u in UNSUR)
ANSWER_MIN: Final = 1
ANSWER_MAX: Final = 4

# Weight 1/9 written as 0.111 in PermenPAN-RB 14/2017 [C].
ROUNDED_WEIGHT: Final = Decimal("0.111")
# IKM unit (1–4) × 25 = IKM konversi (25–100) [C].
CONVERSION_FACTOR: Final = 25

Weighting = Literal["exact", "rounded", "custom"]

_INTEGRAL_TEXT: Final = re.compile(r"^[+-]?\d+(\.0+)?$")


@dataclass(frozen=True)
class MutuBand:
    """A service quality category from `lower` (inclusive) on the 25–100 scale."""

    mutu: str
    kinerja: StrOrPromise
    lower: Decimal
    nilai_persepsi: int


# PermenPAN-RB 14/2017 [C] (DOMAIN §7.1), highest first. D starts at 0, not 25.00: with the
# 0.111 weight the lowest possible IKM is 24.98, still D.
MUTU_BANDS: Final = (
    MutuBand("A", _("Sangat Baik"), Decimal("88.31"), 4),
    MutuBand("B", _("Baik"), Decimal("76.61"), 3),
    MutuBand("C", _("Kurang Baik"), Decimal("65.00"), 2),
    MutuBand("D", _("Tidak Baik"), Decimal("0"), 1),
)


class SkmError(ValueError):
    """A refused answer, response set or configuration: `code` is stable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SkmConfig:
    """Weighting and categories of the IKM.

    `weighting`: `rounded` (0.111 per unsur, the regulation's figure, default), `exact` (1/k
    for k unsur) or `custom` (`weights`, which must sum to exactly 1 — e.g. after a unit adds
    or reweights unsur).
    """

    weighting: Weighting = "rounded"
    weights: Mapping[str, Decimal] | None = None
    codes: tuple[str, ...] = UNSUR_CODES
    rounded_weight: Decimal = ROUNDED_WEIGHT
    bands: tuple[MutuBand, ...] = MUTU_BANDS
    places: int = 2

    def __post_init__(self) -> None:
        if self.weighting not in ("exact", "rounded", "custom"):
            raise SkmError("skm.config.weighting", f"Pembobotan tidak dikenal: {self.weighting!r}.")
        if not self.codes or len(set(self.codes)) != len(self.codes):
            raise SkmError("skm.config.codes", "Daftar unsur kosong atau berulang.")
        if self.weighting == "custom":
            if self.weights is None or set(self.weights) != set(self.codes):
                raise SkmError(
                    "skm.config.weights", "Bobot khusus harus diisi tepat untuk setiap unsur."
                )
            if any(w < 0 for w in self.weights.values()) or sum(self.weights.values()) != 1:
                raise SkmError(
                    "skm.config.weights", "Bobot khusus harus positif dan berjumlah tepat 1."
                )
        elif self.weights is not None:
            raise SkmError("skm.config.weights", "Bobot hanya dipakai dengan pembobotan custom.")
        if [b.lower for b in self.bands] != sorted((b.lower for b in self.bands), reverse=True):
            raise SkmError("skm.config.bands", "Kategori mutu harus urut dari nilai tertinggi.")
        if not self.bands or self.bands[-1].lower != 0:
            raise SkmError("skm.config.bands", "Kategori terakhir harus mulai dari 0.")


DEFAULT_CONFIG: Final = SkmConfig()


def weights_of(config: SkmConfig = DEFAULT_CONFIG) -> dict[str, Fraction]:
    """Return the exact weight of each unsur under `config`."""
    if config.weighting == "exact":
        return {code: Fraction(1, len(config.codes)) for code in config.codes}
    if config.weighting == "rounded":
        return {code: Fraction(config.rounded_weight) for code in config.codes}
    assert config.weights is not None  # checked in SkmConfig.__post_init__
    return {code: Fraction(config.weights[code]) for code in config.codes}


def weighting_text(config: SkmConfig = DEFAULT_CONFIG) -> str:
    """Describe the weighting convention, to show next to the result."""
    if config.weighting == "exact":
        return gettext("Bobot tiap unsur 1/%(count)d (tepat).") % {"count": len(config.codes)}
    if config.weighting == "rounded":
        weight = format_number(config.rounded_weight)
        return gettext("Bobot tiap unsur %(weight)s (PermenPAN-RB 14/2017).") % {"weight": weight}
    return gettext("Bobot khusus per unsur (jumlah bobot 1).")


@dataclass(frozen=True)
class AnswerIssue:
    """A bad answer: spreadsheet `row` (as numbered by the caller), `column` the unsur code."""

    row: int
    column: str
    code: str
    message: str


def parse_answer(value: object) -> int:
    """Return an answer 1–4 from an int, an integral float/Decimal or text like " 3 ".

    Raises SkmError `skm.answer_missing`, `skm.answer_not_integer` or `skm.answer_out_of_range`.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise SkmError("skm.answer_missing", "Jawaban kosong.")
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float | Decimal):
        finite = math.isfinite(value) if isinstance(value, float) else value.is_finite()
        if finite and value == int(value):
            number = int(value)
    elif isinstance(value, str) and _INTEGRAL_TEXT.match(value.strip()):
        # "3" and "3.0" (a float column exported to CSV) are both the answer 3.
        number = int(Decimal(value.strip()))
    if number is None:
        raise SkmError(
            "skm.answer_not_integer", f"Jawaban harus bilangan bulat 1–4, bukan {value!r}."
        )
    if not ANSWER_MIN <= number <= ANSWER_MAX:
        raise SkmError("skm.answer_out_of_range", f"Jawaban harus 1–4, bukan {number}.")
    return number


def validate_responses(
    rows: Sequence[Mapping[str, object]],
    *,
    codes: Sequence[str] = UNSUR_CODES,
    row_numbers: Sequence[int] | None = None,
) -> tuple[list[dict[str, int]], list[AnswerIssue]]:
    """Parse every answer of every respondent; return the clean answers and all issues.

    Issues name row `row_numbers[i]` for `rows[i]` (the spreadsheet row; default i + 1) and the
    unsur column. Every unsur must be answered: an empty answer is an issue, not skipped.
    """
    if row_numbers is not None and len(row_numbers) != len(rows):
        raise SkmError("skm.row_numbers", "Jumlah nomor baris tidak sama dengan jumlah baris.")
    answers: list[dict[str, int]] = []
    issues: list[AnswerIssue] = []
    for index, row in enumerate(rows):
        number = row_numbers[index] if row_numbers is not None else index + 1
        parsed: dict[str, int] = {}
        for code in codes:
            try:
                parsed[code] = parse_answer(row.get(code))
            except SkmError as error:
                label = UNSUR_BY_CODE[code].name if code in UNSUR_BY_CODE else code
                issues.append(
                    AnswerIssue(
                        number,
                        code,
                        error.code,
                        f"Baris {number}, {code.upper()} ({label}): {error.message}",
                    )
                )
        answers.append(parsed)
    return answers, issues


def _half_up(value: Fraction, places: int) -> Decimal:
    """Round an exact fraction half up (away from zero) to `places` decimals."""
    scale = 10**places
    scaled = abs(value) * scale
    whole = math.floor(scaled + Fraction(1, 2))
    result = Decimal(whole).scaleb(-places)
    return -result if value < 0 else result


@dataclass(frozen=True)
class IkmResult:
    """The IKM of a response set.

    `nrr`, `nrr_weighted` and `ikm_unit` are exact fractions (use `display` for people);
    `ikm` is the converted IKM rounded half up to 2 decimals — the value that is classified.
    """

    respondents: int
    nrr: Mapping[str, Fraction]
    nrr_weighted: Mapping[str, Fraction]
    ikm_unit: Fraction
    ikm_exact: Fraction
    ikm: Decimal
    mutu: str
    kinerja: StrOrPromise
    weighting: Weighting
    weighting_text: str


def display(value: Fraction, places: int = 4) -> Decimal:
    """Quantize an exact value half up for display (NRR and IKM unit to 4 decimals)."""
    return _half_up(value, places)


def nrr(
    answers: Sequence[Mapping[str, int]], codes: Sequence[str] = UNSUR_CODES
) -> dict[str, Fraction]:
    """Return the mean answer (nilai rata-rata) of each unsur over all respondents."""
    if not answers:
        raise SkmError("skm.no_respondents", "Belum ada responden.")
    result: dict[str, Fraction] = {}
    for code in codes:
        values = [row[code] for row in answers]
        if any(not ANSWER_MIN <= v <= ANSWER_MAX for v in values):
            raise SkmError("skm.answer_out_of_range", f"Jawaban {code.upper()} harus 1–4.")
        result[code] = Fraction(sum(values), len(values))
    return result


def mutu_band(ikm: Decimal, config: SkmConfig = DEFAULT_CONFIG) -> MutuBand:
    """Return the mutu band of a converted IKM, read on its value rounded to 2 decimals."""
    rounded = _half_up(Fraction(ikm), config.places)
    for band in config.bands:
        if rounded >= band.lower:
            return band
    raise SkmError("skm.ikm_negative", "IKM tidak boleh negatif.")


def ikm_compute(
    answers: Sequence[Mapping[str, int]], config: SkmConfig = DEFAULT_CONFIG
) -> IkmResult:
    """Compute NRR per unsur, the IKM (1–4 and 25–100) and its mutu for parsed answers."""
    means = nrr(answers, config.codes)
    weights = weights_of(config)
    weighted = {code: means[code] * weights[code] for code in config.codes}
    ikm_unit = sum(weighted.values(), Fraction(0))
    ikm_exact = ikm_unit * CONVERSION_FACTOR
    ikm = _half_up(ikm_exact, config.places)
    band = mutu_band(ikm, config)
    return IkmResult(
        respondents=len(answers),
        nrr=means,
        nrr_weighted=weighted,
        ikm_unit=ikm_unit,
        ikm_exact=ikm_exact,
        ikm=ikm,
        mutu=band.mutu,
        kinerja=band.kinerja,
        weighting=config.weighting,
        weighting_text=weighting_text(config),
    )


# --- Sample size: Krejcie & Morgan (1970) -------------------------------------------------------

# χ² for 1 degree of freedom at 95% = 3.841, P = 0.5, d = 0.05 (d² = 0.0025).
_CHI_SQUARE: Final = Fraction("3.841")
_P: Final = Fraction(1, 2)
_D_SQUARED: Final = Fraction("0.0025")
# The published table gives 384 for N = 100,000 where the formula gives 382.6 → 383; the table's
# 384 is the limit for large populations (DOMAIN §7.1).
KREJCIE_MORGAN_CAP: Final = 384
KREJCIE_MORGAN_CAP_FROM: Final = 100_000


def krejcie_morgan(population: int) -> int:
    """Return the Krejcie & Morgan sample size for a population of `population`.

    s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), rounded half up — the rounding that reproduces
    every pair of the published table (10→10, 20→19, 50→44, …, 50,000→381); 384 from
    N = 100,000 on.
    """
    if population < 0:
        raise SkmError("skm.population_negative", "Jumlah populasi tidak boleh negatif.")
    if population >= KREJCIE_MORGAN_CAP_FROM:
        return KREJCIE_MORGAN_CAP
    variance = _P * (1 - _P)
    exact = (_CHI_SQUARE * population * variance) / (
        _D_SQUARED * (population - 1) + _CHI_SQUARE * variance
    )
    return int(_half_up(exact, 0))


@dataclass(frozen=True)
class SampleStatus:
    """Achieved vs target sample; a shortfall is shown, never a reason to refuse publishing."""

    population: int
    target: int
    achieved: int
    is_met: bool
    shortfall: int
    percent_of_target: Decimal | None = field(default=None)


def sample_status(population: int, achieved: int) -> SampleStatus:
    """Compare the respondents received with the Krejcie & Morgan target."""
    if achieved < 0:
        raise SkmError("skm.achieved_negative", "Jumlah responden tidak boleh negatif.")
    target = krejcie_morgan(population)
    percent = _half_up(Fraction(achieved * 100, target), 1) if target else None
    return SampleStatus(
        population=population,
        target=target,
        achieved=achieved,
        is_met=achieved >= target,
        shortfall=max(target - achieved, 0),
        percent_of_target=percent,
    )
