"""Demo data of the performance module: a year of SKP plans cascaded from kepala dinas down to
staff, monthly evaluations with realisation and ratings, and daily activity logs.

`performance_demo_load` runs at the end of `penata demo` (org.demo.load) with a modest volume
(everybody's log for the last two weeks); `penata demo_performance --activities N` writes a
heavier year for benchmarks. Same seed, same structure and same day → the same data. Rows are
written with explicit ids and `executemany`/COPY (see bulk.py), not through the services.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction

from penata.core import audit
from penata.core.dating import today
from penata.org.models import Instansi
from penata.performance.demo.bulk import analyze
from penata.performance.demo.generate import WRITTEN, Generator
from penata.performance.demo.world import World
from penata.performance.models import (
    Activity,
    ActivityReminder,
    BehaviourExpectation,
    Evaluation,
    Indicator,
    OrgPredikat,
    PerformanceSettings,
    Realisation,
    Rhk,
    RhkRating,
    Skp,
    SkpVersion,
    WorkCalendar,
)

DEFAULT_WINDOW_DAYS = 14


@dataclass(frozen=True)
class PerformanceDemoSummary:
    skps: int
    rhks: int
    indicators: int
    evaluations: int
    ratings: int
    realisations: int
    activities: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def performance_data_clear(instansi: Instansi) -> None:
    """Remove every performance row of the instansi (for `demo_performance` on a loaded demo)."""
    models: list[Any] = [Activity, ActivityReminder, Realisation, RhkRating, Evaluation]
    models += [SkpVersion, BehaviourExpectation, Indicator]
    for model in models:
        model._default_manager.filter(instansi=instansi)._raw_delete(model._default_manager.db)
    Rhk.objects.filter(instansi=instansi).update(parent=None)
    for model in (Rhk, Skp, OrgPredikat):
        model._default_manager.filter(instansi=instansi)._raw_delete(model._default_manager.db)
    PerformanceSettings.objects.filter(instansi=instansi).delete()
    WorkCalendar.objects.filter(instansi=instansi).delete()


@transaction.atomic
def performance_demo_load(
    instansi: Instansi,
    *,
    seed: int,
    as_of: dt.date | None = None,
    activities: int | None = None,
    replace: bool = False,
) -> PerformanceDemoSummary:
    """Write the performance demo of `instansi` for the year of `as_of` (default: today).

    Without `activities`, everybody's log covers the last two weeks; with it, about that
    many entries spread over the year so far.
    """
    began = time.perf_counter()
    day = as_of or today()
    if replace:
        performance_data_clear(instansi)
    world = World.load(instansi, day)
    generator = Generator(world, seed=seed, day=day)
    counts = generator.write(
        activities=activities, window_days=None if activities else DEFAULT_WINDOW_DAYS
    )
    analyze(WRITTEN)
    audit.record(
        actor="penata demo",
        action="demo.performance",
        obj=instansi,
        extra={**counts, "as_of": day.isoformat(), "seed": seed},
    )
    return PerformanceDemoSummary(**counts, seconds=round(time.perf_counter() - began, 2))
