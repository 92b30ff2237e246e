"""Reads of the learning module, scoped by the acting user, batched (no N+1)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from penata.core.errors import NotFound
from penata.learning import rules
from penata.learning.access import is_reader, require_reader
from penata.learning.adapters import skp_predikat
from penata.learning.models import (
    Assessment,
    Competency,
    CompetencyStandard,
    EmployeeCompetency,
    Enrolment,
    JpRecord,
    Programme,
    TalentPlacement,
    TrainingSession,
)
from penata.org.models import Instansi, Position
from penata.people.models import Assignment, Employee
from penata.people.selectors import current_assignment_q, employee_scope_q

# Predikat below Baik: the employee needs help with results, not only competencies.
WEAK_PREDIKAT = frozenset({"butuh_perbaikan", "kurang", "sangat_kurang"})
KINERJA_COMPETENCY = "orientasi_pada_hasil"
SUCCESSION_SHORTLIST = 3


def competency_list(instansi: Instansi) -> QuerySet[Competency]:
    return Competency.objects.filter(instansi=instansi).prefetch_related("levels")


def current_positions(
    employee_ids: Iterable[int], on: dt.date | None = None
) -> dict[int, Position]:
    """The position each employee holds now (definitive posts before Plt/Plh)."""
    found: dict[int, Position] = {}
    rows = (
        Assignment.objects.filter(current_assignment_q(on), employee_id__in=list(employee_ids))
        .select_related("position__unit")
        .order_by("employee_id", "acting", "-start")
    )
    for a in rows:
        found.setdefault(a.employee_id, a.position)
    return found


def standards_of(position_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    result: dict[int, dict[str, int]] = defaultdict(dict)
    for pid, code, level in CompetencyStandard.objects.filter(
        position_id__in=list(position_ids)
    ).values_list("position_id", "competency__code", "required_level"):
        result[pid][code] = level
    return result


def levels_of(employee_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    result: dict[int, dict[str, int]] = defaultdict(dict)
    for eid, code, level in EmployeeCompetency.objects.filter(
        employee_id__in=list(employee_ids)
    ).values_list("employee_id", "competency__code", "level"):
        result[eid][code] = level
    return result


def potensial_scores(employee_ids: list[int], year: int) -> dict[int, Decimal]:
    """Latest potential score assessed up to the end of `year`; else JPM against the current
    position's standard (competency as the potential proxy)."""
    found: dict[int, Decimal] = {}
    for eid, score in (
        Assessment.objects.filter(
            employee_id__in=employee_ids,
            potential_score__isnull=False,
            assessed_on__lte=dt.date(year, 12, 31),
        )
        .order_by("employee_id", "-assessed_on", "-id")
        .values_list("employee_id", "potential_score")
    ):
        if score is not None:
            found.setdefault(eid, Decimal(score))
    rest = [e for e in employee_ids if e not in found]
    positions = current_positions(rest)
    standards = standards_of(p.pk for p in positions.values())
    levels = levels_of(rest)
    for eid, position in positions.items():
        standard = standards.get(position.pk)
        if standard and levels.get(eid):
            found[eid] = rules.job_person_match(standard, levels[eid])
    return found


@dataclass
class GapRow:
    competency: Competency
    required: int
    actual: int | None
    gap: int


@dataclass
class EmployeeGaps:
    employee: Employee
    position: Position | None
    rows: list[GapRow]
    jpm: Decimal | None
    levels: dict[str, int]
    standard: dict[str, int]


def employee_gaps(employee: Employee) -> EmployeeGaps:
    """The employee's levels against the standard of the position held, with JPM."""
    position = current_positions([employee.pk]).get(employee.pk)
    standard = standards_of([position.pk]).get(position.pk, {}) if position else {}
    levels = levels_of([employee.pk]).get(employee.pk, {})
    by_code = {c.code: c for c in Competency.objects.filter(instansi_id=employee.instansi_id)}
    rows = [
        GapRow(by_code[g.code], g.required, g.actual, g.gap)
        for g in rules.competency_gaps(standard, levels)
    ]
    jpm = rules.job_person_match(standard, levels) if standard else None
    return EmployeeGaps(employee, position, rows, jpm, levels, standard)


