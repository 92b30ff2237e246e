"""Competency, development hours (JP) and talent rules: gaps, Job-Person Match, the 20 JP
ledger, the 9-box and succession ranking.

Pure functions (no I/O; Django only for the lazily translated labels); DOMAIN.md §5–§6 are
the reference. Every number the
sources leave open (cut-offs, weights, predikat scores, JP target) is a config field.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
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


class LearningError(ValueError):
    """A refused value: `code` is stable, `message` is Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _half_up(value: Fraction, places: int) -> Decimal:
    """Round an exact fraction half up (away from zero) to `places` decimals."""
    scaled = abs(value) * 10**places
    whole = math.floor(scaled + Fraction(1, 2))
    result = Decimal(whole).scaleb(-places)
    return -result if value < 0 else result


# --- Competency dictionary (PermenPAN-RB 38/2017) ------------------------------------------------

CompetencyKind = Literal["manajerial", "sosial_kultural", "teknis"]


@dataclass(frozen=True)
class Competency:
    code: str
    name: str
    kind: CompetencyKind


# 8 managerial competencies and the socio-cultural one [C] (DOMAIN §5). Technical competencies
# come from each instansi's dictionary and use their own codes.
COMPETENCIES: Final = (
    Competency("integritas", "Integritas", "manajerial"),
    Competency("kerja_sama", "Kerja Sama", "manajerial"),
    Competency("komunikasi", "Komunikasi", "manajerial"),
    Competency("orientasi_pada_hasil", "Orientasi pada Hasil", "manajerial"),
    Competency("pelayanan_publik", "Pelayanan Publik", "manajerial"),
    Competency(
        "pengembangan_diri_dan_orang_lain", "Pengembangan Diri dan Orang Lain", "manajerial"
    ),
    Competency("mengelola_perubahan", "Mengelola Perubahan", "manajerial"),
    Competency("pengambilan_keputusan", "Pengambilan Keputusan", "manajerial"),
    Competency("perekat_bangsa", "Perekat Bangsa", "sosial_kultural"),
)
COMPETENCY_BY_CODE: Final[Mapping[str, Competency]] = MappingProxyType(
    {c.code: c for c in COMPETENCIES}
)
LEVEL_MIN: Final = 1
LEVEL_MAX: Final = 5


def _check_levels(levels: Mapping[str, int], what: str) -> None:
    for code, level in levels.items():
        if isinstance(level, bool) or not isinstance(level, int):
            raise LearningError("learning.level", f"Level {what} {code} harus bilangan bulat.")
        if not LEVEL_MIN <= level <= LEVEL_MAX:
            raise LearningError(
                "learning.level",
                f"Level {what} {code} harus {LEVEL_MIN}–{LEVEL_MAX}, bukan {level}.",
            )


@dataclass(frozen=True)
class CompetencyGap:
    """Gap of one competency: `required − actual` (positive = shortfall, negative = surplus).

    `actual` is None when the competency was not assessed; it then counts as level 0, so the
    whole required level is a shortfall — an unassessed competency is not evidence of mastery.
    """

    code: str
    required: int
    actual: int | None
    gap: int

    @property
    def shortfall(self) -> int:
        return max(self.gap, 0)

    @property
    def is_met(self) -> bool:
        return self.gap <= 0


def competency_gaps(required: Mapping[str, int], actual: Mapping[str, int]) -> list[CompetencyGap]:
    """Return the gap of each competency of the position's standard, in the standard's order.

    Competencies assessed but not in the standard are ignored.
    """
    _check_levels(required, "standar")
    _check_levels(actual, "hasil penilaian")
    return [
        CompetencyGap(
            code=code, required=level, actual=actual.get(code), gap=level - actual.get(code, 0)
        )
        for code, level in required.items()
    ]


def _jpm_fraction(required: Mapping[str, int], actual: Mapping[str, int]) -> Fraction:
    if not required:
        raise LearningError("learning.no_standard", "Standar kompetensi jabatan belum diisi.")
    _check_levels(required, "standar")
    _check_levels(actual, "hasil penilaian")
    met = sum(min(actual.get(code, 0), level) for code, level in required.items())
    return Fraction(met * 100, sum(required.values()))


