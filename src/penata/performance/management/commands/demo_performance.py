"""`penata demo_performance`: a heavier year of performance data for benchmarks.

On an empty database it first loads the Surakarta demo with `--employees` people; on a
database that already holds the demo it replaces the demo's performance data. Activity-log
rows go in with executemany (SQLite) or COPY (PostgreSQL):

    penata demo_performance --employees 10000 --activities 2500000
"""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from penata.core.errors import ApplicationError
from penata.org.demo import DEFAULT_EMPLOYEES, DEFAULT_SEED
from penata.org.demo.load import demo_load, instansi_present
from penata.org.demo.structure import ROOT_CODE
from penata.org.selectors import instansi_by_code
from penata.performance.demo import performance_demo_load


class Command(BaseCommand):
    help = (
        "Muat data kinerja demo yang lebih besar untuk uji kinerja (SKP, evaluasi, log harian "
        "setahun). Basis data kosong: data demo Surakarta dimuat lebih dulu."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Seed acak.")
        parser.add_argument(
            "--employees",
            type=int,
            default=DEFAULT_EMPLOYEES,
            help=f"Jumlah pegawai bila data demo belum ada (bawaan {DEFAULT_EMPLOYEES}).",
        )
        parser.add_argument(
            "--activities",
            type=int,
            default=2_500_000,
            help="Perkiraan jumlah baris log harian sepanjang tahun berjalan (bawaan 2.500.000).",
        )
        parser.add_argument("--as-of", help="Tanggal acuan TTTT-BB-HH (bawaan: hari ini).")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["activities"] < 0:
            raise CommandError("--activities tidak boleh negatif.", returncode=2)
        as_of = None
        if options["as_of"]:
            try:
                as_of = dt.date.fromisoformat(options["as_of"])
            except ValueError:
                raise CommandError("--as-of harus berformat TTTT-BB-HH.", returncode=2) from None
        try:
            if not instansi_present():
                demo_load(seed=options["seed"], employees=options["employees"])
            instansi = instansi_by_code(ROOT_CODE)
            summary = performance_demo_load(
                instansi,
                seed=options["seed"],
                as_of=as_of,
                activities=options["activities"],
                replace=True,
            )
        except ApplicationError as error:
            raise CommandError(f"{error.message} [{error.code}]", returncode=1) from error
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary.as_dict()))
            return
        self.stdout.write(
            self.style.SUCCESS(f"Data kinerja demo dimuat dalam {summary.seconds:.1f} detik.")
        )
        for label, value in (
            ("SKP", summary.skps),
            ("RHK", summary.rhks),
            ("indikator", summary.indicators),
            ("evaluasi", summary.evaluations),
            ("rating RHK", summary.ratings),
            ("realisasi", summary.realisations),
            ("log harian", summary.activities),
        ):
            self.stdout.write(f"  {label.ljust(11)} {value:,}".replace(",", "."))
