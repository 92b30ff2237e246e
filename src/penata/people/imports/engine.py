"""Run an import: read the file, check every row, compare with the database, apply all or
nothing.

Flow: `open_table` (file guards) → `match_header` (column names) → parse every row, collecting
every problem → the kind's `plan` (one query per table for existing rows and references) →
if any problem, stop with nothing written → else `apply` inside one `transaction.atomic`
(bulk inserts and updates) with one audit event. A process killed at any point leaves the
database as it was: the only writes happen inside that transaction.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import os
import sys
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from penata.core import audit
from penata.core.dating import today
from penata.core.spreadsheets import SheetError, Table, open_table
from penata.org.models import Instansi
from penata.people.imports.cells import CellError, fold, is_blank
from penata.people.imports.columns import KEEP, SHEETS, Column, Sheet

ProgressFn = Callable[[str, int, int], None]

STAGE_LABELS = {
    "read": "Membaca dan memeriksa baris",
    "check": "Mencocokkan dengan data tersimpan",
    "write": "Menyimpan ke basis data",
}
# How many changed rows a summary shows (the preview page and the audit event).
CHANGE_SAMPLE = 100
AUDIT_KEY_LIMIT = 1000
PROGRESS_EVERY = 2000


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def checkpoint(stage: str) -> None:
    """Pause here when `PENATA_IMPORT_PAUSE_AT` names this stage.

    Crash-safety tests run `penata import` in a subprocess with this variable set, wait for
    the marker line on stderr and kill the process at that exact point.
    """
    if os.environ.get("PENATA_IMPORT_PAUSE_AT") == stage:
        print(f"penata-import-checkpoint {stage}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("PENATA_IMPORT_PAUSE_SECONDS", "60")))


def plain(value: Any) -> Any:
    """JSON-safe form of a cell value for summaries."""
    if value is KEEP:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return value


@dataclass
class Problems:
    """Every problem found, up to `limit` entries (the rest are counted in `omitted`)."""

    limit: int
    items: list[dict[str, Any]] = field(default_factory=list)
    omitted: int = 0
    total: int = 0

    def add(self, row: int | None, column: str, code: str, message: str) -> None:
        self.total += 1
        if len(self.items) >= self.limit:
            self.omitted += 1
            return
        self.items.append({"row": row, "column": column, "code": code, "message": message})

    def __bool__(self) -> bool:
        return bool(self.items) or self.omitted > 0


@dataclass(slots=True)
class ParsedRow:
    number: int
    values: dict[str, Any]
    key: tuple[Any, ...] = ()


@dataclass
class Plan:
    """What applying would do: counts, a sample of changes, and the kind's own payload."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: list[dict[str, Any]] = field(default_factory=list)
    created_keys: list[str] = field(default_factory=list)
    updated_keys: list[str] = field(default_factory=list)
    payload: dict[str, Any] = field(default_factory=dict)

    def note(self, row: int, key: str, diff: dict[str, tuple[Any, Any]] | None) -> None:
        """Count one row: `diff` None = create, empty = unchanged, else update."""
        if diff is None:
            self.created += 1
            self.created_keys.append(key)
            action = "create"
        elif diff:
            self.updated += 1
            self.updated_keys.append(key)
            action = "update"
        else:
            self.unchanged += 1
            return
        if len(self.changes) < CHANGE_SAMPLE:
            fields = {k: [plain(a), plain(b)] for k, (a, b) in (diff or {}).items()}
            self.changes.append({"row": row, "key": key, "action": action, "fields": fields})


@dataclass
class Context:
    """Everything a kind's importer needs while planning and applying one file."""

    instansi: Instansi
    sheet: Sheet
    present: frozenset[str]
    titles: dict[str, str]
    problems: Problems
    today: dt.date
    progress: ProgressFn
    # Keys of every row of the file, valid or not, with the row where each first appears:
    # references to a row that failed its own checks are not reported again as unknown.
    file_keys: dict[tuple[Any, ...], int] = field(default_factory=dict)
    data_rows: int = 0
    has_written: bool = False

    def problem(self, row: int, key: str, code: str, message: str) -> None:
        self.problems.add(row, self.titles.get(key, self.sheet.column(key).title), code, message)


