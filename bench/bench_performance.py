"""Live monitoring at scale: the unit and city dashboards against the raw SQL behind them.

Why it matters: unit heads and BKPSDM watch these pages all day and the supervisor's page
polls every two seconds; they must stay fast with a year of activity logs of a whole city.

Data (built once, then reused from the cache): the Surakarta demo with 10,000 employees and
a year of performance data with about 2,500,000 activity-log rows (`penata demo_performance`),
dated so that "today" is BENCH_DAY. SQLite: bench/out/performance/penata.sqlite3 (gitignored).
PostgreSQL (when DATABASE_URL points to one): the database `penata_bench_performance` on that
server, kept as the cache. Set BENCH_PERFORMANCE_REBUILD=1 to build again.

Figures, per database:
- unit dashboard (the kepala dinas of Dinas Kesehatan, its whole subtree): p50 and p95 of the
  page rendered through Django's test client, against the raw aggregate SQL that produces
  the same numbers (checked equal first). Goal: p95 within 3× of the raw SQL.
- city dashboard (BKPSDM admin, every Perangkat Daerah ranked): the same. Goal: p95 within
  3× of the raw SQL and under 300 ms.
- the polled live fragment of a supervisor, for reference.

    .venv/bin/python bench/run.py performance
    .venv/bin/python bench/bench_performance.py            # standalone, prints the figures
    BENCH_PERFORMANCE_ACTIVITIES=250000 .venv/bin/python bench/bench_performance.py  # quicker
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
SRC = BENCH_DIR.parent / "src"
for entry in (str(BENCH_DIR), str(SRC)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from figure import Figure  # noqa: E402

EMPLOYEES = int(os.environ.get("BENCH_PERFORMANCE_EMPLOYEES", "10000"))
ACTIVITIES = int(os.environ.get("BENCH_PERFORMANCE_ACTIVITIES", "2500000"))
REPEATS = int(os.environ.get("BENCH_PERFORMANCE_REPEATS", "40"))
# A Thursday: "today" of the data (the clock is frozen to it while measuring).
BENCH_DAY = dt.date(2026, 11, 26)
CACHE_DIR = BENCH_DIR / "out" / "performance"
PG_DATABASE = "penata_bench_performance"


# --------------------------------------------------------------------------------------------
# Child process: build the data, or measure (Django set up with the bench database)


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "penata.config.settings")
    import django

    django.setup()
    from django.utils import timezone

    frozen = timezone.make_aware(dt.datetime.combine(BENCH_DAY, dt.time(14, 0)))
    timezone.now = lambda: frozen  # type: ignore[assignment] - the data's "today"


def _child_build() -> None:
    _setup()
    from django.core.management import call_command

    import penata.org.demo.load as demo
    from penata.performance.models import Activity

    # Only the organisation and its people come from `penata demo` here: the other apps'
    # demo data (and the modest performance year) would only add time to the build.
    for name in dir(demo):
        if name.endswith("_demo_load"):
            setattr(demo, name, lambda *args, **kwargs: None)
    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    call_command(
        "demo_performance",
        employees=EMPLOYEES,
        activities=ACTIVITIES,
        as_of=BENCH_DAY.isoformat(),
        format="json",
    )
    meta = {
        "employees": EMPLOYEES,
        "activities_wanted": ACTIVITIES,
        "activities": Activity.objects.count(),
        "day": BENCH_DAY.isoformat(),
        "build_seconds": round(time.perf_counter() - began, 1),
    }
    print(json.dumps(meta))


def _vacuum() -> None:
    """PostgreSQL after a bulk load: set the visibility map so that index-only scans stay
    index-only (autovacuum would get there too, later). Outside any transaction."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    from penata.performance.demo.generate import WRITTEN

    with connection.cursor() as cursor:
        for model in WRITTEN:
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]  # p50, p95


def _raw_population(unit_path: str) -> tuple[str, list[Any]]:
    return (
        "SELECT a.employee_id FROM people_assignment a "
        "JOIN people_employee e ON e.id = a.employee_id "
        "JOIN org_position p ON p.id = a.position_id JOIN org_unit u ON u.id = p.unit_id "
        "WHERE a.instansi_id = %s AND e.status = 'aktif' AND a.start <= %s AND (a.\"end\" IS NULL "
        'OR a."end" >= %s) AND u.path LIKE %s',
        [unit_path + "%"],
    )


