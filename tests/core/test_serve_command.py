"""`penata serve`: web server and task worker start together and stop together."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from penata.core.management.commands import serve

PENATA = Path(sys.executable).with_name("penata")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def processes_tagged(tag: str) -> list[int]:
    """Live processes whose environment carries `tag` (children inherit it)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if tag.encode() in (proc / "environ").read_bytes() and is_running(int(proc.name)):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    """A migrated SQLite database of its own, whatever database the suite runs on."""
    root = tmp_path_factory.mktemp("serve")
    env = {
        **os.environ,
        "PENATA_SERVE_TEST": uuid.uuid4().hex,
        "PENATA_VAR_DIR": str(root / "var"),
        "DATABASE_URL": f"sqlite:///{root / 'penata.sqlite3'}",
    }
    subprocess.run(
        [str(PENATA), "migrate", "--noinput", "-v", "0"], env=env, check=True, timeout=180
    )
    return env


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"penata serve exited early with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status)
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{url} did not answer within {timeout} s")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_runs_web_and_worker_and_stops_both_on_a_signal(site_env, stop):
    port = free_port()
    process = subprocess.Popen(
        [str(PENATA), "serve", "--port", str(port), "--workers", "1"],
        env=site_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        status = wait_for_http(f"http://127.0.0.1:{port}/static/penata/penata.css", process)
        children = child_pids(process.pid)
        commands = [Path(f"/proc/{pid}/cmdline").read_text().split("\0") for pid in children]
        # serve itself, gunicorn's master and worker, db_worker
        running = processes_tagged(site_env["PENATA_SERVE_TEST"])

        process.send_signal(stop)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()

    assert status == 200
    assert len(children) == 2
    assert len(running) == 4
    assert any("gunicorn" in cmd and "penata.config.wsgi:application" in cmd for cmd in commands)
    assert any("db_worker" in cmd for cmd in commands)
    assert process.returncode == 0, err
    assert f"Penata berjalan di http://127.0.0.1:{port}/" in out
    assert "Login demo (kata sandi: penata-demo):" in out
    assert "  analis      Analis Organisasi" in out.splitlines()
    assert out.rstrip().endswith("Penata berhenti.")
    assert [pid for pid in children if is_running(pid)] == []
    assert processes_tagged(site_env["PENATA_SERVE_TEST"]) == []
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_serve_stops_the_worker_and_fails_when_the_web_server_dies(site_env):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(PENATA), "serve", "--port", str(port), "--workers", "1"],
            env=site_env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert result.returncode != 0
    assert "Server web berhenti" in result.stderr
    assert (
        "db_worker"
        not in subprocess.run(
            ["ps", "-o", "args=", "--ppid", str(os.getpid())], capture_output=True, text=True
        ).stdout
    )


def test_serve_refuses_an_impossible_port():
    result = subprocess.run(
        [str(PENATA), "serve", "--port", "70000"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert "Port 70000 tidak sah" in result.stderr


def test_url_shown_for_wildcard_and_ipv6_hosts():
    assert serve._url("0.0.0.0", 8000) == "http://127.0.0.1:8000/"
    assert serve._url("::1", 8080) == "http://[::1]:8080/"
    assert serve._url("penata.local", 80) == "http://penata.local:80/"


def test_demo_logins_name_every_demo_account_with_its_role():
    password, logins = serve.demo_logins()

    assert password == "penata-demo"
    assert logins == [
        ("superadmin", "Superuser (akses penuh, termasuk admin Django)"),
        ("admin", "Admin BKPSDM"),
        ("analis", "Analis Organisasi"),
        ("kadis", "Kepala Unit"),
        ("atasan", "Atasan langsung"),
        ("pegawai", "Pegawai"),
        ("moderator", "Moderator"),
        ("auditor", "Auditor (Inspektorat)"),
    ]
