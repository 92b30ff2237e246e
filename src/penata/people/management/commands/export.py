"""`penata export {units,positions,duties,employees} FILE` — .xlsx or .csv by extension.

The file has the import template's columns, so it re-imports unchanged. Employees include NIK
(the CLI runs with the operator's full access); every export is audited.
"""

from __future__ import annotations

import getpass
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from penata.people.imports.cli import EXIT_BAD_FILE, instansi_by_code
from penata.people.imports.columns import KINDS, SHEETS
from penata.people.imports.exporting import ExportFilters, export_to_path


class Command(BaseCommand):
    help = "Ekspor unit, jabatan, uraian tugas atau pegawai ke berkas .xlsx atau .csv."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("kind", choices=KINDS, help="Jenis data.")
        parser.add_argument("file", help="Berkas tujuan, .xlsx atau .csv.")
        parser.add_argument("--instansi", help="Kode instansi (bawaan: PENATA_DEFAULT_INSTANSI).")
        parser.add_argument("--q", default="", help="Saring dengan teks (nama, kode, NIP).")
        parser.add_argument("--unit", type=int, help="Hanya unit ini dan bawahannya (id unit).")
        parser.add_argument("--jenis", dest="kind_filter", default="", help="Saring jenis.")
        parser.add_argument("--status", default="", help="Saring status pegawai.")
        parser.add_argument(
            "--without-nik", action="store_true", help="Jangan sertakan NIK pegawai."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if path.suffix.lower() not in (".xlsx", ".csv"):
            raise CommandError(
                "Nama berkas harus berakhiran .xlsx atau .csv.", returncode=EXIT_BAD_FILE
            )
        instansi = instansi_by_code(options["instansi"])
        filters = ExportFilters(
            q=options["q"],
            unit_id=options["unit"],
            kind=options["kind_filter"],
            status=options["status"],
        )
        count = export_to_path(
            options["kind"],
            path,
            instansi=instansi,
            filters=filters,
            include_nik=not options["without_nik"],
            audit_actor=f"cli:{getpass.getuser()}",
        )
        self.stdout.write(f"{SHEETS[options['kind']].label}: {count} baris ditulis ke {path}.")