def _raw_unit(
    cursor: Any, instansi_id: int, unit_id: int, unit_path: str, day: dt.date
) -> dict[str, Any]:
    """The unit dashboard's numbers from plain SQL (and the same folding in Python): the
    population once, then one aggregate per number over that list of ids."""
    from decimal import Decimal

    from penata.performance import rules, schedule

    pop, _ = _raw_population(unit_path)
    cursor.execute(
        f"SELECT DISTINCT employee_id FROM ({pop}) t", [instansi_id, day, day, unit_path + "%"]
    )
    people = [r[0] for r in cursor.fetchall()]
    marks = ", ".join(["%s"] * len(people)) or "NULL"
    cursor.execute(
        "SELECT employee_id, SUM(CASE WHEN date = %s THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN date = %s THEN minutes ELSE 0 END) FROM performance_activity "
        f"WHERE instansi_id = %s AND date >= %s AND date <= %s AND employee_id IN ({marks}) "
        "GROUP BY employee_id",
        [day, day, instansi_id, schedule.week_start(day), day, *people],
    )
    week = cursor.fetchall()
    week_ids = {r[0] for r in week}
    today = [r for r in week if r[1]]
    today_ids = {r[0] for r in today}
    cursor.execute(
        "SELECT COUNT(*) FROM performance_activity WHERE instansi_id = %s AND status = 'pending' "
        f"AND employee_id IN ({marks})",
        [instansi_id, *people],
    )
    pending = cursor.fetchone()[0]
    from django.utils import timezone

    midnight = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    cursor.execute(
        "SELECT COUNT(*) FROM performance_realisation WHERE instansi_id = %s "
        f"AND employee_id IN ({marks}) AND updated_at >= %s",
        [instansi_id, *people, midnight],
    )
    realisations = cursor.fetchone()[0]
    cursor.execute(
        'SELECT s.id, s.employee_id, s.status, s.version, s.predikat, s.frequency, s.start, s."end", '
        "CASE WHEN p.is_unit_head AND p.unit_id = %s THEN 1 ELSE 0 END "
        "FROM performance_skp s JOIN org_position p ON p.id = s.position_id "
        f"WHERE s.instansi_id = %s AND s.year = %s AND s.employee_id IN ({marks})",
        [unit_id, instansi_id, day.year, *people],
    )
    skps = cursor.fetchall()
    approved = [s[0] for s in skps if s[3]]
    approved_marks = ", ".join(["%s"] * len(approved)) or "NULL"
    real = "REAL" if cursor.db.vendor == "sqlite" else "DOUBLE PRECISION"
    least = "MIN" if cursor.db.vendor == "sqlite" else "LEAST"
    share = f"{least}(CAST(COALESCE(i.realised, 0) AS {real}) / CAST(i.target AS {real}), 1.0)"
    cursor.execute(
        f"SELECT i.rhk_id, r.skp_id, SUM(CASE WHEN i.aspect = 'kuantitas' THEN {share} END), "
        f"SUM(CASE WHEN i.aspect = 'kuantitas' THEN 1 ELSE 0 END), SUM({share}), COUNT(*) "
        "FROM performance_indicator i JOIN performance_rhk r ON r.id = i.rhk_id "
        f"WHERE r.skp_id IN ({approved_marks}) GROUP BY i.rhk_id, r.skp_id",
        approved,
    )
    spans = {s[0]: (s[6], s[7]) for s in skps}
    progress = dict.fromkeys(rules.PROGRESS_LABELS, 0)
    memo: dict[Any, Any] = {}
    for _rhk, skp_id, q_sum, q_n, a_sum, a_n in cursor.fetchall():
        value = q_sum / q_n if q_n else a_sum / a_n
        start, end = (dt.date.fromisoformat(str(v)[:10]) for v in spans[skp_id])
        key = (Decimal(str(round(value, 3))), start, end)
        if key not in memo:
            memo[key] = rules.realisation_vs_elapsed(key[0], Decimal(1), start, end, day)
        progress[memo[key].status] += 1
    cursor.execute(
        "SELECT skp_id, COUNT(*) FROM performance_evaluation WHERE kind = 'periodic' "
        f"AND status IN ('rated', 'final') AND \"end\" < %s AND skp_id IN ({approved_marks}) "
        "GROUP BY skp_id",
        [day - dt.timedelta(days=10), *approved],
    )
    rated = dict(cursor.fetchall())
    late = 0
    due_by_span: dict[Any, int] = {}
    for skp in skps:
        if skp[3]:
            span = (skp[5], str(skp[6])[:10], str(skp[7])[:10])
            if span not in due_by_span:
                start, end = dt.date.fromisoformat(span[1]), dt.date.fromisoformat(span[2])
                periods = schedule.skp_periods(day.year, skp[5], start, end)
                due_by_span[span] = len(schedule.due_periods(periods, day, 10))
            late += max(0, due_by_span[span] - rated.get(skp[0], 0))
    cursor.execute(
        "SELECT predikat FROM performance_orgpredikat WHERE instansi_id = %s AND unit_id = %s AND year = %s",
        [instansi_id, unit_id, day.year],
    )
    org = cursor.fetchone()
    staff = [s[4] for s in skps if s[4] and not s[8]]
    status_counts: dict[str, int] = {}
    for s in skps:
        status_counts[s[2]] = status_counts.get(s[2], 0) + 1
    return {
        "total": len(people),
        "logged_today": len(today_ids),
        "activities_today": sum(r[1] for r in today),
        "minutes_today": sum(r[2] or 0 for r in today),
        "pending": pending,
        "realisations_today": realisations,
        "skp": status_counts,
        "not_logged_today": len(set(people) - today_ids),
        "not_logged_week": len(set(people) - week_ids),
        "progress": progress,
        "late": late,
        "violations": len(rules.distribution_violations(org[0], staff)) if org else 0,
    }


