"""The acknowledgement list of an announcement as xlsx (cells neutralised)."""

from __future__ import annotations

import io
from collections.abc import Iterable

import xlsxwriter
from django.utils import timezone

from penata.change.audience import REASONS
from penata.change.models import Announcement, Recipient
from penata.core.safe_export import safe_row

HEADERS = ("NIP", "Nama", "Unit", "Alasan menerima", "Diberi tahu", "Dikonfirmasi", "Pengingat")


def _when(value: object) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""  # type: ignore[arg-type]


def ack_workbook(announcement: Announcement, rows: Iterable[Recipient]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("Konfirmasi")
    sheet.write_row(0, 0, safe_row([announcement.title]), bold)
    sheet.write_row(2, 0, HEADERS, bold)
    for index, row in enumerate(rows, start=3):
        sheet.write_row(
            index,
            0,
            safe_row(
                [
                    row.employee.nip,
                    row.employee.name,
                    row.unit.name if row.unit else "",
                    REASONS.get(row.reason, row.reason),
                    _when(row.notified_at),
                    _when(row.acknowledged_at) or "belum",
                    row.reminder_count,
                ]
            ),
        )
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 2, 36)
    sheet.set_column(3, 5, 20)
    book.close()
    return buffer.getvalue()
