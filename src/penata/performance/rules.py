"""SKP under PermenPAN-RB 6/2022: ratings, the predikat matrix, the distribution curve, JF
credit points and evaluation periods.

Pure functions (no I/O; numbers in messages are written by `penata.core.numbers`, which also
works without Django); DOMAIN.md §4 is the reference. Every number the sources leave open is a
field of a config dataclass with the documented default.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final, Literal, cast

from penata.core.numbers import format_number

Rating = Literal["di_bawah", "sesuai", "di_atas"]
RATINGS: Final = ("di_bawah", "sesuai", "di_atas")
RATING_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "di_bawah": "Di Bawah Ekspektasi",
        "sesuai": "Sesuai Ekspektasi",
        "di_atas": "Di Atas Ekspektasi",
    }
)

Predikat = Literal["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]
# Highest first. "Kurang/Misconduct" is one predikat.
PREDIKATS: Final = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
PREDIKAT_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "sangat_baik": "Sangat Baik",
        "baik": "Baik",
        "butuh_perbaikan": "Butuh Perbaikan",
        "kurang": "Kurang/Misconduct",
        "sangat_kurang": "Sangat Kurang",
    }
)

# The predikat matrix, keyed (perilaku, hasil kerja) — DOMAIN §4.1 [C]. Some public code has a
# 3-predikat version; this is the official quadrant with five predikat.
PREDIKAT_MATRIX: Final[Mapping[tuple[str, str], Predikat]] = MappingProxyType(
    {
        ("di_atas", "di_bawah"): "butuh_perbaikan",
        ("di_atas", "sesuai"): "baik",
        ("di_atas", "di_atas"): "sangat_baik",
        ("sesuai", "di_bawah"): "butuh_perbaikan",
        ("sesuai", "sesuai"): "baik",
        ("sesuai", "di_atas"): "baik",
        ("di_bawah", "di_bawah"): "sangat_kurang",
        ("di_bawah", "sesuai"): "kurang",
        ("di_bawah", "di_atas"): "kurang",
    }
)

OrgPredikat = Literal["istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]
ORG_PREDIKATS: Final = ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
ORG_PREDIKAT_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "istimewa": "Istimewa",
        "baik": "Baik",
        "butuh_perbaikan": "Butuh Perbaikan/Cukup",
        "kurang": "Kurang",
        "sangat_kurang": "Sangat Kurang",
    }
)
_ORG_ALIASES: Final = MappingProxyType({"cukup": "butuh_perbaikan"})


class SkpError(ValueError):
    """A refused SKP value: `code` is stable, `message` is Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _rating(value: str, what: str) -> Rating:
    if value not in RATINGS:
        raise SkpError("skp.rating", f"Rating {what} tidak dikenal: {value!r}.")
    return cast(Rating, value)


def _predikat(value: str) -> Predikat:
    if value not in PREDIKATS:
        raise SkpError("skp.predikat", f"Predikat kinerja tidak dikenal: {value!r}.")
    return cast(Predikat, value)


def org_predikat_code(value: str) -> OrgPredikat:
    """Return the organisational predikat code; "cukup" is the same as "butuh_perbaikan"."""
    code = _ORG_ALIASES.get(value, value)
    if code not in ORG_PREDIKATS:
        raise SkpError("skp.org_predikat", f"Predikat organisasi tidak dikenal: {value!r}.")
    return cast(OrgPredikat, code)


def predikat_kinerja(hasil_kerja: str, perilaku: str) -> Predikat:
    """Return the predikat kinerja of a rating of hasil kerja and a rating of perilaku kerja."""
    return PREDIKAT_MATRIX[(_rating(perilaku, "perilaku"), _rating(hasil_kerja, "hasil kerja"))]


# --- Rating hasil kerja from its indicators --------------------------------------------------


@dataclass(frozen=True)
class IndicatorRating:
    """The rating of one result (rencana hasil kerja); `is_main` for hasil kerja utama."""

    rating: Rating
    is_main: bool = True


