"""A constant written into the SQL text instead of being sent as a query parameter.

SQLite uses a partial index (`Index(..., condition=Q(status="pending"))`) only when the query
itself names the same constant: a bound parameter hides the value from the planner, which
then scans the whole index of the instansi instead (the city dashboard's count of activities
awaiting approval went from 14 ms to 109 ms that way on 2.5 million rows). PostgreSQL, which
Django sends values to inline, is unaffected.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Value

_SAFE = re.compile(r"[A-Za-z0-9_]+")


class Inline(Value):
    """`filter(status=Inline("pending"))`: only plain codes (letters, digits, _) qualify."""

    def __init__(self, value: str) -> None:
        if not isinstance(value, str) or not _SAFE.fullmatch(value):
            raise ValueError(f"Inline takes a plain code, not {value!r}")
        super().__init__(str(value))

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        return f"'{self.value}'", ()
