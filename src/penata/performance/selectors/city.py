"""The city dashboard: the unit dashboard's numbers per Perangkat Daerah, ranked.

Rows are grouped by the Perangkat Daerah kept on each SKP, activity and evaluation (where the
record was made), so the whole city costs eleven queries on indexed columns.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import BooleanField as BooleanOutput
from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, gettext_lazy

from penata.accounts.scope import reach_of
from penata.core.dating import valid_on
from penata.core.inline import Inline
from penata.core.reference import PERANGKAT_DAERAH_KINDS
from penata.core.rows import fetch_rows
from penata.org.models import Instansi, Unit
from penata.people.models import Assignment
from penata.people.selectors import current_assignment_q
from penata.performance import rules, schedule
from penata.performance.errors import PerformanceError as E
from penata.performance.errors import refused
from penata.performance.models import Activity, Evaluation, OrgPredikat, Skp
from penata.performance.selectors.common import settings_for
from penata.performance.selectors.dashboard import CITY_ROLES, RATED, _percent

SORTS = {
    "log": gettext_lazy("Mengisi log hari ini"),
    "skp": gettext_lazy("SKP disetujui"),
    "realisasi": gettext_lazy("Capaian indikator"),
    "terlambat": gettext_lazy("Evaluasi terlambat"),
    "nama": gettext_lazy("Nama perangkat daerah"),
}


@dataclass(frozen=True)
class UnitRef:
    """A Perangkat Daerah as the city dashboard shows it."""

    pk: int
    name: str
    short_name: str = ""


@dataclass
class CityRow:
    unit: UnitRef
    employees: int = 0
    skp: Counter[str] = field(default_factory=Counter)
    logged_today: int = 0
    activities_today: int = 0
    logged_week: int = 0
    pending: int = 0
    share_sum: Decimal = Decimal(0)
    share_count: int = 0
    predikat: Counter[str] = field(default_factory=Counter)
    org_predikat: str = ""
    violations: list[rules.Violation] = field(default_factory=list)
    late: int = 0
    rank: int = 0
    # Filled in by `finish` once the counts are in.
    approved_percent: Decimal = Decimal(0)
    logged_percent: Decimal = Decimal(0)
    week_percent: Decimal = Decimal(0)
    realisation_percent: Decimal = Decimal(0)
    predikat_rows: list[tuple[str, int]] = field(default_factory=list)

    def finish(self) -> CityRow:
        self.approved_percent = _percent(self.skp.get("approved", 0), self.employees)
        self.logged_percent = _percent(self.logged_today, self.employees)
        self.week_percent = _percent(self.logged_week, self.employees)
        self.realisation_percent = (
            _percent(Fraction(self.share_sum) / self.share_count, 1)
            if self.share_count
            else Decimal(0)
        )
        self.predikat_rows = [(p, self.predikat.get(p, 0)) for p in rules.PREDIKATS]
        return self


@dataclass
class CityDashboard:
    instansi: Instansi
    day: dt.date
    year: int
    elapsed_percent: Decimal
    rows: list[CityRow]
    sort: str

    @property
    def totals(self) -> CityRow:
        total = CityRow(unit=UnitRef(0, gettext("Seluruh perangkat daerah")))
        for row in self.rows:
            total.employees += row.employees
            total.skp.update(row.skp)
            total.logged_today += row.logged_today
            total.activities_today += row.activities_today
            total.logged_week += row.logged_week
            total.pending += row.pending
            total.share_sum += row.share_sum
            total.share_count += row.share_count
            total.predikat.update(row.predikat)
            total.late += row.late
        return total.finish()

    def chart(self) -> dict[str, Any]:
        return {
            "names": [gettext("Mengisi log hari ini (%)"), gettext("Capaian indikator (%)")],
            "labels": [r.unit.short_name or r.unit.name for r in self.rows],
            "logged": [float(r.logged_percent) for r in self.rows],
            "realisation": [float(r.realisation_percent) for r in self.rows],
        }


def require_city_reader(actor: Any, instansi: Instansi) -> None:
    reach = reach_of(actor)
    if not (reach.is_superuser or any(instansi.pk in reach.whole.get(r, ()) for r in CITY_ROLES)):
        raise refused(
            E.DASHBOARD_CITY, "Pantauan kota untuk admin BKPSDM dan auditor seluruh instansi."
        )


def _pd_of_units(units: list[tuple[int, str, str]]) -> dict[int, int]:
    """unit id → id of its Perangkat Daerah (itself or the nearest such ancestor), from
    (id, path, kind) rows."""
    kinds = {pk: kind for pk, _path, kind in units}
    found: dict[int, int] = {}
    for pk, path, _kind in units:
        for candidate in reversed([int(p) for p in path.strip("/").split("/") if p]):
            if kinds.get(candidate) in PERANGKAT_DAERAH_KINDS:
                found[pk] = candidate
                break
    return found


def _headcount(
    instansi: Instansi, day: dt.date, pd_of: dict[int, int], rows: dict[int, CityRow]
) -> None:
    """Active people with a post per Perangkat Daerah, each counted once even with a second
    (acting) post in it: one plain query of (unit, person) pairs, folded here (cheaper than
    counting distinct people per unit and correcting for people with two posts)."""
    current = (
        Assignment.objects.filter(
            current_assignment_q(day), instansi=instansi, employee__status="aktif"
        )
        .order_by()
        .values_list("position__unit_id", "employee_id")
    )
    people: dict[int, set[int]] = defaultdict(set)
    for unit_id, employee_id in fetch_rows(current):
        pd = pd_of.get(unit_id)
        if pd in rows:
            people[pd].add(employee_id)
    for pd, members in people.items():
        rows[pd].employees = len(members)


def city_dashboard(
    actor: Any, instansi: Instansi, day: dt.date, *, year: int | None = None, sort: str = "log"
) -> CityDashboard:
    """Every Perangkat Daerah with the unit dashboard's numbers, ranked by `sort`."""
    require_city_reader(actor, instansi)
    year = year or day.year
    sort = sort if sort in SORTS else "log"
    units = list(
        Unit.objects.filter(valid_on(day), instansi=instansi)
        .order_by("sort_order", "name")
        .values_list("id", "path", "kind", "name", "short_name")
    )
    pd_of = _pd_of_units([(pk, path, kind) for pk, path, kind, _n, _s in units])
    rows = {
        pk: CityRow(unit=UnitRef(pk, name, short))
        for pk, _path, kind, name, short in units
        if kind in PERANGKAT_DAERAH_KINDS
    }
    entry: Any
    _headcount(instansi, day, pd_of, rows)
    is_head = Case(
        When(
            Q(position__is_unit_head=True, position__unit_id=F("perangkat_daerah_id")),
            then=Value(True),
        ),
        default=Value(False),
        output_field=BooleanOutput(),
    )
    skps = (
        Skp.objects.filter(instansi=instansi, year=year)
        .order_by()  # no join to people_employee for the model's ordering
        .values("perangkat_daerah_id", "status", "predikat", "frequency", "start", "version")
        .annotate(
            head=is_head,
            n=Count("*"),
            # An approved plan without any realisation yet counts as 0%.
            share=Sum(Coalesce("realisation_share", Value(Decimal(0)))),
        )
    )
    config = settings_for(instansi.pk)
    due_by_pd: Counter[int] = Counter()
    due_by_span: dict[tuple[str, dt.date], int] = {}  # periods due, per (frequency, start)
    staff_predikat: dict[int, list[str]] = defaultdict(list)
    for entry in skps:
        row = rows.get(entry["perangkat_daerah_id"])
        if row is None:
            continue
        n = entry["n"]
        row.skp[entry["status"]] += n
        if entry["predikat"]:
            row.predikat[entry["predikat"]] += n
            if not entry["head"]:
                staff_predikat[row.unit.pk].extend([entry["predikat"]] * n)
        if entry["version"]:
            row.share_sum += entry["share"] or Decimal(0)
            row.share_count += n
            span = (entry["frequency"], entry["start"])
            due = due_by_span.get(span)
            if due is None:
                periods = schedule.skp_periods(year, *span, dt.date(year, 12, 31))
                due = due_by_span[span] = len(schedule.due_periods(periods, day, config.grace_days))
            due_by_pd[row.unit.pk] += n * due
    rated = (
        Evaluation.objects.filter(
            instansi=instansi,
            kind=Evaluation.Kind.PERIODIC,
            status__in=RATED,
            end__gte=dt.date(year, 1, 1),
            end__lt=min(day - dt.timedelta(days=config.grace_days), dt.date(year + 1, 1, 1)),
        )
        .values("perangkat_daerah_id")
        .annotate(n=Count("*"))
    )
    rated_by_pd = {e["perangkat_daerah_id"]: e["n"] for e in rated}
    for pd, due in due_by_pd.items():
        rows[pd].late = max(0, due - rated_by_pd.get(pd, 0))
    today = (
        Activity.objects.filter(instansi=instansi, date=day)
        .values("perangkat_daerah_id")
        .annotate(people=Count("employee_id", distinct=True), n=Count("*"))
    )
    for entry in today:
        row = rows.get(entry["perangkat_daerah_id"])
        if row is not None:
            row.logged_today, row.activities_today = entry["people"], entry["n"]
    week = (
        Activity.objects.filter(
            instansi=instansi, date__gte=schedule.week_start(day), date__lte=day
        )
        .values("perangkat_daerah_id")
        .annotate(people=Count("employee_id", distinct=True))
    )
    for entry in week:
        row = rows.get(entry["perangkat_daerah_id"])
        if row is not None:
            row.logged_week = entry["people"]
    pending = (
        Activity.objects.filter(instansi=instansi, status=Inline(Activity.Status.PENDING))
        .values("perangkat_daerah_id")
        .annotate(n=Count("*"))
    )
    for entry in pending:
        row = rows.get(entry["perangkat_daerah_id"])
        if row is not None:
            row.pending = entry["n"]
    for unit_id, predikat in OrgPredikat.objects.filter(instansi=instansi, year=year).values_list(
        "unit_id", "predikat"
    ):
        if unit_id in rows:
            rows[unit_id].org_predikat = predikat
            rows[unit_id].violations = rules.distribution_violations(
                predikat, staff_predikat[unit_id]
            )
    ranked = sorted((row.finish() for row in rows.values()), key=_sort_key(sort))
    for n, row in enumerate(ranked, start=1):
        row.rank = n
    elapsed = rules.elapsed_share(dt.date(year, 1, 1), dt.date(year, 12, 31), day)
    return CityDashboard(instansi, day, year, _percent(elapsed, 1), ranked, sort)


def _sort_key(sort: str) -> Any:
    if sort == "skp":
        return lambda r: (-r.approved_percent, r.unit.name)
    if sort == "realisasi":
        return lambda r: (-r.realisation_percent, r.unit.name)
    if sort == "terlambat":
        return lambda r: (-r.late, r.unit.name)
    if sort == "nama":
        return lambda r: (r.unit.name,)
    return lambda r: (-r.logged_percent, -r.week_percent, r.unit.name)
