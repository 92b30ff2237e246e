"""Cell parsers for imports: a spreadsheet cell in, a clean Python value out, or CellError.

Cells arrive as python-calamine gives them (str, float, int, bool, date, datetime) or as CSV
text. Every parser accepts both, so an xlsx and its csv twin import to the same values.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable, Mapping
from typing import Any

from penata.core.safe_export import unneutralise


class CellError(ValueError):
    """A cell that cannot be read: `code` is stable (`cell.date` …), `message` Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


Parser = Callable[[Any], Any]


def is_blank(cell: Any) -> bool:
    return cell is None or cell == "" or (isinstance(cell, str) and not cell.strip())


def fold(text: str) -> str:
    """Lower case, punctuation and repeated spaces dropped: `Norma Waktu (menit)` →
    `norma waktu menit`. Used for header names and enumeration values."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def as_text(cell: Any) -> str:
    if isinstance(cell, str):
        return unneutralise(cell.strip())
    if isinstance(cell, bool):
        return "Ya" if cell else "Tidak"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return str(cell).strip()


def text(max_length: int) -> Parser:
    def parse(cell: Any) -> str:
        value = as_text(cell)
        if len(value) > max_length:
            raise CellError(
                "cell.too_long",
                f"Isian terlalu panjang ({len(value)} karakter; maks. {max_length}).",
            )
        return value

    return parse


def one_line(max_length: int) -> Parser:
    """Text with inner runs of whitespace collapsed (names, titles, codes)."""

    def parse(cell: Any) -> str:
        # The hot path of every import: plain text cells skip the general conversion.
        if cell.__class__ is str:
            value = " ".join(cell.split())
            if value[:1] == "'":
                value = unneutralise(value)
        else:
            value = " ".join(as_text(cell).split())
        if len(value) > max_length:
            raise CellError(
                "cell.too_long",
                f"Isian terlalu panjang ({len(value)} karakter; maks. {max_length}).",
            )
        return value

    return parse


_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d %m %Y")
_MONTHS = {
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "mar": 3, "maret": 3, "apr": 4,
    "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "agu": 8,
    "agt": 8, "agustus": 8, "aug": 8, "sep": 9, "september": 9, "okt": 10, "oktober": 10,
    "oct": 10, "nov": 11, "november": 11, "des": 12, "desember": 12, "dec": 12,
}  # fmt: skip
_WORD_DATE = re.compile(r"^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$")


def date(cell: Any) -> dt.date:
    """A date cell, or text as `2024-01-31`, `31-01-2024`, `31/01/2024`, `31 Januari 2024`."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    raw = as_text(cell)
    value = raw.split(" ")[0] if re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d", raw) else raw
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    match = _WORD_DATE.match(value)
    if match and match.group(2).casefold() in _MONTHS:
        try:
            return dt.date(
                int(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1))
            )
        except ValueError:
            pass
    raise CellError(
        "cell.date", f"'{raw}' bukan tanggal yang sah (gunakan TTTT-BB-HH atau HH-BB-TTTT)."
    )


def _number(cell: Any) -> decimal.Decimal:
    if isinstance(cell, bool):
        raise CellError("cell.number", "Isian harus berupa angka.")
    if isinstance(cell, int):
        return decimal.Decimal(cell)
    if isinstance(cell, float):
        return decimal.Decimal(repr(cell))
    raw = as_text(cell).replace(" ", "")
    # Indonesian notation writes 1.250,5; plain data writes 1250.5. A comma is decimal when
    # it is the last separator.
    if "," in raw and (raw.rfind(",") > raw.rfind(".")):
        raw = raw.replace(".", "").replace(",", ".")
    try:
        return decimal.Decimal(raw)
    except decimal.InvalidOperation:
        raise CellError("cell.number", f"'{as_text(cell)}' bukan angka.") from None


def integer(minimum: int | None = None, maximum: int | None = None) -> Parser:
    def parse(cell: Any) -> int:
        number = _number(cell)
        if not number.is_finite() or number != number.to_integral_value():
            raise CellError("cell.number", f"'{as_text(cell)}' harus bilangan bulat.")
        value = int(number)
        _check_range(value, minimum, maximum)
        return value

    return parse


def decimal_number(
    *, max_digits: int, places: int, minimum: decimal.Decimal | int | None = 0
) -> Parser:
    quantum = decimal.Decimal(1).scaleb(-places)
    limit = decimal.Decimal(10) ** (max_digits - places)

    def parse(cell: Any) -> decimal.Decimal:
        number = _number(cell)
        if not number.is_finite():
            raise CellError("cell.number", f"'{as_text(cell)}' bukan angka.")
        value = number.quantize(quantum, rounding=decimal.ROUND_HALF_UP)
        if abs(value) >= limit:
            raise CellError("cell.range", f"Angka {as_text(cell)} terlalu besar.")
        _check_range(value, minimum, None)
        return value

    return parse


def _check_range(value: Any, minimum: Any, maximum: Any) -> None:
    if minimum is not None and value < minimum:
        raise CellError("cell.range", f"Nilai {value} di bawah batas minimum {minimum}.")
    if maximum is not None and value > maximum:
        raise CellError("cell.range", f"Nilai {value} di atas batas maksimum {maximum}.")


_TRUE = {"ya", "y", "1", "true", "benar", "x", "v"}
_FALSE = {"tidak", "t", "n", "0", "false", "salah", "bukan", "no"}


def boolean(cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    value = fold(as_text(cell))
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError("cell.choice", f"'{as_text(cell)}' bukan pilihan yang sah (Ya atau Tidak).")


def choice(options: Mapping[str, str], aliases: Mapping[str, str] | None = None) -> Parser:
    """One of `options` (code → label), matched by code, label or alias, ignoring case and
    punctuation. Returns the code."""
    lookup: dict[str, str] = {}
    for code, label in options.items():
        lookup[fold(code)] = code
        lookup[fold(label)] = code
    for alias, code in (aliases or {}).items():
        lookup[fold(alias)] = code
    allowed = ", ".join(options.values())
    # Enumeration columns repeat a handful of spellings; remember each one seen.
    seen: dict[str, str] = {}

    def parse(cell: Any) -> str:
        if cell.__class__ is str and cell in seen:
            return seen[cell]
        raw = as_text(cell)
        found = lookup.get(fold(raw))
        if found is None:
            raise CellError("cell.choice", f"'{raw}' bukan pilihan yang sah. Pilihan: {allowed}.")
        if cell.__class__ is str and len(seen) < 1000:
            seen[cell] = found
        return found

    return parse


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email(cell: Any) -> str:
    value = as_text(cell)
    if len(value) > 254 or not _EMAIL.match(value):
        raise CellError("cell.email", f"'{value}' bukan alamat surel yang sah.")
    return value


def identifier(label: str, code_prefix: str, max_length: int) -> Parser:
    """Long digit strings (NIP 18, NIK 16): refuse numeric cells, which Excel has already
    rounded to 15 significant digits."""

    def parse(cell: Any) -> str:
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            raise CellError(
                f"{code_prefix}.numeric_cell",
                f"{label} tersimpan sebagai angka sehingga digit terakhirnya hilang. Format "
                f"kolom {label} sebagai Teks lalu ketik ulang.",
            )
        value = as_text(cell)
        if len(value) > max_length + 8:
            raise CellError("cell.too_long", f"{label} terlalu panjang.")
        return value

    return parse