def _raw_city(cursor: Any, instansi_id: int, day: dt.date) -> dict[int, dict[str, Any]]:
    """The city dashboard's numbers per Perangkat Daerah from plain SQL."""
    from decimal import Decimal

    from penata.core.reference import PERANGKAT_DAERAH_KINDS
    from penata.performance import rules, schedule

    cursor.execute(
        "SELECT id, path, kind FROM org_unit WHERE instansi_id = %s AND valid_from <= %s AND "
        "(valid_to IS NULL OR valid_to > %s)",
        [instansi_id, day, day],
    )
    units = cursor.fetchall()
    kinds = {u[0]: u[2] for u in units}
    pd_of = {}
    for unit_id, path, _kind in units:
        for candidate in reversed([int(p) for p in path.strip("/").split("/") if p]):
            if kinds.get(candidate) in PERANGKAT_DAERAH_KINDS:
                pd_of[unit_id] = candidate
                break
    rows: dict[int, dict[str, Any]] = {
        u[0]: {"employees": 0, "skp": {}, "logged_today": 0, "activities_today": 0, "logged_week": 0,
               "pending": 0, "share_sum": Decimal(0), "share_count": 0, "predikat": {}, "late": 0,
               "violations": 0}
        for u in units if u[2] in PERANGKAT_DAERAH_KINDS
    }  # fmt: skip
    current = (
        "FROM people_assignment a JOIN people_employee e ON e.id = a.employee_id "
        "JOIN org_position p ON p.id = a.position_id WHERE a.instansi_id = %s AND "
        'e.status = \'aktif\' AND a.start <= %s AND (a."end" IS NULL OR a."end" >= %s)'
    )
    cursor.execute(
        f"SELECT p.unit_id, COUNT(DISTINCT a.employee_id) {current} GROUP BY p.unit_id",
        [instansi_id, day, day],
    )
    for unit_id, n in cursor.fetchall():
        if pd_of.get(unit_id) in rows:
            rows[pd_of[unit_id]]["employees"] += n
    cursor.execute(
        f"SELECT p.unit_id, a.employee_id {current} AND a.employee_id IN "
        f"(SELECT a.employee_id {current} GROUP BY a.employee_id HAVING COUNT(*) > 1)",
        [instansi_id, day, day, instansi_id, day, day],
    )
    units_of: dict[int, set[int]] = {}
    for unit_id, employee_id in cursor.fetchall():
        units_of.setdefault(employee_id, set()).add(unit_id)
    for units in units_of.values():
        per_pd: dict[Any, int] = {}
        for unit_id in units:
            per_pd[pd_of.get(unit_id)] = per_pd.get(pd_of.get(unit_id), 0) + 1
        for pd, n in per_pd.items():
            if pd in rows and n > 1:
                rows[pd]["employees"] -= n - 1
    cursor.execute(
        "SELECT s.perangkat_daerah_id, s.status, s.predikat, s.frequency, s.start, s.version, "
        "CASE WHEN p.is_unit_head AND p.unit_id = s.perangkat_daerah_id THEN 1 ELSE 0 END AS head, "
        "COUNT(*), SUM(COALESCE(s.realisation_share, 0)), COUNT(*) "
        "FROM performance_skp s JOIN org_position p ON p.id = s.position_id "
        "WHERE s.instansi_id = %s AND s.year = %s GROUP BY 1, 2, 3, 4, 5, 6, 7",
        [instansi_id, day.year],
    )
    staff: dict[int, list[str]] = {}
    due: dict[int, int] = {}
    for (
        pd,
        status,
        predikat,
        frequency,
        start,
        version,
        head,
        n,
        share,
        shared,
    ) in cursor.fetchall():
        row = rows.get(pd)
        if row is None:
            continue
        row["skp"][status] = row["skp"].get(status, 0) + n
        if predikat:
            row["predikat"][predikat] = row["predikat"].get(predikat, 0) + n
            if not head:
                staff.setdefault(pd, []).extend([predikat] * n)
        if version:
            row["share_sum"] += Decimal(str(share or 0))
            row["share_count"] += shared
            start = dt.date.fromisoformat(str(start)[:10])
            periods = schedule.skp_periods(day.year, frequency, start, dt.date(day.year, 12, 31))
            due[pd] = due.get(pd, 0) + n * len(schedule.due_periods(periods, day, 10))
    cursor.execute(
        "SELECT perangkat_daerah_id, COUNT(*) FROM performance_evaluation WHERE instansi_id = %s AND "
        "kind = 'periodic' AND status IN ('rated', 'final') AND \"end\" >= %s AND \"end\" < %s GROUP BY 1",
        [instansi_id, dt.date(day.year, 1, 1), day - dt.timedelta(days=10)],
    )
    rated = dict(cursor.fetchall())
    for pd, n in due.items():
        rows[pd]["late"] = max(0, n - rated.get(pd, 0))
    cursor.execute(
        "SELECT perangkat_daerah_id, COUNT(DISTINCT employee_id), COUNT(*) FROM performance_activity "
        "WHERE instansi_id = %s AND date = %s GROUP BY 1",
        [instansi_id, day],
    )
    for pd, people, n in cursor.fetchall():
        if pd in rows:
            rows[pd]["logged_today"], rows[pd]["activities_today"] = people, n
    cursor.execute(
        "SELECT perangkat_daerah_id, COUNT(DISTINCT employee_id) FROM performance_activity "
        "WHERE instansi_id = %s AND date >= %s AND date <= %s GROUP BY 1",
        [instansi_id, schedule.week_start(day), day],
    )
    for pd, people in cursor.fetchall():
        if pd in rows:
            rows[pd]["logged_week"] = people
    cursor.execute(
        "SELECT perangkat_daerah_id, COUNT(*) FROM performance_activity WHERE instansi_id = %s "
        "AND status = 'pending' GROUP BY 1",
        [instansi_id],
    )
    for pd, n in cursor.fetchall():
        if pd in rows:
            rows[pd]["pending"] = n
    cursor.execute(
        "SELECT unit_id, predikat FROM performance_orgpredikat WHERE instansi_id = %s AND year = %s",
        [instansi_id, day.year],
    )
    for unit_id, predikat in cursor.fetchall():
        if unit_id in rows:
            rows[unit_id]["violations"] = len(
                rules.distribution_violations(predikat, staff.get(unit_id, []))
            )
    return rows


