"""Anjab-ABK: workload, staffing need, job effectiveness (EJ) and its grade (PJ).

Pure functions over dataclasses (no I/O; Django only to translate the wording shown to people,
which needs no database); DOMAIN.md §3 is the reference.

    workload  = annual volume × time norm (minutes)          PermenPAN-RB 1/2020 [C]
    need      = Σ workload / WKE                              PermenPAN-RB 1/2020 [C]
    EJ        = Σ workload / (incumbents × WKE)               Permendagri 12/2008 [P]
    gap       = need rounded to whole people − existing       (+ shortage, − surplus)

Every number the regulations leave open (annualising factors, rounding of the need, EJ bands)
is a field of `AbkConfig` with the documented default. Decimal arithmetic keeps the exact need
(2.256, not 2.2559999…); `display` quantizes a value for people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from penata.core.numbers import format_number

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# WKE 1,250 h/year = 75,000 minutes — PermenPAN-RB 1/2020 [C]. Older values (1,300 h LAN/Depkeu,
# 1,200 h Perka BKN 19/2011) are still met in the field, hence configurable.
DEFAULT_EFFECTIVE_MINUTES: Final = Decimal(75_000)

# Annualising factors are a convention of public implementations, not regulation [P]
# (DOMAIN §3.1): 12 months, 50 working weeks, 250 working days a year. Semester and quarter
# are plain calendar divisions.
DEFAULT_PERIOD_FACTORS: Final[Mapping[str, Decimal]] = MappingProxyType(
    {
        "year": Decimal(1),
        "semester": Decimal(2),
        "quarter": Decimal(4),
        "month": Decimal(12),
        "week": Decimal(50),
        "day": Decimal(250),
    }
)
PERIOD_LABELS: Final[Mapping[str, StrOrPromise]] = MappingProxyType(
    {
        "year": _("Tahun"),
        "semester": _("Semester"),
        "quarter": _("Triwulan"),
        "month": _("Bulan"),
        "week": _("Minggu"),
        "day": _("Hari"),
    }
)
# Indonesian words analysts type in ABK forms ("per tahun", "bulanan") → period code.
PERIOD_ALIASES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "tahun": "year",
        "tahunan": "year",
        "semesteran": "semester",
        "triwulan": "quarter",
        "triwulanan": "quarter",
        "bulan": "month",
        "bulanan": "month",
        "minggu": "week",
        "mingguan": "week",
        "pekan": "week",
        "hari": "day",
        "harian": "day",
    }
)

Rounding = Literal["half_up", "ceil", "floor", "threshold"]
ROUNDINGS: Final = ("half_up", "ceil", "floor", "threshold")


@dataclass(frozen=True)
class PjBand:
    """One grade of prestasi jabatan: EJ above `lower` (or equal when `lower_inclusive`).

    `label` and `advice` are lazily translated; `grade` is the code.
    """

    grade: str
    # Out of repr: a dataclass holding a band as a default (AbkConfig, MetricsConfig) renders
    # it when the class is made, which would translate before Django's settings exist.
    label: StrOrPromise = field(repr=False)
    lower: Decimal
    lower_inclusive: bool
    advice: StrOrPromise = field(default="", repr=False)


# Permendagri 12/2008 bands as implemented in public implementations [P] (DOMAIN §3.2).
PERMENDAGRI_12_2008_BANDS: Final = (
    PjBand(
        "A",
        pgettext_lazy("prestasi jabatan", "Sangat Baik"),
        Decimal("1.00"),
        False,
        _("Beban kerja melebihi kapasitas: tambah pegawai atau bagi tugas."),
    ),
    PjBand("B", pgettext_lazy("prestasi jabatan", "Baik"), Decimal("0.90"), True),
    PjBand("C", pgettext_lazy("prestasi jabatan", "Cukup"), Decimal("0.70"), True),
    PjBand("D", pgettext_lazy("prestasi jabatan", "Sedang"), Decimal("0.50"), True),
    PjBand(
        "E",
        pgettext_lazy("prestasi jabatan", "Kurang"),
        Decimal("0"),
        True,
        _("Beban kerja di bawah kapasitas: pertimbangkan penggabungan atau redistribusi tugas."),
    ),
)
# Depkeu variant (pdfcoke.com 20091009) [P]: B 0.81–1.00, C 0.66–0.80, D 0.50–0.65.
DEPKEU_BANDS: Final = (
    PERMENDAGRI_12_2008_BANDS[0],
    PjBand("B", PERMENDAGRI_12_2008_BANDS[1].label, Decimal("0.81"), True),
    PjBand("C", PERMENDAGRI_12_2008_BANDS[2].label, Decimal("0.66"), True),
    PjBand("D", PERMENDAGRI_12_2008_BANDS[3].label, Decimal("0.50"), True),
    PERMENDAGRI_12_2008_BANDS[4],
)
PJ_PRESETS: Final[Mapping[str, tuple[PjBand, ...]]] = MappingProxyType(
    {"permendagri_12_2008": PERMENDAGRI_12_2008_BANDS, "depkeu": DEPKEU_BANDS}
)


class AbkError(ValueError):
    """A refused ABK input or configuration: `code` is stable, `message` is Indonesian."""

    def __init__(self, code: str, message: str, issues: Sequence[AbkIssue] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.issues = tuple(issues)


@dataclass(frozen=True)
class AbkConfig:
    """Every configurable number of the ABK computation, with the defaults of DOMAIN §3.

    - `rounding` turns the exact need into whole people: `half_up` (default: nearest, .5 up),
      `ceil` (any fraction up), `floor` (fraction dropped), `threshold` (up when the fraction
      is at least `round_up_from`). How to round is not regulated [U]; published forms use
      more than one rule (Kab. Lahat rounds 2.256 to 2; Permenkes forms round 0.22 up to 1).
    - `ej_places`: EJ is rounded half up to this many decimals before the PJ band is read,
      so the bands' two-decimal bounds are exact (EJ 0.895 → 0.90 → B).
    """

    effective_minutes: Decimal = DEFAULT_EFFECTIVE_MINUTES
    period_factors: Mapping[str, Decimal] = field(default_factory=lambda: DEFAULT_PERIOD_FACTORS)
    rounding: Rounding = "half_up"
    round_up_from: Decimal = Decimal("0.5")
    bands: tuple[PjBand, ...] = PERMENDAGRI_12_2008_BANDS
    ej_places: int = 2
    need_places: int = 4

    def __post_init__(self) -> None:
        if self.effective_minutes <= 0:
            raise AbkError(
                "abk.config.effective_minutes", "Waktu kerja efektif harus lebih dari 0."
            )
        if self.rounding not in ROUNDINGS:
            raise AbkError(
                "abk.config.rounding",
                f"Aturan pembulatan tidak dikenal: {self.rounding!r} "
                f"(pilih {', '.join(ROUNDINGS)}).",
            )
        if not Decimal(0) < self.round_up_from <= Decimal(1):
            raise AbkError(
                "abk.config.round_up_from", "Ambang pembulatan ke atas harus di antara 0 dan 1."
            )
        if any(factor <= 0 for factor in self.period_factors.values()):
            raise AbkError("abk.config.period_factors", "Faktor periode harus lebih dari 0.")
        _check_bands(self.bands)
        if self.ej_places < 0 or self.need_places < 0:
            raise AbkError("abk.config.places", "Jumlah desimal tidak boleh negatif.")


def _check_bands(bands: Sequence[PjBand]) -> None:
    if not bands:
        raise AbkError("abk.config.bands", "Pita prestasi jabatan tidak boleh kosong.")
    for upper, lower in pairwise(bands):
        if lower.lower > upper.lower:
            raise AbkError(
                "abk.config.bands", "Pita prestasi jabatan harus urut dari EJ tertinggi."
            )
    last = bands[-1]
    if not (last.lower == 0 and last.lower_inclusive):
        raise AbkError(
            "abk.config.bands",
            "Pita terakhir harus mulai dari EJ 0 (inklusif) agar semua EJ masuk.",
        )


DEFAULT_CONFIG: Final = AbkConfig()


@dataclass(frozen=True)
class Task:
    """One uraian tugas: `volume` units of `unit` (satuan hasil) per `period`."""

    name: str
    volume: Decimal
    period: str
    norm_minutes: Decimal
    unit: str = ""


@dataclass(frozen=True)
class PositionInput:
    """A position (jabatan) with its tasks and number of incumbents (pemangku)."""

    name: str
    tasks: tuple[Task, ...]
    existing: int = 0
    unit_kerja: str = ""


@dataclass(frozen=True)
class AbkIssue:
    """One invalid value: position and task are 0-based indexes, `task` None for the position.

    `message` says what is wrong; `text` prefixes it with where ("Jabatan ke-1, tugas ke-2").
    """

    position: int
    task: int | None
    field: str
    code: str
    message: str

    @property
    def text(self) -> str:
        where = f"Jabatan ke-{self.position + 1}"
        if self.task is not None:
            where += f", tugas ke-{self.task + 1}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class TaskResult:
    task: Task
    annual_volume: Decimal
    workload_minutes: Decimal


@dataclass(frozen=True)
class PositionResult:
    name: str
    unit_kerja: str
    tasks: tuple[TaskResult, ...]
    workload_minutes: Decimal
    need: Decimal
    need_rounded: int
    existing: int
    gap: int
    ej: Decimal | None
    pj: str | None
    pj_label: StrOrPromise | None


@dataclass(frozen=True)
class UnitResult:
    """Totals of one unit kerja; `eu`/`peu` are EJ/PJ computed over the whole unit."""

    name: str
    positions: int
    workload_minutes: Decimal
    need: Decimal
    need_rounded: int
    existing: int
    gap: int
    eu: Decimal | None
    peu: str | None
    peu_label: StrOrPromise | None


@dataclass(frozen=True)
class AbkResult:
    """Per-position results, per-unit totals and grand totals.

    `need_rounded` totals are sums of the per-position rounded needs (people are appointed to
    positions), not the rounding of the summed need.
    """

    positions: tuple[PositionResult, ...]
    units: tuple[UnitResult, ...]
    effective_minutes: Decimal
    workload_minutes: Decimal
    need: Decimal
    need_rounded: int
    existing: int
    gap: int
    ej: Decimal | None
    pj: str | None
    pj_label: StrOrPromise | None
    rounding_rule: str


def normalize_period(raw: str, config: AbkConfig = DEFAULT_CONFIG) -> str | None:
    """Return the period code for `raw` ("year", "Bulan", "per minggu"), or None if unknown."""
    text = raw.strip().lower()
    if text.startswith("per "):
        text = text[4:].strip()
    if text in config.period_factors:
        return text
    code = PERIOD_ALIASES.get(text)
    return code if code is not None and code in config.period_factors else None


def annual_volume(volume: Decimal, period: str, config: AbkConfig = DEFAULT_CONFIG) -> Decimal:
    """Annualise a volume counted per `period` (e.g. 10 per month → 120 per year)."""
    code = normalize_period(period, config)
    if code is None:
        raise AbkError("abk.period", f"Periode tidak dikenal: {period!r}.")
    if volume < 0:
        raise AbkError("abk.volume_negative", "Volume tidak boleh negatif.")
    return volume * config.period_factors[code]


def task_workload(task: Task, config: AbkConfig = DEFAULT_CONFIG) -> Decimal:
    """Return the yearly workload of a task in minutes: annual volume × time norm."""
    if task.norm_minutes <= 0:
        raise AbkError("abk.norm_not_positive", "Norma waktu harus lebih dari 0 menit.")
    return annual_volume(task.volume, task.period, config) * task.norm_minutes


def need_round(need: Decimal, config: AbkConfig = DEFAULT_CONFIG) -> int:
    """Round an exact need to whole people by `config.rounding` (see `rounding_rule_text`)."""
    if need < 0:
        raise AbkError("abk.need_negative", "Kebutuhan pegawai tidak boleh negatif.")
    if config.rounding == "half_up":
        return int(need.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if config.rounding == "ceil":
        return int(need.to_integral_value(rounding=ROUND_CEILING))
    whole = need.to_integral_value(rounding=ROUND_FLOOR)
    if config.rounding == "floor":
        return int(whole)
    fraction = need - whole
    return int(whole) + (1 if fraction >= config.round_up_from else 0)


def rounding_rule_text(config: AbkConfig = DEFAULT_CONFIG) -> str:
    """State the rounding rule in words (in the active language), to print next to the rounded
    need."""
    if config.rounding == "half_up":
        return gettext(
            "Dibulatkan ke bilangan bulat terdekat; pecahan 0,5 ke atas dibulatkan ke atas."
        )
    if config.rounding == "ceil":
        return gettext("Setiap pecahan dibulatkan ke atas.")
    if config.rounding == "floor":
        return gettext("Pecahan diabaikan (dibulatkan ke bawah).")
    threshold = format_number(config.round_up_from, trim=True)
    return gettext(
        "Dibulatkan ke atas bila pecahan paling sedikit %(threshold)s; selain itu ke bawah."
    ) % {"threshold": threshold}


def display(value: Decimal, places: int) -> Decimal:
    """Quantize a value half up for display (need to 4 decimals, EJ to 2…)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def effectiveness(
    workload_minutes: Decimal, incumbents: int, config: AbkConfig = DEFAULT_CONFIG
) -> Decimal | None:
    """Return EJ = workload / (incumbents × WKE), or None when nobody holds the position."""
    if incumbents < 0:
        raise AbkError("abk.existing_negative", "Jumlah pemangku tidak boleh negatif.")
    if incumbents == 0:
        return None
    return workload_minutes / (incumbents * config.effective_minutes)


