"""Exports of the Anjab-ABK: the xlsx workbook (summary + one sheet per unit) and the PDF."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from penata.core.safe_export import neutralise
from penata.workload.rules import PERIOD_LABELS
from penata.workload.selectors import PositionRow, UnitAbk, totals_of

# Column headings, translated when written (str()) in the language of the request.
POSITION_HEADER = (
    _("Jabatan"),
    _("Unit kerja"),
    _("Uraian tugas"),
    _("Satuan hasil"),
    _("Volume"),
    _("Periode"),
    _("Volume per tahun"),
    _("Norma waktu (menit)"),
    _("Beban kerja (menit/tahun)"),
    _("Kebutuhan (desimal)"),
    _("Kebutuhan (dibulatkan)"),
    _("Pegawai yang ada"),
    _("Selisih"),
    "EJ",
    "PJ",
)
SUMMARY_HEADER = (
    _("Unit"),
    _("Jumlah jabatan"),
    _("Beban kerja (menit/tahun)"),
    _("Kebutuhan (desimal)"),
    _("Kebutuhan (dibulatkan)"),
    _("Pegawai yang ada"),
    _("Selisih"),
    "EU",
    "PEU",
)


def _cell(sheet: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
    if value is None or value == "":
        return
    if isinstance(value, Decimal):
        sheet.write_number(row, col, float(value), fmt)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, neutralise(str(value)), fmt)


def _sheet_name(name: str, used: set[str]) -> str:
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'") or "Unit"
    base, n = clean[:31], 2
    candidate = base
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


def _position_lines(row: PositionRow) -> list[list[Any]]:
    r = row.result
    head = [
        row.position.title,
        row.position.unit.name,
        "",
        "",
        None,
        "",
        None,
        None,
        r.workload_minutes,
        r.need,
        r.need_rounded,
        r.existing,
        r.gap,
        r.ej,
        f"{r.pj} ({r.pj_label})" if r.pj else "",
    ]
    lines = [head]
    for task in r.tasks:
        t = task.task
        lines.append(
            [
                "",
                "",
                t.name,
                t.unit,
                t.volume,
                str(PERIOD_LABELS.get(t.period, t.period)),
                task.annual_volume,
                t.norm_minutes,
                task.workload_minutes,
                None,
                None,
                None,
                None,
                None,
                "",
            ]
        )
    return lines


def abk_workbook(abk: UnitAbk) -> bytes:
    """The workbook: sheet "Ringkasan" with one line per unit, then one sheet per unit."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    head = book.add_format({"bold": True, "bg_color": "#e9ecef", "text_wrap": True})
    bold = book.add_format({"bold": True})
    decimal4 = book.add_format({"num_format": "0.0000"})
    summary_name = gettext("Ringkasan")
    used = {summary_name.lower()}
    summary = book.add_worksheet(summary_name)
    summary.set_column(0, 0, 44)
    summary.set_column(1, 8, 14)
    summary.write_string(0, 0, neutralise(f"Anjab-ABK {abk.unit.name}"), bold)
    summary.write_string(
        1,
        0,
        neutralise(
            gettext("WKE %(minutes)s menit/tahun. Pembulatan: %(rule)s")
            % {"minutes": abk.config.effective_minutes, "rule": abk.rounding_rule}
        ),
    )
    for col, title in enumerate(SUMMARY_HEADER):
        summary.write_string(3, col, str(title), head)
    line = 4
    for unit in abk.units:
        rows = abk.rows_of(unit)
        total = totals_of(rows, abk.config)
        values: Sequence[Any] = [
            unit.name,
            len(rows),
            total.workload_minutes,
            total.need,
            total.need_rounded,
            total.existing,
            total.gap,
            total.ej,
            total.pj or "",
        ]
        for col, value in enumerate(values):
            _cell(summary, line, col, value, decimal4 if col == 3 else None)
        line += 1
        _unit_sheet(book, _sheet_name(unit.name, used), unit.name, rows, head, decimal4, bold)
    t = abk.totals
    totals = [gettext("Jumlah"), len(abk.rows), t.workload_minutes, t.need, t.need_rounded]
    totals += [t.existing, t.gap, t.ej, t.pj or ""]
    for col, value in enumerate(totals):
        _cell(summary, line, col, value, bold)
    book.close()
    return buffer.getvalue()


def _unit_sheet(
    book: Any,
    sheet_name: str,
    unit_name: str,
    rows: list[PositionRow],
    head: Any,
    decimal4: Any,
    bold: Any,
) -> None:
    sheet = book.add_worksheet(sheet_name)
    sheet.set_column(0, 2, 36)
    sheet.set_column(3, 14, 13)
    sheet.write_string(0, 0, neutralise(unit_name), bold)
    for col, title in enumerate(POSITION_HEADER):
        sheet.write_string(2, col, str(title), head)
    line = 3
    for row in rows:
        for values in _position_lines(row):
            for col, value in enumerate(values):
                _cell(sheet, line, col, value, decimal4 if col == 9 else None)
            line += 1


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the Pango libraries it needs) is not installed on this machine."""


def abk_pdf(abk: UnitAbk, *, base_url: str | None = None, place: str = "Surakarta") -> bytes:
    """The unit's Anjab-ABK report, ready to sign by the head of the unit."""
    html = render_to_string(
        "workload/report_pdf.html",
        {
            "abk": abk,
            "unit": abk.unit,
            "instansi": abk.unit.instansi,
            "place": place,
            "signed_on": timezone.localdate(),
            "wke": abk.config.effective_minutes,
        },
    )
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango libraries missing
        raise PdfUnavailable(str(error)) from error
    pdf = HTML(string=html, base_url=base_url).write_pdf()
    assert pdf is not None
    return bytes(pdf)
