"""Exports of a comparison: an xlsx workbook (one sheet per part) and a PDF (WeasyPrint), in
the active language."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import xlsxwriter
from django.utils.translation import gettext as _

from penata.core.safe_export import neutralise
from penata.restructure.graph import Comparison


def _write_sheet(
    book: Any,
    name: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[int],
    formats: dict[str, Any],
) -> None:
    sheet = book.add_worksheet(name[:31])
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    for col, title in enumerate(header):
        sheet.write_string(0, col, title, formats["head"])
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                sheet.write_string(r, c, _("Ya") if value else _("Tidak"))
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, neutralise(str(value)))
    sheet.freeze_panes(1, 0)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(header) - 1)


def comparison_workbook(
    *,
    title: str,
    left: str,
    right: str,
    comparison: Comparison,
    operations: Sequence[tuple[int, str]] = (),
) -> bytes:
    """The comparison as a workbook: metrics, ABK, changes, affected employees, operations."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    formats = {"head": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})}
    book.set_properties({"title": title, "subject": _("Perbandingan struktur"), "author": "Penata"})
    difference = _("Selisih")
    metric_rows = [[m.label, m.base, m.other, m.delta] for m in comparison.metrics]
    _write_sheet(
        book,
        _("Metrik"),
        [_("Metrik"), left, right, difference],
        metric_rows,
        [44, 16, 16, 12],
        formats,
    )
    abk_rows = []
    base_abk, other_abk = comparison.base.abk.as_dict(), comparison.other.abk.as_dict()
    for label, key in (
        (_("Beban kerja (menit/tahun)"), "workload_minutes"),
        (_("Kebutuhan pegawai (desimal)"), "need"),
        (_("Kebutuhan pegawai (dibulatkan)"), "need_rounded"),
        (_("Pegawai yang ada"), "existing"),
        (_("Selisih (kebutuhan − ada)"), "gap"),
    ):
        a, b = base_abk[key], other_abk[key]
        abk_rows.append([label, a, b, round(b - a, 4)])
    _write_sheet(book, "ABK", ["ABK", left, right, difference], abk_rows, [34, 16, 16, 12], formats)
    pd_rows = []
    other_pd = {p.unit: p for p in comparison.other.perangkat_daerah}
    for pd in comparison.base.perangkat_daerah:
        after = other_pd.get(pd.unit)
        pd_rows.append(
            [
                pd.name,
                round(pd.path_mean, 2) if pd.path_mean is not None else None,
                round(after.path_mean, 2) if after and after.path_mean is not None else None,
                pd.path_max,
                after.path_max if after else None,
                pd.layers,
                after.layers if after else None,
            ]
        )
    _write_sheet(
        book,
        _("Perangkat Daerah"),
        [
            _("Perangkat Daerah"),
            _("Jalur rata-rata (%(side)s)") % {"side": left},
            _("Jalur rata-rata (%(side)s)") % {"side": right},
            _("Jalur terpanjang (%(side)s)") % {"side": left},
            _("Jalur terpanjang (%(side)s)") % {"side": right},
            _("Lapis (%(side)s)") % {"side": left},
            _("Lapis (%(side)s)") % {"side": right},
        ],
        pd_rows,
        [44, 14, 14, 14, 14, 10, 10],
        formats,
    )
    change_rows = [[c.kind_label, c.label, c.before, c.after] for c in comparison.changes]
    _write_sheet(
        book,
        _("Perubahan"),
        [_("Jenis perubahan"), _("Objek"), _("Sebelum"), _("Sesudah")],
        change_rows,
        [28, 44, 44, 44],
        formats,
    )
    people_rows = [
        [
            a.name,
            a.nip,
            a.before.title if a.before else "",
            a.before.unit_name if a.before else "",
            a.before.kind_label if a.before else "",
            a.after.title if a.after else "",
            a.after.unit_name if a.after else "",
            a.after.kind_label if a.after else "",
            "; ".join(a.reason_labels),
        ]
        for a in comparison.affected
    ]
    _write_sheet(
        book,
        _("Pegawai terdampak"),
        [
            _("Nama"),
            "NIP",
            _("Jabatan semula"),
            _("Unit semula"),
            _("Jenis semula"),
            _("Jabatan baru"),
            _("Unit baru"),
            _("Jenis baru"),
            _("Alasan"),
        ],
        people_rows,
        [32, 22, 36, 30, 20, 36, 30, 20, 40],
        formats,
    )
    if operations:
        _write_sheet(
            book,
            _("Operasi"),
            [_("No."), _("Operasi")],
            [[seq, text] for seq, text in operations],
            [6, 100],
            formats,
        )
    book.close()
    return buffer.getvalue()


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the Pango libraries it needs) is not installed on this machine."""


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """Render an HTML document to PDF with WeasyPrint."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango libraries missing
        raise PdfUnavailable(str(error)) from error
    pdf = HTML(string=html, base_url=base_url).write_pdf()
    assert pdf is not None
    return bytes(pdf)
