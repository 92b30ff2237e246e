"""`penata activity remind`: remind everybody whose working day has no log entry.

Run it at the end of the working day from cron (or let the task worker run
`penata.performance.tasks.activity_remind`), e.g. `30 16 * * 1-5 penata activity remind`.
Re-running for the same day sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from penata.core.dating import today
from penata.core.errors import ApplicationError
from penata.performance.services.reminders import activity_remind


class Command(BaseCommand):
    help = "Log harian: kirim pengingat untuk hari kerja yang belum diisi (remind)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{remind}")
        remind = actions.add_parser(
            "remind",
            help="Buat pengingat di aplikasi dan kirim surel untuk hari kerja yang kosong.",
        )
        remind.add_argument("--date", help="Hari yang diperiksa, TTTT-BB-HH (bawaan: hari ini).")
        remind.add_argument(
            "--instansi",
            action="append",
            metavar="KODE",
            help="Hanya instansi ini (boleh diulang).",
        )
        remind.add_argument(
            "--dry-run", action="store_true", help="Hitung saja; tidak menulis dan tidak mengirim."
        )
        remind.add_argument(
            "--site-url",
            default="",
            help="Alamat Penata untuk tautan di surel, mis. https://penata.surakarta.go.id",
        )
        remind.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        raw = options["date"]
        try:
            day = dt.date.fromisoformat(raw) if raw else today()
        except ValueError:
            raise CommandError(
                f"Tanggal tidak sah: {raw!r} (pakai TTTT-BB-HH).", returncode=2
            ) from None
        try:
            runs = activity_remind(
                day=day,
                instansi_codes=options["instansi"],
                dry_run=options["dry_run"],
                site_url=options["site_url"],
            )
        except ApplicationError as error:
            raise CommandError(f"{error.message} [{error.code}]", returncode=1) from error
        if options["format"] == "json":
            self.stdout.write(
                json.dumps({"dry_run": options["dry_run"], "runs": [r.as_dict() for r in runs]})
            )
            return
        for run in runs:
            if not run.enabled:
                self.stdout.write(f"{run.instansi} {run.day}: pengingat dimatikan di pengaturan.")
            elif not run.working_day:
                self.stdout.write(
                    f"{run.instansi} {run.day}: bukan hari kerja, tidak ada pengingat."
                )
            elif options["dry_run"]:
                self.stdout.write(
                    f"{run.instansi} {run.day}: {run.empty} pegawai belum mengisi (uji coba)."
                )
            else:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{run.instansi} {run.day}: {run.created} pengingat dibuat, "
                        f"{run.emailed} surel terkirim."
                    )
                )