def job_person_match(required: Mapping[str, int], actual: Mapping[str, int]) -> Decimal:
    """Return the Job-Person Match in percent, 2 decimals half up.

    JPM = Σ min(actual, required) / Σ required × 100 over the competencies of the standard.
    Assessment centres report JPM against the Standar Kompetensi Jabatan (PermenPAN-RB 38/2017,
    DOMAIN §5); their exact formula is not published [U]. Capping each competency at its
    required level is our choice: a surplus in one competency must not hide a shortfall in
    another. An unassessed competency counts as 0.
    """
    return _half_up(_jpm_fraction(required, actual), 2)


@dataclass(frozen=True)
class Candidate:
    """A succession candidate: a stable `key` (e.g. NIP), assessed levels, optional 9-box."""

    key: str
    levels: Mapping[str, int]
    box: int | None = None


@dataclass(frozen=True)
class RankedCandidate:
    rank: int
    candidate: Candidate
    jpm: Decimal
    gaps: tuple[CompetencyGap, ...]
    shortfall_count: int
    largest_shortfall: int


def succession_ranking(
    standard: Mapping[str, int], candidates: Iterable[Candidate]
) -> list[RankedCandidate]:
    """Rank candidates for a position by their match with its competency standard.

    Order: 1. higher JPM (exact, before rounding); 2. fewer competencies below standard;
    3. smaller largest shortfall (gaps that training can close sooner); 4. higher 9-box
    (9 > 8 > 7, none last); 5. key, so equal candidates keep a stable order. Ranks are 1…n.
    """
    scored = []
    for candidate in candidates:
        gaps = tuple(competency_gaps(standard, candidate.levels))
        shortfalls = [g.shortfall for g in gaps if g.shortfall > 0]
        exact = _jpm_fraction(standard, candidate.levels)
        order = (
            -exact,
            len(shortfalls),
            max(shortfalls, default=0),
            -(candidate.box or 0),
            candidate.key,
        )
        scored.append((order, candidate, exact, gaps, shortfalls))
    scored.sort(key=lambda item: item[0])
    return [
        RankedCandidate(
            rank=rank,
            candidate=candidate,
            jpm=_half_up(exact, 2),
            gaps=gaps,
            shortfall_count=len(shortfalls),
            largest_shortfall=max(shortfalls, default=0),
        )
        for rank, (_, candidate, exact, gaps, shortfalls) in enumerate(scored, start=1)
    ]


# --- Jam pelajaran (JP) -----------------------------------------------------------------------

# 1 JP = 45 minutes; at least 20 JP of development per PNS per year — PP 11/2017 Pasal 203 as
# amended by PP 17/2020 [P] (DOMAIN §5).
MINUTES_PER_JP: Final = 45
YEARLY_TARGET_JP: Final = Decimal(20)


@dataclass(frozen=True)
class JpConfig:
    yearly_target_jp: Decimal = YEARLY_TARGET_JP
    minutes_per_jp: int = MINUTES_PER_JP

    def __post_init__(self) -> None:
        if self.yearly_target_jp < 0 or self.minutes_per_jp <= 0:
            raise LearningError("learning.config.jp", "Target JP dan menit per JP harus positif.")


DEFAULT_JP_CONFIG: Final = JpConfig()


def minutes_to_jp(minutes: int | Decimal, config: JpConfig = DEFAULT_JP_CONFIG) -> Decimal:
    """Convert minutes to JP, keeping partial JP to 2 decimals half up (50 min → 1.11 JP)."""
    if minutes < 0:
        raise LearningError("learning.minutes_negative", "Durasi tidak boleh negatif.")
    return _half_up(Fraction(minutes) / config.minutes_per_jp, 2)


def jp_to_minutes(jp: int | Decimal, config: JpConfig = DEFAULT_JP_CONFIG) -> Decimal:
    """Convert JP to minutes (20 JP → 900 minutes)."""
    if jp < 0:
        raise LearningError("learning.jp_negative", "JP tidak boleh negatif.")
    return Decimal(jp) * config.minutes_per_jp


@dataclass(frozen=True)
class JpEntry:
    """One development record: minutes spent, the day it was completed, verified or not."""

    minutes: int | Decimal
    day: dt.date
    is_verified: bool = True