def employee_get_for(actor: Any, employee_id: int) -> Employee:
    employee = Employee.objects.filter(employee_scope_q(actor), pk=employee_id).first()
    if employee is None:
        raise NotFound("pegawai")
    return employee


def employees_by_nip(instansi: Instansi, nips: list[str]) -> list[Employee]:
    return list(Employee.objects.filter(instansi=instansi, nip__in=nips))


def scoped_employees(
    actor: Any, instansi: Instansi, unit_path: str | None = None
) -> QuerySet[Employee]:
    """Active employees the actor may see, optionally only those placed under a unit."""
    qs = Employee.objects.filter(employee_scope_q(actor), instansi=instansi, status="aktif")
    if unit_path:
        qs = qs.filter(
            Exists(
                Assignment.objects.filter(
                    current_assignment_q(),
                    employee_id=OuterRef("pk"),
                    position__unit__path__startswith=unit_path,
                )
            )
        )
    return qs


@dataclass
class CompetencyGapSummary:
    competency: Competency
    measured: int = 0
    below: int = 0
    shortfall: int = 0

    @property
    def average_shortfall(self) -> Decimal:
        if not self.measured:
            return Decimal(0)
        return (Decimal(self.shortfall) / self.measured).quantize(Decimal("0.01"))


@dataclass
class GapOverview:
    by_competency: list[CompetencyGapSummary]
    largest: list[tuple[Employee, Position, int, Decimal]]
    employees: int
    without_standard: int


def gap_overview(
    actor: Any, instansi: Instansi, unit_path: str | None = None, top: int = 20
) -> GapOverview:
    """Largest gaps of a unit (or the whole city): per competency, and the employees with the
    largest total shortfall. Employees whose position has no standard are counted apart."""
    require_reader(actor)
    employees = {e.pk: e for e in scoped_employees(actor, instansi, unit_path)}
    positions = current_positions(employees)
    standards = standards_of({p.pk for p in positions.values()})
    levels = levels_of(employees)
    summaries = {
        c.code: CompetencyGapSummary(c) for c in Competency.objects.filter(instansi=instansi)
    }
    people = []
    without = 0
    for eid, employee in employees.items():
        position = positions.get(eid)
        standard = standards.get(position.pk) if position else None
        if not position or not standard:
            without += 1
            continue
        gaps = rules.competency_gaps(standard, levels.get(eid, {}))
        for g in gaps:
            s = summaries[g.code]
            s.measured += 1
            if g.shortfall:
                s.below += 1
                s.shortfall += g.shortfall
        total = sum(g.shortfall for g in gaps)
        if total:
            people.append(
                (employee, position, total, rules.job_person_match(standard, levels.get(eid, {})))
            )
    people.sort(key=lambda row: (-row[2], row[3], row[0].name))
    ordered = sorted(summaries.values(), key=lambda s: (-s.shortfall, s.competency.sort_order))
    return GapOverview([s for s in ordered if s.measured], people[:top], len(employees), without)


# --- Training -------------------------------------------------------------------------------


def programme_list(instansi: Instansi, *, active_only: bool = True) -> QuerySet[Programme]:
    qs = Programme.objects.filter(instansi=instansi).prefetch_related("developed__competency")
    return qs.filter(is_active=True) if active_only else qs


def programme_get(instansi: Instansi, programme_id: int) -> Programme:
    found = programme_list(instansi, active_only=False).filter(pk=programme_id).first()
    if found is None:
        raise NotFound("program pelatihan")
    return found


