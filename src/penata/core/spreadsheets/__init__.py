"""Reading and writing spreadsheets (xlsx, csv) safely and fast, for every app's imports and
exports. `reading` opens untrusted uploads behind size, type and zip-bomb guards;
`writing` streams rows out with formula cells neutralised (`penata.core.safe_export`)."""

from penata.core.spreadsheets.reading import SheetError, Table, open_table
from penata.core.spreadsheets.writing import (
    CsvRowWriter,
    XlsxRowWriter,
    csv_lines,
    row_writer_for,
)

__all__ = [
    "CsvRowWriter",
    "SheetError",
    "Table",
    "XlsxRowWriter",
    "csv_lines",
    "open_table",
    "row_writer_for",
]
