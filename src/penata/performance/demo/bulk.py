"""Fast inserts for the demo and the benchmark data: explicit ids and `executemany` (SQLite)
or COPY (PostgreSQL), the column list read from the model. Not for domain code: rows go in
without model validation, audit events or signals."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import islice
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max

BATCH = 20_000


def next_id(model: type[models.Model]) -> int:
    """The first free primary key of `model` (the demo writes ids itself)."""
    found = model._default_manager.aggregate(n=Max("pk"))["n"]
    return int(found or 0) + 1


def _sqlite_datetime(value: dt.datetime | None) -> str | None:
    # Django keeps aware datetimes in SQLite as naive UTC text.
    if value is None:
        return None
    if value.tzinfo is not None:
        if value.tzinfo is not dt.UTC:
            value = value.astimezone(dt.UTC)
        value = value.replace(tzinfo=None)
    return value.isoformat(sep=" ")


def _sqlite_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _sqlite_decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _sqlite_bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _converter(field: Any) -> Any:
    """How a value of `field` goes into SQLite (None: as it is)."""
    if isinstance(field, models.DateTimeField):
        return _sqlite_datetime
    if isinstance(field, models.DateField):
        return _sqlite_date
    if isinstance(field, models.DecimalField):
        return _sqlite_decimal
    if isinstance(field, models.BooleanField):
        return _sqlite_bool
    if isinstance(field, models.JSONField):
        return lambda v: v if isinstance(v, str) or v is None else json.dumps(v)
    return None


def _chunks(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def insert(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert `rows` (values in the order of `fields`, attribute names) into `model`'s table."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = [str(getattr(meta.get_field(f), "column", f)) for f in fields]
    table = quote(meta.db_table)
    names = ", ".join(quote(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg's own cursor: COPY is the fast path there
            with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608 - names from model metadata
        converters = [(n, c) for n, f in enumerate(fields) if (c := _converter(meta.get_field(f)))]
        for chunk in _chunks(rows, BATCH):
            prepared = []
            for row in chunk:
                values = list(row)
                for n, convert in converters:
                    values[n] = convert(values[n])
                prepared.append(values)
            cursor.executemany(sql, prepared)
            count += len(chunk)
    return count


def reset_sequences(models_: Sequence[type[models.Model]]) -> None:
    """After inserts with explicit ids, move PostgreSQL's id sequences past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def analyze(models_: Sequence[type[models.Model]]) -> None:
    """Refresh the planner's statistics after a bulk load (SQLite and PostgreSQL alike)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f"ANALYZE {quote(model._meta.db_table)}")