def pj_band(ej: Decimal, config: AbkConfig = DEFAULT_CONFIG) -> PjBand:
    """Return the PJ band of an EJ, read on the EJ rounded half up to `config.ej_places`."""
    rounded = display(ej, config.ej_places)
    for band in config.bands:
        if rounded > band.lower or (band.lower_inclusive and rounded == band.lower):
            return band
    raise AbkError("abk.ej_negative", "EJ tidak boleh negatif.")


def validate_positions(
    positions: Sequence[PositionInput], config: AbkConfig = DEFAULT_CONFIG
) -> list[AbkIssue]:
    """List every invalid value (all of them, not only the first) with its location."""
    issues: list[AbkIssue] = []
    for p_index, position in enumerate(positions):
        if not position.name.strip():
            issues.append(
                AbkIssue(p_index, None, "name", "abk.name_missing", "nama jabatan kosong.")
            )
        if position.existing < 0:
            issues.append(
                AbkIssue(
                    p_index,
                    None,
                    "existing",
                    "abk.existing_negative",
                    f"jumlah pemangku tidak boleh negatif ({position.existing}).",
                )
            )
        for t_index, task in enumerate(position.tasks):
            issues.extend(_task_issues(p_index, t_index, task, config))
    return issues


def _task_issues(p_index: int, t_index: int, task: Task, config: AbkConfig) -> list[AbkIssue]:
    found: list[AbkIssue] = []

    def add(field_name: str, code: str, message: str) -> None:
        found.append(AbkIssue(p_index, t_index, field_name, code, message))

    if not task.name.strip():
        add("task", "abk.task_missing", "uraian tugas kosong.")
    if task.volume < 0:
        add("volume", "abk.volume_negative", f"volume tidak boleh negatif ({task.volume}).")
    if not task.period.strip():
        add("period", "abk.period_missing", "periode kosong.")
    elif normalize_period(task.period, config) is None:
        known = ", ".join(config.period_factors)
        add(
            "period",
            "abk.period",
            f"periode {task.period!r} tidak dikenal (pilih {known}; atau tahun, semester, "
            "triwulan, bulan, minggu, hari).",
        )
    if task.norm_minutes <= 0:
        add(
            "norm_minutes",
            "abk.norm_not_positive",
            f"norma waktu harus lebih dari 0 menit ({task.norm_minutes}).",
        )
    return found