# Head of a unit: the organisation's result is that official's rating hasil kerja (DOMAIN §4.1,
# postingnews.id/amp/11905) [C]. How five organisational predikat map onto three ratings is
# [U] (recalled from the PermenPAN-RB 6/2022 annex, not retrieved), hence configurable.
DEFAULT_HEAD_RATINGS: Final[Mapping[str, Rating]] = MappingProxyType(
    {
        "istimewa": "di_atas",
        "baik": "sesuai",
        "butuh_perbaikan": "di_bawah",
        "kurang": "di_bawah",
        "sangat_kurang": "di_bawah",
    }
)


@dataclass(frozen=True)
class SkpConfig:
    """Open numbers of the rating rules.

    - `majority`: "most" results means strictly more than this share of all results.
    - `main_below_tolerance`: the "small share" of main results below expectation that still
      allows Sesuai — a local convention [U], default 20%.
    - `head_ratings`: organisational predikat → the unit head's rating hasil kerja.
    """

    majority: Decimal = Decimal("0.5")
    main_below_tolerance: Decimal = Decimal("0.2")
    head_ratings: Mapping[str, Rating] = field(default_factory=lambda: DEFAULT_HEAD_RATINGS)

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.majority < Decimal(1):
            raise SkpError("skp.config.majority", "Batas 'sebagian besar' harus 0 ≤ x < 1.")
        if not Decimal(0) <= self.main_below_tolerance < Decimal(1):
            raise SkpError(
                "skp.config.main_below_tolerance", "Batas 'sebagian kecil' harus 0 ≤ x < 1."
            )
        if set(self.head_ratings) != set(ORG_PREDIKATS) or any(
            r not in RATINGS for r in self.head_ratings.values()
        ):
            raise SkpError(
                "skp.config.head_ratings", "Setiap predikat organisasi harus dipetakan ke rating."
            )


DEFAULT_SKP_CONFIG: Final = SkpConfig()


def hasil_kerja_rating_from_indicators(
    indicators: Sequence[IndicatorRating], config: SkpConfig = DEFAULT_SKP_CONFIG
) -> Rating:
    """Rate hasil kerja from the ratings of its results (DOMAIN §4 [C], thresholds configurable).

    Read in this order, over all results (utama and tambahan):
    1. di atas — most results above expectation and no main result below;
    2. di bawah — most results below expectation;
    3. di bawah — more than `main_below_tolerance` of the main results below;
    4. otherwise sesuai (most/all as expected, at most a small share of main results below).
    """
    if not indicators:
        raise SkpError("skp.no_indicators", "Belum ada hasil kerja yang dinilai.")
    for indicator in indicators:
        _rating(indicator.rating, "hasil kerja")
    total = len(indicators)
    above = sum(1 for i in indicators if i.rating == "di_atas")
    below = sum(1 for i in indicators if i.rating == "di_bawah")
    main = [i for i in indicators if i.is_main]
    main_below = sum(1 for i in main if i.rating == "di_bawah")
    majority = Fraction(config.majority) * total
    if above > majority and main_below == 0:
        return "di_atas"
    if below > majority:
        return "di_bawah"
    if main and Fraction(main_below, len(main)) > Fraction(config.main_below_tolerance):
        return "di_bawah"
    return "sesuai"


def head_hasil_kerja_rating(org_predikat: str, config: SkpConfig = DEFAULT_SKP_CONFIG) -> Rating:
    """Return a unit head's rating hasil kerja: it follows the unit's organisational predikat."""
    return config.head_ratings[org_predikat_code(org_predikat)]


# --- Distribution curve (kurva distribusi) ---------------------------------------------------


@dataclass(frozen=True)
class CurveConfig:
    """Percentages of the distribution curve, DOMAIN §4.2 [P] (naikpangkat.com citing the
    PermenPAN-RB 6/2022 annex): "sebagian besar (maksimal 70%)", "minimal 60%", "minimal 10%",
    "Sangat Baik maksimal 10%". `majority` is our reading of "sebagian besar": more than 50%;
    None switches that check off.
    """

    main_max: Decimal = Decimal(70)
    majority: Decimal | None = Decimal(50)
    main_min: Decimal = Decimal(60)
    secondary_min: Decimal = Decimal(10)
    sangat_baik_max: Decimal = Decimal(10)


