"""Reads of the workload analysis: the ABK of a unit subtree, the city summary, the outlook.

Every ABK read costs a constant number of queries whatever the size of the subtree: the
settings, the positions, their duties and their current incumbents (with birth dates, which
the outlook reuses).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core import reference
from penata.core.dating import today, valid_on
from penata.core.errors import NotFound
from penata.org.models import Duty, Instansi, Position, Unit
from penata.org.selectors import instansi_for, unit_get_for, unit_perangkat_daerah_map
from penata.people.models import Assignment
from penata.people.rules import bup_age, retirement_date
from penata.workload import rules
from penata.workload.models import WorkloadSettings

EDITOR_ROLES = (Role.ORG_ANALYST, Role.ADMIN)
OUTLOOK_YEARS = 5


def settings_for(instansi: Instansi) -> WorkloadSettings:
    """The instansi's saved settings, or unsaved defaults (one query)."""
    found = WorkloadSettings.objects.filter(instansi=instansi).first()
    return found or WorkloadSettings(instansi=instansi)


def parse_lower_bounds(text: str) -> list[Decimal]:
    """Read "1,00; 0,85; 0,70; 0,50" into four Decimals (ValueError when malformed)."""
    parts = [p.strip().replace(",", ".") for p in text.replace("|", ";").split(";") if p.strip()]
    if len(parts) != 4:
        raise ValueError("Isi empat batas bawah untuk pita A, B, C dan D.")
    try:
        return [Decimal(p) for p in parts]
    except InvalidOperation as error:
        raise ValueError("Batas bawah pita harus berupa angka.") from error


def bands_for(saved: WorkloadSettings) -> tuple[rules.PjBand, ...]:
    if saved.pj_preset != "custom":
        return rules.PJ_PRESETS[saved.pj_preset]
    a, b, c, d = parse_lower_bounds(saved.custom_lower_bounds)
    preset = rules.PERMENDAGRI_12_2008_BANDS
    return (
        rules.PjBand("A", preset[0].label, a, False, preset[0].advice),
        rules.PjBand("B", preset[1].label, b, True),
        rules.PjBand("C", preset[2].label, c, True),
        rules.PjBand("D", preset[3].label, d, True),
        preset[4],
    )


def config_for(instansi: Instansi, saved: WorkloadSettings | None = None) -> rules.AbkConfig:
    """The ABK configuration of an instansi: its WKE, rounding rule and PJ bands."""
    saved = saved or settings_for(instansi)
    return rules.AbkConfig(
        effective_minutes=Decimal(instansi.effective_minutes),
        rounding=saved.rounding,  # type: ignore[arg-type]
        round_up_from=saved.round_up_from,
        bands=bands_for(saved),
    )


def can_edit(actor: Any, unit: Unit) -> bool:
    """Whether `actor` is org_analyst or admin over `unit` (its instansi or a subtree)."""
    reach = reach_of(actor)
    if reach.is_superuser:
        return True
    for role in EDITOR_ROLES:
        if unit.instansi_id in reach.whole.get(role, ()):
            return True
        if any(unit.path.startswith(p) for p in reach.subtrees.get(role, ())):
            return True
    return False


def may_edit_somewhere(actor: Any) -> bool:
    """Whether `actor` holds a role that edits ABK anywhere (checked before any look-up)."""
    return reach_of(actor).has(*EDITOR_ROLES)


def can_configure(actor: Any, instansi: Instansi) -> bool:
    reach = reach_of(actor)
    return reach.is_superuser or any(
        instansi.id in reach.whole.get(role, ()) for role in EDITOR_ROLES
    )


@dataclass(frozen=True)
class Incumbent:
    position_id: int
    birth_date: dt.date


@dataclass
class PositionRow:
    position: Position
    duties: list[Duty]
    result: rules.PositionResult
    incumbents: list[Incumbent] = field(default_factory=list)


@dataclass
class UnitAbk:
    """The ABK of one unit subtree on a date: rows per position and the totals."""

    unit: Unit
    as_of: dt.date
    config: rules.AbkConfig
    rows: list[PositionRow]
    totals: rules.AbkResult
    units: list[Unit]

    @property
    def rounding_rule(self) -> str:
        return self.totals.rounding_rule

    def rows_of(self, unit: Unit) -> list[PositionRow]:
        return [r for r in self.rows if r.position.unit_id == unit.id]


def _task(duty: Duty) -> rules.Task:
    return rules.Task(
        name=duty.statement,
        volume=Decimal(duty.volume),
        period=duty.period,
        norm_minutes=Decimal(duty.time_norm_minutes),
        unit=duty.output_unit,
    )