class Importer(ABC):
    """One kind of import. Subclasses fill `sheet` and the three steps."""

    sheet: Sheet
    model_label: str

    def key_of(self, values: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(values.get(k) for k in self.sheet.key)

    def key_text(self, key: tuple[Any, ...]) -> str:
        return " / ".join(str(k) for k in key)

    def check_row(self, ctx: Context, row: ParsedRow) -> None:  # noqa: B027 - optional hook
        """Rules inside one row (beyond each cell's own parser); none by default."""

    @abstractmethod
    def plan(self, ctx: Context, rows: list[ParsedRow]) -> Plan:
        """Compare the valid rows with the database: what to create, update, leave alone."""

    @abstractmethod
    def apply(self, ctx: Context, plan: Plan) -> None:
        """Write the plan (inside the import's transaction)."""


@dataclass
class ImportResult:
    """The summary every face shows; `as_dict` is the JSON contract of docs/import.md."""

    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    errors_omitted: int = 0
    changes: list[dict[str, Any]] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    rows: int = 0
    dry_run: bool = False
    applied: bool = False
    file_error: bool = False

    @property
    def is_valid(self) -> bool:
        return not self.errors and not self.errors_omitted

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": self.errors,
            "errors_omitted": self.errors_omitted,
            "kind": self.kind,
            "rows": self.rows,
            "dry_run": self.dry_run,
            "applied": self.applied,
            "changes": self.changes,
            "ignored_columns": self.ignored_columns,
        }

    @classmethod
    def from_file_error(cls, kind: str, error: SheetError, *, dry_run: bool) -> ImportResult:
        problem = {"row": None, "column": "", "code": error.code, "message": error.message}
        return cls(kind=kind, errors=[problem], dry_run=dry_run, file_error=True)


def match_header(
    sheet: Sheet, header: list[str], header_row: int
) -> tuple[list[tuple[int, Column]], dict[str, str], list[str]]:
    """Map header cells to columns; raise SheetError for missing, unknown or repeated ones.

    Returns (index, column) pairs, the file's own title of each column key, and the headers
    ignored as known-foreign (SIASN columns Penata does not import).
    """
    lookup: dict[str, Column] = {}
    for column in sheet.columns:
        for name in (column.title, *column.aliases):
            lookup[fold(name)] = column
    positions: list[tuple[int, Column]] = []
    titles: dict[str, str] = {}
    unknown: list[str] = []
    ignored: list[str] = []
    repeated: list[str] = []
    for index, name in enumerate(header):
        if not name:
            continue
        folded = fold(name)
        found = lookup.get(folded)
        if found is None:
            (ignored if folded in sheet.ignorable else unknown).append(name)
        elif found.key in titles:
            repeated.append(name)
        else:
            positions.append((index, found))
            titles[found.key] = name
    expected = ", ".join(c.title for c in sheet.columns)
    required = ", ".join(c.title for c in sheet.columns if c.required)
    if not positions:
        raise SheetError(
            "file.no_header",
            f"Baris {header_row} bukan baris judul kolom: tidak ada nama kolom yang dikenal. "
            f"Baris pertama harus berisi judul kolom: {expected}.",
            {"expected": [c.title for c in sheet.columns]},
        )
    missing = [c.title for c in sheet.columns if c.required and c.key not in titles]
    if missing:
        raise SheetError(
            "file.missing_columns",
            f"Kolom wajib tidak ada: {', '.join(missing)}. Kolom wajib: {required}; "
            f"kolom yang dikenal: {expected}.",
            {"missing": missing, "expected": [c.title for c in sheet.columns]},
        )
    if repeated:
        raise SheetError(
            "file.duplicate_columns",
            f"Kolom muncul lebih dari sekali: {', '.join(repeated)}.",
            {"repeated": repeated},
        )
    is_foreign = any(fold(h) in sheet.foreign_markers for h in header if h)
    if unknown and not is_foreign:
        raise SheetError(
            "file.unknown_columns",
            f"Kolom tidak dikenal: {', '.join(unknown)}. Kolom yang dikenal: {expected}.",
            {"unknown": unknown, "expected": [c.title for c in sheet.columns]},
        )
    return positions, titles, ignored + unknown