def jp_minutes_in_year(entries: Iterable[JpEntry], year: int) -> Decimal:
    """Sum the verified minutes completed in `year` (by completion day; unverified evidence
    does not count until `admin` verifies it). Minutes are summed before conversion to JP so
    that rounding of partial JP never adds up."""
    total = Decimal(0)
    for entry in entries:
        if entry.minutes < 0:
            raise LearningError("learning.minutes_negative", "Durasi tidak boleh negatif.")
        if entry.is_verified and entry.day.year == year:
            total += Decimal(entry.minutes)
    return total


JpStatus = Literal["terpenuhi", "sesuai_jadwal", "tertinggal", "tidak_terpenuhi"]
JP_STATUS_LABELS: Final[Mapping[str, StrOrPromise]] = MappingProxyType(
    {
        "terpenuhi": _("Terpenuhi"),
        "sesuai_jadwal": _("Sesuai jadwal"),
        "tertinggal": _("Tertinggal"),
        "tidak_terpenuhi": _("Tidak terpenuhi"),
    }
)


@dataclass(frozen=True)
class JpCompliance:
    """Where an employee stands against the yearly JP target on a given day.

    `months_left` counts the current month (1 in December, 0 once the year is over);
    `required_jp_per_month` is what is still needed per remaining month (None if none left).
    """

    year: int
    target_jp: Decimal
    achieved_jp: Decimal
    remaining_jp: Decimal
    months_left: int
    required_jp_per_month: Decimal | None
    status: JpStatus

    @property
    def status_label(self) -> StrOrPromise:
        return JP_STATUS_LABELS[self.status]


def jp_compliance(
    minutes: int | Decimal, *, year: int, on: dt.date, config: JpConfig = DEFAULT_JP_CONFIG
) -> JpCompliance:
    """Compare the verified minutes of `year` with the target, as seen on day `on`.

    Status: `terpenuhi` once the target is reached (compared in exact minutes); otherwise
    `tidak_terpenuhi` when the year is over; `sesuai_jadwal` when at least the pro-rata share of
    the completed months is done (e.g. 5 JP by 1 April for 20 JP a year); else `tertinggal`.
    """
    if minutes < 0:
        raise LearningError("learning.minutes_negative", "Durasi tidak boleh negatif.")
    exact_jp = Fraction(minutes) / config.minutes_per_jp
    target = Fraction(config.yearly_target_jp)
    if on.year < year:
        months_left, completed = 12, 0
    elif on.year > year:
        months_left, completed = 0, 12
    else:
        months_left, completed = 13 - on.month, on.month - 1
    remaining = max(target - exact_jp, Fraction(0))
    if exact_jp >= target:
        status: JpStatus = "terpenuhi"
    elif months_left == 0:
        status = "tidak_terpenuhi"
    elif exact_jp >= target * completed / 12:
        status = "sesuai_jadwal"
    else:
        status = "tertinggal"
    return JpCompliance(
        year=year,
        target_jp=config.yearly_target_jp,
        achieved_jp=_half_up(exact_jp, 2),
        remaining_jp=_half_up(remaining, 2),
        months_left=months_left,
        required_jp_per_month=_half_up(remaining / months_left, 2) if months_left else None,
        status=status,
    )


# --- Talent: 9-box (PermenPAN-RB 3/2020) -----------------------------------------------------

KinerjaLevel = Literal["di_bawah", "sesuai", "di_atas"]
PotensialLevel = Literal["rendah", "menengah", "tinggi"]
KINERJA_LABELS: Final[Mapping[str, StrOrPromise]] = MappingProxyType(
    {
        "di_bawah": _("Di Bawah Ekspektasi"),
        "sesuai": _("Sesuai Ekspektasi"),
        "di_atas": _("Di Atas Ekspektasi"),
    }
)
POTENSIAL_LABELS: Final[Mapping[str, StrOrPromise]] = MappingProxyType(
    {"rendah": _("Rendah"), "menengah": _("Menengah"), "tinggi": _("Tinggi")}
)

# Box numbers, identical across implementations — DOMAIN §6 [C].
BOXES: Final[Mapping[tuple[str, str], int]] = MappingProxyType(
    {
        ("di_atas", "rendah"): 4,
        ("di_atas", "menengah"): 7,
        ("di_atas", "tinggi"): 9,
        ("sesuai", "rendah"): 2,
        ("sesuai", "menengah"): 5,
        ("sesuai", "tinggi"): 8,
        ("di_bawah", "rendah"): 1,
        ("di_bawah", "menengah"): 3,
        ("di_bawah", "tinggi"): 6,
    }
)
TALENT_POOL_BOXES: Final = frozenset({7, 8, 9})