def position_result(
    position: Position, duties: list[Duty], existing: int, config: rules.AbkConfig
) -> rules.PositionResult:
    """The ABK of one position from its duty rows; a duty with a zero norm counts as none."""
    tasks = tuple(_task(d) for d in duties if d.time_norm_minutes > 0)
    return rules.position_abk(
        rules.PositionInput(
            name=position.title,
            tasks=tasks,
            existing=existing,
            unit_kerja=position.unit.name,
        ),
        config,
    )


def totals_of(rows: list[PositionRow], config: rules.AbkConfig) -> rules.AbkResult:
    """The totals of some position rows (whole subtree, or one unit's own positions)."""
    return rules.abk_compute(
        [
            rules.PositionInput(
                name=r.position.title,
                tasks=tuple(t.task for t in r.result.tasks),
                existing=r.result.existing,
                unit_kerja=r.position.unit.name,
            )
            for r in rows
        ],
        config,
    )


def _abk_of_positions(
    positions: list[Position], config: rules.AbkConfig, as_of: dt.date
) -> tuple[list[PositionRow], rules.AbkResult]:
    ids = [p.id for p in positions]
    duties: dict[int, list[Duty]] = defaultdict(list)
    for duty in Duty.objects.filter(position_id__in=ids).order_by(
        "position_id", "sort_order", "id"
    ):
        duties[duty.position_id].append(duty)
    incumbents: dict[int, list[Incumbent]] = defaultdict(list)
    held = (
        Assignment.objects.filter(position_id__in=ids, start__lte=as_of)
        .exclude(end__lt=as_of)
        .values_list("position_id", "employee__birth_date")
    )
    for position_id, birth_date in held:
        incumbents[position_id].append(Incumbent(position_id, birth_date))
    rows = [
        PositionRow(
            position=p,
            duties=duties[p.id],
            result=position_result(p, duties[p.id], len(incumbents[p.id]), config),
            incumbents=incumbents[p.id],
        )
        for p in positions
    ]
    return rows, totals_of(rows, config)


def unit_abk(actor: Any, unit_id: int, *, as_of: dt.date | None = None) -> UnitAbk:
    """The ABK of a unit and every unit below it, as visible to `actor` (NotFound otherwise).

    Queries: unit, settings, units, positions, duties, incumbents — whatever the size.
    """
    unit = unit_get_for(actor, unit_id)
    day = as_of or today()
    config = config_for(unit.instansi)
    units = list(
        Unit.objects.filter(valid_on(day), instansi_id=unit.instansi_id)
        .filter(path__startswith=unit.path)
        .order_by("path")
    )
    positions = list(
        Position.objects.filter(valid_on(day), instansi_id=unit.instansi_id)
        .filter(unit__path__startswith=unit.path)
        .select_related("unit")
        .order_by("unit__path", "sort_order", "id")
    )
    rows, totals = _abk_of_positions(positions, config, day)
    return UnitAbk(unit=unit, as_of=day, config=config, rows=rows, totals=totals, units=units)


def duty_get_for(actor: Any, duty_id: int) -> Duty:
    """One duty whose structure `actor` may see, or NotFound."""
    duty = Duty.objects.select_related("position__unit__instansi").filter(pk=duty_id).first()
    if duty is None:
        raise NotFound("uraian tugas")
    unit_get_for(actor, duty.position.unit_id)
    return duty


def position_row(actor: Any, position_id: int, *, as_of: dt.date | None = None) -> PositionRow:
    """One position's ABK row (for re-rendering after an edit)."""
    position = Position.objects.select_related("unit__instansi").filter(pk=position_id).first()
    if position is None:
        raise NotFound("jabatan")
    unit_get_for(actor, position.unit_id)
    config = config_for(position.unit.instansi)
    rows, _totals = _abk_of_positions([position], config, as_of or today())
    return rows[0]


# City summary ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryLine:
    key: str
    name: str
    positions: int
    workload_minutes: Decimal
    need: Decimal
    need_rounded: int
    existing: int
    shortage: int
    surplus: int

    @property
    def gap(self) -> int:
        return self.need_rounded - self.existing


@dataclass
class CitySummary:
    instansi: Instansi
    as_of: dt.date
    config: rules.AbkConfig
    by_unit: list[SummaryLine]
    by_kind: list[SummaryLine]
    totals: rules.AbkResult

    @property
    def rounding_rule(self) -> str:
        return self.totals.rounding_rule