def position_abk(position: PositionInput, config: AbkConfig = DEFAULT_CONFIG) -> PositionResult:
    """Compute workload, need, gap, EJ and PJ of one position."""
    issues = validate_positions([position], config)
    if issues:
        raise AbkError(issues[0].code, issues[0].text, issues)
    return _position(position, config)


def _position(position: PositionInput, config: AbkConfig) -> PositionResult:
    task_results = tuple(
        TaskResult(
            task=task,
            annual_volume=annual_volume(task.volume, task.period, config),
            workload_minutes=task_workload(task, config),
        )
        for task in position.tasks
    )
    workload = sum((t.workload_minutes for t in task_results), Decimal(0))
    need = workload / config.effective_minutes
    need_rounded = need_round(need, config)
    ej = effectiveness(workload, position.existing, config)
    band = pj_band(ej, config) if ej is not None else None
    return PositionResult(
        name=position.name,
        unit_kerja=position.unit_kerja,
        tasks=task_results,
        workload_minutes=workload,
        need=need,
        need_rounded=need_rounded,
        existing=position.existing,
        gap=need_rounded - position.existing,
        ej=ej,
        pj=band.grade if band else None,
        pj_label=band.label if band else None,
    )


def abk_compute(
    positions: Iterable[PositionInput], config: AbkConfig = DEFAULT_CONFIG
) -> AbkResult:
    """Compute the ABK of every position, the totals per unit kerja and the grand totals.

    Raises AbkError carrying every issue when any input value is invalid.
    """
    inputs = list(positions)
    issues = validate_positions(inputs, config)
    if issues:
        raise AbkError("abk.invalid", f"{len(issues)} isian ABK tidak valid.", issues)
    results = tuple(_position(position, config) for position in inputs)
    units = _unit_totals(results, config)
    workload = sum((r.workload_minutes for r in results), Decimal(0))
    existing = sum(r.existing for r in results)
    need_rounded = sum(r.need_rounded for r in results)
    ej = effectiveness(workload, existing, config)
    band = pj_band(ej, config) if ej is not None else None
    return AbkResult(
        positions=results,
        units=units,
        effective_minutes=config.effective_minutes,
        workload_minutes=workload,
        need=sum((r.need for r in results), Decimal(0)),
        need_rounded=need_rounded,
        existing=existing,
        gap=need_rounded - existing,
        ej=ej,
        pj=band.grade if band else None,
        pj_label=band.label if band else None,
        rounding_rule=rounding_rule_text(config),
    )


