"""`penata change_reminders`: remind recipients who have not acknowledged (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from penata.change.services import reminders_send


class Command(BaseCommand):
    help = "Kirim pengingat kepada penerima pengumuman yang belum mengonfirmasi."

    def handle(self, *args: Any, **options: Any) -> None:
        count = reminders_send(actor="sistem")
        self.stdout.write(f"Pengingat terkirim: {count}")
