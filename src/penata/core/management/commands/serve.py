"""`penata serve`: the web server (gunicorn) and the task worker (db_worker) together.

Both run as child processes in their own process group, so a Ctrl+C in the terminal reaches
only this command, which forwards SIGINT/SIGTERM to each child exactly once (a second signal
to db_worker aborts the task it is running, so children must not receive it twice). When
either child dies, the other is stopped and the command exits with a non-zero status.
In production run gunicorn and `penata db_worker` under a process supervisor instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from argparse import ArgumentParser
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from penata.accounts.models import Role

# How long a child may take to finish its current request or task once asked to stop.
STOP_GRACE_SECONDS = 30
POLL_SECONDS = 0.2


def demo_logins() -> tuple[str, list[tuple[str, str]]]:
    """The demo password and (username, role label) of the demo accounts.

    Empty when the demo data set is not installed.
    """
    try:
        from penata.org.demo import DEMO_LOGINS, DEMO_PASSWORD
    except ImportError:
        # The demo data set is optional: a production install may leave it out.
        return "", []
    labels = dict(Role.choices)
    return DEMO_PASSWORD, [
        (username, str(labels.get(role, role))) for username, role in DEMO_LOGINS
    ]


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104 - compared, not bound
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


class Command(BaseCommand):
    help = (
        "Jalankan server web (gunicorn) dan pekerja tugas latar (db_worker) bersama-sama. "
        "Ctrl+C menghentikan keduanya."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Alamat (bawaan 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Port (bawaan 8000).")
        parser.add_argument(
            "--workers", type=int, default=2, help="Jumlah proses gunicorn (bawaan 2)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        host: str = options["host"]
        port: int = options["port"]
        if not 0 < port < 65536:
            raise CommandError(f"Port {port} tidak sah (1–65535).")
        if options["workers"] < 1:
            raise CommandError("Jumlah proses gunicorn minimal 1.")
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        # WhiteNoise warns about a missing STATIC_ROOT even though it serves from the finders.
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        commands = {
            "server web": [
                sys.executable,
                "-m",
                "gunicorn",
                "penata.config.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(options["workers"]),
                "--graceful-timeout",
                str(STOP_GRACE_SECONDS - 5),
                # No control socket: it would live in $HOME and be shared by every instance.
                "--no-control-socket",
            ],
            "pekerja tugas": [
                sys.executable,
                "-m",
                "penata",
                "db_worker",
                "--no-reload",
                "--verbosity",
                str(options["verbosity"]),
            ],
        }
        children: dict[str, subprocess.Popen[bytes]] = {}
        stop_signal: list[int] = []

        def forward(signum: int, frame: FrameType | None) -> None:
            stop_signal.append(signum)
            for child in children.values():
                if child.poll() is None:
                    child.send_signal(signum)

        previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            for name, command in commands.items():
                # Fixed argument lists built above; no shell is involved.
                children[name] = subprocess.Popen(  # noqa: S603
                    command, env=os.environ.copy(), process_group=0
                )
            self._announce(host, port)
            died = self._wait_for_first_exit(children)
        finally:
            # Children already asked to stop by a forwarded signal are only waited for.
            self._stop_all(children, signalled=bool(stop_signal))
            for sig, handler in previous.items():
                signal.signal(sig, handler)

        if stop_signal:
            self.stdout.write("Penata berhenti.")
            return
        name, code = died
        status = code if code > 0 else 128 - code if code < 0 else 1
        raise CommandError(
            f"{name.capitalize()} berhenti (kode {code}); semua proses dihentikan.",
            returncode=status,
        )

    def _announce(self, host: str, port: int) -> None:
        self.stdout.write(self.style.SUCCESS(f"Penata berjalan di {_url(host, port)}"))
        self.stdout.write("Pekerja tugas latar (db_worker) berjalan bersama server web.")
        password, logins = demo_logins()
        if logins:
            self.stdout.write(f"Login demo (kata sandi: {password}):")
            width = max(len(username) for username, _ in logins)
            for username, label in logins:
                self.stdout.write(f"  {username.ljust(width)}  {label}")
        self.stdout.write("Tekan Ctrl+C untuk berhenti.")
        self.stdout.flush()

    @staticmethod
    def _wait_for_first_exit(children: dict[str, subprocess.Popen[bytes]]) -> tuple[str, int]:
        while True:
            for name, child in children.items():
                code = child.poll()
                if code is not None:
                    return name, code
            time.sleep(POLL_SECONDS)

    @staticmethod
    def _stop_all(children: dict[str, subprocess.Popen[bytes]], *, signalled: bool) -> None:
        for child in children.values():
            if not signalled and child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for child in children.values():
            try:
                child.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