DEFAULT_CURVE: Final = CurveConfig()


@dataclass(frozen=True)
class Violation:
    """One broken rule of the curve: a warning for the unit head, not a block."""

    code: str
    rule: str
    message: str
    count: int
    total: int
    actual_percent: Decimal
    limit_percent: Decimal


def _percent_text(value: Decimal) -> str:
    """A percentage with its own decimals, in the separators of the active language."""
    return format_number(value)


def _share(count: int, total: int) -> Decimal:
    return _half_up(Fraction(count * 100, total), 1)


def distribution_violations(
    org_predikat: str, staff_predikats: Sequence[str], config: CurveConfig = DEFAULT_CURVE
) -> list[Violation]:
    """List how the staff predikat of a unit break the curve of its organisational predikat.

    An empty list means the distribution fits (also when there is nobody to check). Shares are
    compared exactly; the message shows them to one decimal.
    """
    org = org_predikat_code(org_predikat)
    predikats = [_predikat(p) for p in staff_predikats]
    total = len(predikats)
    if total == 0:
        return []
    counts = {p: predikats.count(p) for p in PREDIKATS}
    org_label = ORG_PREDIKAT_LABELS[org]
    found: list[Violation] = []

    def check(code: str, members: tuple[Predikat, ...], kind: str, limit: Decimal) -> None:
        count = sum(counts[m] for m in members)
        names = " dan/atau ".join(PREDIKAT_LABELS[m] for m in members)
        if kind == "max":
            broken = count * 100 > limit * total
            rule = f"pegawai berpredikat {names} paling banyak {_percent_text(limit)}%"
        elif kind == "min":
            broken = count * 100 < limit * total
            rule = f"paling sedikit {_percent_text(limit)}% pegawai berpredikat {names}"
        elif kind == "majority":
            broken = count * 100 <= limit * total
            rule = (
                f"sebagian besar (lebih dari {_percent_text(limit)}%) pegawai berpredikat {names}"
            )
        elif kind == "some":
            broken = count == 0
            rule = f"harus ada pegawai berpredikat {names}"
        else:  # "none"
            broken = count > 0
            rule = f"tidak boleh ada pegawai berpredikat {names}"
        if broken:
            actual = _share(count, total)
            found.append(
                Violation(
                    code=f"kurva.{org}.{code}",
                    rule=rule,
                    message=(
                        f"Predikat organisasi {org_label}: {rule}; saat ini "
                        f"{_percent_text(actual)}% ({count} dari {total} pegawai)."
                    ),
                    count=count,
                    total=total,
                    actual_percent=actual,
                    limit_percent=limit,
                )
            )

    if org in ("istimewa", "baik"):
        main: Predikat = "sangat_baik" if org == "istimewa" else "baik"
        if config.majority is not None:
            check(f"{main}_majority", (main,), "majority", config.majority)
        check(f"{main}_max", (main,), "max", config.main_max)
        if org == "baik":
            check("low_required", ("butuh_perbaikan", "kurang"), "some", Decimal(0))
    elif org == "butuh_perbaikan":
        check("butuh_perbaikan_min", ("butuh_perbaikan",), "min", config.main_min)
        check("sangat_baik_max", ("sangat_baik",), "max", config.sangat_baik_max)
    elif org == "kurang":
        check("kurang_min", ("kurang",), "min", config.main_min)
        check("butuh_perbaikan_min", ("butuh_perbaikan",), "min", config.secondary_min)
        check("sangat_baik_max", ("sangat_baik",), "max", config.sangat_baik_max)
    else:
        check("sangat_kurang_min", ("sangat_kurang",), "min", config.main_min)
        check(
            "kurang_or_butuh_perbaikan_min",
            ("kurang", "butuh_perbaikan"),
            "min",
            config.secondary_min,
        )
        check("sangat_baik_none", ("sangat_baik",), "none", Decimal(0))
    return found


# --- JF credit points (angka kredit) ---------------------------------------------------------