def _parse_rows(
    importer: Importer,
    ctx: Context,
    table: Table,
    positions: list[tuple[int, Column]],
) -> list[ParsedRow]:
    """Parse every non-blank row; return the valid ones, recording every problem."""
    rows: list[ParsedRow] = []
    first_row_of = ctx.file_keys
    progress, total = ctx.progress, table.total_rows
    problems = ctx.problems
    key_column = importer.sheet.key[-1]
    # The inner loop runs rows × columns times: plain tuples, no attribute look-ups.
    specs = [(i, c.key, c.parse, c.empty, c.required) for i, c in positions]
    check_row, key_of = importer.check_row, importer.key_of
    for number, cells in table.rows():
        if number % PROGRESS_EVERY == 0:
            progress("read", number, total)
        width = len(cells)
        if all(c == "" or is_blank(c) for c in cells):
            continue
        ctx.data_rows += 1
        values: dict[str, Any] = {}
        before = problems.total
        for index, key, parse, empty, required in specs:
            cell = cells[index] if index < width else ""
            if cell == "" or cell is None or (cell.__class__ is str and cell.isspace()):
                if required:
                    ctx.problem(
                        number, key, "cell.required", f"Kolom {ctx.titles[key]} wajib diisi."
                    )
                values[key] = empty
                continue
            try:
                values[key] = parse(cell)
            except CellError as exc:
                ctx.problem(number, key, exc.code, exc.message)
        row = ParsedRow(number, values)
        check_row(ctx, row)
        row.key = row_key = key_of(values)
        if all(k is not None and k != "" for k in row_key):
            first = first_row_of.setdefault(row_key, number)
            if first != number:
                ctx.problem(
                    number,
                    key_column,
                    "row.duplicate_key",
                    f"{importer.key_text(row_key)} sudah ada di baris {first}; "
                    "satu baris per data.",
                )
        if problems.total == before:
            rows.append(row)
    progress("read", total, total)
    return rows


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _limited(keys: Iterable[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        if len(out) >= AUDIT_KEY_LIMIT:
            break
        out.append(key)
    return out


def run_import(
    *,
    kind: str,
    path: str | Path,
    instansi: Instansi,
    actor: Any,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    source_name: str | None = None,
) -> ImportResult:
    """Import `path` as `kind` into `instansi`: everything or, on any problem, nothing.

    Returns the summary (counts, every problem, a sample of changes). With `dry_run` nothing
    is written. A bad file (not a spreadsheet, encrypted, too large, bad header…) gives a
    result with one `file.*` problem and `file_error` set.
    """
    from penata.people.imports.kinds import IMPORTERS

    importer = IMPORTERS[kind]()
    sheet = SHEETS[kind]
    path = Path(path)
    report = progress or _no_progress
    try:
        table = open_table(path)
        positions, titles, ignored = match_header(sheet, table.header, table.header_row)
    except SheetError as exc:
        return ImportResult.from_file_error(kind, exc, dry_run=dry_run)
    ctx = Context(
        instansi=instansi,
        sheet=sheet,
        present=frozenset(titles),
        titles=titles,
        problems=Problems(int(getattr(settings, "PENATA_IMPORT_MAX_ERRORS", 100_000))),
        today=today(),
        progress=report,
    )
    try:
        rows = _parse_rows(importer, ctx, table, positions)
    except SheetError as exc:
        return ImportResult.from_file_error(kind, exc, dry_run=dry_run)
    # The parsed sheet (held by the table's row iterator) is no longer needed: free it
    # before the plan builds its own structures (~170 MB at 100,000 rows).
    del table
    result = ImportResult(kind=kind, dry_run=dry_run, ignored_columns=ignored)

    def finish(plan: Plan, applied: bool) -> ImportResult:
        result.created, result.updated, result.unchanged = (
            plan.created,
            plan.updated,
            plan.unchanged,
        )
        result.changes = plan.changes
        result.errors = ctx.problems.items
        result.errors_omitted = ctx.problems.omitted
        result.rows = ctx.data_rows
        result.applied = applied
        return result

    if dry_run or ctx.problems:
        report("check", 0, 1)
        plan = importer.plan(ctx, rows)
        report("check", 1, 1)
        return finish(plan, applied=False)

    report("check", 0, 1)
    checkpoint("before_transaction")
    with transaction.atomic():
        # One import per instansi at a time (PostgreSQL row lock; SQLite's IMMEDIATE
        # transaction already serialises writers).
        Instansi.objects.select_for_update().filter(pk=instansi.pk).values_list("pk").first()
        report("check", 0, 1)
        plan = importer.plan(ctx, rows)
        report("check", 1, 1)
        if ctx.problems:
            return finish(plan, applied=False)
        if plan.created or plan.updated:
            checkpoint("planned")
            importer.apply(ctx, plan)
            audit.record(
                actor=actor,
                action=f"import.{kind}",
                object_type=importer.model_label,
                instansi_id=instansi.pk,
                extra={
                    "file": source_name or path.name,
                    "sha256": _sha256(path),
                    "rows": len(rows),
                    "created": plan.created,
                    "updated": plan.updated,
                    "unchanged": plan.unchanged,
                    "created_keys": _limited(plan.created_keys),
                    "updated_keys": _limited(plan.updated_keys),
                    "keys_truncated": max(len(plan.created_keys), len(plan.updated_keys))
                    > AUDIT_KEY_LIMIT,
                    "changes": [{k: v for k, v in c.items() if k != "row"} for c in plan.changes],
                },
            )
            checkpoint("before_commit")
    checkpoint("committed")
    return finish(plan, applied=True)


def batches(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """{field: (old, new)} for the fields whose new value is given (not KEEP) and differs."""
    return {
        name: (old[name], value)
        for name, value in new.items()
        if value is not KEEP and old[name] != value
    }


def write_progress(ctx: Context, done: int, total: int) -> None:
    """Report a written batch; the first one is the `write` checkpoint (some rows written,
    more to come)."""
    ctx.progress("write", done, total)
    if not ctx.has_written:
        ctx.has_written = True
        checkpoint("write")


BATCH = 2000


def blank(value: Any) -> bool:
    return value is KEEP or value is None or value == ""
