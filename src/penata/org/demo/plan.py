"""Turn the Surakarta structure into plain rows: units, positions with reporting lines, duties.

Pure Python and deterministic: the same `Random` state gives the same plan. The loader writes
the plan to the database; the tests and the people generator read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from random import Random
from typing import Final

from penata.core import reference
from penata.org.demo import DEFAULT_EMPLOYEES
from penata.org.demo.catalog import FAMILIES, LEVELS, jf_kelas
from penata.org.demo.duties import FAMILY_DUTIES, HEAD_DUTIES, DutyTemplate
from penata.org.demo.duty_contexts import CONTEXT_DUTIES, OVERLAPS
from penata.org.demo.structure import Staff, UnitSpec, surakarta, validate

# Working-time factors to annualise a volume: 12 months, 50 weeks, 250 days (DOMAIN §3.1).
PERIOD_FACTORS: Final = {"year": 1, "month": 12, "week": 50, "day": 250}
# WKE 1,250 h = 75,000 minutes a year (PermenPAN-RB 1/2020).
EFFECTIVE_MINUTES: Final = 75_000

# Contexts of field work: only operators and general staff take these duties.
FIELD_CONTEXTS: Final = frozenset(
    {"kebersihan", "tpa", "jalan", "lalu_lintas", "pju", "ketertiban", "damkar", "rph"}
)
FIELD_FAMILIES: Final = frozenset({"operator_layanan", "pengelola_umum"})
# A lesson hour lasts what the timetable says (SD 35, SMP 40 minutes): no spread on its norm.
FIXED_LENGTH_OUTPUTS: Final = frozenset({"Jam pelajaran"})


@dataclass
class PlanUnit:
    index: int
    parent: int | None
    depth: int
    code: str
    name: str
    kind: str
    short_name: str
    region_code: str
    sort_order: int
    topic: str
    duty_sets: tuple[str, ...]
    pd: int | None  # index of the Perangkat Daerah the unit belongs to (None for the root)
    pd_code: str


@dataclass
class PlanPosition:
    index: int
    unit: int
    title: str
    kind: str
    jf_jenjang: str
    kelas_jabatan: int | None
    eselon: str
    is_unit_head: bool
    is_penyetaraan: bool
    is_critical: bool
    sort_order: int
    reports_to: int | None
    family: str  # position family key; "" for managerial posts
    profile: str  # education profile of holders
    weight: float  # formation at the default size (1 for an official post)
    role: str = ""  # duty role of a managerial post
    topic: str = ""
    chain_depth: int = 0

    @property
    def is_managerial(self) -> bool:
        return self.kind in reference.MANAGERIAL_KINDS

    @property
    def is_single(self) -> bool:
        """Held by one person: every official post and unit head (a school head is a JF)."""
        return self.family == ""


@dataclass
class PlanDuty:
    position: int
    statement: str
    output_unit: str
    volume: Decimal
    period: str
    time_norm_minutes: Decimal
    sort_order: int


@dataclass
class Plan:
    units: list[PlanUnit] = field(default_factory=list)
    positions: list[PlanPosition] = field(default_factory=list)
    duties: list[PlanDuty] = field(default_factory=list)

    def find_position(self, pd_code: str, unit_name: str, title: str) -> PlanPosition:
        for p in self.positions:
            unit = self.units[p.unit]
            if unit.pd_code == pd_code and unit.name == unit_name and p.title == title:
                return p
        raise LookupError(f"{pd_code} / {unit_name} / {title}")


def _merged(staff: tuple[Staff, ...]) -> list[Staff]:
    """Staff rows of a unit with the same family and jenjang added up, first one first."""
    out: dict[tuple[str, str], Staff] = {}
    for st in staff:
        key = (st.family, st.jenjang)
        if key in out:
            prev = out[key]
            out[key] = Staff(
                st.family, st.jenjang, prev.weight + st.weight, prev.penyetaraan or st.penyetaraan
            )
        else:
            out[key] = st
    return list(out.values())


class _Builder:
    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.plan = Plan()
        self.head_of: dict[int, int] = {}  # unit index -> head position index
        self.sekda: int | None = None

    # -- units and positions ------------------------------------------------------------------

    def add_tree(self, spec: UnitSpec) -> None:
        self._add_unit(
            spec, parent=None, depth=0, code=spec.code, sort_order=0, pd=None, pd_code=""
        )

    def _add_unit(
        self,
        spec: UnitSpec,
        *,
        parent: int | None,
        depth: int,
        code: str,
        sort_order: int,
        pd: int | None,
        pd_code: str,
    ) -> None:
        index = len(self.plan.units)
        if depth == 1:
            pd, pd_code = index, code
        self.plan.units.append(
            PlanUnit(
                index=index,
                parent=parent,
                depth=depth,
                code=code,
                name=spec.name,
                kind=spec.kind,
                short_name=spec.short_name,
                region_code=spec.region_code,
                sort_order=sort_order,
                topic=spec.topic,
                duty_sets=spec.duty_sets,
                pd=pd,
                pd_code=pd_code,
            )
        )
        if depth > 0:
            self._add_positions(spec, index, parent)
        for n, child in enumerate(spec.children, start=1):
            self._add_unit(
                child,
                parent=index,
                depth=depth + 1,
                code=child.code or f"{code}.{n:02d}",
                sort_order=n,
                pd=pd,
                pd_code=pd_code,
            )

    def _boss_of_head(self, parent: int | None) -> int | None:
        # Heads of Perangkat Daerah answer to the Wali Kota through the Sekretaris Daerah;
        # the Sekda's own post is the top of the reporting line.
        if parent is None or parent not in self.head_of:
            return self.sekda
        return self.head_of[parent]

    def _append(self, pos: PlanPosition) -> PlanPosition:
        self.plan.positions.append(pos)
        return pos

    def _official(
        self, unit: int, title: str, level_key: str, *, head: bool, boss: int | None,
        role: str, topic: str, profile: str, order: int,
    ) -> PlanPosition:  # fmt: skip
        level = LEVELS[level_key]
        return self._append(
            PlanPosition(
                index=len(self.plan.positions),
                unit=unit,
                title=title,
                kind=level.kind,
                jf_jenjang=level.jf_jenjang,
                kelas_jabatan=level.kelas,
                eselon=level.eselon,
                is_unit_head=head,
                is_penyetaraan=False,
                is_critical=level.kind in reference.JPT_KINDS or level_key == "adm_a",
                sort_order=order,
                reports_to=boss,
                family="",
                profile=profile,
                weight=1.0,
                role=role,
                topic=topic,
            )
        )

    def _add_positions(self, spec: UnitSpec, unit: int, parent: int | None) -> None:
        order = 0
        head = self._official(
            unit, spec.head_title, spec.level, head=True, boss=self._boss_of_head(parent),
            role=spec.role, topic=spec.topic, profile=spec.profile, order=order,
        )  # fmt: skip
        self.head_of[unit] = head.index
        if spec.role == "sekda":
            self.sekda = head.index
        staff_boss = head.index
        for official in spec.officials:
            order += 1
            pos = self._official(
                unit, official.title, official.level, head=False, boss=head.index,
                role=official.role, topic=official.topic or spec.topic,
                profile=official.profile, order=order,
            )  # fmt: skip
            if official.supervises_staff:
                staff_boss = pos.index
        for st in _merged(spec.staff):
            order += 1
            family = FAMILIES[st.family]
            kelas = family.kelas if family.kind == "pelaksana" else jf_kelas(st.jenjang)
            self._append(
                PlanPosition(
                    index=len(self.plan.positions),
                    unit=unit,
                    title=family.position_title(st.jenjang),
                    kind=family.kind,
                    jf_jenjang=st.jenjang if family.kind == "fungsional" else "",
                    kelas_jabatan=kelas,
                    eselon="",
                    is_unit_head=False,
                    is_penyetaraan=st.penyetaraan,
                    is_critical=False,
                    sort_order=order,
                    reports_to=staff_boss,
                    family=st.family,
                    profile=family.education_for(st.jenjang),
                    weight=st.weight,
                )
            )

    def normalise_weights(self, employees: int) -> None:
        """Scale staff weights so that the formation adds up to `employees` people."""
        staff = [p for p in self.plan.positions if not p.is_single]
        officials = len(self.plan.positions) - len(staff)
        factor = (employees - officials) / sum(p.weight for p in staff)
        for pos in staff:
            pos.weight *= factor

    def set_chain_depths(self) -> None:
        for pos in self.plan.positions:
            depth, boss = 0, pos.reports_to
            while boss is not None:
                depth += 1
                boss = self.plan.positions[boss].reports_to
            pos.chain_depth = depth

    # -- duties -------------------------------------------------------------------------------

    def _pick(
        self, templates: tuple[DutyTemplate, ...] | list[DutyTemplate], k: int
    ) -> list[DutyTemplate]:
        """k templates drawn without replacement, kept in their written order."""
        k = max(0, min(k, len(templates)))
        chosen = sorted(self.rng.sample(range(len(templates)), k))
        return [templates[i] for i in chosen]

    def _contexts(self, unit: PlanUnit, *, field_work: bool) -> list[DutyTemplate]:
        names = [n for n in unit.duty_sets if (n in FIELD_CONTEXTS) == field_work]
        return [t for n in names for t in CONTEXT_DUTIES[n]]

    def _templates_for(self, pos: PlanPosition) -> list[DutyTemplate]:
        rng = self.rng
        unit = self.plan.units[pos.unit]
        office_ctx = self._contexts(unit, field_work=False)
        if pos.is_single:
            own = HEAD_DUTIES[pos.role]
            chosen = self._pick(own, rng.randint(4, min(7, len(own))))
            if office_ctx and pos.role not in ("kepala_pd", "sekda"):
                chosen += self._pick(office_ctx, rng.randint(0, 2))
            return chosen[:8]
        own = FAMILY_DUTIES[pos.family]
        if pos.family in FIELD_FAMILIES:
            field_ctx = self._contexts(unit, field_work=True) or office_ctx
            if field_ctx:
                chosen = self._pick(field_ctx, rng.randint(3, min(5, max(3, len(field_ctx)))))
                return chosen + self._pick(own, rng.randint(0, 1) if len(chosen) >= 3 else 3)
            return self._pick(own, rng.randint(3, len(own)))
        if FAMILIES[pos.family].kind == "pelaksana" and office_ctx:
            ctx = self._pick(office_ctx, rng.randint(1, 3))
            return ctx + self._pick(own, rng.randint(max(1, 3 - len(ctx)), min(len(own), 5)))
        chosen = self._pick(own, rng.randint(3, min(6, len(own))))
        return chosen + self._pick(office_ctx, rng.randint(0, 2))

    def _statement(self, template: DutyTemplate, pos: PlanPosition) -> str:
        unit = self.plan.units[pos.unit]
        pd = self.plan.units[unit.pd].name if unit.pd is not None else unit.name
        topic = pos.topic or unit.topic
        return template.statement.format(unit=unit.name, topic=topic, pd=pd)

    def add_duties(self) -> None:
        overlaps: dict[tuple[str, str], list[DutyTemplate]] = {}
        for ov in OVERLAPS:
            overlaps.setdefault((ov.pd_code, ov.unit_name), []).append(ov.duty)
        planted: set[tuple[str, str]] = set()
        for pos in self.plan.positions:
            templates = self._templates_for(pos)
            unit = self.plan.units[pos.unit]
            key = (unit.pd_code, unit.name)
            if key in overlaps and key not in planted and not pos.is_unit_head:
                templates = templates[: 8 - len(overlaps[key])] + overlaps[key]
                planted.add(key)
            self._add_duty_rows(pos, templates)
        missing = set(overlaps) - planted
        if missing:
            raise LookupError(f"unit tumpang tindih tidak ditemukan: {sorted(missing)}")

    def _add_duty_rows(self, pos: PlanPosition, templates: list[DutyTemplate]) -> None:
        rng = self.rng
        seen: set[str] = set()
        rows: list[tuple[str, DutyTemplate, float]] = []
        for t in templates:
            text = self._statement(t, pos)
            if text in seen:
                continue
            seen.add(text)
            norm: float = t.minutes
            if t.output_unit not in FIXED_LENGTH_OUTPUTS:
                norm = t.minutes * rng.uniform(0.85, 1.15)
                norm = max(1, round(norm)) if norm < 10 else round(norm / 5) * 5
            rows.append((text, t, norm))

        def minutes(t: DutyTemplate, norm: float) -> float:
            return t.volume * PERIOD_FACTORS[t.period] * norm

        # A duty written with a volume of one or two (a yearly plan, a monthly meeting) keeps
        # it. Other volumes are per holder and get stretched towards a full working year,
        # within limits (an official's at most doubled), so that some positions come out
        # under- or over-loaded as in a real ABK; a staff position's are then multiplied by
        # its formation, since the volume of a position is that of all its holders.
        fixed = sum(minutes(t, n) for _, t, n in rows if t.volume <= 2)
        flow = sum(minutes(t, n) for _, t, n in rows if t.volume > 2)
        target = EFFECTIVE_MINUTES * rng.uniform(0.75, 1.3)
        per_holder = (target - fixed) / flow if flow else 1.0
        if pos.is_single:
            factor = min(max(per_holder, 0.8), 2.0)
        else:
            factor = min(max(per_holder, 0.5), 3.0) * pos.weight
        for order, (text, t, norm) in enumerate(rows, start=1):
            volume = t.volume if t.volume <= 2 else max(1, round(t.volume * factor))
            self.plan.duties.append(
                PlanDuty(
                    position=pos.index,
                    statement=text,
                    output_unit=t.output_unit,
                    volume=Decimal(str(volume)),
                    period=t.period,
                    time_norm_minutes=Decimal(str(norm)),
                    sort_order=order,
                )
            )


def build_plan(rng: Random) -> Plan:
    """Units, positions and duties of the Surakarta demo, drawn with `rng`."""
    tree = surakarta()
    validate(tree)
    builder = _Builder(rng)
    builder.add_tree(tree)
    builder.normalise_weights(DEFAULT_EMPLOYEES)
    builder.set_chain_depths()
    builder.add_duties()
    return builder.plan