def session_list(
    instansi: Instansi, *, upcoming_from: dt.date | None = None, programme: Programme | None = None
) -> QuerySet[TrainingSession]:
    qs = TrainingSession.objects.filter(instansi=instansi).select_related("programme")
    if upcoming_from:
        qs = qs.filter(starts_on__gte=upcoming_from)
    if programme:
        qs = qs.filter(programme=programme)
    return qs.annotate(
        seats_taken=Count(
            "enrolments",
            filter=Q(
                enrolments__status__in=[Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED]
            ),
        ),
        waiting=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.WAITLISTED)),
    )


def session_get(instansi: Instansi, session_id: int) -> TrainingSession:
    found = session_list(instansi).filter(pk=session_id).first()
    if found is None:
        raise NotFound("angkatan pelatihan")
    return found


def session_enrolments(session: TrainingSession) -> QuerySet[Enrolment]:
    return session.enrolments.select_related("employee").order_by("status", "requested_at", "id")


def enrolment_get_for(actor: Any, enrolment_id: int) -> Enrolment:
    found = (
        Enrolment.objects.filter(pk=enrolment_id)
        .filter(
            Exists(Employee.objects.filter(employee_scope_q(actor), pk=OuterRef("employee_id")))
        )
        .select_related("session__programme", "employee")
        .first()
    )
    if found is None:
        raise NotFound("pendaftaran")
    return found


def my_enrolments(employee: Employee) -> QuerySet[Enrolment]:
    return employee.enrolments.select_related("session__programme").order_by("-requested_at")


def approvals_for(actor: Any, instansi: Instansi) -> QuerySet[Enrolment]:
    """Requests waiting for this actor: of the people they supervise (all, for admin)."""
    from penata.learning.access import is_admin
    from penata.people.selectors import supervised_position_ids

    qs = Enrolment.objects.filter(instansi=instansi, status=Enrolment.Status.PENDING)
    if not is_admin(actor):
        qs = qs.filter(
            Exists(
                Assignment.objects.filter(
                    current_assignment_q(),
                    employee_id=OuterRef("employee_id"),
                    position_id__in=supervised_position_ids(actor),
                )
            )
        )
    return qs.select_related("employee", "session__programme").order_by("requested_at")


# --- Recommendations -------------------------------------------------------------------------


@dataclass
class RecommendedProgramme:
    programme: Programme
    rank: int
    closes: dict[str, int]
    reasons: list[str]
    sessions: list[TrainingSession] = field(default_factory=list)


def _offers(programmes: Iterable[Programme]) -> list[rules.ProgrammeOffer]:
    return [
        rules.ProgrammeOffer(
            key=str(p.pk),
            develops={pc.competency.code: pc.target_level for pc in p.developed.all()},
            jp=p.jp,
            cost=p.cost,
            boosts_kinerja=any(
                pc.competency.code == KINERJA_COMPETENCY for pc in p.developed.all()
            ),
        )
        for p in programmes
    ]


def _merge_needs(*standards: dict[str, int]) -> dict[str, int]:
    needs: dict[str, int] = {}
    for standard in standards:
        for code, level in standard.items():
            needs[code] = max(level, needs.get(code, 0))
    return needs


# Structural leadership training is for the position level it prepares (DOMAIN §5):
# PKN I JPT madya, PKN II JPT pratama, PKA administrator, PKP pengawas, Latsar CPNS.
LEADERSHIP_FOR = {
    "pkn_i": {"jpt_utama", "jpt_madya"},
    "pkn_ii": {"jpt_pratama"},
    "pka": {"administrator"},
    "pkp": {"pengawas"},
    "latsar": {"cpns"},
}


def eligible(programmes: Iterable[Programme], kinds: set[str]) -> list[Programme]:
    """Drop leadership programmes that do not match any of `kinds` (position kinds, plus
    "cpns" for a CPNS)."""
    return [p for p in programmes if p.kind not in LEADERSHIP_FOR or LEADERSHIP_FOR[p.kind] & kinds]