def _unit_totals(results: Sequence[PositionResult], config: AbkConfig) -> tuple[UnitResult, ...]:
    grouped: dict[str, list[PositionResult]] = {}
    for result in results:
        if result.unit_kerja:
            grouped.setdefault(result.unit_kerja, []).append(result)
    units: list[UnitResult] = []
    for name, members in grouped.items():
        workload = sum((m.workload_minutes for m in members), Decimal(0))
        existing = sum(m.existing for m in members)
        need_rounded = sum(m.need_rounded for m in members)
        eu = effectiveness(workload, existing, config)
        band = pj_band(eu, config) if eu is not None else None
        units.append(
            UnitResult(
                name=name,
                positions=len(members),
                workload_minutes=workload,
                need=sum((m.need for m in members), Decimal(0)),
                need_rounded=need_rounded,
                existing=existing,
                gap=need_rounded - existing,
                eu=eu,
                peu=band.grade if band else None,
                peu_label=band.label if band else None,
            )
        )
    return tuple(units)


def gap_text(gap: int) -> str:
    """Describe a gap for people (in the active language): "Kurang 2 orang", "Lebih 1 orang" or
    "Sesuai"."""
    if gap > 0:
        return ngettext("Kurang %(count)d orang", "Kurang %(count)d orang", gap) % {"count": gap}
    if gap < 0:
        return ngettext("Lebih %(count)d orang", "Lebih %(count)d orang", -gap) % {"count": -gap}
    return pgettext("selisih pegawai", "Sesuai")
