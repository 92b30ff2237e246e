"""SKM survey periods: a year, a semester or a triwulan (quarter). Pure (no Django).

PermenPAN-RB 14/2017 asks for a survey at least once a year; units that survey more often
report per semester or triwulan. A period is written as a short code:
`2025` (year), `2025-S1` (semester), `2025-T3` (triwulan).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, Literal

PeriodKind = Literal["year", "semester", "quarter"]
PERIOD_KINDS: Final = {"quarter": "Triwulan", "semester": "Semester", "year": "Tahun"}
_ROMAN: Final = ("I", "II", "III", "IV")
_CODE: Final = re.compile(r"^(\d{4})(?:-([ST])([1-4]))?$")


def period_of(day: dt.date, kind: str) -> str:
    """The code of the period of `kind` that holds `day`."""
    if kind == "year":
        return f"{day.year}"
    if kind == "semester":
        return f"{day.year}-S{1 if day.month <= 6 else 2}"
    if kind == "quarter":
        return f"{day.year}-T{(day.month - 1) // 3 + 1}"
    raise ValueError(f"unknown period kind {kind!r}")


def parse(code: str) -> tuple[int, str, int]:
    """`2025-T3` → (2025, "quarter", 3); `2025` → (2025, "year", 1). ValueError if bad."""
    match = _CODE.match(code.strip())
    if not match:
        raise ValueError(f"not a period code: {code!r}")
    year, letter, number = match.groups()
    if letter is None:
        return int(year), "year", 1
    n = int(number)
    if letter == "S" and n > 2:
        raise ValueError(f"not a period code: {code!r}")
    return int(year), "semester" if letter == "S" else "quarter", n


def is_valid(code: str) -> bool:
    try:
        parse(code)
    except ValueError:
        return False
    return True


def bounds(code: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period."""
    year, kind, n = parse(code)
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    months = 6 if kind == "semester" else 3
    first_month = (n - 1) * months + 1
    start = dt.date(year, first_month, 1)
    end_month = first_month + months
    end = (
        dt.date(year + 1, 1, 1) if end_month > 12 else dt.date(year, end_month, 1)
    ) - dt.timedelta(days=1)
    return start, end


def label(code: str) -> str:
    """`2025-T3` → `Triwulan III 2025`, `2025-S1` → `Semester I 2025`, `2025` → `Tahun 2025`."""
    year, kind, n = parse(code)
    if kind == "year":
        return f"Tahun {year}"
    return f"{PERIOD_KINDS[kind]} {_ROMAN[n - 1]} {year}"


def previous(code: str, count: int) -> list[str]:
    """The `count` periods ending with `code`, oldest first."""
    year, kind, n = parse(code)
    per_year = {"year": 1, "semester": 2, "quarter": 4}[kind]
    index = year * per_year + (n - 1)
    out = []
    for i in range(index - count + 1, index + 1):
        y, k = divmod(i, per_year)
        if kind == "year":
            out.append(f"{y}")
        else:
            out.append(f"{y}-{'S' if kind == 'semester' else 'T'}{k + 1}")
    return out