def recommend(
    programmes: list[Programme],
    standard: dict[str, int],
    levels: dict[str, int],
    *,
    predikat: str | None,
    succession: Iterable[dict[str, int]] = (),
    kinds: set[str] | None = None,
) -> list[RecommendedProgramme]:
    """Rank `programmes` for one person (see `rules.recommend_programmes`); with `kinds`,
    leadership programmes are limited to the matching position levels."""
    succession = list(succession)
    if kinds is not None:
        programmes = eligible(programmes, kinds)
    needs = _merge_needs(standard, *succession)
    by_key = {str(p.pk): p for p in programmes}
    ranked = rules.recommend_programmes(
        needs, levels, _offers(programmes), needs_kinerja=predikat in WEAK_PREDIKAT
    )
    result = []
    for r in ranked:
        reasons = []
        if any(standard.get(c, 0) > levels.get(c, 0) for c in r.closes):
            reasons.append("Kesenjangan kompetensi jabatan")
        if any(
            s.get(c, 0) > max(standard.get(c, 0), levels.get(c, 0))
            for s in succession
            for c in r.closes
        ):
            reasons.append("Persyaratan jabatan suksesi")
        if "kinerja" in r.reasons:
            reasons.append("Predikat SKP di bawah Baik")
        result.append(RecommendedProgramme(by_key[r.offer.key], r.rank, dict(r.closes), reasons))
    return result


def _kinds(employee: Employee, position: Position | None, targets: list[Position]) -> set[str]:
    kinds = {p.kind for p in targets}
    if position is not None:
        kinds.add(position.kind)
    if employee.kind == "cpns":
        kinds.add("cpns")
    return kinds


def recommendations_for(
    employee: Employee, year: int, *, limit: int = 10
) -> list[RecommendedProgramme]:
    """Programmes recommended for the employee, best first, with their upcoming sessions."""
    gaps = employee_gaps(employee)
    programmes = list(programme_list(employee.instansi))
    targets = succession_targets(employee.instansi, year).get(employee.pk, [])
    result = recommend(
        programmes,
        gaps.standard,
        gaps.levels,
        predikat=skp_predikat(employee.pk, year),
        succession=[s for _, s in targets],
        kinds=_kinds(employee, gaps.position, [p for p, _ in targets]),
    )[:limit]
    sessions = defaultdict(list)
    for s in session_list(employee.instansi, upcoming_from=dt.date.today()).filter(
        programme__in=[r.programme for r in result]
    ):
        sessions[s.programme_id].append(s)
    for r in result:
        r.sessions = sessions[r.programme.pk]
    return result


# --- JP ledger --------------------------------------------------------------------------------


def jp_records(employee: Employee, year: int) -> QuerySet[JpRecord]:
    return employee.jp_records.filter(year=year).order_by("-completed_on", "-id")


def jp_status(employee: Employee, year: int, on: dt.date | None = None) -> rules.JpCompliance:
    minutes = (
        employee.jp_records.filter(year=year, status=JpRecord.Status.VERIFIED).aggregate(
            total=Sum("minutes")
        )["total"]
        or 0
    )
    return rules.jp_compliance(minutes, year=year, on=on or dt.date.today())


@dataclass
class ComplianceRow:
    employee: Employee
    position: Position | None
    compliance: rules.JpCompliance


def compliance_rows(
    actor: Any,
    instansi: Instansi,
    year: int,
    *,
    on: dt.date | None = None,
    unit_path: str | None = None,
    below_only: bool = False,
) -> list[ComplianceRow]:
    """Every visible employee's JP standing for `year` (verified minutes only)."""
    require_reader(actor)
    day = on or dt.date.today()
    employees = list(scoped_employees(actor, instansi, unit_path).order_by("name"))
    minutes = dict(
        JpRecord.objects.filter(
            employee_id__in=[e.pk for e in employees],
            year=year,
            status=JpRecord.Status.VERIFIED,
        )
        .values("employee_id")
        .annotate(total=Sum("minutes"))
        .values_list("employee_id", "total")
    )
    positions = current_positions(e.pk for e in employees)
    rows = [
        ComplianceRow(
            e, positions.get(e.pk), rules.jp_compliance(minutes.get(e.pk, 0), year=year, on=day)
        )
        for e in employees
    ]
    if below_only:
        rows = [r for r in rows if r.compliance.status != "terpenuhi"]
    return rows


