"""Public participation under load: 50 concurrent clients against gunicorn on loopback.

Why it matters: complaint intake, status look-ups and the service catalog are the pages
citizens hit at once after a city-wide announcement; ULAS receives thousands of complaints a
year, with peaks. The mix (60 s by default) is complaint submissions (public API POST),
status look-ups (the web status page and the public API) and catalog pages, from 50 threads
with keep-alive connections. The baseline is the smallest Django view (`/layanan/healthz/`)
served by the same gunicorn, with the same clients, right after the mix in the same run.

The server runs on a throwaway SQLite database (the Surakarta demo with 50 employees) in a
temporary folder, with the rate limits relaxed through PENATA_RATE_LIMITS. Any error (a
non-2xx/3xx answer or a failed connection) fails the benchmark.

    PENATA_BENCH_SECONDS=60 PENATA_BENCH_CLIENTS=50 python bench/run.py participation
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from figure import Figure

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("PENATA_BENCH_SECONDS", "60"))
BASELINE_SECONDS = float(os.environ.get("PENATA_BENCH_BASELINE_SECONDS", str(min(SECONDS, 20))))
CLIENTS = int(os.environ.get("PENATA_BENCH_CLIENTS", "50"))
# (kind, share of requests)
MIX = (("submit", 0.25), ("status_page", 0.25), ("status_api", 0.15), ("catalog", 0.35))
DESCRIPTIONS = (
    "Lampu PJU di depan gang mati sejak minggu lalu, jalan sangat gelap.",
    "Sampah di TPS belum diangkut tiga hari dan baunya sampai ke rumah warga.",
    "Saluran air tersumbat sehingga jalan tergenang setiap hujan deras.",
    "Juru parkir liar menarik tarif tanpa karcis di depan pertokoan.",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        PENATA_VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        PENATA_RATE_LIMITS=",".join(
            f"{scope}=1000000000/60" for scope in ("complaint", "lookup", "rating", "skm")
        ),
        PENATA_ENV="test",
        DEBUG="false",
        LOG_LEVEL="ERROR",
    )
    return env


def _penata(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "penata", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"penata {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _seed(env: dict[str, str]) -> dict[str, Any]:
    _penata(env, "migrate", "--noinput", "-v", "0")
    _penata(env, "demo", "--employees", "50", "--format", "json")
    script = (
        "import json\n"
        "from penata.participation.models import Complaint, ComplaintCategory, ServiceStandard\n"
        "from penata.org.models import Unit\n"
        "print(json.dumps({\n"
        " 'codes': list(Complaint.objects.values_list('tracking_code', flat=True)),\n"
        " 'categories': list(ComplaintCategory.objects.values_list('id', flat=True)),\n"
        " 'kelurahan': list(Unit.objects.filter(kind='kelurahan').values_list('id', flat=True)),\n"
        " 'services': list(ServiceStandard.objects.values_list('id', flat=True)),\n"
        "}))\n"
    )
    out = _penata(env, "shell", "-c", script)
    return dict(json.loads(out.strip().splitlines()[-1]))


class Load:
    """Closed-loop clients: each thread sends its next request when the last one answered."""

    def __init__(self, port: int, data: dict[str, Any], kinds: tuple[tuple[str, float], ...]):
        self.port = port
        self.data = data
        self.kinds = kinds
        self.codes: list[str] = list(data["codes"])
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []

    def _request(self, conn: http.client.HTTPConnection, rng: random.Random, kind: str) -> int:
        if kind == "submit":
            body = json.dumps(
                {
                    "category": rng.choice(self.data["categories"]),
                    "kelurahan": rng.choice(self.data["kelurahan"]),
                    "description": rng.choice(DESCRIPTIONS),
                    "reporter_contact": "0812-0000-0000",
                }
            )
            conn.request(
                "POST",
                "/api/v1/public/complaints",
                body=body,
                headers={"Content-Type": "application/json"},
            )
            response = conn.getresponse()
            payload = response.read()
            if response.status == 201:
                code = json.loads(payload)["tracking_code"].replace("-", "")
                with self.lock:
                    self.codes.append(code)
            return response.status
        if kind in ("status_page", "status_api"):
            code = rng.choice(self.codes)
            path = (
                f"/layanan/aduan/status/{code}/"
                if kind == "status_page"
                else f"/api/v1/public/complaints/{code}"
            )
            conn.request("GET", path)
        elif kind == "catalog":
            conn.request(
                "GET", "/layanan/katalog/?q=" + rng.choice(["", "", "KTP", "izin", "sampah"])
            )
        else:
            conn.request("GET", "/layanan/healthz/")
        response = conn.getresponse()
        response.read()
        return response.status

    def _client(self, seed: int, until: float) -> None:
        rng = random.Random(seed)
        names = [k for k, _ in self.kinds]
        weights = [w for _, w in self.kinds]
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while time.perf_counter() < until:
            kind = rng.choices(names, weights)[0]
            started = time.perf_counter()
            try:
                status = self._request(conn, rng, kind)
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                with self.lock:
                    self.errors.append(f"{kind}: {type(error).__name__}: {error}")
                continue
            elapsed = time.perf_counter() - started
            with self.lock:
                if status >= 400:
                    self.errors.append(f"{kind}: HTTP {status}")
                else:
                    self.latencies[kind].append(elapsed)
        conn.close()

    def run(self, seconds: float, clients: int) -> float:
        until = time.perf_counter() + seconds
        threads = [
            threading.Thread(target=self._client, args=(i, until), daemon=True)
            for i in range(clients)
        ]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 60)
        return time.perf_counter() - began


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else float("nan")


def _wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/layanan/healthz/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="penata-bench-") as folder:
        tmp = Path(folder)
        env = _env(tmp)
        (tmp / "static").mkdir()  # WhiteNoise serves from the finders; it only wants the folder
        data = _seed(env)
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "penata.config.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", "3", "--worker-class", "gthread",
                "--threads", "8", "--backlog", "2048", "--keep-alive", "5",
                "--no-control-socket", "--log-level", "error",
            ],
            env=env,
            cwd=ROOT,
        )  # fmt: skip
        try:
            _wait_for(port, server)
            mix = Load(port, data, MIX)
            mix_seconds = mix.run(SECONDS, CLIENTS)
            base = Load(port, data, (("healthz", 1.0),))
            base_seconds = base.run(BASELINE_SECONDS, CLIENTS)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    errors = mix.errors + base.errors
    if errors:
        sample = "; ".join(sorted(set(errors))[:5])
        raise RuntimeError(f"{len(errors)} errors under load ({sample})")
    mixed = [v for values in mix.latencies.values() for v in values]
    healthz = base.latencies["healthz"]
    base_rps = len(healthz) / base_seconds
    base_p99 = _p99(healthz) * 1000
    figures = [
        Figure(
            f"{CLIENTS} clients, mix throughput ({len(mixed):,} requests in {mix_seconds:.0f} s)",
            len(mixed) / mix_seconds,
            "req/s",
            "healthz view, same server and clients",
            base_rps,
            goal="informative: the mix does real work per request",
        ),
        Figure(
            "mix p99 latency, 0 errors",
            _p99(mixed) * 1000,
            "ms",
            "healthz p99",
            base_p99,
            goal="≤ 40× the minimal view",
            max_ratio=40,
        ),
    ]
    labels = {
        "submit": "complaint submission (API POST) p99",
        "status_page": "status page by tracking code p99",
        "status_api": "status look-up (public API) p99",
        "catalog": "catalog page p99",
    }
    for kind, label in labels.items():
        values = mix.latencies.get(kind, [])
        # Submissions write: SQLite lets one writer in at a time, so they queue behind each other.
        limit = 60 if kind == "submit" else 40
        goal = "≤ 60× (SQLite: one writer at a time)" if kind == "submit" else "≤ 40×"
        figures.append(
            Figure(
                f"{label} ({len(values):,} req)",
                _p99(values) * 1000,
                "ms",
                "healthz p99",
                base_p99,
                goal=goal,
                max_ratio=limit,
            )
        )
    return figures
