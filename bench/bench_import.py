"""Importing 100,000 employees: Penata against the floor and against django-import-export.

Why it matters: import is where HR software most often fails its users (timeouts, half-applied
files). Penata validates every row (NIP rules, golongan, references) and writes all or nothing;
this benchmark shows what that costs next to the least possible work, and next to the usual
Django tool, on the same xlsx file and the same SQLite tables.

Figures (each measured in its own subprocess on a fresh SQLite database in a temporary
folder — var/penata.sqlite3 is never touched):
- Penata `run_import` (read + validate + write employees and their assignments) against the
  floor: python-calamine parsing plus raw `sqlite3.executemany` into the same two tables.
- Penata against django-import-export (a `ModelResource` for Employee, tuned the way its docs
  suggest for speed: `use_bulk`, `skip_diff`, `CachedInstanceLoader`; it reads xlsx with
  openpyxl via tablib and writes employees only — no assignments, no validation).
- Re-import of the unchanged file: rows written (must be 0, counted by SQLite's
  `total_changes`) and time, against the first import.
- Peak memory (ru_maxrss) of the Penata import process against a 500 MB budget.

    .venv/bin/python bench/run.py import       # with the other benchmarks' table
    .venv/bin/python bench/bench_import.py      # standalone
    BENCH_IMPORT_ROWS=20000 .venv/bin/python bench/bench_import.py   # a quicker run

django-import-export is a benchmark-only dependency (the `dev` extra in pyproject.toml).
A full run takes a few minutes, most of it django-import-export's.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
SRC = BENCH_DIR.parent / "src"
for entry in (str(BENCH_DIR), str(SRC)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from figure import Figure  # noqa: E402

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
DINAS = 40
BIDANG_PER_DINAS = 5
POSITIONS_PER_UNIT = 8
INSTANSI_CODE = "3372"
MEMORY_BUDGET_MB = 500

EMPLOYEE_HEADER = [
    "NIP", "Nama", "Gelar Depan", "Gelar Belakang", "Tanggal Lahir", "Jenis Kelamin",
    "Jenis Pegawai", "Golongan", "TMT Golongan", "Pendidikan", "Jurusan", "Status", "Surel",
    "Telepon", "Kode Unit", "Nama Jabatan", "TMT Jabatan", "Nomor SK",
]  # fmt: skip
GOLONGAN = ["II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a"]
POSITION_TITLES = [
    "Kepala", "Analis Kebijakan Ahli Muda", "Analis Kebijakan Ahli Pertama",
    "Pranata Komputer Ahli Pertama", "Penata Layanan Operasional",
    "Pengolah Data dan Informasi", "Pengadministrasi Perkantoran", "Operator Layanan Operasional",
]  # fmt: skip


# --------------------------------------------------------------------------------------------
# Input files


def unit_codes() -> list[tuple[str, str, str, str]]:
    """(code, parent code, name, kind) of the instansi's units."""
    units = [("3372", "", "Pemerintah Kota Surakarta", "pemda")]
    for d in range(1, DINAS + 1):
        code = f"3372.{d:02d}"
        units.append((code, "3372", f"Dinas {d}", "dinas"))
        for b in range(1, BIDANG_PER_DINAS + 1):
            units.append((f"{code}.{b:02d}", code, f"Bidang {b} Dinas {d}", "bidang"))
    return units