# Follow-up per box, PermenPAN-RB 3/2020: boxes 9, 8, 7 and 1 per DOMAIN §6 [P]; boxes 2–6 from
# a public implementation whose 9, 8, 7 and 1 agree with DOMAIN [P].
BOX_ACTIONS: Final[Mapping[int, tuple[StrOrPromise, ...]]] = MappingProxyType(
    {
        9: (
            _("Dipromosikan dan dipertahankan"),
            _("Masuk kelompok rencana suksesi instansi/nasional"),
            _("Mendapat penghargaan"),
        ),
        8: (
            _("Dipertahankan"),
            _("Masuk kelompok rencana suksesi instansi"),
            _("Rotasi/perluasan jabatan"),
            _("Bimbingan kinerja"),
        ),
        7: (
            _("Dipertahankan"),
            _("Masuk kelompok rencana suksesi instansi"),
            _("Rotasi/pengayaan jabatan"),
            _("Pengembangan kompetensi"),
            _("Tugas belajar"),
        ),
        6: (_("Penempatan yang sesuai"), _("Bimbingan kinerja"), _("Konseling kinerja")),
        5: (_("Penempatan yang sesuai"), _("Bimbingan kinerja"), _("Pengembangan kompetensi")),
        4: (_("Rotasi"), _("Pengembangan kompetensi")),
        3: (
            _("Bimbingan kinerja"),
            _("Konseling kinerja"),
            _("Pengembangan kompetensi"),
            _("Penempatan yang sesuai"),
        ),
        2: (_("Bimbingan kinerja"), _("Pengembangan kompetensi"), _("Penempatan yang sesuai")),
        1: (_("Diproses sesuai ketentuan peraturan perundang-undangan"),),
    }
)

# SKP predikat → kinerja score: a local convention of talent systems, not regulation (DOMAIN §4.3).
DEFAULT_PREDIKAT_SCORES: Final[Mapping[str, Decimal]] = MappingProxyType(
    {
        "sangat_baik": Decimal(100),
        "baik": Decimal(80),
        "butuh_perbaikan": Decimal(60),
        "kurang": Decimal(40),
        "sangat_kurang": Decimal(20),
    }
)


@dataclass(frozen=True)
class Cutoffs:
    """Score ≥ `high` is the top level, ≥ `middle` the middle one, below that the bottom."""

    middle: Decimal = Decimal(60)
    high: Decimal = Decimal(80)


@dataclass(frozen=True)
class TalentConfig:
    """Cut-offs (a local convention: ≥ 80 high, ≥ 60 middle), component weights per axis,
    the weights of the combined talent score, and the predikat scores.

    The cut-offs apply to composite kinerja scores only; a kinerja axis read from the SKP
    predikat alone uses the predikat's own level (`kinerja_level_of_predikat`).
    """

    kinerja_cutoffs: Cutoffs = field(default_factory=Cutoffs)
    potensial_cutoffs: Cutoffs = field(default_factory=Cutoffs)
    kinerja_weights: Mapping[str, Decimal] = field(default_factory=lambda: {"main": Decimal(1)})
    potensial_weights: Mapping[str, Decimal] = field(
        default_factory=lambda: {"assessment": Decimal(1)}
    )
    talent_weights: tuple[Decimal, Decimal] = (Decimal("0.5"), Decimal("0.5"))
    predikat_scores: Mapping[str, Decimal] = field(default_factory=lambda: DEFAULT_PREDIKAT_SCORES)

    def __post_init__(self) -> None:
        for cut in (self.kinerja_cutoffs, self.potensial_cutoffs):
            if not Decimal(0) <= cut.middle <= cut.high <= Decimal(100):
                raise LearningError(
                    "talent.config.cutoffs", "Batas harus 0 ≤ menengah ≤ tinggi ≤ 100."
                )
        for name, weights in (
            ("kinerja", self.kinerja_weights),
            ("potensial", self.potensial_weights),
            ("talenta", dict(zip(("kinerja", "potensial"), self.talent_weights, strict=True))),
        ):
            if not weights or any(w < 0 for w in weights.values()) or sum(weights.values()) != 1:
                raise LearningError(
                    "talent.config.weights", f"Bobot {name} harus positif dan berjumlah tepat 1."
                )


