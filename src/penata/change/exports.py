"""The acknowledgement list of an announcement as xlsx (cells neutralised)."""

from __future__ import annotations

import io
from collections.abc import Iterable

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from penata.change.audience import REASONS
from penata.change.models import Announcement, Recipient
from penata.core.safe_export import safe_row

# Lazily translated: str() each heading when writing the file.
HEADERS = (
    "NIP",
    _("Nama"),
    _("Unit"),
    _("Alasan menerima"),
    _("Diberi tahu"),
    _("Dikonfirmasi"),
    _("Pengingat"),
)


def _when(value: object) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""  # type: ignore[arg-type]


def ack_workbook(announcement: Announcement, rows: Iterable[Recipient]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet(gettext("Konfirmasi"))
    sheet.write_row(0, 0, safe_row([announcement.title]), bold)
    sheet.write_row(2, 0, [str(h) for h in HEADERS], bold)
    for index, row in enumerate(rows, start=3):
        sheet.write_row(
            index,
            0,
            safe_row(
                [
                    row.employee.nip,
                    row.employee.name,
                    row.unit.name if row.unit else "",
                    str(REASONS.get(row.reason, row.reason)),
                    _when(row.notified_at),
                    _when(row.acknowledged_at) or gettext("belum"),
                    row.reminder_count,
                ]
            ),
        )
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 2, 36)
    sheet.set_column(3, 5, 20)
    book.close()
    return buffer.getvalue()
