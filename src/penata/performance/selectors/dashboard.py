"""Live monitoring: the unit dashboard (a unit subtree, or a supervisor's reporting line),
its polled fragment, the drill-down to a person, and the city dashboard per Perangkat Daerah.

Every number comes from a fixed number of aggregate queries on indexed columns, whatever the
size of the unit: the polled fragment (`live_counts`) costs four small queries.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Case, Count, F, FloatField, Max, Q, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext

from penata.accounts.models import Role
from penata.core.id_lists import InIds
from penata.core.inline import Inline
from penata.core.rows import fetch_rows
from penata.performance import rules, schedule
from penata.performance.models import (
    Activity,
    Evaluation,
    Indicator,
    OrgPredikat,
    Realisation,
    Rhk,
    Skp,
)
from penata.performance.selectors.common import calendar_for, settings_for

# The scope of a dashboard lives in selectors.scope; pages and the API reach it through here.
from penata.performance.selectors.scope import (
    DASHBOARD_ROLES,
    Scope,
    ScopeChoice,
    perangkat_daerah_units,
    population,
    scope_choices,
    scope_for,
)

__all__ = [
    "DASHBOARD_ROLES",
    "Scope",
    "ScopeChoice",
    "perangkat_daerah_units",
    "population",
    "scope_choices",
    "scope_for",
]

CITY_ROLES = (Role.ADMIN, Role.AUDITOR)
RATED = (Evaluation.Status.RATED, Evaluation.Status.FINAL)
LIST_LIMIT = 50


# ---------------------------------------------------------------------------------------------
# The polled fragment


@dataclass(frozen=True)
class LiveCounts:
    total: int
    logged_today: int
    activities_today: int
    minutes_today: int
    pending: int
    realisations_today: int
    last_entry_at: dt.datetime | None

    @property
    def not_logged_today(self) -> int:
        return max(0, self.total - self.logged_today)


def _pending(scope: Scope, people: list[int]) -> int:
    return Activity.objects.filter(
        InIds("employee_id", people),
        instansi_id=scope.instansi_id,
        status=Inline(Activity.Status.PENDING),
    ).count()


def _realisations_today(scope: Scope, people: list[int], day: dt.date) -> int:
    """Realisations written today by the people in scope: one range of an index per person."""
    midnight = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return Realisation.objects.filter(
        InIds("employee_id", people), instansi_id=scope.instansi_id, updated_at__gte=midnight
    ).count()


def live_counts(scope: Scope, day: dt.date) -> LiveCounts:
    """What the dashboard refreshes every few seconds: four aggregate queries."""
    people = list(
        population(scope, day).order_by().values_list("employee_id", flat=True).distinct()
    )
    total = len(people)
    today = Activity.objects.filter(
        InIds("employee_id", people), instansi_id=scope.instansi_id, date=day
    ).aggregate(
        people=Count("employee_id", distinct=True),
        entries=Count("*"),
        minutes=Sum("minutes"),
        last=Max("created_at"),
    )
    return LiveCounts(
        total=total,
        logged_today=today["people"] or 0,
        activities_today=today["entries"] or 0,
        minutes_today=today["minutes"] or 0,
        pending=_pending(scope, people),
        realisations_today=_realisations_today(scope, people, day),
        last_entry_at=today["last"],
    )


# ---------------------------------------------------------------------------------------------
# Unit dashboard


@dataclass(frozen=True)
class Person:
    employee_id: int
    name: str
    position: str
    unit: str


@dataclass(frozen=True)
class RhkProgress:
    rhk_id: int
    text: str
    employee: Person | None
    realisation_percent: Decimal
    elapsed_percent: Decimal
    status: str


@dataclass(frozen=True)
class LateRow:
    person: Person | None
    skp_id: int
    late: int


@dataclass
class Distribution:
    counts: dict[str, int]
    total: int
    org_predikat: str
    violations: list[rules.Violation]

    def rows(self) -> list[tuple[str, str, int, Decimal]]:
        return [
            (
                p,
                rules.PREDIKAT_LABELS[p],
                self.counts.get(p, 0),
                _percent(self.counts.get(p, 0), self.total),
            )
            for p in rules.PREDIKATS
        ]

    def chart(self) -> dict[str, Any]:
        return {
            "labels": [rules.PREDIKAT_LABELS[p] for p in rules.PREDIKATS],
            "counts": [self.counts.get(p, 0) for p in rules.PREDIKATS],
            "percents": [
                float(_percent(self.counts.get(p, 0), self.total)) for p in rules.PREDIKATS
            ],
        }


@dataclass
class UnitDashboard:
    scope: Scope
    day: dt.date
    year: int
    week_start: dt.date
    is_working_day: bool
    live: LiveCounts
    people: dict[int, Person]
    skp_counts: list[tuple[str, str, int]]
    logged_week: int
    not_logged_today: list[Person]
    not_logged_week: list[Person]
    progress_counts: dict[str, int]
    progress_rows: list[RhkProgress]
    elapsed_percent: Decimal
    distribution: Distribution
    late_total: int
    late_rows: list[LateRow]
    # per employee, for the export
    skp_by_employee: dict[int, dict[str, Any]] = field(default_factory=dict)
    week_logged_ids: set[int] = field(default_factory=set)
    today_logged_ids: set[int] = field(default_factory=set)
    late_by_employee: dict[int, int] = field(default_factory=dict)


def _percent(count: int | Fraction, total: int) -> Decimal:
    """count/total as a percentage to one decimal, rounded half up."""
    if not total:
        return Decimal(0)
    value = Fraction(count) * 1000 / total  # in tenths of a percent
    return Decimal(int(value + Fraction(1, 2))).scaleb(-1)


def _people(scope: Scope, day: dt.date) -> dict[int, Person]:
    rows = (
        population(scope, day)
        .order_by("employee__name", "employee_id", "acting", "id")
        .values_list(
            "employee_id",
            "employee__name",
            "employee__front_title",
            "employee__back_title",
            "position__title",
            "position__unit__name",
            "acting",
        )
    )
    found: dict[int, Person] = {}
    for employee_id, name, front, back, title, unit, acting in rows:
        if employee_id in found:
            continue
        full = f"{front} {name}".strip()
        full = f"{full}, {back}" if back else full
        found[employee_id] = Person(employee_id, full, f"Plt {title}" if acting else title, unit)
    return found


def _late_by_skp(
    skps: list[dict[str, Any]], rated: dict[int, int], day: dt.date, grace: int
) -> dict[int, int]:
    late: dict[int, int] = {}
    due_by_span: dict[tuple[int, str, dt.date, dt.date], int] = {}
    for skp in skps:
        if not skp["version"]:
            continue
        span = (skp["year"], skp["frequency"], skp["start"], skp["end"])
        due = due_by_span.get(span)
        if due is None:
            periods = schedule.skp_periods(*span)
            due = due_by_span[span] = len(schedule.due_periods(periods, day, grace))
        missing = max(0, due - rated.get(skp["id"], 0))
        if missing:
            late[skp["id"]] = missing
    return late


def unit_dashboard(scope: Scope, day: dt.date, year: int | None = None) -> UnitDashboard:
    """Every number of the unit dashboard (a fixed number of queries)."""
    year = year or day.year
    people = _people(scope, day)
    # The population once, as a list: every aggregate below filters on it (cheaper than
    # running the subtree join again inside each query).
    ids = list(people)
    config = settings_for(scope.instansi_id)
    start_of_week = schedule.week_start(day)
    calendar_working = _is_working_day(scope.instansi_id, day)
    # Today's entries per person: who logged, and the live tiles' totals, in one query.
    # This week's entries per person (one query): who logged this week, who today, and the
    # live tiles' totals.
    is_today = Q(date=day)
    week = list(
        Activity.objects.filter(
            InIds("employee_id", ids),
            instansi_id=scope.instansi_id,
            date__gte=start_of_week,
            date__lte=day,
        )
        .values("employee_id")
        .annotate(
            n=Count("id", filter=is_today),
            minutes=Sum("minutes", filter=is_today),
            last=Max("created_at", filter=is_today),
        )
        .order_by()
    )
    week_ids = {row["employee_id"] for row in week}
    today = [row for row in week if row["n"]]
    today_ids = {row["employee_id"] for row in today}
    live = LiveCounts(
        total=len(people),
        logged_today=len(today_ids),
        activities_today=sum(row["n"] for row in today),
        minutes_today=sum(row["minutes"] or 0 for row in today),
        pending=_pending(scope, ids),
        realisations_today=_realisations_today(scope, ids, day),
        last_entry_at=max((row["last"] for row in today), default=None),
    )
    skps: list[dict[str, Any]] = [
        dict(row)
        for row in Skp.objects.filter(
            InIds("employee_id", ids), instansi_id=scope.instansi_id, year=year
        )
        .order_by()
        .values(
            "id",
            "employee_id",
            "status",
            "version",
            "predikat",
            "predikat_label",
            "predikat_is_final",
            "frequency",
            "year",
            "start",
            "end",
            "realisation_share",
            "position__is_unit_head",
            "position__unit_id",
        )
    ]
    status_counts = Counter(s["status"] for s in skps)
    skp_counts = [
        (code, str(label), status_counts.get(code, 0)) for code, label in Skp.Status.choices
    ]
    skp_counts.append(("none", gettext("Belum membuat SKP"), max(0, len(people) - len(skps))))
    approved = [s for s in skps if s["version"]]
    skp_employee = {s["id"]: s["employee_id"] for s in skps}
    approved_ids = [s["id"] for s in approved]
    progress_rows, progress_counts, elapsed = _rhk_progress(
        approved, approved_ids, people, skp_employee, day
    )
    rated = dict(
        Evaluation.objects.filter(
            InIds("skp_id", approved_ids),
            kind=Evaluation.Kind.PERIODIC,
            status__in=RATED,
            end__lt=day - dt.timedelta(days=config.grace_days),
        )
        .order_by()
        .values_list("skp_id")
        .annotate(n=Count("*"))
    )
    late = _late_by_skp(approved, rated, day, config.grace_days)
    late_rows = sorted(
        (LateRow(people.get(skp_employee[k]), k, v) for k, v in late.items()),
        key=lambda r: (-r.late, r.person.name if r.person else ""),
    )
    distribution = _distribution(scope, year, skps)
    return UnitDashboard(
        scope=scope,
        day=day,
        year=year,
        week_start=start_of_week,
        is_working_day=calendar_working,
        live=live,
        people=people,
        skp_counts=skp_counts,
        logged_week=len(week_ids & set(people)),
        not_logged_today=[p for e, p in people.items() if e not in today_ids],
        not_logged_week=[p for e, p in people.items() if e not in week_ids],
        progress_counts=progress_counts,
        progress_rows=progress_rows,
        elapsed_percent=elapsed,
        distribution=distribution,
        late_total=sum(late.values()),
        late_rows=late_rows,
        skp_by_employee={s["employee_id"]: s for s in skps},
        week_logged_ids=week_ids,
        today_logged_ids=today_ids,
        late_by_employee={skp_employee[k]: v for k, v in late.items()},
    )


def _is_working_day(instansi_id: int, day: dt.date) -> bool:
    return calendar_for(instansi_id, day, day).is_working_day(day)


# A share of 1 (capped realised/target) of one indicator, computed by the database.
_SHARE = Least(
    Cast(Coalesce(F("realised"), Value(0)), FloatField()) / Cast(F("target"), FloatField()),
    Value(1.0),
)


def _rhk_progress(
    approved: list[dict[str, Any]],
    approved_ids: list[int],
    people: dict[int, Person],
    skp_employee: dict[int, int],
    day: dt.date,
) -> tuple[list[RhkProgress], dict[str, int], Decimal]:
    """Realisation against elapsed time (rules.realisation_vs_elapsed) for every RHK of the
    approved SKPs. The database averages the indicators of each RHK (kuantitas indicators,
    or all when an RHK has none); shares are judged at the precision the page shows (0.1%),
    so equal shares of equal periods share one call of the rule, and only the furthest
    behind become rows."""
    spans = {s["id"]: (s["start"], s["end"]) for s in approved}
    rows = (
        Indicator.objects.filter(InIds("rhk__skp_id", approved_ids))
        .values("rhk_id", "rhk__skp_id")
        .annotate(
            q_sum=Sum(Case(When(aspect="kuantitas", then=_SHARE), output_field=FloatField())),
            q_n=Count(Case(When(aspect="kuantitas", then=Value(1)))),
            a_sum=Sum(_SHARE),
            a_n=Count("*"),
        )
        .values_list("rhk_id", "rhk__skp_id", "q_sum", "q_n", "a_sum", "a_n")
        .order_by()
    )
    counts = dict.fromkeys(rules.PROGRESS_LABELS, 0)
    behind: list[tuple[Decimal, int, int, tuple[str, Decimal, Decimal]]] = []
    elapsed = Decimal(0)
    memo: dict[tuple[Decimal, dt.date, dt.date], tuple[str, Decimal, Decimal]] = {}
    # Thousands of rows: plain tuples from the cursor (aggregates need no conversion).
    for row in fetch_rows(rows):
        rhk_id, skp_id, q_sum, q_n, a_sum, a_n = row
        share = q_sum / q_n if q_n else a_sum / a_n
        start, end = spans[skp_id]
        key = (Decimal(str(round(share, 3))), start, end)
        judged = memo.get(key)
        if judged is None:
            result = rules.realisation_vs_elapsed(key[0], Decimal(1), start, end, day)
            judged = memo[key] = (
                result.status,
                result.realisation_percent,
                result.elapsed_percent,
            )
        status, realised, elapsed_here = judged
        counts[status] += 1
        elapsed = max(elapsed, elapsed_here)
        behind.append((realised - elapsed_here, rhk_id, skp_id, judged))
    shown = heapq.nsmallest(LIST_LIMIT, behind, key=lambda item: (item[0], item[1]))
    texts = dict(Rhk.objects.filter(pk__in=[item[1] for item in shown]).values_list("pk", "text"))
    found = [
        RhkProgress(
            rhk_id,
            texts.get(rhk_id, ""),
            people.get(skp_employee[skp_id]),
            realised,
            elapsed_here,
            status,
        )
        for _gap, rhk_id, skp_id, (status, realised, elapsed_here) in shown
    ]
    return found, counts, elapsed


def _distribution(scope: Scope, year: int, skps: list[dict[str, Any]]) -> Distribution:
    """Staff predikat against the curve of the unit's organisational predikat (the unit head
    is left out: their hasil kerja follows the organisation)."""
    head_unit = scope.unit.pk if scope.unit else None
    staff = [
        s["predikat"]
        for s in skps
        if s["predikat"]
        and not (s["position__is_unit_head"] and s["position__unit_id"] == head_unit)
    ]
    org = ""
    if scope.unit is not None:
        org = (
            OrgPredikat.objects.filter(instansi_id=scope.instansi_id, unit=scope.unit, year=year)
            .values_list("predikat", flat=True)
            .first()
            or ""
        )
    violations = rules.distribution_violations(org, staff) if org else []
    return Distribution(Counter(staff), len(staff), org, violations)