DEFAULT_TALENT_CONFIG: Final = TalentConfig()
# "Kep Kepala BKN 41/2025" as summarised in DOMAIN §6 [P]: talent score 50/50; kinerja 60% main
# (e-Kinerja predikat) + 40% supporting (awards, team assignments); potensial 40% competency,
# 25% potential, 20% qualification, 15% integrity.
BKN_2025_TALENT_CONFIG: Final = TalentConfig(
    kinerja_weights={"main": Decimal("0.60"), "supporting": Decimal("0.40")},
    potensial_weights={
        "competency": Decimal("0.40"),
        "potential": Decimal("0.25"),
        "qualification": Decimal("0.20"),
        "integrity": Decimal("0.15"),
    },
)
TALENT_PRESETS: Final[Mapping[str, TalentConfig]] = MappingProxyType(
    {"default": DEFAULT_TALENT_CONFIG, "bkn_2025": BKN_2025_TALENT_CONFIG}
)
TALENT_PRESET_LABELS: Final[Mapping[str, StrOrPromise]] = MappingProxyType(
    {
        "default": _("Bawaan: kinerja dari predikat SKP, potensial dari hasil penilaian"),
        "bkn_2025": _("BKN 2025: kinerja 60% utama + 40% penunjang; potensial 4 komponen"),
    }
)
COMPONENT_LABELS: Final[Mapping[str, StrOrPromise]] = MappingProxyType(
    {
        "main": _("kinerja utama (predikat e-Kinerja)"),
        "supporting": _("kinerja penunjang"),
        "assessment": _("hasil penilaian potensial"),
        "competency": _("kompetensi"),
        "potential": _("potensi"),
        "qualification": _("kualifikasi"),
        "integrity": _("integritas"),
    }
)


def talent_config_from(
    preset: str,
    *,
    kinerja_cutoffs: Cutoffs,
    potensial_cutoffs: Cutoffs,
    talent_weights: tuple[Decimal, Decimal],
) -> TalentConfig:
    """A preset's component weights and predikat scores with chosen cut-offs and talent-score
    weights (fractions summing to 1); raises LearningError on an unknown preset or bad values."""
    try:
        base = TALENT_PRESETS[preset]
    except KeyError:
        raise LearningError(
            "talent.config.preset", f"Acuan konfigurasi 9-box tidak dikenal: {preset!r}."
        ) from None
    return TalentConfig(
        kinerja_cutoffs=kinerja_cutoffs,
        potensial_cutoffs=potensial_cutoffs,
        kinerja_weights=base.kinerja_weights,
        potensial_weights=base.potensial_weights,
        talent_weights=talent_weights,
        predikat_scores=base.predikat_scores,
    )


TALENT_SETTING_FIELDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "kinerja_middle": "Batas kinerja sesuai ekspektasi",
        "kinerja_high": "Batas kinerja di atas ekspektasi",
        "potensial_middle": "Batas potensial menengah",
        "potensial_high": "Batas potensial tinggi",
        "kinerja_weight": "Bobot kinerja",
        "potensial_weight": "Bobot potensial",
    }
)


def talent_setting_errors(preset: str, values: Mapping[str, Decimal]) -> list[tuple[str, str]]:
    """Check a 9-box setting as an admin enters it (cut-offs and weights in 0–100, weights in
    percent); return (field, message) pairs naming the field, empty when it is sound."""
    errors: list[tuple[str, str]] = []
    if preset not in TALENT_PRESETS:
        errors.append(("preset", f"Acuan bobot komponen tidak dikenal: {preset!r}."))
    for name, label in TALENT_SETTING_FIELDS.items():
        value = values.get(name)
        if value is None:
            errors.append((name, f"{label} wajib diisi."))
        elif not Decimal(0) <= value <= Decimal(100):
            errors.append((name, f"{label} harus antara 0 dan 100, bukan {format_number(value)}."))
    if errors:
        return errors
    for axis, lower, upper in (
        ("kinerja", "sesuai ekspektasi", "di atas ekspektasi"),
        ("potensial", "menengah", "tinggi"),
    ):
        middle, high = values[f"{axis}_middle"], values[f"{axis}_high"]
        if middle > high:
            errors.append(
                (
                    f"{axis}_high",
                    f"Batas {axis} {upper} ({format_number(high)}) tidak boleh lebih rendah "
                    f"dari batas {axis} {lower} ({format_number(middle)}).",
                )
            )
    total = values["kinerja_weight"] + values["potensial_weight"]
    if total != Decimal(100):
        errors.append(
            (
                "potensial_weight",
                f"Bobot kinerja dan bobot potensial harus berjumlah 100%, sekarang "
                f"{format_number(total)}%.",
            )
        )
    return errors


