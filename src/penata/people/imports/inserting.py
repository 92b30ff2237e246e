"""Insert many rows of one model with `executemany` and one prepared statement.

Why not `bulk_create`: on SQLite Django 5.2 caps a statement at 999 parameters, so 100,000
employees (16 columns) become 1,600 INSERTs, each compiled afresh from model instances; that
compilation was two thirds of a 100,000-row import. Here the statement is built once from the
model's metadata (never from input) and every row is a plain tuple; values are adapted with
the backend's own `adapt_*` operations, as the ORM does. No ids come back: callers that need
them read them with one query afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connections, models, router

BATCH = 5000


def _adapter(field: models.Field[Any, Any], connection: Any) -> Callable[[Any], Any] | None:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    # Plain dates need no adapter: psycopg adapts them natively and Django's SQLite backend
    # registers an sqlite3 adapter for them (the same ISO text `adapt_datefield_value` gives).
    if isinstance(field, models.DecimalField):
        digits, places = field.max_digits, field.decimal_places
        return lambda value: ops.adapt_decimalfield_value(value, digits, places)
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def insert_rows(
    model: type[models.Model], field_names: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """INSERT `rows` (tuples in `field_names` order; foreign keys by attname, e.g.
    `instansi_id`) into `model`'s table; returns the number of rows. Runs in the caller's
    transaction."""
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    fields: list[Any] = [meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model's metadata, never from input.
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    adapters = [(i, a) for i, f in enumerate(fields) if (a := _adapter(f, connection))]
    count = 0
    batch: list[Sequence[Any]] = []
    with connection.cursor() as cursor:
        for row in rows:
            if adapters:
                values = list(row)
                for i, adapt in adapters:
                    if values[i] is not None:
                        values[i] = adapt(values[i])
                row = values
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count