def _child_measure() -> None:
    _setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # a cache built before a new index gets it here
    from penata.performance.demo.bulk import analyze
    from penata.performance.demo.generate import WRITTEN

    analyze(WRITTEN)  # fresh planner statistics whatever the cache went through
    _vacuum()
    from django.db import connection
    from django.test import Client

    import penata.config.wsgi  # noqa: F401 - set the process up as a web worker is (GC frozen)
    from penata.accounts.models import User
    from penata.org.models import Instansi
    from penata.people.models import Employee
    from penata.performance.models import Activity
    from penata.performance.selectors import city as city_selectors
    from penata.performance.selectors import dashboard as dashboard_selectors

    instansi = Instansi.objects.get(code="3372")
    day = BENCH_DAY
    kadis, admin, atasan = (User.objects.get(username=u) for u in ("kadis", "admin", "atasan"))
    unit = kadis.role_grants.get(role="unit_head").unit
    clients = {}
    for user in (kadis, admin, atasan):
        clients[user.username] = Client()
        clients[user.username].force_login(user)

    # Same answer first: the page's numbers equal the raw SQL's.
    scope = dashboard_selectors.scope_for(kadis, instansi, str(unit.pk), day)
    view = dashboard_selectors.unit_dashboard(scope, day)
    with connection.cursor() as cursor:
        raw = _raw_unit(cursor, instansi.pk, unit.pk, unit.path, day)
    mine = {
        "total": view.live.total, "logged_today": view.live.logged_today,
        "activities_today": view.live.activities_today, "minutes_today": view.live.minutes_today,
        "pending": view.live.pending, "realisations_today": view.live.realisations_today,
        "skp": {code: n for code, _label, n in view.skp_counts if n and code != "none"},
        "not_logged_today": len(view.not_logged_today), "not_logged_week": len(view.not_logged_week),
        "progress": view.progress_counts, "late": view.late_total,
        "violations": len(view.distribution.violations),
    }  # fmt: skip
    assert mine == raw, (mine, raw)
    city = city_selectors.city_dashboard(admin, instansi, day)
    with connection.cursor() as cursor:
        raw_city = _raw_city(cursor, instansi.pk, day)
    for row in city.rows:
        other = raw_city[row.unit.pk]
        assert (row.employees, dict(row.skp), row.logged_today, row.activities_today, row.logged_week,
                row.pending, round(row.share_sum, 6), row.share_count, dict(row.predikat), row.late,
                len(row.violations)) == (
            other["employees"], other["skp"], other["logged_today"], other["activities_today"],
            other["logged_week"], other["pending"], round(other["share_sum"], 6), other["share_count"],
            other["predikat"], other["late"], other["violations"],
        ), (row.unit.name, row, other)  # fmt: skip

    def timed(work: Any) -> list[float]:
        for _ in range(3):
            work()
        out = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            work()
            out.append(time.perf_counter() - start)
        return out

    def page(client: Client, url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    def raw_unit() -> None:
        with connection.cursor() as cursor:
            _raw_unit(cursor, instansi.pk, unit.pk, unit.path, day)

    def raw_city_run() -> None:
        with connection.cursor() as cursor:
            _raw_city(cursor, instansi.pk, day)

    results = {
        "unit_page": _percentiles(timed(lambda: page(clients["kadis"], f"/kinerja/pantauan/?lingkup={unit.pk}"))),
        "unit_raw": _percentiles(timed(raw_unit)),
        "city_page": _percentiles(timed(lambda: page(clients["admin"], "/kinerja/pantauan/kota/"))),
        "city_raw": _percentiles(timed(raw_city_run)),
        "live_page": _percentiles(timed(lambda: page(clients["atasan"], "/kinerja/pantauan/langsung/?lingkup=bawahan"))),
    }  # fmt: skip
    print(
        json.dumps(
            {
                **{k: [round(v * 1000, 2) for v in pair] for k, pair in results.items()},
                "vendor": connection.vendor,
                "employees": Employee.objects.filter(instansi=instansi).count(),
                "activities": Activity.objects.filter(instansi=instansi).count(),
                "unit": unit.name,
                "unit_people": view.live.total,
            }
        )
    )


# --------------------------------------------------------------------------------------------
# Parent: cache, subprocesses, figures


def _child(mode: str, env: dict[str, str], timeout: int) -> dict[str, Any]:
    env = {**env, "PYTHONPATH": os.pathsep.join([str(SRC), str(BENCH_DIR)])}
    done = subprocess.run(
        [sys.executable, __file__, mode],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{done.stderr[-6000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _sqlite_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["PENATA_VAR_DIR"] = str(CACHE_DIR)
    return env


def _pg_env() -> dict[str, str] | None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    base, _, _name = url.rpartition("/")
    with psycopg.connect(url, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]
        ).fetchone()
        if exists and os.environ.get("BENCH_PERFORMANCE_REBUILD") == "1":
            conn.execute(f'DROP DATABASE "{PG_DATABASE}"')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
    env = {**os.environ, "DATABASE_URL": f"{base}/{PG_DATABASE}"}
    env["PENATA_VAR_DIR"] = str(CACHE_DIR / "pg-var")
    return env


def _pg_built(env: dict[str, str]) -> bool:
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as conn:
        found = conn.execute("SELECT to_regclass('performance_activity')").fetchone()
        if not found or found[0] is None:
            return False
        count = conn.execute("SELECT COUNT(*) FROM performance_activity").fetchone()
        return bool(count and count[0] > 0)


def _ensure_sqlite() -> dict[str, Any]:
    meta_file = CACHE_DIR / "meta.json"
    wanted = {"employees": EMPLOYEES, "activities_wanted": ACTIVITIES, "day": BENCH_DAY.isoformat()}
    if meta_file.exists() and os.environ.get("BENCH_PERFORMANCE_REBUILD") != "1":
        meta = json.loads(meta_file.read_text())
        if all(meta.get(k) == v for k, v in wanted.items()):
            return meta
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for stale in CACHE_DIR.glob("penata.sqlite3*"):
        stale.unlink()
    meta = _child("--build", _sqlite_env(), timeout=7200)
    meta_file.write_text(json.dumps(meta))
    return meta


def _figures(label: str, result: dict[str, Any]) -> list[Figure]:
    size = f"{result['employees']:,} employees, {result['activities']:,} activity rows"
    unit_p50, unit_p95 = result["unit_page"]
    unit_raw50, unit_raw95 = result["unit_raw"]
    city_p50, city_p95 = result["city_page"]
    city_raw50, city_raw95 = result["city_raw"]
    live50, live95 = result["live_page"]
    city_ok = "met" if city_p95 < 300 else "MISSED"
    return [
        Figure(f"{label}: unit dashboard p50 ({result['unit']}, {result['unit_people']} people; {size})",
               unit_p50, "ms", "raw aggregate SQL p50", unit_raw50, goal="—"),
        Figure(f"{label}: unit dashboard p95", unit_p95, "ms", "raw aggregate SQL p95", unit_raw95,
               goal="p95 ≤ 3× raw SQL", max_ratio=3),
        Figure(f"{label}: city dashboard p50", city_p50, "ms", "raw aggregate SQL p50", city_raw50, goal="—"),
        Figure(f"{label}: city dashboard p95", city_p95, "ms", "raw aggregate SQL p95", city_raw95,
               goal=f"p95 ≤ 3× raw SQL and < 300 ms ({city_ok} this run)", max_ratio=3),
        Figure(f"{label}: live fragment (polled every 2 s) p95", live95, "ms",
               "unit dashboard raw SQL p95", unit_raw95, goal=f"p50 {live50:.1f} ms"),
    ]  # fmt: skip


def run() -> list[Figure]:
    _ensure_sqlite()
    figures = _figures("SQLite", _child("--measure", _sqlite_env(), timeout=1800))
    pg = _pg_env()
    if pg is not None:
        if not _pg_built(pg):
            _child("--build", pg, timeout=7200)
        figures += _figures("PostgreSQL", _child("--measure", pg, timeout=1800))
    return figures


if __name__ == "__main__":
    if "--build" in sys.argv:
        _child_build()
    elif "--measure" in sys.argv:
        _child_measure()
    else:
        from run import table

        print(table([("performance", f) for f in run()]))