def compliance_by_unit(rows: list[ComplianceRow]) -> list[dict[str, Any]]:
    """Counts per unit: employees, met, below."""
    units: dict[str, dict[str, Any]] = {}
    for r in rows:
        name = r.position.unit.name if r.position else "—"
        u = units.setdefault(name, {"unit": name, "total": 0, "met": 0, "below": 0})
        u["total"] += 1
        if r.compliance.status == "terpenuhi":
            u["met"] += 1
        else:
            u["below"] += 1
    return sorted(units.values(), key=lambda u: (-u["below"], u["unit"]))


def pending_evidence(instansi: Instansi) -> QuerySet[JpRecord]:
    return (
        JpRecord.objects.filter(instansi=instansi, status=JpRecord.Status.PENDING)
        .select_related("employee")
        .order_by("created_at")
    )


def jp_record_get_for(actor: Any, record_id: int) -> JpRecord:
    """A JP record of an employee the actor may see (404 otherwise)."""
    found = (
        JpRecord.objects.filter(pk=record_id)
        .filter(
            Exists(Employee.objects.filter(employee_scope_q(actor), pk=OuterRef("employee_id")))
        )
        .select_related("employee")
        .first()
    )
    if found is None:
        raise NotFound("catatan JP")
    return found


def jp_record_get(instansi: Instansi, record_id: int) -> JpRecord:
    found = JpRecord.objects.filter(instansi=instansi, pk=record_id).first()
    if found is None:
        raise NotFound("catatan JP")
    return found


# --- Talent and succession ---------------------------------------------------------------------


def placements(
    actor: Any, instansi: Instansi, year: int, unit_path: str | None = None
) -> QuerySet[TalentPlacement]:
    require_reader(actor)
    return TalentPlacement.objects.filter(
        instansi=instansi,
        year=year,
        employee__in=scoped_employees(actor, instansi, unit_path),
    ).select_related("employee")


def nine_box_grid(qs: QuerySet[TalentPlacement]) -> dict[int, list[TalentPlacement]]:
    grid: dict[int, list[TalentPlacement]] = {b: [] for b in range(1, 10)}
    for p in qs.order_by("employee__name"):
        grid[p.box].append(p)
    return grid


def critical_positions(instansi: Instansi) -> QuerySet[Position]:
    """JPT, administrator, or flagged critical — current rows only."""
    return (
        Position.objects.filter(instansi=instansi, valid_to__isnull=True)
        .filter(Q(kind__startswith="jpt_") | Q(kind="administrator") | Q(is_critical=True))
        .select_related("unit")
        .order_by("unit__path", "sort_order", "id")
    )


@dataclass
class SuccessionRow:
    rank: int
    employee: Employee
    box: int
    jpm: Decimal
    gaps: list[rules.CompetencyGap]
    recommended: list[Programme]


def succession_list(
    instansi: Instansi, position: Position, year: int, *, limit: int = 10
) -> list[SuccessionRow]:
    """Pool candidates (boxes 7–9) for a position, ranked by match with its standard."""
    standard = standards_of([position.pk]).get(position.pk, {})
    if not standard:
        return []
    pool = list(
        TalentPlacement.objects.filter(instansi=instansi, year=year, box__in=[7, 8, 9])
        .exclude(
            employee__assignments__in=Assignment.objects.filter(
                current_assignment_q(), position=position
            )
        )
        .select_related("employee")
    )
    levels = levels_of(p.employee_id for p in pool)
    by_key = {str(p.employee_id): p for p in pool}
    ranked = rules.succession_ranking(
        standard,
        [rules.Candidate(str(p.employee_id), levels.get(p.employee_id, {}), p.box) for p in pool],
    )[:limit]
    programmes = list(programme_list(instansi))
    rows = []
    for r in ranked:
        placement = by_key[r.candidate.key]
        recs = recommend(
            programmes, standard, dict(r.candidate.levels), predikat=None, kinds={position.kind}
        )[:3]
        rows.append(
            SuccessionRow(
                r.rank,
                placement.employee,
                placement.box,
                r.jpm,
                [g for g in r.gaps if g.shortfall],
                [x.programme for x in recs],
            )
        )
    return rows