def _lines(groups: dict[str, tuple[str, list[PositionRow]]]) -> list[SummaryLine]:
    lines = []
    for key, (name, members) in groups.items():
        gaps = [m.result.gap for m in members]
        lines.append(
            SummaryLine(
                key=key,
                name=name,
                positions=len(members),
                workload_minutes=sum((m.result.workload_minutes for m in members), Decimal(0)),
                need=sum((m.result.need for m in members), Decimal(0)),
                need_rounded=sum(m.result.need_rounded for m in members),
                existing=sum(m.result.existing for m in members),
                shortage=sum(g for g in gaps if g > 0),
                surplus=-sum(g for g in gaps if g < 0),
            )
        )
    return lines


SUMMARY_SORTS = ("name", "positions", "need", "existing", "gap", "shortage", "surplus")


def city_summary(
    actor: Any, *, as_of: dt.date | None = None, sort: str = "gap", descending: bool = True
) -> CitySummary:
    """Shortage and surplus per Perangkat Daerah and per position kind for the actor's instansi.

    Shortage and surplus are summed per position (a surplus in one post does not hide a
    shortage in another).
    """
    instansi = instansi_for(actor)
    day = as_of or today()
    config = config_for(instansi)
    units = list(Unit.objects.filter(valid_on(day), instansi=instansi).order_by("path"))
    pd_map = unit_perangkat_daerah_map(units)
    positions = list(
        Position.objects.filter(valid_on(day), instansi=instansi)
        .select_related("unit")
        .order_by("unit__path", "sort_order", "id")
    )
    rows, totals = _abk_of_positions(positions, config, day)
    by_unit: dict[str, tuple[str, list[PositionRow]]] = {}
    by_kind: dict[str, tuple[str, list[PositionRow]]] = {}
    for row in rows:
        pd = pd_map.get(row.position.unit_id, row.position.unit)
        by_unit.setdefault(str(pd.id), (pd.name, []))[1].append(row)
        kind = row.position.kind
        label = reference.POSITION_KINDS.get(kind, kind)
        by_kind.setdefault(kind, (str(label), []))[1].append(row)
    key = sort if sort in SUMMARY_SORTS else "gap"

    def order(lines: list[SummaryLine]) -> list[SummaryLine]:
        return sorted(lines, key=lambda line: getattr(line, key), reverse=descending)

    return CitySummary(
        instansi=instansi,
        as_of=day,
        config=config,
        by_unit=order(_lines(by_unit)),
        by_kind=order(_lines(by_kind)),
        totals=totals,
    )


# Five-year outlook -----------------------------------------------------------------------


@dataclass(frozen=True)
class OutlookLine:
    row: PositionRow
    retirements: tuple[int, ...]  # per year
    existing: tuple[int, ...]  # at the end of each year
    gaps: tuple[int, ...]  # need_rounded − existing at the end of each year

    @property
    def pairs(self) -> list[tuple[int, int]]:
        return list(zip(self.retirements, self.gaps, strict=True))


@dataclass
class Outlook:
    abk: UnitAbk
    years: tuple[int, ...]
    lines: list[OutlookLine]

    @property
    def retirement_totals(self) -> tuple[int, ...]:
        span = range(len(self.years))
        return tuple(sum(line.retirements[i] for line in self.lines) for i in span)

    @property
    def gap_totals(self) -> tuple[int, ...]:
        return tuple(sum(line.gaps[i] for line in self.lines) for i in range(len(self.years)))

    @property
    def total_pairs(self) -> list[tuple[int, int]]:
        return list(zip(self.retirement_totals, self.gap_totals, strict=True))


def outlook_lines(abk: UnitAbk, years: int = OUTLOOK_YEARS) -> Outlook:
    """Retirements (BUP) of the current incumbents per year and the gap they leave.

    Year 1 is the year of `abk.as_of`; someone whose TMT pensiun falls in a year has left by
    its end. Incumbents already past their TMT pensiun count in year 1.
    """
    first = abk.as_of.year
    span = tuple(range(first, first + years))
    lines = []
    for row in abk.rows:
        age = bup_age(row.position.kind, row.position.jf_jenjang or None)
        counts = [0] * years
        for person in row.incumbents:
            year = max(retirement_date(person.birth_date, age).year, first)
            if year < first + years:
                counts[year - first] += 1
        existing = []
        left = row.result.existing
        for n in counts:
            left -= n
            existing.append(left)
        lines.append(
            OutlookLine(
                row=row,
                retirements=tuple(counts),
                existing=tuple(existing),
                gaps=tuple(row.result.need_rounded - e for e in existing),
            )
        )
    return Outlook(abk=abk, years=span, lines=lines)
