"""Plain rows of a queryset, for reads that aggregate thousands of rows in Python."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet


def fetch_rows(queryset: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The rows of a `values_list` queryset straight from the database cursor.

    Skips Django's per-row converters (on SQLite, booleans, decimals and aggregates are
    converted value by value: a third of the time of loading a province's structure). Callers
    convert what they need: booleans with `bool()`; decimals are best selected as text.
    """
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # e.g. `__in=[]`: Django answers it without asking the database
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