def _check_score(score: Decimal, what: str) -> None:
    if not Decimal(0) <= score <= Decimal(100):
        raise LearningError("talent.score", f"Nilai {what} harus 0–100, bukan {score}.")


def predikat_score(predikat: str, config: TalentConfig = DEFAULT_TALENT_CONFIG) -> Decimal:
    """Return the kinerja score of an SKP predikat (default SB 100 … SK 20)."""
    if predikat not in config.predikat_scores:
        raise LearningError("talent.predikat", f"Predikat kinerja tidak dikenal: {predikat!r}.")
    return config.predikat_scores[predikat]


def weighted_score(components: Mapping[str, Decimal], weights: Mapping[str, Decimal]) -> Decimal:
    """Return Σ component × weight; every weighted component must be given (0–100)."""
    missing = [name for name in weights if name not in components]
    if missing:
        raise LearningError(
            "talent.component_missing", f"Komponen nilai belum diisi: {', '.join(missing)}."
        )
    for name in weights:
        _check_score(components[name], name)
    return sum((components[name] * weight for name, weight in weights.items()), Decimal(0))


def kinerja_score(
    components: Mapping[str, Decimal], config: TalentConfig = DEFAULT_TALENT_CONFIG
) -> Decimal:
    """Combine kinerja components (default: just `main`; BKN 2025: main and supporting)."""
    return weighted_score(components, config.kinerja_weights)


def potensial_score(
    components: Mapping[str, Decimal], config: TalentConfig = DEFAULT_TALENT_CONFIG
) -> Decimal:
    """Combine potensial components (default: just `assessment`; BKN 2025: four parts)."""
    return weighted_score(components, config.potensial_weights)


def talent_score(
    kinerja: Decimal, potensial: Decimal, config: TalentConfig = DEFAULT_TALENT_CONFIG
) -> Decimal:
    """Return the combined talent score (default 50% kinerja + 50% potensial)."""
    _check_score(kinerja, "kinerja")
    _check_score(potensial, "potensial")
    return kinerja * config.talent_weights[0] + potensial * config.talent_weights[1]


def kinerja_level(score: Decimal, config: TalentConfig = DEFAULT_TALENT_CONFIG) -> KinerjaLevel:
    """Place a kinerja score on the Y axis: ≥ high di atas, ≥ middle sesuai, else di bawah."""
    _check_score(score, "kinerja")
    cut = config.kinerja_cutoffs
    if score >= cut.high:
        return "di_atas"
    return "sesuai" if score >= cut.middle else "di_bawah"


# SKP predikat → kinerja level: the regulation's own reading (PermenPAN-RB 6/2022, DOMAIN §4):
# Sangat Baik is above expectation, Baik is "sesuai ekspektasi", the rest below it. Scores and
# cut-offs would put a plain Baik (80 ≥ 80) in the top row, which misreads the predikat.
PREDIKAT_KINERJA_LEVELS: Final[Mapping[str, KinerjaLevel]] = MappingProxyType(
    {
        "sangat_baik": "di_atas",
        "baik": "sesuai",
        "butuh_perbaikan": "di_bawah",
        "kurang": "di_bawah",
        "sangat_kurang": "di_bawah",
    }
)


def kinerja_level_of_predikat(predikat: str) -> KinerjaLevel:
    """Place an SKP predikat alone on the Y axis: SB di atas, B sesuai, BP/K/SK di bawah."""
    try:
        return PREDIKAT_KINERJA_LEVELS[predikat]
    except KeyError:
        raise LearningError(
            "talent.predikat", f"Predikat kinerja tidak dikenal: {predikat!r}."
        ) from None


def nine_box_of_predikat(
    predikat: str, potensial: Decimal, config: TalentConfig = DEFAULT_TALENT_CONFIG
) -> int:
    """Return the 9-box when the kinerja axis is the SKP predikat alone (no composite score)."""
    return box_of(kinerja_level_of_predikat(predikat), potensial_level(potensial, config))


