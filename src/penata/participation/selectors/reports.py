"""Complaint figures: the weekly report (ULAS style) and each unit's accountability figures.

Figures are computed from plain rows (one query) with `complaint_rules`; no personal data is
read. SLA states are taken at the time the report is made.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from penata.org.models import Instansi, Unit
from penata.participation import complaint_rules as rules
from penata.participation.models import Complaint

_ROW_FIELDS = (
    "status",
    "received_at",
    "response_due_at",
    "responded_at",
    "assigned_at",
    "followup_due_at",
    "followed_up_at",
    "category__name",
    "unit__path",
    "unit_id",
)


@dataclass
class Tally:
    """Counts of one group of complaints."""

    total: int = 0
    resolved: int = 0  # resolved or closed
    in_process: int = 0  # open and within target
    overdue: int = 0  # open and past a target
    rejected: int = 0
    on_time: int = 0
    on_time_known: int = 0
    response_hours: list[Decimal] = field(default_factory=list)

    def add(self, row: dict[str, Any], sla: rules.SlaStatus) -> None:
        self.total += 1
        status = row["status"]
        if status in rules.DONE_STATUSES:
            self.resolved += 1
        elif status == rules.REJECTED:
            self.rejected += 1
        elif sla.is_overdue:
            self.overdue += 1
        else:
            self.in_process += 1
        if sla.on_time is not None:
            self.on_time_known += 1
            self.on_time += int(sla.on_time)
        if row["responded_at"] is not None:
            self.response_hours.append(rules.hours_between(row["received_at"], row["responded_at"]))

    @property
    def percent_resolved(self) -> Decimal | None:
        return rules.percent(self.resolved, self.total)

    @property
    def percent_in_process(self) -> Decimal | None:
        return rules.percent(self.in_process, self.total)

    @property
    def percent_overdue(self) -> Decimal | None:
        return rules.percent(self.overdue, self.total)

    @property
    def percent_on_time(self) -> Decimal | None:
        return rules.percent(self.on_time, self.on_time_known)

    @property
    def median_response_hours(self) -> Decimal | None:
        return rules.median(self.response_hours)


@dataclass(frozen=True)
class ReportRow:
    unit_id: int | None
    name: str
    tally: Tally


@dataclass(frozen=True)
class WeeklyReport:
    week: str
    start: dt.date
    end: dt.date
    scope_name: str
    unit: Unit | None
    generated_at: dt.datetime
    tally: Tally
    by_status: dict[str, int]
    top_categories: list[tuple[str, int]]
    rows: list[ReportRow]

    @property
    def previous_week(self) -> str:
        return rules.iso_week(self.start - dt.timedelta(days=7))

    @property
    def next_week(self) -> str:
        return rules.iso_week(self.start + dt.timedelta(days=7))


def _facts(row: dict[str, Any]) -> rules.SlaFacts:
    return rules.SlaFacts(
        status=row["status"],
        received_at=row["received_at"],
        response_due_at=row["response_due_at"],
        responded_at=row["responded_at"],
        assigned_at=row["assigned_at"],
        followup_due_at=row["followup_due_at"],
        followed_up_at=row["followed_up_at"],
    )


def _window(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    begin = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    stop = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return begin, stop


def _base(instansi: Instansi, unit: Unit | None) -> QuerySet[Complaint]:
    qs = Complaint.objects.filter(instansi=instansi)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs


def _group_id(path: str | None, depth: int) -> int | None:
    """The id of the ancestor at `depth` on a unit path ("1/5/23/"), or the deepest one."""
    if not path:
        return None
    ids = [int(p) for p in path.strip("/").split("/") if p]
    return ids[min(depth, len(ids) - 1)]


def weekly_report(
    instansi: Instansi, *, week_start: dt.date, unit: Unit | None = None
) -> WeeklyReport:
    """Complaints received in the ISO week starting `week_start`, city-wide or for `unit`'s
    subtree: totals, % resolved / in process / overdue, % on time, median response time,
    top categories, and one row per Perangkat Daerah (city-wide) or per sub-unit."""
    now = timezone.now()
    start, end = rules.week_bounds(week_start)
    begin, stop = _window(start, end)
    rows = list(
        _base(instansi, unit)
        .filter(received_at__gte=begin, received_at__lt=stop)
        .values(*_ROW_FIELDS)
    )
    total = Tally()
    by_status: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    groups: dict[int | None, Tally] = defaultdict(Tally)
    # City-wide: by Perangkat Daerah (depth 1 under the pemda root); for a unit: by its
    # direct sub-units.
    group_depth = 1 if unit is None else unit.depth + 1
    for row in rows:
        sla = rules.sla_status(_facts(row), now)
        total.add(row, sla)
        by_status[row["status"]] += 1
        categories[row["category__name"]] += 1
        groups[_group_id(row["unit__path"], group_depth)].add(row, sla)
    names = dict(Unit.objects.filter(pk__in=[g for g in groups if g]).values_list("pk", "name"))
    report_rows = [
        ReportRow(gid, names.get(gid, "") if gid else "Antrean triase (belum ada unit)", tally)
        for gid, tally in groups.items()
    ]
    report_rows.sort(key=lambda r: (-r.tally.total, r.name))
    return WeeklyReport(
        week=rules.iso_week(start),
        start=start,
        end=end,
        scope_name=unit.name if unit else instansi.name,
        unit=unit,
        generated_at=now,
        tally=total,
        by_status={s: by_status.get(s, 0) for s in rules.STATUSES},
        top_categories=rules.top(categories, 5),
        rows=report_rows,
    )


# --- Accountability -------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM
    label: str
    received: int
    resolved: int


@dataclass(frozen=True)
class ComplaintAccountability:
    since: dt.date
    tally: Tally
    months: list[MonthCount]
    top_categories: list[tuple[str, int]]
    percent_resolved_on_time: Decimal | None
    resolved_on_time: int
    resolved_known: int
    children: list[ReportRow]


MONTHS_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def _month_starts(today: dt.date, months: int) -> list[dt.date]:
    first = today.replace(day=1)
    out = []
    for i in range(months - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - i, 12)
        out.append(dt.date(year, month + 1, 1))
    return out


def complaint_accountability(
    instansi: Instansi, *, unit: Unit | None, months: int = 12, with_children: bool = False
) -> ComplaintAccountability:
    """Volume per month, % resolved on time and median response time over the last
    `months` months, for `unit`'s subtree (or city-wide); optionally per direct sub-unit."""
    now = timezone.now()
    today = timezone.localdate()
    starts = _month_starts(today, months)
    begin, _ = _window(starts[0], today)
    rows = list(
        _base(instansi, unit).filter(received_at__gte=begin).values(*_ROW_FIELDS, "resolved_at")
    )
    tally = Tally()
    received: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    children: dict[int | None, Tally] = defaultdict(Tally)
    done_on_time = done_known = 0
    depth = (unit.depth + 1) if unit is not None else 1
    for row in rows:
        sla = rules.sla_status(_facts(row), now)
        tally.add(row, sla)
        received[timezone.localtime(row["received_at"]).strftime("%Y-%m")] += 1
        if row["resolved_at"] is not None:
            resolved[timezone.localtime(row["resolved_at"]).strftime("%Y-%m")] += 1
        categories[row["category__name"]] += 1
        if row["status"] in rules.DONE_STATUSES and sla.on_time is not None:
            done_known += 1
            done_on_time += int(sla.on_time)
        if with_children:
            children[_group_id(row["unit__path"], depth)].add(row, sla)
    month_rows = [
        MonthCount(
            m.strftime("%Y-%m"),
            f"{MONTHS_ID[m.month - 1]} {m.year}",
            received.get(m.strftime("%Y-%m"), 0),
            resolved.get(m.strftime("%Y-%m"), 0),
        )
        for m in starts
    ]
    names = dict(Unit.objects.filter(pk__in=[c for c in children if c]).values_list("pk", "name"))
    child_rows = sorted(
        (
            ReportRow(cid, names.get(cid, "") if cid else "Antrean triase", t)
            for cid, t in children.items()
        ),
        key=lambda r: (-r.tally.total, r.name),
    )
    return ComplaintAccountability(
        since=starts[0],
        tally=tally,
        months=month_rows,
        top_categories=rules.top(categories, 5),
        percent_resolved_on_time=rules.percent(done_on_time, done_known),
        resolved_on_time=done_on_time,
        resolved_known=done_known,
        children=child_rows,
    )
