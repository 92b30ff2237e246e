"""Writing the demo's daily activity log: a few weeks for everybody, or a year for benchmarks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from random import Random
from typing import TYPE_CHECKING, Any

from penata.performance.demo import texts
from penata.performance.demo.bulk import insert
from penata.performance.demo.plans import SkpPlan
from penata.performance.models import Activity
from penata.performance.selectors.common import calendar_for

if TYPE_CHECKING:
    from penata.performance.demo.generate import Generator

MINUTES = (30, 45, 60, 60, 90, 90, 120, 120, 150, 180, 240)


def insert_activities(
    gen: Generator, skps: dict[int, SkpPlan], total: int | None, window_days: int | None
) -> int:
    world, rng, day = gen.world, gen.rng, gen.day
    start = (
        dt.date(gen.year, 1, 1) if window_days is None else day - dt.timedelta(days=window_days - 1)
    )
    calendar = calendar_for(gen.instansi_id, start, day)
    working = calendar.working_days(start, day)
    employees = sorted(skps)
    # Entries per logged day: about 1.5 by default; with `total`, whatever reaches it.
    per_day = (
        1.5 if total is None else max(0.05, total / max(1, len(employees) * len(working) * 0.9))
    )
    quiet = world.personas.get("pegawai")
    pd_of = world.pd_of

    def rows() -> Iterator[tuple[Any, ...]]:
        for employee_id in employees:
            plan = skps[employee_id]
            r = Random(f"{rng.random()}-{employee_id}")
            diligence = 0.97 if r.random() < 0.85 else 0.7 if r.random() < 0.7 else 0.3
            rhk_ids: list[int | None] = [x.id for x in plan.rhks] or [None]
            duties = world.duties.get(plan.position_id, [])
            reviewer = world.users.get(plan.evaluator.employee_id) if plan.evaluator else None
            for d in working:
                if d == day:
                    if employee_id == quiet or r.random() > 0.55:
                        continue
                elif r.random() > diligence:
                    continue
                whole = int(per_day)
                n = whole + (1 if r.random() < per_day - whole else 0)
                if n == 0:
                    continue
                minute = 7 * 60 + 30
                for k in range(n):
                    length = r.choice(MINUTES)
                    if duties and r.random() < 0.75:
                        duty = duties[k % len(duties)]
                        text = duty.statement + r.choice(texts.ACTIVITY_SUFFIXES)
                        rhk = rhk_ids[k % len(rhk_ids)]
                        output = r.randint(1, 5)
                    else:
                        text, rhk, output = r.choice(texts.GENERAL_ACTIVITIES), None, 0
                    age = (day - d).days
                    if age > 3:
                        roll = r.random()
                        status = (
                            "approved" if roll < 0.97 else "returned" if roll < 0.99 else "pending"
                        )
                    else:
                        status = "pending" if age > 0 or r.random() < 0.9 else "approved"
                    reviewed = (
                        gen._at(d + dt.timedelta(days=min(age, 2)), 14 * 60)
                        if status != "pending"
                        else None
                    )
                    created = gen._at(d, min(minute + length, 23 * 60))
                    yield (
                        gen.instansi_id,
                        employee_id,
                        plan.unit_id,
                        pd_of.get(plan.unit_id),
                        d,
                        text[:500],
                        length,
                        rhk,
                        output,
                        status,
                        reviewer if reviewed else None,
                        reviewed,
                        "Lengkapi bukti keluaran." if status == "returned" else "",
                        created,
                    )
                    minute += length

    return insert(
        Activity,
        [
            "instansi_id",
            "employee_id",
            "unit_id",
            "perangkat_daerah_id",
            "date",
            "description",
            "minutes",
            "rhk_id",
            "output_count",
            "status",
            "reviewed_by_id",
            "reviewed_at",
            "review_note",
            "created_at",
        ],
        rows(),
    )