def potensial_level(score: Decimal, config: TalentConfig = DEFAULT_TALENT_CONFIG) -> PotensialLevel:
    """Place a potensial score on the X axis: ≥ high tinggi, ≥ middle menengah, else rendah."""
    _check_score(score, "potensial")
    cut = config.potensial_cutoffs
    if score >= cut.high:
        return "tinggi"
    return "menengah" if score >= cut.middle else "rendah"


def box_of(kinerja: str, potensial: str) -> int:
    """Return the box number (1–9) of a kinerja level and a potensial level."""
    try:
        return BOXES[(kinerja, potensial)]
    except KeyError:
        raise LearningError(
            "talent.level", f"Level tidak dikenal: kinerja {kinerja!r}, potensial {potensial!r}."
        ) from None


def nine_box(
    kinerja: Decimal, potensial: Decimal, config: TalentConfig = DEFAULT_TALENT_CONFIG
) -> int:
    """Return the 9-box of a kinerja score and a potensial score (0–100 each)."""
    return box_of(kinerja_level(kinerja, config), potensial_level(potensial, config))


def box_label(box: int) -> str:
    """Describe a box by its axes (in the active language): "Kinerja Di Atas Ekspektasi,
    potensial Tinggi"."""
    for (kinerja, potensial), number in BOXES.items():
        if number == box:
            return gettext("Kinerja %(kinerja)s, potensial %(potensial)s") % {
                "kinerja": KINERJA_LABELS[kinerja],
                "potensial": POTENSIAL_LABELS[potensial],
            }
    raise LearningError("talent.box", f"Kotak harus 1–9, bukan {box}.")


def is_talent_pool(box: int) -> bool:
    """Talent pool and succession candidates are boxes 7, 8 and 9 (DOMAIN §6)."""
    return box in TALENT_POOL_BOXES


def talent_pool(boxes: Mapping[str, int]) -> list[str]:
    """Return the keys whose box is 7, 8 or 9, highest box first, then by key."""
    return sorted(
        (k for k, box in boxes.items() if is_talent_pool(box)), key=lambda k: (-boxes[k], k)
    )


# --- Training recommendations ----------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeOffer:
    """A programme as the recommender sees it: levels it brings competencies to, JP, cost."""

    key: str
    develops: Mapping[str, int]
    jp: Decimal
    cost: Decimal
    boosts_kinerja: bool = False


@dataclass(frozen=True)
class Recommendation:
    rank: int
    offer: ProgrammeOffer
    closes: Mapping[str, int]
    levels_closed: int
    reasons: tuple[str, ...]


def recommend_programmes(
    needs: Mapping[str, int],
    current: Mapping[str, int],
    offers: Iterable[ProgrammeOffer],
    *,
    needs_kinerja: bool = False,
) -> list[Recommendation]:
    """Rank programmes by how many levels of shortfall they close.

    `needs` is the highest level required of each competency (own position, and positions the
    employee is a succession candidate for). A programme closes `min(target, need) − current`
    levels of each competency it develops. When `needs_kinerja` (SKP predikat below Baik),
    programmes flagged `boosts_kinerja` also qualify. Order: more levels closed, kinerja help,
    fewer JP, lower cost, key. Programmes that close nothing and help nothing are left out.
    """
    _check_levels(needs, "standar")
    _check_levels(current, "saat ini")
    scored = []
    for offer in offers:
        closes = {
            code: min(target, needs[code]) - current.get(code, 0)
            for code, target in offer.develops.items()
            if code in needs and min(target, needs[code]) > current.get(code, 0)
        }
        closed = sum(closes.values())
        helps_kinerja = needs_kinerja and offer.boosts_kinerja
        if not closed and not helps_kinerja:
            continue
        reasons = tuple(["kesenjangan"] if closed else []) + (("kinerja",) if helps_kinerja else ())
        order = (-closed, not helps_kinerja, offer.jp, offer.cost, offer.key)
        scored.append((order, offer, closes, closed, reasons))
    scored.sort(key=lambda item: item[0])
    return [
        Recommendation(rank=i, offer=o, closes=c, levels_closed=n, reasons=r)
        for i, (_, o, c, n, r) in enumerate(scored, start=1)
    ]
