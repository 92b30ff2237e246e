"""Structure metrics and scenario operations at scale.

Why it matters: analysts try restructuring scenarios on the whole city and expect the
comparison to follow every change at once; the province-wide view must open in seconds.

Figures:
- Province (50,000 positions, ~6,000 units, ~200,000 duties, ~80,000 incumbents, in a fresh
  SQLite file in a temporary folder — var/ is never touched): build the OrgGraph from the
  database and compute every structure metric (`graph_from_db` + `structure_metrics`), against
  merely loading the same rows with the same `values_list` queries. Goal: under 2 s.
- City (~5,000 positions, ~20,000 duties, ~8,000 incumbents, a scenario of 10 operations
  already applied): apply one more operation and recompute every metric, median of 50 runs
  (a different operation each run: merge, penyetaraan, move, abolish, duty change), against
  recomputing the metrics alone. Goal: median under 100 ms.
- City: the full comparison a page shows (operation + metrics of the scenario + change list
  and affected employees against the baseline's precomputed metrics), against the same
  baseline.

    .venv/bin/python bench/run.py structure     # in the table with the other benchmarks
    .venv/bin/python bench/bench_structure.py    # standalone
    BENCH_STRUCTURE_POSITIONS=20000 .venv/bin/python bench/bench_structure.py   # quicker
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
SRC = BENCH_DIR.parent / "src"
for entry in (str(BENCH_DIR), str(SRC)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from figure import Figure  # noqa: E402

PROVINCE_POSITIONS = int(os.environ.get("BENCH_STRUCTURE_POSITIONS", "50000"))
CITY_POSITIONS = 5000
RUNS = 50
VALID_FROM = dt.date(2024, 1, 1)
AS_OF = dt.date(2026, 1, 5)


# --------------------------------------------------------------------------------------------
# A synthetic structure: Perangkat Daerah with a sekretariat (3 subbagian), 4 bidang of 3 seksi
# each; every unit has a head and non-managerial posts holding 0–3 people; 4 duties per post.


@dataclass
class Rows:
    units: list[tuple[Any, ...]]  # id, parent, kind, code, name
    positions: list[tuple[Any, ...]]  # id, unit, title, kind, jenjang, eselon, reports_to, head
    duties: list[tuple[Any, ...]]  # id, position, volume, period, norm
    holders: list[tuple[int, int]]  # position, employee


def synthetic(target_positions: int, seed: int = 2026) -> Rows:
    rnd = random.Random(seed)
    rows = Rows([(1, None, "pemda", "P", "Pemerintah Provinsi")], [], [], [])
    counters = {"unit": 2, "post": 1, "duty": 1, "employee": 1}

    def unit(parent: int, kind: str, name: str) -> int:
        uid = counters["unit"]
        counters["unit"] += 1
        rows.units.append((uid, parent, kind, f"U{uid}", f"{name} {uid}"))
        return uid

    def post(uid: int, title: str, kind: str, reports_to: int | None, head: bool) -> int:
        pid = counters["post"]
        counters["post"] += 1
        eselon = {"jpt_pratama": "IIb", "administrator": "IIIa", "pengawas": "IVa"}.get(kind, "")
        jenjang = "ahli_pertama" if kind == "fungsional" else ""
        rows.positions.append((pid, uid, f"{title} {pid}", kind, jenjang, eselon, reports_to, head))
        for _ in range(1 if head else rnd.choice((0, 1, 1, 2, 2, 3))):
            rows.holders.append((pid, counters["employee"]))
            counters["employee"] += 1
        for _ in range(4):
            rows.duties.append(
                (
                    counters["duty"],
                    pid,
                    rnd.randint(1, 400),
                    rnd.choice(("year", "year", "month", "week")),
                    rnd.choice((15, 30, 45, 60, 120, 240)),
                )
            )
            counters["duty"] += 1
        return pid

    def staff(uid: int, head: int, count: int) -> None:
        for n in range(count):
            kind = "fungsional" if n % 2 else "pelaksana"
            post(uid, "Analis" if kind == "fungsional" else "Pengadministrasi", kind, head, False)

    top = post(1, "Sekretaris Daerah", "jpt_pratama", None, True)
    while len(rows.positions) < target_positions:
        pd = unit(1, "dinas", "Dinas")
        kadis = post(pd, "Kepala Dinas", "jpt_pratama", top, True)
        sekretariat = unit(pd, "sekretariat", "Sekretariat")
        sekdis = post(sekretariat, "Sekretaris", "administrator", kadis, True)
        for _ in range(3):
            sub = unit(sekretariat, "subbagian", "Subbagian")
            staff(sub, post(sub, "Kepala Subbagian", "pengawas", sekdis, True), 5)
        for _ in range(4):
            bidang = unit(pd, "bidang", "Bidang")
            kabid = post(bidang, "Kepala Bidang", "administrator", kadis, True)
            staff(bidang, kabid, 3)
            for _ in range(3):
                seksi = unit(bidang, "seksi", "Seksi")
                staff(seksi, post(seksi, "Kepala Seksi", "pengawas", kabid, True), 6)
    return rows


def graph_of(rows: Rows) -> Any:
    from penata.restructure.graph import DutyNode, OrgGraph, PositionNode, UnitNode
    from penata.workload.rules import DEFAULT_PERIOD_FACTORS

    held: dict[int, list[int]] = {}
    for pid, employee in rows.holders:
        held.setdefault(pid, []).append(employee)
    return OrgGraph.build(
        (UnitNode(u[0], u[1], u[2], u[3], u[4]) for u in rows.units),
        (
            PositionNode(
                p[0], p[1], p[2], p[3], jenjang=p[4], eselon=p[5], reports_to=p[6],
                is_unit_head=p[7], incumbents=tuple(held.get(p[0], ())),
            )
            for p in rows.positions
        ),
        (
            DutyNode(d[0], d[1], "Tugas", "Dokumen", Decimal(d[2]), d[3],
                     DEFAULT_PERIOD_FACTORS[d[3]], Decimal(d[4]))
            for d in rows.duties
        ),
    )  # fmt: skip


# --------------------------------------------------------------------------------------------
# City: one operation + metrics, in memory.


def operations(graph: Any, count: int, seed: int) -> Iterator[Any]:
    """Valid operations on `graph`, a different kind each time."""
    from penata.restructure.graph.operations import (
        AbolishPosition,
        ChangeDuty,
        ConvertPosition,
        MergeUnits,
        MovePosition,
    )

    rnd = random.Random(seed)
    bidang = [u.id for u in graph.units.values() if u.kind == "bidang"]
    pengawas = [p.id for p in graph.positions.values() if p.kind == "pengawas"]
    pelaksana = [p.id for p in graph.positions.values() if p.kind == "pelaksana"]
    duties = list(graph.duties)
    made = 0
    while made < count:
        choice = made % 5
        if choice == 0:
            a, b = rnd.sample(bidang, 2)
            op: Any = MergeUnits(a, b)
        elif choice == 1:
            op = ConvertPosition(rnd.choice(pengawas), title=f"Analis Kebijakan Ahli Muda {made}")
        elif choice == 2:
            op = MovePosition(rnd.choice(pelaksana), rnd.choice(bidang))
        elif choice == 3:
            victim = rnd.choice(pelaksana)
            op = AbolishPosition(victim, incumbents_to=rnd.choice(pelaksana), duties_to=None)
        else:
            op = ChangeDuty(rnd.choice(duties), volume=Decimal(rnd.randint(401, 900)))
        if not op.validate(graph):
            made += 1
            yield op


def city_figures() -> list[Figure]:
    from penata.restructure.graph import compare, structure_metrics

    base = graph_of(synthetic(CITY_POSITIONS, seed=7))
    scenario = base
    for op in operations(base, 10, seed=1):
        scenario = op.run(scenario)
    base_metrics = structure_metrics(base)
    candidates = list(operations(scenario, RUNS, seed=2))
    structure_metrics(scenario)  # warm caches of the graph's indexes, as a page would have

    op_times, metric_times, compare_times = [], [], []
    for op in candidates:
        start = time.perf_counter()
        after = op.apply(scenario)
        metrics = structure_metrics(after)
        op_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        compare(base, after, base_metrics=base_metrics, other_metrics=metrics)
        compare_times.append(time.perf_counter() - start + op_times[-1])
        start = time.perf_counter()
        structure_metrics(scenario)
        metric_times.append(time.perf_counter() - start)
    op_median = statistics.median(op_times) * 1000
    metrics_median = statistics.median(metric_times) * 1000
    compare_median = statistics.median(compare_times) * 1000
    sizes = (
        f"{len(base.units):,} units, {len(base.positions):,} positions, {len(base.duties):,} duties"
    )
    return [
        Figure(
            f"city: 1 operation + all metrics, median of {RUNS} ({sizes})",
            op_median,
            "ms",
            "metrics alone (median)",
            metrics_median,
            goal=f"median < 100 ms ({'met' if op_median < 100 else 'MISSED'} this run)",
        ),
        Figure(
            "city: 1 operation + metrics + comparison with the baseline (median)",
            compare_median,
            "ms",
            "metrics alone (median)",
            metrics_median,
            goal="what the editor page recomputes per change",
        ),
    ]


# --------------------------------------------------------------------------------------------
# Province: graph + metrics from a fresh SQLite database, in a child process.


def _child_province() -> None:
    """Runs in a subprocess whose PENATA_VAR_DIR is a temporary folder (fresh SQLite)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "penata.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from penata.org.models import Duty, Instansi, Position, Unit
    from penata.people.models import Assignment, Employee
    from penata.restructure.graph import structure_metrics
    from penata.restructure.graph_loader import (
        graph_from_db,
        metrics_config_for,
        structure_querysets,
    )

    assert connection.vendor == "sqlite"
    call_command("migrate", verbosity=0)
    rows = synthetic(PROVINCE_POSITIONS, seed=11)
    instansi = Instansi.objects.create(code="33", name="Pemerintah Provinsi (sintetis)")
    # The setup is not what is measured; bulk inserts through the ORM keep up with the schema.
    batch = 5000
    Unit.objects.bulk_create(
        [
            Unit(
                id=u[0],
                instansi=instansi,
                parent_id=u[1],
                kind=u[2],
                code=u[3],
                name=u[4],
                path="",
                valid_from=VALID_FROM,
            )
            for u in rows.units
        ],
        batch_size=batch,
    )
    Position.objects.bulk_create(
        [
            Position(
                id=p[0],
                instansi=instansi,
                unit_id=p[1],
                title=p[2],
                kind=p[3],
                jf_jenjang=p[4],
                eselon=p[5],
                reports_to_id=p[6],
                is_unit_head=p[7],
                valid_from=VALID_FROM,
            )
            for p in rows.positions
        ],
        batch_size=batch,
    )
    Duty.objects.bulk_create(
        [
            Duty(
                id=d[0],
                instansi=instansi,
                position_id=d[1],
                statement="Menyusun dokumen",
                output_unit="Dokumen",
                volume=d[2],
                period=d[3],
                time_norm_minutes=d[4],
            )
            for d in rows.duties
        ],
        batch_size=batch,
    )
    Employee.objects.bulk_create(
        [
            Employee(
                id=e,
                instansi=instansi,
                nip=f"198501012010011{e:03d}"[-18:],
                name=f"Pegawai {e}",
                birth_date=dt.date(1985, 1, 1),
                sex="L",
                kind="pns",
                golongan="III/a",
                education="s1",
            )
            for _pid, e in rows.holders
        ],
        batch_size=batch,
    )
    Assignment.objects.bulk_create(
        [Assignment(instansi=instansi, employee_id=e, position_id=pid, start=VALID_FROM)
         for pid, e in rows.holders],
        batch_size=batch,
    )  # fmt: skip
    config = metrics_config_for(instansi)

    def load_rows() -> int:
        # The baseline: the very querysets the graph is built from, only evaluated.
        return sum(len(list(qs)) for qs in structure_querysets(instansi, AS_OF).all())

    def build() -> Any:
        graph = graph_from_db(instansi, AS_OF, abk=config.abk)
        return graph, structure_metrics(graph, config)

    # Same answer first: the graph holds every row the bare load reads.
    graph, metrics = build()
    assert metrics.positions == len(rows.positions) and metrics.units == len(rows.units)
    assert len(graph.duties) == len(rows.duties) and metrics.people == len(rows.holders)
    sizes = {
        "units": len(rows.units),
        "positions": len(rows.positions),
        "duties": len(rows.duties),
        "people": len(rows.holders),
        "layers": metrics.layers,
    }
    # Measure in a process in the state a server's would be: without the 700,000 objects of
    # the synthetic rows and the first graph (a larger heap slows every allocation).
    del rows, graph, metrics
    gc.collect()
    # and with the database as a server finds it: the bulk writes checkpointed out of the WAL.
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    build_times, load_times = [], []
    for _ in range(5):  # best of 5: the machines here are shared and noisy
        start = time.perf_counter()
        load_rows()
        load_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        build()
        build_times.append(time.perf_counter() - start)
    print(
        json.dumps(
            {
                "build": min(build_times),
                "builds": [round(t, 3) for t in build_times],
                "loads": [round(t, 3) for t in load_times],
                "load": min(load_times),
                **sizes,
            }
        )
    )


def province_figures() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="penata-bench-structure-") as folder:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(PENATA_VAR_DIR=folder, PYTHONPATH=os.pathsep.join([str(SRC), str(BENCH_DIR)]))
        done = subprocess.run(
            [sys.executable, __file__, "--province-child"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        if done.returncode != 0:
            raise RuntimeError(f"province benchmark failed:\n{done.stderr[-4000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
    build = result["build"]
    sizes = (
        f"{result['positions']:,} positions, {result['units']:,} units, "
        f"{result['duties']:,} duties, {result['people']:,} people"
    )
    return [
        Figure(
            f"province: graph + all metrics from SQLite ({sizes})",
            build,
            "s",
            "values_list load of the same rows",
            result["load"],
            goal=f"< 2 s ({'met' if build < 2 else 'MISSED'} this run)",
        )
    ]


def run() -> list[Figure]:
    return city_figures() + province_figures()


if __name__ == "__main__":
    if "--province-child" in sys.argv:
        _child_province()
    else:
        from run import table

        print(table([("structure", fig) for fig in run()]))
