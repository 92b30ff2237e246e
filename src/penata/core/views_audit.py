"""Audit trail pages for `auditor` and `admin` (/audit/): filtered list, one event's
before/after, and the filtered list as xlsx or csv.

Exports stream from the database in chunks and write through the constant-memory writers of
`penata.core.spreadsheets`; every text cell goes through `safe_export.neutralise`, so a value
beginning with `= + - @`, a tab or a carriage return stays text in Excel and LibreOffice.
Each export is itself recorded (`audit.export`).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast
from urllib.parse import urlencode

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from penata.core import audit, selectors
from penata.core.errors import ValidationFailed
from penata.core.spreadsheets import XlsxRowWriter, csv_lines
from penata.core.web import paginate, staff_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK = 2000
# Lazily translated: str() each heading when writing the file.
EXPORT_HEADER = [
    gettext_lazy("Waktu"), gettext_lazy("Pelaku"), gettext_lazy("Tindakan"),
    gettext_lazy("Jenis objek"), gettext_lazy("ID objek"), gettext_lazy("Objek"),
    gettext_lazy("Perubahan"), gettext_lazy("Alamat IP"), gettext_lazy("ID permintaan"),
]  # fmt: skip


def spreadsheet_response(
    *, name: str, fmt: str, header: Sequence[str], rows: Iterable[Sequence[Any]], sheet: str
) -> HttpResponseBase:
    """Rows as a download: csv streamed line by line, xlsx written to a temporary file
    (constant memory either way); formula-like text neutralised by the writers."""
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if fmt != "xlsx":
        raise Http404(fmt)
    handle, path = tempfile.mkstemp(suffix=".xlsx", prefix="penata-")
    os.close(handle)
    try:
        writer = XlsxRowWriter(path, header, sheet_name=sheet)
        try:
            for row in rows:
                writer.write(row)
        finally:
            writer.close()
        stream = open(path, "rb")  # noqa: SIM115 - FileResponse closes it
    finally:
        os.unlink(path)  # the open handle keeps the data until the response is sent
    return FileResponse(stream, as_attachment=True, filename=f"{name}.xlsx", content_type=XLSX)


def _filters(request: HttpRequest) -> tuple[selectors.AuditFilters, str]:
    try:
        return selectors.AuditFilters.from_query(request.GET), ""
    except ValidationFailed as error:
        return selectors.AuditFilters(), error.message


@staff_view
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    """The trail, newest first, filtered by actor, object, action and date range."""
    selectors.audit_instansi_ids(request.user)
    filters, error = _filters(request)
    page = paginate(request, selectors.audit_event_list(request.user, filters))
    context = {
        "page": page,
        "filters": filters,
        "filter_error": error,
        "query_string": urlencode(filters.as_query()),
        "action_choices": selectors.audit_action_choices(request.user),
        "type_choices": selectors.audit_object_type_choices(request.user),
    }
    return render(request, "audit/list.html", context)


def change_rows(changes: dict[str, Any]) -> tuple[list[tuple[str, Any, Any]], dict[str, Any]]:
    """(field, before, after) rows and the extra details (`_`) of an event's changes."""
    rows = []
    for name, value in changes.items():
        if name == "_":
            continue
        before, after = value if isinstance(value, list) and len(value) == 2 else (None, value)
        rows.append((name, before, after))
    extra = changes.get("_")
    return rows, extra if isinstance(extra, dict) else {}


@staff_view
@require_GET
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.audit_event_get_for(request.user, pk)
    rows, extra = change_rows(event.changes or {})
    context = {
        "event": event,
        "rows": rows,
        "extra": [
            (
                key,
                json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value,
            )
            for key, value in extra.items()
        ],
    }
    return render(request, "audit/detail.html", context)


def _export_rows(events: Any) -> Iterator[list[Any]]:
    for e in events.iterator(chunk_size=CHUNK):
        yield [
            timezone.localtime(e["created_at"]).strftime("%Y-%m-%d %H:%M:%S"),
            e["actor_label"],
            e["action"],
            e["object_type"],
            e["object_id"],
            e["object_repr"],
            json.dumps(e["changes"], ensure_ascii=False, sort_keys=True) if e["changes"] else "",
            e["ip"] or "",
            e["request_id"],
        ]


@staff_view
@require_GET
def audit_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered list as xlsx or csv (no row limit; memory stays flat)."""
    ids = selectors.audit_instansi_ids(request.user)
    filters, error = _filters(request)
    if error:
        raise ValidationFailed("audit.filters", error)
    events = selectors.audit_event_list(request.user, filters).values(
        "created_at", "actor_label", "action", "object_type", "object_id", "object_repr",
        "changes", "ip", "request_id",
    )  # fmt: skip
    audit.record(
        actor=request.user,
        action="audit.export",
        object_type="core.auditevent",
        instansi_id=min(ids) if ids else None,
        extra={"format": fmt, "filters": filters.as_query()},
    )
    name = f"jejak-audit-{timezone.localdate():%Y%m%d}"
    response = spreadsheet_response(
        name=name,
        fmt=fmt,
        header=[str(h) for h in EXPORT_HEADER],
        rows=_export_rows(events),
        sheet=_("Jejak audit"),
    )
    return cast(HttpResponse, response)  # a download; staff_view only passes it through
