"""Neutralise spreadsheet formulas in exported cells (CSV/formula injection, OWASP).

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel and LibreOffice when the file is opened. Every export of user-entered text goes
through `neutralise` so that a name like `=HYPERLINK(...)` stays text. The prefix is a single
quote, which spreadsheet programs hide and which `unneutralise` strips again on import, so
an export re-imports unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value: Any) -> Any:
    """Return `value` with a leading `'` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return QUOTE + value
    return value


def unneutralise(value: str) -> str:
    """Undo `neutralise` on a cell read back from one of our exports."""
    if value.startswith(QUOTE) and value[1:2] in FORMULA_TRIGGERS and len(value) > 1:
        return value[1:]
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """`neutralise` every cell of a row."""
    return [neutralise(v) for v in values]
