"""What the performance demo reads from the organisation demo: posts, reporting lines,
duties, units and their Perangkat Daerah, the demo logins (a handful of queries)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from penata.accounts.models import User
from penata.core.dating import valid_on
from penata.core.reference import PERANGKAT_DAERAH_KINDS
from penata.org.models import Duty, Instansi, Position, Unit
from penata.people.models import Assignment
from penata.people.selectors import current_assignment_q
from penata.performance.selectors.evaluators import ACTING_ORDER, Holder, ReportingLine

PERIOD_FACTORS = {"year": 1, "month": 12, "week": 50, "day": 250}


@dataclass(frozen=True)
class Post:
    employee_id: int
    position_id: int
    unit_id: int
    start: dt.date
    acting: str


@dataclass(frozen=True)
class PositionRow:
    unit_id: int
    kind: str
    jf_jenjang: str
    is_unit_head: bool
    title: str


@dataclass(frozen=True)
class DutyRow:
    statement: str
    output_unit: str
    yearly: int


@dataclass
class World:
    instansi: Instansi
    day: dt.date
    positions: dict[int, PositionRow]
    unit_names: dict[int, str]
    pd_of: dict[int, int]
    pds: list[int]
    posts: dict[int, Post]  # employee → the post the SKP is planned on
    line: ReportingLine
    duties: dict[int, list[DutyRow]]
    users: dict[int, int] = field(default_factory=dict)  # employee → user
    personas: dict[str, int] = field(default_factory=dict)  # username → employee

    @classmethod
    def load(cls, instansi: Instansi, day: dt.date) -> World:
        units = list(
            Unit.objects.filter(valid_on(day), instansi=instansi).values_list(
                "id", "path", "kind", "name", "sort_order"
            )
        )
        kinds = {u[0]: u[2] for u in units}
        pd_of: dict[int, int] = {}
        for unit_id, path, _kind, _name, _order in units:
            for candidate in reversed([int(p) for p in path.strip("/").split("/") if p]):
                if kinds.get(candidate) in PERANGKAT_DAERAH_KINDS:
                    pd_of[unit_id] = candidate
                    break
        pds = [
            u[0]
            for u in sorted(units, key=lambda u: (u[4], u[3]))
            if u[2] in PERANGKAT_DAERAH_KINDS
        ]
        positions: dict[int, PositionRow] = {}
        parents: dict[int, int | None] = {}
        for pid, unit_id, kind, jenjang, head, title, parent in Position.objects.filter(
            valid_on(day), instansi=instansi
        ).values_list(
            "id", "unit_id", "kind", "jf_jenjang", "is_unit_head", "title", "reports_to_id"
        ):
            positions[pid] = PositionRow(unit_id, kind, jenjang, head, title)
            parents[pid] = parent
        line = ReportingLine(parents=parents, holders={})
        posts: dict[int, Post] = {}
        rows = (
            Assignment.objects.filter(
                current_assignment_q(day), instansi=instansi, employee__status="aktif"
            )
            .order_by("employee_id", "start", "id")
            .values_list("employee_id", "position_id", "start", "acting")
        )
        for employee_id, position_id, start, acting in rows:
            if position_id not in positions:
                continue
            line.holders.setdefault(position_id, []).append(Holder(employee_id, acting))
            post = Post(employee_id, position_id, positions[position_id].unit_id, start, acting)
            current = posts.get(employee_id)
            if current is None or ACTING_ORDER[acting] < ACTING_ORDER[current.acting]:
                posts[employee_id] = post
        duties: dict[int, list[DutyRow]] = defaultdict(list)
        for position_id, statement, output_unit, volume, period in (
            Duty.objects.filter(instansi=instansi)
            .order_by("position_id", "sort_order", "id")
            .values_list("position_id", "statement", "output_unit", "volume", "period")
        ):
            if len(duties[position_id]) < 3:
                yearly = int(volume * PERIOD_FACTORS.get(period, 1))
                duties[position_id].append(
                    DutyRow(statement, output_unit, max(1, min(yearly, 100_000)))
                )
        world = cls(
            instansi=instansi,
            day=day,
            positions=positions,
            unit_names={u[0]: u[3] for u in units},
            pd_of=pd_of,
            pds=pds,
            posts=posts,
            line=line,
            duties=dict(duties),
        )
        for user_id, username, employee_id in User.objects.filter(
            employee__instansi=instansi
        ).values_list("id", "username", "employee__id"):
            world.users[employee_id] = user_id
            world.personas[username] = employee_id
        return world
