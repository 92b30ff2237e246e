"""Downloadable workbooks around an import: the empty template of each kind and the error
report of a failed check."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from penata.core.spreadsheets.writing import xlsx_bytes
from penata.people.imports.columns import SHEETS

# Data-validation dropdowns cover this many rows below the header.
TEMPLATE_ROWS = 100_000


def template_bytes(kind: str) -> bytes:
    """The xlsx template of `kind`: header, one example row, dropdown lists for every
    enumeration (kept on a hidden sheet), text format for NIP/NIK and a sheet of guidance."""
    sheet = SHEETS[kind]
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    data = book.add_worksheet("Data")
    guide = book.add_worksheet("Petunjuk")
    lists = book.add_worksheet("Pilihan")
    lists.hide()
    required = book.add_format({"bold": True, "bg_color": "#F8CBAD", "border": 1})
    optional = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    text = book.add_format({"num_format": "@"})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    list_col = 0
    for col, column in enumerate(sheet.columns):
        data.set_column(col, col, column.width, text if column.is_text else None)
        data.write_string(0, col, column.title, required if column.required else optional)
        if column.hint:
            data.write_comment(0, col, column.hint)
        example = column.example
        if isinstance(example, str) and _looks_like_date(example) and not column.is_text:
            data.write_datetime(1, col, dt.date.fromisoformat(example), date)
        elif isinstance(example, int | float):
            data.write_number(1, col, example)
        elif example:
            data.write_string(1, col, str(example))
        if column.choices:
            labels = list(column.choices.values())
            letter = xl_col_to_name(list_col)
            lists.write_string(0, list_col, column.title)
            for i, label in enumerate(labels, start=1):
                lists.write_string(i, list_col, label)
            data.data_validation(
                1, col, TEMPLATE_ROWS, col,
                {
                    "validate": "list",
                    "source": f"=Pilihan!${letter}$2:${letter}${len(labels) + 1}",
                    "error_title": "Pilihan tidak sah",
                    "error_message": f"Pilih salah satu isian {column.title} dari daftar.",
                    "error_type": "warning",
                },
            )  # fmt: skip
            list_col += 1
    data.freeze_panes(1, 0)
    bold = book.add_format({"bold": True})
    guide.set_column(0, 0, 24)
    guide.set_column(1, 1, 10)
    guide.set_column(2, 2, 80)
    guide.write_string(0, 0, f"Templat impor: {sheet.label}", bold)
    guide.write_string(
        1, 0, "Baris 1 lembar Data adalah judul kolom; hapus baris contoh sebelum mengimpor. "
        "Kolom oranye wajib diisi. Impor bersifat semua-atau-tidak-sama-sekali."
    )  # fmt: skip
    for col, title in enumerate(("Kolom", "Wajib", "Keterangan / pilihan")):
        guide.write_string(3, col, title, bold)
    for row, column in enumerate(sheet.columns, start=4):
        guide.write_string(row, 0, column.title)
        guide.write_string(row, 1, "Ya" if column.required else "")
        notes = [column.hint] if column.hint else []
        if column.choices:
            notes.append("Pilihan: " + ", ".join(column.choices.values()))
        if column.aliases:
            notes.append("Juga dikenali: " + ", ".join(column.aliases))
        guide.write_string(row, 2, " ".join(notes))
    book.close()
    return buffer.getvalue()


def _looks_like_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def error_report_bytes(errors: Iterable[Mapping[str, Any]]) -> bytes:
    """Every problem of an import as a workbook: row, column, code, message."""
    rows = (
        [e.get("row") or "", e.get("column") or "", e.get("code", ""), e.get("message", "")]
        for e in errors
    )
    return xlsx_bytes(
        ["Baris", "Kolom", "Kode", "Pesan"], rows, sheet_name="Kesalahan", widths=[8, 24, 28, 100]
    )
