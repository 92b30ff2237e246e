"""Export units, positions, duties and employees with the import template's columns, so an
export re-imports unchanged. Rows are streamed from the database in chunks (`iterator`) and
written by a constant-memory writer: memory stays flat at 100,000 rows.

Filters match the list pages (`q`, `unit`, `kind`, `status`; docs/import.md). With an
`actor`, rows are limited to what the actor may see; without one (the CLI), the instansi.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from penata.core import audit
from penata.core.spreadsheets import row_writer_for
from penata.org.models import Duty, Instansi, Position, Unit
from penata.people.imports.columns import SHEETS, Column
from penata.people.models import Assignment, Employee

CHUNK = 2000


@dataclass(frozen=True)
class ExportFilters:
    """The list-page filters an export honours (all optional)."""

    q: str = ""
    unit_id: int | None = None
    kind: str = ""
    status: str = ""
    golongan: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, Any]) -> ExportFilters:
        unit = str(params.get("unit") or "").strip()
        return cls(
            q=str(params.get("q") or "").strip(),
            unit_id=int(unit) if unit.isdigit() else None,
            kind=str(params.get("kind") or params.get("jenis") or "").strip(),
            status=str(params.get("status") or "").strip(),
            golongan=str(params.get("golongan") or "").strip(),
        )

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None)}


def _unit_path(instansi: Instansi, unit_id: int | None) -> str | None:
    if unit_id is None:
        return None
    path = Unit.objects.filter(instansi=instansi, pk=unit_id).values_list("path", flat=True).first()
    # An unknown unit filters everything out rather than silently exporting all.
    return path or "\x00"


def _label(column: Column, code: Any) -> Any:
    if column.choices is None or code in ("", None) or isinstance(code, bool):
        return code
    return column.choices.get(code, code)


def export_columns(kind: str, *, include_nik: bool = False) -> list[Column]:
    columns = list(SHEETS[kind].columns)
    if kind == "employees" and not include_nik:
        columns = [c for c in columns if c.key != "nik"]
    return columns


def _structure_visible(actor: Any, instansi: Instansi) -> bool:
    if actor is None:
        return True
    from penata.accounts.scope import reach_of

    reach = reach_of(actor)
    return reach.is_superuser or instansi.pk in reach.instansi_ids


def _units(instansi: Instansi, filters: ExportFilters, actor: Any) -> Iterator[dict[str, Any]]:
    qs = Unit.objects.filter(instansi=instansi, valid_to__isnull=True)
    if not _structure_visible(actor, instansi):
        qs = qs.none()
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(code__icontains=filters.q))
    if (path := _unit_path(instansi, filters.unit_id)) is not None:
        qs = qs.filter(path__startswith=path)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    rows = qs.order_by("path").values(
        "code", "parent__code", "name", "short_name", "kind", "sort_order", "region_code",
        "valid_from", "legal_basis",
    )  # fmt: skip
    for raw in rows.iterator(chunk_size=CHUNK):
        row: dict[str, Any] = dict(raw)
        row["parent_code"] = row.pop("parent__code") or ""
        yield row


def _positions(instansi: Instansi, filters: ExportFilters, actor: Any) -> Iterator[dict[str, Any]]:
    qs = Position.objects.filter(instansi=instansi, valid_to__isnull=True)
    if not _structure_visible(actor, instansi):
        qs = qs.none()
    if filters.q:
        qs = qs.filter(title__icontains=filters.q)
    if (path := _unit_path(instansi, filters.unit_id)) is not None:
        qs = qs.filter(unit__path__startswith=path)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    rows = qs.order_by("unit__path", "sort_order", "id").values(
        "unit__code", "title", "kind", "jf_jenjang", "kelas_jabatan", "eselon",
        "reports_to__unit__code", "reports_to__title", "is_unit_head", "is_penyetaraan",
        "is_critical", "sort_order", "valid_from", "legal_basis",
    )  # fmt: skip
    for raw in rows.iterator(chunk_size=CHUNK):
        row: dict[str, Any] = dict(raw)
        row["unit_code"] = row.pop("unit__code")
        row["reports_to_unit"] = row.pop("reports_to__unit__code") or ""
        row["reports_to_title"] = row.pop("reports_to__title") or ""
        yield row


def _duties(instansi: Instansi, filters: ExportFilters, actor: Any) -> Iterator[dict[str, Any]]:
    qs = Duty.objects.filter(instansi=instansi, position__valid_to__isnull=True)
    if not _structure_visible(actor, instansi):
        qs = qs.none()
    if filters.q:
        qs = qs.filter(Q(statement__icontains=filters.q) | Q(position__title__icontains=filters.q))
    if (path := _unit_path(instansi, filters.unit_id)) is not None:
        qs = qs.filter(position__unit__path__startswith=path)
    rows = qs.order_by("position__unit__path", "position__sort_order", "position_id",
                       "sort_order", "id").values(
        "position__unit__code", "position__title", "statement", "output_unit", "volume",
        "period", "time_norm_minutes", "sort_order",
    )  # fmt: skip
    for raw in rows.iterator(chunk_size=CHUNK):
        row: dict[str, Any] = dict(raw)
        row["unit_code"] = row.pop("position__unit__code")
        row["position_title"] = row.pop("position__title")
        yield row


def employee_queryset(instansi: Instansi, filters: ExportFilters, actor: Any) -> QuerySet[Employee]:
    qs = Employee.objects.filter(instansi=instansi)
    if actor is not None:
        from penata.people.selectors import employee_scope_q

        qs = qs.filter(employee_scope_q(actor))
    if filters.q:
        nip = filters.q.replace(" ", "")
        qs = qs.filter(Q(name__icontains=filters.q) | Q(nip__startswith=nip))
    if (path := _unit_path(instansi, filters.unit_id)) is not None:
        qs = qs.filter(
            Exists(
                Assignment.objects.filter(
                    employee_id=OuterRef("pk"),
                    end__isnull=True,
                    position__unit__path__startswith=path,
                )
            )
        )
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.golongan:
        qs = qs.filter(golongan=filters.golongan)
    return qs


def _employees(instansi: Instansi, filters: ExportFilters, actor: Any) -> Iterator[dict[str, Any]]:
    rows = (
        employee_queryset(instansi, filters, actor)
        .order_by("nip")
        .values(
            "id",
            "nip",
            "name",
            "front_title",
            "back_title",
            "birth_date",
            "sex",
            "kind",
            "golongan",
            "tmt_golongan",
            "education",
            "education_major",
            "status",
            "nik",
            "email",
            "phone",
        )
    )
    chunk: list[dict[str, Any]] = []
    for raw in rows.iterator(chunk_size=CHUNK):
        chunk.append(dict(raw))
        if len(chunk) >= CHUNK:
            yield from _with_assignments(chunk)
            chunk = []
    yield from _with_assignments(chunk)


def _with_assignments(chunk: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Add the current assignment (definitive first, then the earliest) to each employee."""
    if not chunk:
        return
    held: dict[int, dict[str, Any]] = {}
    for a in (
        Assignment.objects.filter(employee_id__in=[r["id"] for r in chunk], end__isnull=True)
        .order_by("employee_id", "acting", "start", "id")
        .values("employee_id", "position__unit__code", "position__title", "start", "sk_number",
                "acting")
    ):  # fmt: skip
        held.setdefault(a["employee_id"], dict(a))
    for row in chunk:
        found = held.get(row["id"])
        if found is not None:
            row.update(
                unit_code=found["position__unit__code"], position_title=found["position__title"],
                assignment_start=found["start"], sk_number=found["sk_number"],
                acting=found["acting"],
            )  # fmt: skip
        yield row


