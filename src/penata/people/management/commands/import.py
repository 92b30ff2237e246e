"""`penata import {units,positions,duties,employees} FILE [--dry-run] [--format json]`.

Exit status: 0 applied (or, with --dry-run, would apply); 1 some rows are invalid (nothing
written); 2 the file itself cannot be read (or the instansi does not exist).
"""

from __future__ import annotations

import getpass
import json
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from penata.people.imports.cli import (
    EXIT_BAD_FILE,
    EXIT_INVALID_ROWS,
    ProgressBars,
    instansi_by_code,
)
from penata.people.imports.columns import KINDS, SHEETS
from penata.people.imports.engine import ImportResult, run_import


class Command(BaseCommand):
    help = (
        "Impor unit, jabatan, uraian tugas atau pegawai dari berkas xlsx/csv "
        "(semua atau tidak sama sekali)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("kind", choices=KINDS, help="Jenis data.")
        parser.add_argument("file", help="Berkas .xlsx atau .csv.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Periksa dan tampilkan ringkasan tanpa menyimpan.",
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--instansi", help="Kode instansi (bawaan: PENATA_DEFAULT_INSTANSI).")

    def handle(self, *args: Any, **options: Any) -> None:
        instansi = instansi_by_code(options["instansi"])
        bars = ProgressBars() if sys.stderr.isatty() else None
        try:
            result = run_import(
                kind=options["kind"],
                path=options["file"],
                instansi=instansi,
                actor=f"cli:{getpass.getuser()}",
                dry_run=options["dry_run"],
                progress=bars,
            )
        except FileNotFoundError as exc:
            raise CommandError(
                f"Berkas tidak ditemukan: {exc.filename}", returncode=EXIT_BAD_FILE
            ) from exc
        finally:
            if bars is not None:
                bars.close()
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, default=str))
        else:
            self._print(result)
        if result.file_error:
            raise CommandError(result.errors[0]["message"], returncode=EXIT_BAD_FILE)
        if not result.is_valid:
            count = len(result.errors) + result.errors_omitted
            raise CommandError(
                f"{count} masalah ditemukan; tidak ada data yang disimpan.",
                returncode=EXIT_INVALID_ROWS,
            )

    def _print(self, result: ImportResult) -> None:
        sheet = SHEETS[result.kind]
        write = self.stdout.write
        if result.file_error:
            return
        for error in result.errors:
            where = f"baris {error['row']}" if error["row"] else "berkas"
            column = f", kolom {error['column']}" if error["column"] else ""
            write(f"{where}{column}: {error['message']} [{error['code']}]")
        if result.errors_omitted:
            write(f"… dan {result.errors_omitted} masalah lain.")
        if result.ignored_columns:
            write(f"Kolom diabaikan: {', '.join(result.ignored_columns)}")
        verb = (
            "akan" if result.dry_run or not result.applied else ""
        )  # what would happen vs what happened
        prefix = f"{sheet.label}: {result.rows} baris — "
        counts = (
            f"{verb + ' ' if verb else ''}dibuat {result.created}, "
            f"{verb + ' ' if verb else ''}diubah {result.updated}, tidak berubah {result.unchanged}"
        )
        write(prefix + counts)
        if result.applied and not (result.created or result.updated):
            write("Tidak ada perubahan; basis data tidak ditulis.")
        elif result.applied:
            write(self.style.SUCCESS("Selesai: perubahan disimpan."))
        elif result.is_valid:
            write("Uji coba (--dry-run): tidak ada yang disimpan.")