def succession_targets(
    instansi: Instansi, year: int
) -> dict[int, list[tuple[Position, dict[str, int]]]]:
    """For each employee, the critical positions where they are on the short list (top 3)."""
    pool = list(
        TalentPlacement.objects.filter(instansi=instansi, year=year, box__in=[7, 8, 9]).values_list(
            "employee_id", "box"
        )
    )
    if not pool:
        return {}
    positions = list(critical_positions(instansi))
    standards = standards_of(p.pk for p in positions)
    levels = levels_of(e for e, _ in pool)
    holders = defaultdict(set)
    for eid, pid in Assignment.objects.filter(
        current_assignment_q(), position_id__in=[p.pk for p in positions]
    ).values_list("employee_id", "position_id"):
        holders[pid].add(eid)
    result: dict[int, list[tuple[Position, dict[str, int]]]] = defaultdict(list)
    for position in positions:
        standard = standards.get(position.pk)
        if not standard:
            continue
        ranked = rules.succession_ranking(
            standard,
            [
                rules.Candidate(str(e), levels.get(e, {}), b)
                for e, b in pool
                if e not in holders[position.pk]
            ],
        )
        for r in ranked[:SUCCESSION_SHORTLIST]:
            result[int(r.candidate.key)].append((position, standard))
    return result


# --- Annual training plan ------------------------------------------------------------------------


@dataclass
class PlanLine:
    programme: Programme
    employees: list[Employee] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.employees)

    @property
    def jp(self) -> Decimal:
        return self.programme.jp * self.count

    @property
    def cost(self) -> Decimal:
        return self.programme.cost * self.count


def training_plan(
    actor: Any, instansi: Instansi, year: int, unit_path: str | None = None
) -> list[PlanLine]:
    """The unit's training needs as a plan: for each employee, recommended programmes in rank
    order until their JP would reach the yearly target (at least one when any is recommended);
    counted per programme with JP and estimated cost."""
    require_reader(actor)
    employees = list(scoped_employees(actor, instansi, unit_path).order_by("name"))
    ids = [e.pk for e in employees]
    positions = current_positions(ids)
    standards = standards_of({p.pk for p in positions.values()})
    levels = levels_of(ids)
    from penata.learning.adapters import skp_predikats

    predikats = skp_predikats(ids, year)
    succession = succession_targets(instansi, year)
    programmes = list(programme_list(instansi))
    lines: dict[int, PlanLine] = {}
    for e in employees:
        position = positions.get(e.pk)
        standard = standards.get(position.pk, {}) if position else {}
        recs = recommend(
            programmes,
            standard,
            levels.get(e.pk, {}),
            predikat=predikats.get(e.pk),
            succession=[s for _, s in succession.get(e.pk, [])],
            kinds=_kinds(e, position, [p for p, _ in succession.get(e.pk, [])]),
        )
        planned = Decimal(0)
        for r in recs:
            if planned and planned + r.programme.jp > rules.YEARLY_TARGET_JP:
                break
            lines.setdefault(r.programme.pk, PlanLine(r.programme)).employees.append(e)
            planned += r.programme.jp
            if planned >= rules.YEARLY_TARGET_JP:
                break
    return sorted(lines.values(), key=lambda line: (-line.count, line.programme.name))


def can_read(actor: Any) -> bool:
    return is_reader(actor)