# Share of the yearly coefficient per predikat — PermenPAN-RB 1/2023 / Peraturan BKN 3/2023 [P]
# (BKN Direktorat Jabatan ASN slides "Perhitungan konversi predikat kinerja", 2023).
DEFAULT_MULTIPLIERS: Final[Mapping[str, Decimal]] = MappingProxyType(
    {
        "sangat_baik": Decimal("1.50"),
        "baik": Decimal("1.00"),
        "butuh_perbaikan": Decimal("0.75"),
        "kurang": Decimal("0.50"),
        "sangat_kurang": Decimal("0.25"),
    }
)
# Yearly coefficient per jenjang. Ahli pertama 12.5 and ahli muda 25 appear in BKN's own worked
# examples (slides above; Peraturan BKN 3/2023 annex "100% x 25 = 25") [P]; the others are [U]
# (DOMAIN §4.3). Pemula 3.75 and terampil 5 were found only in two independent public
# implementations citing Peraturan BKN 3/2023, the annex itself not retrieved [U].
DEFAULT_COEFFICIENTS: Final[Mapping[str, Decimal]] = MappingProxyType(
    {
        "pemula": Decimal("3.75"),
        "terampil": Decimal("5"),
        "mahir": Decimal("12.5"),
        "penyelia": Decimal("25"),
        "ahli_pertama": Decimal("12.5"),
        "ahli_muda": Decimal("25"),
        "ahli_madya": Decimal("37.5"),
        "ahli_utama": Decimal("50"),
    }
)


@dataclass(frozen=True)
class AngkaKreditConfig:
    """Multipliers per predikat, coefficients per jenjang, and decimals of the result.

    Three decimals keep every full-year value exact (12.5 × 75% = 9.375); periodic values such
    as 2/12 × 12.5 = 2.0833… are rounded half up.
    """

    multipliers: Mapping[str, Decimal] = field(default_factory=lambda: DEFAULT_MULTIPLIERS)
    coefficients: Mapping[str, Decimal] = field(default_factory=lambda: DEFAULT_COEFFICIENTS)
    places: int = 3

    def __post_init__(self) -> None:
        if set(self.multipliers) != set(PREDIKATS):
            raise SkpError("ak.config.multipliers", "Setiap predikat harus punya persentase.")
        if any(v < 0 for v in (*self.multipliers.values(), *self.coefficients.values())):
            raise SkpError("ak.config.negative", "Persentase dan koefisien tidak boleh negatif.")


DEFAULT_AK_CONFIG: Final = AngkaKreditConfig()


def angka_kredit(
    predikat: str,
    jenjang: str,
    config: AngkaKreditConfig = DEFAULT_AK_CONFIG,
    *,
    months: int = 12,
) -> Decimal:
    """Return the credit points earned: months/12 × predikat percentage × yearly coefficient.

    E.g. ahli pertama, Sangat Baik, a full year: 150% × 12.5 = 18.75; Baik for 2 months:
    2/12 × 100% × 12.5 = 2.083 (BKN's slide shows 2,08).
    """
    code = _predikat(predikat)
    if jenjang not in config.coefficients:
        raise SkpError("ak.jenjang", f"Jenjang jabatan fungsional tidak dikenal: {jenjang!r}.")
    if not 1 <= months <= 12:
        raise SkpError("ak.months", f"Jumlah bulan harus 1–12, bukan {months}.")
    exact = (
        Fraction(months, 12)
        * Fraction(config.multipliers[code])
        * Fraction(config.coefficients[jenjang])
    )
    return _half_up(exact, config.places)


# --- Evaluation periods --------------------------------------------------------------------------

Frequency = Literal["monthly", "quarterly", "semester", "annual"]
FREQUENCIES: Final = ("monthly", "quarterly", "semester", "annual")
MONTH_NAMES: Final = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_ROMAN: Final = ("I", "II", "III", "IV")
_MONTHS_PER_PERIOD: Final = MappingProxyType(
    {"monthly": 1, "quarterly": 3, "semester": 6, "annual": 12}
)


@dataclass(frozen=True)
class EvaluationPeriod:
    """One periodic evaluation of a year: its number (1…), label, months and dates."""

    number: int
    label: str
    months: tuple[int, ...]
    start: dt.date
    end: dt.date


