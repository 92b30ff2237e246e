"""`penata demo`: load the deterministic Surakarta demo dataset into an empty database."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from penata.core.errors import ApplicationError
from penata.org.demo import (
    DEFAULT_EMPLOYEES,
    DEFAULT_SEED,
    DEMO_PASSWORD,
    MIN_EMPLOYEES,
    demo_logins_lines,
)
from penata.org.demo.load import DemoSummary, demo_load, instansi_present


class Command(BaseCommand):
    help = (
        "Muat data demo Pemerintah Kota Surakarta (unit, jabatan, uraian tugas, pegawai dan "
        "akun demo). Seed yang sama selalu menghasilkan data yang sama."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help=f"Seed acak (bawaan {DEFAULT_SEED})."
        )
        parser.add_argument(
            "--employees",
            type=int,
            default=DEFAULT_EMPLOYEES,
            help=f"Jumlah pegawai (bawaan {DEFAULT_EMPLOYEES}, minimal {MIN_EMPLOYEES}).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Jangan lakukan apa pun bila basis data sudah berisi instansi.",
        )
        parser.add_argument(
            "--format", choices=("text", "json"), default="text", help="Format keluaran."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        as_json = options["format"] == "json"
        if options["if_empty"] and instansi_present():
            if as_json:
                self.stdout.write(json.dumps({"loaded": False, "reason": "not_empty"}))
            else:
                self.stdout.write(
                    "Basis data sudah berisi instansi; data demo tidak dimuat (--if-empty)."
                )
            return
        try:
            summary = demo_load(seed=options["seed"], employees=options["employees"])
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        if as_json:
            self.stdout.write(json.dumps({"loaded": True, **summary.as_dict()}))
            return
        self._print(summary)

    def _print(self, summary: DemoSummary) -> None:
        self.stdout.write(
            self.style.SUCCESS(
                f"Data demo Pemerintah Kota Surakarta dimuat (seed {summary.seed}) "
                f"dalam {summary.seconds:.1f} detik."
            )
        )
        rows = [
            ("unit organisasi", f"{summary.units:,}"),
            ("jabatan", f"{summary.positions:,}"),
            ("uraian tugas", f"{summary.duties:,}"),
            ("pegawai", f"{summary.employees:,}"),
            ("penugasan jabatan", f"{summary.assignments:,}"),
            ("jabatan kosong", f"{summary.vacancies:,} ({summary.acting} diisi Plt)"),
        ]
        width = max(len(label) for label, _ in rows)
        for label, value in rows:
            self.stdout.write(f"  {label.ljust(width)}  {value.replace(',', '.')}")
        self.stdout.write(f"Login demo (kata sandi: {DEMO_PASSWORD}):")
        for line in demo_logins_lines():
            self.stdout.write(line)
