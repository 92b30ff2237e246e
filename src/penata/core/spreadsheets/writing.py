"""Stream rows into xlsx or csv with flat memory, formula cells neutralised.

`XlsxRowWriter` uses xlsxwriter's `constant_memory` mode (each row is flushed to disk as it is
written), `CsvRowWriter` and `csv_lines` write one line at a time; neither holds the table.
Text goes through `penata.core.safe_export.neutralise` and is written as text, never as a
formula; dates as real dates (xlsx) or ISO `YYYY-MM-DD` (csv).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import decimal
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

import xlsxwriter

from penata.core.safe_export import neutralise


class RowWriter(Protocol):
    def write(self, row: Sequence[Any]) -> None: ...
    def close(self) -> None: ...


def csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return neutralise(value)


class XlsxRowWriter:
    """One worksheet written row by row (`constant_memory`); header row bold and frozen."""

    def __init__(
        self,
        target: str | Path | IO[bytes],
        header: Sequence[str],
        *,
        sheet_name: str = "Data",
        widths: Sequence[int] | None = None,
        text_columns: Iterable[int] = (),
    ) -> None:
        filename: Any = str(target) if isinstance(target, str | Path) else target
        self.book = xlsxwriter.Workbook(
            filename, {"constant_memory": True, "in_memory": False, "strings_to_numbers": False}
        )
        self.sheet = self.book.add_worksheet(sheet_name[:31])
        bold = self.book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        self.date_format = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.text_format = self.book.add_format({"num_format": "@"})
        self.text_columns = set(text_columns)
        for col, width in enumerate(widths or [max(12, min(40, len(h) + 4)) for h in header]):
            fmt = self.text_format if col in self.text_columns else None
            self.sheet.set_column(col, col, width, fmt)
        for col, title in enumerate(header):
            self.sheet.write_string(0, col, title, bold)
        self.sheet.freeze_panes(1, 0)
        self.row = 1

    def write(self, row: Sequence[Any]) -> None:
        sheet, r = self.sheet, self.row
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                sheet.write_string(r, col, "Ya" if value else "Tidak")
            elif isinstance(value, dt.datetime):
                sheet.write_datetime(r, col, value.replace(tzinfo=None), self.date_format)
            elif isinstance(value, dt.date):
                sheet.write_datetime(r, col, value, self.date_format)
            elif isinstance(value, int | float):
                sheet.write_number(r, col, value)
            elif isinstance(value, decimal.Decimal):
                sheet.write_number(r, col, float(value))
            else:
                sheet.write_string(r, col, neutralise(str(value)))
        self.row += 1

    def close(self) -> None:
        self.book.close()


class CsvRowWriter:
    """CSV with a UTF-8 BOM (so Excel opens it as UTF-8), comma-separated."""

    def __init__(self, target: IO[str], header: Sequence[str]) -> None:
        target.write("\ufeff")
        self.writer = csv.writer(target)
        self.writer.writerow(header)
        self.target = target

    def write(self, row: Sequence[Any]) -> None:
        self.writer.writerow([csv_value(v) for v in row])

    def close(self) -> None:
        self.target.flush()


class _Line:
    """A file-like sink that hands back what csv.writer wrote for one row."""

    def __init__(self) -> None:
        self.value = ""

    def write(self, text: str) -> int:
        self.value = text
        return len(text)


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """CSV text line by line (BOM first), for a StreamingHttpResponse."""
    line = _Line()
    writer = csv.writer(line)
    writer.writerow(header)
    yield codecs.BOM_UTF8.decode("utf-8") + line.value
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
        yield line.value


class _FileRowWriter:
    """A RowWriter that also owns the file it writes to."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self.handle = path.open("w", encoding="utf-8", newline="")
        self.inner = CsvRowWriter(self.handle, header)

    def write(self, row: Sequence[Any]) -> None:
        self.inner.write(row)

    def close(self) -> None:
        self.inner.close()
        self.handle.close()


def row_writer_for(
    path: str | Path,
    header: Sequence[str],
    *,
    sheet_name: str = "Data",
    text_columns: Iterable[int] = (),
) -> RowWriter:
    """An xlsx or csv writer chosen by the file extension (`.xlsx` or `.csv`)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return XlsxRowWriter(path, header, sheet_name=sheet_name, text_columns=text_columns)
    if suffix == ".csv":
        return _FileRowWriter(path, header)
    raise ValueError(f"Format ekspor tidak dikenal: {suffix or '(tanpa ekstensi)'}")


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]], **options: Any) -> bytes:
    """A small workbook in memory (error reports and the like)."""
    buffer = io.BytesIO()
    writer = XlsxRowWriter(buffer, header, **options)
    for row in rows:
        writer.write(row)
    writer.close()
    return buffer.getvalue()