def _label(frequency: str, number: int, year: int) -> str:
    if frequency == "monthly":
        return f"{MONTH_NAMES[number - 1]} {year}"
    if frequency == "quarterly":
        return f"Triwulan {_ROMAN[number - 1]} {year}"
    if frequency == "semester":
        return f"Semester {_ROMAN[number - 1]} {year}"
    return f"Tahun {year}"


def evaluation_periods(year: int, frequency: str) -> tuple[EvaluationPeriod, ...]:
    """Return the periodic evaluations of `year`: 12 monthly, 4 quarterly, 2 semester or 1."""
    if frequency not in _MONTHS_PER_PERIOD:
        raise SkpError("skp.frequency", f"Frekuensi evaluasi tidak dikenal: {frequency!r}.")
    size = _MONTHS_PER_PERIOD[frequency]
    periods: list[EvaluationPeriod] = []
    for number, first in enumerate(range(1, 13, size), start=1):
        months = tuple(range(first, first + size))
        last = months[-1]
        periods.append(
            EvaluationPeriod(
                number=number,
                label=_label(frequency, number, year),
                months=months,
                start=dt.date(year, first, 1),
                end=dt.date(year, last, calendar.monthrange(year, last)[1]),
            )
        )
    return tuple(periods)


def period_of(day: dt.date, frequency: str) -> EvaluationPeriod:
    """Return the evaluation period of `frequency` that contains `day`."""
    for period in evaluation_periods(day.year, frequency):
        if day.month in period.months:
            return period
    raise AssertionError("every month belongs to a period")  # pragma: no cover


def elapsed_share(start: dt.date, end: dt.date, on: dt.date) -> Fraction:
    """Return the share of days from `start` to `end` (both included) elapsed by the end of `on`.

    0 before `start`, 1 from `end` on. Used to compare realisation with elapsed time.
    """
    if end < start:
        raise SkpError("skp.period_dates", "Tanggal akhir periode sebelum tanggal awal.")
    total = (end - start).days + 1
    done = min(max((on - start).days + 1, 0), total)
    return Fraction(done, total)


Progress = Literal["tercapai", "sesuai_jadwal", "tertinggal"]
PROGRESS_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {"tercapai": "Target tercapai", "sesuai_jadwal": "Sesuai jadwal", "tertinggal": "Tertinggal"}
)


@dataclass(frozen=True)
class Realisation:
    """Realisation against elapsed time for one indicator."""

    realisation_share: Fraction
    elapsed_share: Fraction
    status: Progress

    @property
    def realisation_percent(self) -> Decimal:
        return _half_up(self.realisation_share * 100, 1)

    @property
    def elapsed_percent(self) -> Decimal:
        return _half_up(self.elapsed_share * 100, 1)


def realisation_vs_elapsed(
    realised: Decimal,
    target: Decimal,
    start: dt.date,
    end: dt.date,
    on: dt.date,
    *,
    tolerance: Decimal = Decimal("0.10"),
) -> Realisation:
    """Compare realisation/target with the time elapsed in the period.

    `tertinggal` when the realised share is more than `tolerance` (a local convention, default
    10 percentage points) behind the elapsed share; `tercapai` once the target is reached.
    """
    if target <= 0:
        raise SkpError("skp.target", "Target harus lebih dari 0.")
    if realised < 0:
        raise SkpError("skp.realised", "Realisasi tidak boleh negatif.")
    share = Fraction(realised) / Fraction(target)
    elapsed = elapsed_share(start, end, on)
    if share >= 1:
        status: Progress = "tercapai"
    elif share < elapsed - Fraction(tolerance):
        status = "tertinggal"
    else:
        status = "sesuai_jadwal"
    return Realisation(realisation_share=share, elapsed_share=elapsed, status=status)


def _half_up(value: Fraction, places: int) -> Decimal:
    """Round an exact fraction half up (away from zero) to `places` decimals."""
    scaled = abs(value) * 10**places
    whole = math.floor(scaled + Fraction(1, 2))
    result = Decimal(whole).scaleb(-places)
    return -result if value < 0 else result