def write_inputs(folder: Path, rows: int) -> tuple[Path, Path, Path]:
    import xlsxwriter

    units = unit_codes()
    units_path = folder / "units.xlsx"
    book = xlsxwriter.Workbook(str(units_path), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Kode Unit", "Kode Unit Induk", "Nama Unit", "Jenis Unit"])
    for r, unit in enumerate(units, start=1):
        sheet.write_row(r, 0, unit)
    book.close()

    positions_path = folder / "positions.xlsx"
    book = xlsxwriter.Workbook(str(positions_path), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Kode Unit", "Nama Jabatan", "Jenis Jabatan", "Kelas Jabatan"])
    r = 1
    for code, *_ in units:
        for i, title in enumerate(POSITION_TITLES):
            kind = "administrator" if i == 0 else "fungsional" if "Ahli" in title else "pelaksana"
            sheet.write_row(r, 0, [code, title, kind, 12 - i])
            r += 1
    book.close()

    employees_path = folder / "employees.xlsx"
    book = xlsxwriter.Workbook(str(employees_path), {"constant_memory": True})
    sheet = book.add_worksheet()
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, EMPLOYEE_HEADER)
    start = dt.date(1965, 1, 1)
    for i in range(rows):
        birth = start + dt.timedelta(days=i % 12000)
        tmt = dt.date(birth.year + 25, i % 12 + 1, 1)
        sex = "L" if i % 2 else "P"
        nip = f"{birth:%Y%m%d}{tmt:%Y%m}{'1' if sex == 'L' else '2'}{i // 12000 + 1:03d}"
        unit = units[i % len(units)][0]
        r = i + 1
        sheet.write_string(r, 0, nip)
        sheet.write_string(r, 1, f"Pegawai Nomor {i}")
        sheet.write_string(r, 2, "dr." if i % 17 == 0 else "")
        sheet.write_string(r, 3, "S.Kom." if i % 3 == 0 else "")
        sheet.write_datetime(r, 4, birth, date)
        sheet.write_string(r, 5, sex)
        sheet.write_string(r, 6, "pns")
        sheet.write_string(r, 7, GOLONGAN[i % len(GOLONGAN)])
        sheet.write_datetime(r, 8, dt.date(2020, 4, 1), date)
        sheet.write_string(r, 9, "s1")
        sheet.write_string(r, 10, "Administrasi Negara")
        sheet.write_string(r, 11, "aktif")
        sheet.write_string(r, 12, f"pegawai{i}@surakarta.go.id")
        sheet.write_string(r, 13, f"0812{i:08d}")
        sheet.write_string(r, 14, unit)
        sheet.write_string(r, 15, POSITION_TITLES[1 + i % (len(POSITION_TITLES) - 1)])
        sheet.write_datetime(r, 16, dt.date(2023, 1, 2), date)
        sheet.write_string(r, 17, f"800/{i}/2023")
    book.close()
    return units_path, positions_path, employees_path


# --------------------------------------------------------------------------------------------
# Subprocess workers (each its own process: own settings, own database, own peak memory)


def _setup_django(db: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("PENATA_VAR_DIR", str(db.parent / "var"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "penata.config.settings"
    os.environ["PENATA_IMPORT_MAX_BYTES"] = str(200 * 1024 * 1024)
    import django

    django.setup()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_penata(db: Path, path: Path) -> dict[str, Any]:
    _setup_django(db)
    from django.db import connection

    from penata.org.models import Instansi
    from penata.people.imports.engine import run_import

    instansi = Instansi.objects.get(code=INSTANSI_CODE)
    connection.ensure_connection()
    written_before = connection.connection.total_changes
    started = time.perf_counter()
    result = run_import(kind="employees", path=path, instansi=instansi, actor="bench")
    seconds = time.perf_counter() - started
    assert result.errors == [], result.errors[:5]
    return {
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "written": connection.connection.total_changes - written_before,
    }


def worker_floor(db: Path, path: Path) -> dict[str, Any]:
    """The least any importer must do: parse with calamine, insert with executemany."""
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    connection = sqlite3.connect(db)
    instansi_id = connection.execute(
        "SELECT id FROM org_instansi WHERE code = ?", (INSTANSI_CODE,)
    ).fetchone()[0]
    positions = {
        (code, title): pid
        for pid, code, title in connection.execute(
            "SELECT p.id, u.code, p.title FROM org_position p JOIN org_unit u ON u.id = p.unit_id"
        )
    }
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows()
    next(rows)
    employees = []
    assignments = []
    for cells in rows:
        nip = cells[0]
        employees.append(
            (instansi_id, nip, cells[1], cells[2], cells[3], cells[4].isoformat(), cells[5],
             cells[6], cells[7], cells[8].isoformat(), cells[9], cells[10], cells[11], "",
             cells[12], cells[13])
        )  # fmt: skip
        assignments.append(
            (nip, positions[(cells[14], cells[15])], cells[16].isoformat(), cells[17])
        )
    with connection:
        connection.executemany(
            "INSERT INTO people_employee (instansi_id, nip, name, front_title, back_title, "
            "birth_date, sex, kind, golongan, tmt_golongan, education, education_major, status, "
            "nik, email, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            employees,
        )
        ids = dict(
            connection.execute(
                "SELECT nip, id FROM people_employee WHERE instansi_id = ?", (instansi_id,)
            )
        )
        connection.executemany(
            "INSERT INTO people_assignment (instansi_id, employee_id, position_id, start, "
            "sk_number, acting) VALUES (?, ?, ?, ?, ?, '')",
            [(instansi_id, ids[nip], pid, start, sk) for nip, pid, start, sk in assignments],
        )
    seconds = time.perf_counter() - started
    count = connection.execute("SELECT count(*) FROM people_employee").fetchone()[0]
    connection.close()
    return {"seconds": seconds, "peak_mb": _peak_mb(), "created": count}


def worker_import_export(db: Path, path: Path) -> dict[str, Any]:
    _setup_django(db)
    import tablib
    from import_export import fields, resources
    from import_export.instance_loaders import CachedInstanceLoader

    from penata.org.models import Instansi
    from penata.people.models import Employee

    instansi_id = Instansi.objects.get(code=INSTANSI_CODE).pk
    columns = {
        "nip": "NIP", "name": "Nama", "front_title": "Gelar Depan",
        "back_title": "Gelar Belakang", "birth_date": "Tanggal Lahir", "sex": "Jenis Kelamin",
        "kind": "Jenis Pegawai", "golongan": "Golongan", "tmt_golongan": "TMT Golongan",
        "education": "Pendidikan", "education_major": "Jurusan", "status": "Status",
        "email": "Surel", "phone": "Telepon",
    }  # fmt: skip

    class EmployeeResource(resources.ModelResource):
        locals().update(
            {
                name: fields.Field(attribute=name, column_name=title)
                for name, title in columns.items()
            }
        )

        class Meta:
            model = Employee
            fields = tuple(columns)
            import_id_fields = ("nip",)
            use_bulk = True
            batch_size = 1000
            skip_diff = True
            instance_loader_class = CachedInstanceLoader

        def before_save_instance(self, instance: Any, row: Any, **kwargs: Any) -> None:
            instance.instansi_id = instansi_id

    started = time.perf_counter()
    with path.open("rb") as handle:
        dataset = tablib.Dataset().load(handle, format="xlsx")
    result = EmployeeResource().import_data(dataset, dry_run=False, raise_errors=True)
    seconds = time.perf_counter() - started
    assert not result.has_errors()
    return {"seconds": seconds, "peak_mb": _peak_mb(), "created": Employee.objects.count()}


WORKERS = {"penata": worker_penata, "floor": worker_floor, "import_export": worker_import_export}


def _worker(name: str, db: Path, path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", name, str(db), str(path)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(BENCH_DIR)])},
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{name} worker failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _penata_cli(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "penata", *args], env=env, check=True,
                   capture_output=True, text=True)  # fmt: skip


def _base_database(folder: Path, units: Path, positions: Path) -> Path:
    """A migrated database with the instansi, its units and positions (made once)."""
    db = folder / "base.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "PENATA_VAR_DIR": str(folder / "var"),
        "PYTHONPATH": str(SRC),
    }
    _penata_cli(env, "migrate", "-v0")
    _penata_cli(env, "shell", "-c", "from penata.org.models import Instansi; "
                f"Instansi.objects.create(code='{INSTANSI_CODE}', name='Pemerintah Kota Surakarta')")  # fmt: skip
    _penata_cli(env, "import", "units", str(units))
    _penata_cli(env, "import", "positions", str(positions))
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return db


def _copy(base: Path, name: str) -> Path:
    target = base.with_name(f"{name}.sqlite3")
    shutil.copyfile(base, target)
    return target


def measure(rows: int = ROWS) -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="penata-bench-import-") as tmp:
        folder = Path(tmp)
        units, positions, employees = write_inputs(folder, rows)
        base = _base_database(folder, units, positions)
        results: dict[str, dict[str, Any]] = {}
        penata_db = _copy(base, "penata")
        results["penata"] = _worker("penata", penata_db, employees)
        results["reimport"] = _worker("penata", penata_db, employees)
        results["floor"] = _worker("floor", _copy(base, "floor"), employees)
        results["import_export"] = _worker("import_export", _copy(base, "import_export"), employees)
        results["file"] = {"bytes": employees.stat().st_size, "rows": rows}
    return results


def figures(results: dict[str, dict[str, Any]]) -> list[Figure]:
    rows = results["file"]["rows"]
    penata, again = results["penata"], results["reimport"]
    floor, other = results["floor"], results["import_export"]
    # A fast wrong answer is not a result: every worker must have imported every row.
    assert penata["created"] == floor["created"] == other["created"] == rows, results
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, rows), again
    if again["written"] != 0:
        raise AssertionError(f"re-import wrote {again['written']} rows")
    return [
        Figure(
            f"Penata import, {rows:,} employees (+ assignments)", penata["seconds"], "s",
            "calamine + sqlite3.executemany", floor["seconds"], goal="≤ 3× the floor",
            max_ratio=3,
        ),
        Figure(
            f"Penata import, {rows:,} employees", penata["seconds"], "s",
            "django-import-export (bulk)", other["seconds"],
            goal="≥ 3× faster (ratio ≤ 0.33)", max_ratio=1 / 3,
        ),
        Figure(
            f"re-import unchanged, {again['written']} rows written", again["seconds"], "s",
            "first import", penata["seconds"], goal="0 rows written, faster than first",
            max_ratio=1,
        ),
        Figure(
            "peak memory of the import process", penata["peak_mb"], "MB",
            "budget", MEMORY_BUDGET_MB, goal=f"< {MEMORY_BUDGET_MB} MB "
            f"(floor process: {floor['peak_mb']:.0f} MB)", max_ratio=1,
        ),
    ]  # fmt: skip


def run() -> list[Figure]:
    return figures(measure())


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "--worker":
        print(json.dumps(WORKERS[argv[1]](Path(argv[2]), Path(argv[3]))))
        return 0
    from run import table

    print(table([("import", f) for f in run()]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