_SOURCES = {"units": _units, "positions": _positions, "duties": _duties, "employees": _employees}


def export_rows(
    kind: str,
    *,
    instansi: Instansi,
    actor: Any = None,
    filters: ExportFilters | None = None,
    include_nik: bool = False,
) -> tuple[list[str], Iterator[list[Any]]]:
    """(header, rows) of an export; rows is a lazy iterator of cell lists."""
    columns = export_columns(kind, include_nik=include_nik)
    source = _SOURCES[kind](instansi, filters or ExportFilters(), actor)

    def cells() -> Iterator[list[Any]]:
        for row in source:
            yield [_label(c, row.get(c.key, "")) for c in columns]

    return [c.title for c in columns], cells()


def text_columns(kind: str, *, include_nik: bool = False) -> list[int]:
    return [i for i, c in enumerate(export_columns(kind, include_nik=include_nik)) if c.is_text]


def export_record(
    *, actor: Any, kind: str, instansi: Instansi, rows: int, fmt: str, filters: ExportFilters,
    include_nik: bool,
) -> None:  # fmt: skip
    """Audit the export (personal data leaves the system, NIK included for admins); with the
    NIK, also a `personal_data.view` event naming every employee in the file."""
    if include_nik and kind == "employees":
        from penata.people.privacy import personal_data_export_record

        scope = actor if getattr(actor, "is_authenticated", False) else None
        ids = employee_queryset(instansi, filters, scope).exclude(nik="").values_list("id")
        personal_data_export_record(
            actor=actor,
            instansi_id=instansi.pk,
            employee_ids=[i for (i,) in ids],
            via=f"export.{fmt}",
        )
    audit.record(
        actor=actor,
        action=f"export.{kind}",
        object_type=SHEETS[kind].kind,
        instansi_id=instansi.pk,
        extra={"rows": rows, "format": fmt, "filters": filters.as_dict(), "nik": include_nik},
    )


def export_to_path(
    kind: str,
    path: str | Path,
    *,
    instansi: Instansi,
    actor: Any = None,
    filters: ExportFilters | None = None,
    include_nik: bool = False,
    audit_actor: Any = None,
) -> int:
    """Write the export to `path` (.xlsx or .csv by extension); returns the row count."""
    filters = filters or ExportFilters()
    header, rows = export_rows(
        kind, instansi=instansi, actor=actor, filters=filters, include_nik=include_nik
    )
    writer = row_writer_for(
        path,
        header,
        sheet_name=SHEETS[kind].label,
        text_columns=text_columns(kind, include_nik=include_nik),
    )
    count = 0
    try:
        for row in rows:
            writer.write(row)
            count += 1
    finally:
        writer.close()
    export_record(
        actor=audit_actor if audit_actor is not None else actor, kind=kind, instansi=instansi,
        rows=count, fmt=Path(path).suffix.lstrip(".").lower(), filters=filters,
        include_nik=include_nik,
    )  # fmt: skip
    return count


def header_of(kind: str, *, include_nik: bool = False) -> Sequence[str]:
    return [c.title for c in export_columns(kind, include_nik=include_nik)]
