"""Read duty statements for overlap detection from a JSON or Excel file.

JSON: a list of objects `{"id": "…", "unit": "…", "duty": "…", "position": "…"}` (`id` and
`position` optional; ids default to the item's number). Excel (xlsx/xls, first sheet): a
header row with columns `unit` and `duty` (also accepted: "unit kerja"; "uraian tugas",
"tugas"), optional `id` and `position` ("jabatan"); ids default to the spreadsheet row number.

Two kinds of refusal, both `ApplicationError`s with Indonesian messages:
- `UnreadableFile` — the file is missing, is neither JSON nor Excel, or is corrupt;
- `InvalidRows` — the file reads, but columns are missing or rows are wrong; every problem is
  listed in `extra["errors"]` with its row and column, and nothing is analysed.

This module is the adapter between files and the pure detector: it uses the project's guarded
spreadsheet reader (size, zip-bomb and encryption checks), hence Django settings.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

from penata.core.errors import ApplicationError
from penata.core.spreadsheets.reading import SheetError, open_table
from penata.restructure.overlap.detect import Statement

MAX_LISTED_ERRORS = 20

COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "unit": ("unit", "unit kerja"),
    "duty": ("duty", "uraian tugas", "tugas"),
    "position": ("position", "jabatan"),
}
REQUIRED = ("unit", "duty")


class OverlapErrorCode(StrEnum):
    FILE_MISSING = "overlap.file_missing"
    FILE_FORMAT = "overlap.file_format"
    FILE_CORRUPT = "overlap.file_corrupt"
    COLUMN_MISSING = "overlap.column_missing"
    ROWS_INVALID = "overlap.rows_invalid"
    NO_ROWS = "overlap.no_rows"


class UnreadableFile(ApplicationError):
    """The file cannot be read as a list of statements at all."""


class InvalidRows(ApplicationError):
    """The file reads, but its columns or rows are wrong; `extra["errors"]` lists them."""

    status_code = 422


def load_statements(path: str | Path) -> list[Statement]:
    """Return the statements of a JSON or Excel file; raise UnreadableFile or InvalidRows."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFile(
            OverlapErrorCode.FILE_MISSING,
            f"Berkas {path} tidak ditemukan.",
            {"path": str(path)},
        )
    with path.open("rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if path.suffix.lower() == ".json" or head[:1] in (b"[", b"{"):
        return _from_json(path)
    return _from_spreadsheet(path)


def _from_json(path: Path) -> list[Statement]:
    try:
        items = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            OverlapErrorCode.FILE_CORRUPT,
            f"Berkas {path.name} bukan teks UTF-8; simpan ulang sebagai JSON UTF-8.",
            {"path": str(path)},
        ) from error
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            OverlapErrorCode.FILE_CORRUPT,
            f"Berkas {path.name} bukan JSON yang sah (baris {error.lineno}, kolom {error.colno}): "
            f"{error.msg}.",
            {"path": str(path), "line": error.lineno, "column": error.colno},
        ) from error
    if not isinstance(items, list):
        raise UnreadableFile(
            OverlapErrorCode.FILE_FORMAT,
            f"Berkas {path.name} harus berisi daftar JSON: "
            '[{"id": "…", "unit": "…", "duty": "…"}, …].',
            {"path": str(path)},
        )
    rows: list[tuple[str, dict[str, Any]]] = []
    errors: list[dict[str, Any]] = []
    for number, item in enumerate(items, start=1):
        where = f"Butir ke-{number}"
        if not isinstance(item, dict):
            errors.append(_error(where, number, "", "bukan objek JSON dengan unit dan duty."))
            continue
        rows.append((where, {**item, "_number": number}))
    return _statements(rows, errors, default_id=lambda values: str(values["_number"]))


def _from_spreadsheet(path: Path) -> list[Statement]:
    try:
        table = open_table(path)
    except SheetError as error:
        if error.code == "file.not_spreadsheet":
            raise _not_json_or_excel(path) from error
        raise UnreadableFile(error.code, error.message, error.extra) from error
    if table.source == "csv":
        raise _not_json_or_excel(path)
    positions: dict[str, int] = {}
    for index, title in enumerate(table.header):
        key = title.strip().casefold()
        for column, names in COLUMNS.items():
            if key in names and column not in positions:
                positions[column] = index
    missing = [column for column in REQUIRED if column not in positions]
    if missing:
        listed = ", ".join(
            f"'{column}'" + (f" (atau {', '.join(repr(name) for name in COLUMNS[column][1:])})")
            for column in missing
        )
        raise InvalidRows(
            OverlapErrorCode.COLUMN_MISSING,
            f"Kolom {listed} tidak ada di baris judul (baris {table.header_row}); kolom yang "
            f"ada: {', '.join(repr(title) for title in table.header if title) or 'tidak ada'}.",
            {"missing": missing, "header": table.header},
        )
    rows: list[tuple[str, dict[str, Any]]] = []
    for number, cells in table.rows():
        if all(cell in ("", None) for cell in cells):
            continue
        values = {
            column: cells[index] if index < len(cells) else None
            for column, index in positions.items()
        }
        rows.append((f"Baris {number}", {**values, "_number": number}))
    return _statements(rows, [], default_id=lambda values: str(values["_number"]))


def _not_json_or_excel(path: Path) -> UnreadableFile:
    return UnreadableFile(
        OverlapErrorCode.FILE_FORMAT,
        f"Berkas {path.name} bukan JSON atau Excel (.xlsx). Simpan sebagai .xlsx atau .json.",
        {"path": str(path)},
    )


def _statements(
    rows: list[tuple[str, dict[str, Any]]],
    errors: list[dict[str, Any]],
    *,
    default_id: Any,
) -> list[Statement]:
    statements: list[Statement] = []
    seen: dict[str, str] = {}
    for where, values in rows:
        number = values["_number"]
        problems = False
        for column in REQUIRED:
            if _text(values.get(column)) == "":
                label = "unit kerja" if column == "unit" else "uraian tugas"
                errors.append(_error(where, number, column, f"{label} kosong."))
                problems = True
        identifier = _text(values.get("id")) or default_id(values)
        if identifier in seen:
            errors.append(
                _error(
                    where, number, "id", f"id '{identifier}' sudah dipakai di {seen[identifier]}."
                )
            )
            problems = True
        seen.setdefault(identifier, where.lower())
        if not problems:
            statements.append(
                Statement(
                    id=identifier,
                    unit=_text(values["unit"]),
                    text=_text(values["duty"]),
                    position=_text(values.get("position")),
                )
            )
    if errors:
        errors.sort(key=lambda error: error["row"])
        listed = "\n".join(error["message"] for error in errors[:MAX_LISTED_ERRORS])
        more = len(errors) - MAX_LISTED_ERRORS
        suffix = f"\n… dan {more} kesalahan lain." if more > 0 else ""
        raise InvalidRows(
            OverlapErrorCode.ROWS_INVALID,
            f"{len(errors)} kesalahan pada data; tidak ada yang dianalisis:\n{listed}{suffix}",
            {"errors": errors},
        )
    if not statements:
        raise InvalidRows(OverlapErrorCode.NO_ROWS, "Berkas tidak berisi uraian tugas satu pun.")
    return statements


def _error(where: str, row: int, column: str, why: str) -> dict[str, Any]:
    place = f"{where}, kolom '{column}'" if column else where
    return {"row": row, "column": column, "message": f"{place}: {why}"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())
