"""`penata complaints …`: escalate overdue complaints, seed the default categories."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from penata.core.errors import ApplicationError
from penata.org.models import Instansi
from penata.participation.services.complaints import complaints_escalate
from penata.participation.services.routing import categories_seed


class Command(BaseCommand):
    help = (
        "Aduan: `escalate` mengeskalasi aduan yang melewati batas tanggapan (1×24 jam) atau "
        "tindak lanjut (2×24 jam) kepada pimpinan unit; `seed-categories` menambahkan kategori "
        "bawaan ULAS."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        escalate = actions.add_parser("escalate", help="Eskalasi aduan yang terlambat (sekali).")
        escalate.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="MENIT",
            help="Jangan jalankan di sini: serahkan ke pekerja tugas, yang mengulanginya tiap "
            "MENIT menit (jalankan sekali saja per instalasi).",
        )
        escalate.add_argument("--format", choices=["text", "json"], default="text")
        seed = actions.add_parser("seed-categories", help="Tambah kategori aduan bawaan.")
        seed.add_argument("--instansi", default=None, help="Kode instansi (bawaan: semua).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "seed-categories":
            self._seed(options["instansi"])
            return
        if options["every"] < 0:
            raise CommandError("--every harus 0 atau lebih.")
        if options["every"]:
            from penata.participation.tasks import escalate_overdue

            escalate_overdue.enqueue(options["every"])
            self.stdout.write(
                f"Eskalasi diserahkan ke pekerja tugas, diulang tiap {options['every']} menit."
            )
            return
        summary = complaints_escalate()
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "response": summary.response,
                        "followup": summary.followup,
                        "mails": summary.mails,
                    }
                )
            )
            return
        self.stdout.write(
            f"Dieskalasi: {summary.response} aduan lewat batas tanggapan, {summary.followup} "
            f"lewat batas tindak lanjut; {summary.mails} e-mail ke pimpinan."
        )

    def _seed(self, code: str | None) -> None:
        found = Instansi.objects.filter(code=code) if code else Instansi.objects.all()
        if code and not found.exists():
            raise CommandError(f"Instansi {code} tidak ditemukan.")
        for instansi in found.order_by("id"):
            try:
                created = categories_seed(actor="penata complaints", instansi=instansi)
            except ApplicationError as error:
                raise CommandError(error.message) from error
            self.stdout.write(f"{instansi.name}: {created} kategori ditambahkan.")
