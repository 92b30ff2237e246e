"""A `penata import` process killed (SIGKILL) at any point leaves the database as it was.

The import runs in a subprocess against a file-based SQLite database; the environment
variable PENATA_IMPORT_PAUSE_AT makes it stop at a named stage (`engine.checkpoint`), where
the test kills it. The database checksum (a dump of every table) must not move — except
after the commit, which proves the checksum sees the import's writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import nip_for
from tests.people.test_import_support import (
    EMPLOYEE_HEADER,
    POSITION_HEADER,
    POSITION_ROWS,
    UNIT_HEADER,
    UNIT_ROWS,
    write_xlsx,
)

# More rows than one write batch (engine.BATCH = 2000), so "write" is mid-way.
ROWS = 2600


def checksum(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        dump = "\n".join(connection.iterdump())
    finally:
        connection.close()
    return hashlib.sha256(dump.encode()).hexdigest()


def employee_rows(count: int, golongan: str) -> list[list]:
    titles = [r[1] for r in POSITION_ROWS]
    rows = []
    for i in range(count):
        birth = dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28)
        sex = "L" if i % 2 else "P"
        nip = nip_for(birth, dt.date(birth.year + 25, 3, 1), sex, i % 999 + 1)
        rows.append([nip, f"Pegawai {i}", birth, sex, "PNS", golongan, "S-1", "3372.01.02",
                     titles[i % 3], dt.date(2023, 1, 2)])  # fmt: skip
    return rows


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{root / 'penata.sqlite3'}",
        "PENATA_VAR_DIR": str(root / "var"),
        "PENATA_IMPORT_PAUSE_SECONDS": "120",
    }
    env.pop("PENATA_IMPORT_PAUSE_AT", None)
    return root, env


def penata(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "penata", *args], env=env, capture_output=True, text=True,
        timeout=180, **kwargs,
    )  # fmt: skip


def import_until(env, stage: str, path: Path) -> int:
    """Start an import, wait until it pauses at `stage`, SIGKILL it; return its status."""
    process = subprocess.Popen(
        [sys.executable, "-m", "penata", "import", "employees", str(path)],
        env={**env, "PENATA_IMPORT_PAUSE_AT": stage},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if line.strip() == f"penata-import-checkpoint {stage}":
                break
        else:
            raise AssertionError(f"the import ended without reaching {stage}")
        os.kill(process.pid, signal.SIGKILL)
        return process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_killed_import_leaves_database_unchanged(workspace):
    root, env = workspace
    assert penata(env, "migrate", "-v0").returncode == 0
    created = penata(env, "shell", "-c", "from penata.org.models import Instansi; "
                     "Instansi.objects.create(code='3372', name='Pemerintah Kota Surakarta')")  # fmt: skip
    assert created.returncode == 0, created.stderr
    for kind, header, rows in (
        ("units", UNIT_HEADER, UNIT_ROWS),
        ("positions", POSITION_HEADER, POSITION_ROWS),
    ):
        done = penata(env, "import", kind, str(write_xlsx(root / f"{kind}.xlsx", header, rows)))
        assert done.returncode == 0, done.stdout + done.stderr
    # Half the employees exist already: the import both updates and inserts.
    first = write_xlsx(root / "first.xlsx", EMPLOYEE_HEADER, employee_rows(ROWS // 2, "III/a"))
    assert penata(env, "import", "employees", str(first)).returncode == 0
    path = write_xlsx(root / "employees.xlsx", EMPLOYEE_HEADER, employee_rows(ROWS, "III/b"))
    db = root / "penata.sqlite3"
    before = checksum(db)

    for stage in ("before_transaction", "planned", "write", "before_commit"):
        status = import_until(env, stage, path)
        assert status == -signal.SIGKILL
        assert checksum(db) == before, f"database changed by an import killed at {stage}"

    # Killed right after the commit: the import is complete and durable.
    assert import_until(env, "committed", path) == -signal.SIGKILL
    assert checksum(db) != before
    again = penata(env, "import", "employees", str(path), "--format", "json")
    assert again.returncode == 0
    assert '"created": 0, "updated": 0, "unchanged": 2600' in again.stdout
