"""Spreadsheets and PDFs of participation: the weekly complaint report and the SKM report.

Every text cell goes through `neutralise` (no formula injection); numbers stay numbers.
Headings and labels are in the language of the request.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext as _

from penata.core.safe_export import neutralise
from penata.participation import complaint_rules as rules
from penata.participation.selectors.reports import WeeklyReport
from penata.participation.selectors.skm import SkmResult, TrendPoint


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the Pango libraries it needs) is not installed on this machine."""


def html_to_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango libraries missing
        raise PdfUnavailable(str(error)) from error
    pdf = HTML(string=html).write_pdf()
    assert pdf is not None
    return bytes(pdf)


class _Book:
    def __init__(self, title: str, subject: str) -> None:
        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(
            self.buffer, {"in_memory": True, "strings_to_numbers": False}
        )
        self.book.set_properties({"title": title, "subject": subject, "author": "Penata"})
        self.head = self.book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        self.bold = self.book.add_format({"bold": True})
        self.title = self.book.add_format({"bold": True, "font_size": 13})
        self.cell = self.book.add_format({"border": 1})
        self.number = self.book.add_format({"border": 1, "num_format": "0.00"})
        self.number4 = self.book.add_format({"border": 1, "num_format": "0.0000"})

    def put(self, sheet: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
        if value is None or value == "":
            sheet.write_blank(row, col, None, fmt or self.cell)
        elif isinstance(value, bool):
            sheet.write_string(row, col, _("Ya") if value else _("Tidak"), fmt or self.cell)
        elif isinstance(value, int | float | Decimal):
            sheet.write_number(row, col, float(value), fmt or self.cell)
        else:
            sheet.write_string(row, col, neutralise(str(value)), fmt or self.cell)

    def table(
        self, sheet: Any, top: int, header: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> int:
        for col, title in enumerate(header):
            sheet.write_string(top, col, str(title), self.head)
        for r, row in enumerate(rows, start=top + 1):
            for c, value in enumerate(row):
                self.put(sheet, r, c, value)
        return top + len(rows) + 1

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def _pct(value: Decimal | None) -> float | str:
    return float(value) if value is not None else "–"


def weekly_report_xlsx(report: WeeklyReport) -> bytes:
    """Sheets Ringkasan (totals, % and top categories) and Per unit."""
    out = _Book(_("Laporan mingguan aduan %(week)s") % {"week": report.week}, _("Aduan"))
    sheet = out.book.add_worksheet(_("Ringkasan"))
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 2, 16)
    sheet.write_string(
        0,
        0,
        _("Laporan mingguan aduan — %(scope)s") % {"scope": report.scope_name},
        out.title,
    )
    sheet.write_string(
        1,
        0,
        _("Minggu %(week)s: %(start)s s.d. %(end)s")
        % {
            "week": report.week,
            "start": f"{report.start:%d-%m-%Y}",
            "end": f"{report.end:%d-%m-%Y}",
        },
    )
    sheet.write_string(
        2,
        0,
        _("Dibuat %(at)s (status saat itu)")
        % {"at": f"{timezone.localtime(report.generated_at):%d-%m-%Y %H:%M}"},
    )
    t = report.tally
    rows: list[list[Any]] = [
        [_("Aduan diterima"), t.total, ""],
        [_("Selesai (selesai/ditutup)"), t.resolved, _pct(t.percent_resolved)],
        [_("Dalam proses (dalam batas waktu)"), t.in_process, _pct(t.percent_in_process)],
        [_("Melewati batas waktu"), t.overdue, _pct(t.percent_overdue)],
        [_("Ditolak"), t.rejected, ""],
        [_("Tepat waktu (dari yang sudah jatuh tempo)"), t.on_time, _pct(t.percent_on_time)],
        [
            _("Median waktu tanggapan (jam)"),
            float(t.median_response_hours) if t.median_response_hours is not None else "–",
            "",
        ],
    ]
    end = out.table(sheet, 4, [_("Ukuran"), _("Jumlah"), "%"], rows)
    end = out.table(
        sheet,
        end + 1,
        [_("Status"), _("Jumlah"), ""],
        [[str(rules.STATUS_LABELS[s]), n, ""] for s, n in report.by_status.items()],
    )
    out.table(
        sheet,
        end + 1,
        [_("Kategori teratas"), _("Jumlah"), ""],
        [[n, c, ""] for n, c in report.top_categories],
    )
    per_unit = out.book.add_worksheet(_("Per unit"))
    per_unit.set_column(0, 0, 48)
    per_unit.set_column(1, 7, 14)
    out.table(
        per_unit,
        0,
        [_("Unit"), _("Diterima"), _("Selesai"), _("Dalam proses"), _("Terlambat"), _("Ditolak"),
         _("% tepat waktu"), _("Median tanggapan (jam)")],
        [
            [
                r.name,
                r.tally.total,
                r.tally.resolved,
                r.tally.in_process,
                r.tally.overdue,
                r.tally.rejected,
                _pct(r.tally.percent_on_time),
                float(r.tally.median_response_hours)
                if r.tally.median_response_hours is not None
                else "–",
            ]
            for r in report.rows
        ],
    )  # fmt: skip
    per_unit.freeze_panes(1, 0)
    return out.close()


def skm_xlsx(
    result: SkmResult,
    trend: Sequence[TrendPoint],
    *,
    unit_name: str,
    weighting: str,
    respondents: Sequence[Sequence[Any]],
) -> bytes:
    """The SKM report in the layout units publish: a recap (NRR, bobot, NRR tertimbang per
    unsur; IKM unit and konversi; mutu and kinerja; sample vs Krejcie–Morgan target), the
    respondent profile, the trend and the answers of every respondent (no suggestions)."""
    out = _Book(f"SKM {result.scope_name} {result.period_label}", _("Survei Kepuasan Masyarakat"))
    sheet = out.book.add_worksheet(_("Rekap IKM"))
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 44)
    sheet.set_column(2, 4, 16)
    sheet.write_string(0, 0, _("LAPORAN SURVEI KEPUASAN MASYARAKAT (SKM)"), out.title)
    meta = [
        (_("Unit pelayanan"), unit_name),
        (_("Layanan / cakupan"), result.scope_name),
        (_("Periode"), result.period_label),
        (_("Jumlah responden"), result.respondents),
        (_("Pembobotan"), weighting),
        (_("Dasar"), "PermenPAN-RB Nomor 14 Tahun 2017"),
    ]
    for i, (label, value) in enumerate(meta, start=2):
        sheet.write_string(i, 0, label, out.bold)
        out.put(sheet, i, 2, value, out.bold)
    top = len(meta) + 3
    rows = [
        [i, f"{r.unsur.code.upper()} {r.unsur.name}", r.nrr, r.weight, r.nrr_weighted]
        for i, r in enumerate(result.unsur_rows, start=1)
    ]
    sheet.write_row(
        top, 0, [_("No"), _("Unsur pelayanan"), "NRR", _("Bobot"), _("NRR tertimbang")], out.head
    )
    for r, row in enumerate(rows, start=top + 1):
        out.put(sheet, r, 0, row[0])
        out.put(sheet, r, 1, row[1])
        out.put(sheet, r, 2, row[2], out.number4)
        out.put(sheet, r, 3, row[3], out.number4)
        out.put(sheet, r, 4, row[4], out.number4)
    line = top + len(rows) + 2
    if result.result is not None:
        summary: list[tuple[str, Any]] = [
            (_("IKM unit pelayanan (1–4)"), float(result.ikm_unit or 0)),
            (_("IKM konversi (25–100)"), float(result.result.ikm)),
            (_("Mutu pelayanan"), result.result.mutu),
            (_("Kinerja unit pelayanan"), str(result.result.kinerja)),
        ]
    else:
        summary = [("IKM", _("Belum ada responden pada periode ini"))]
    if result.sample is not None:
        summary += [
            (_("Populasi pengguna layanan"), result.sample.population),
            (_("Target sampel (Krejcie & Morgan)"), result.sample.target),
            (_("Sampel tercapai"), result.sample.achieved),
            (
                _("Sampel terpenuhi"),
                _("Ya")
                if result.sample.is_met
                else _("Kurang %(count)d") % {"count": result.sample.shortfall},
            ),
        ]
    for i, (label, value) in enumerate(summary):
        sheet.write_string(line + i, 1, label, out.bold)
        out.put(sheet, line + i, 2, value)

    profile = out.book.add_worksheet(_("Profil responden"))
    profile.set_column(0, 0, 24)
    profile.set_column(1, 1, 30)
    profile.set_column(2, 2, 12)
    out.table(
        profile,
        0,
        [_("Karakteristik"), _("Kategori"), _("Jumlah")],
        [[p.label, label, n] for p in result.profile for label, n in p.rows],
    )
    trend_sheet = out.book.add_worksheet(_("Tren"))
    trend_sheet.set_column(0, 0, 22)
    out.table(
        trend_sheet,
        0,
        [_("Periode"), _("Responden"), "IKM", _("Mutu")],
        [
            [p.label, p.respondents, float(p.ikm) if p.ikm is not None else "–", p.mutu]
            for p in trend
        ],
    )
    data = out.book.add_worksheet(_("Data responden"))
    out.table(
        data,
        0,
        [_("No"), "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", _("Usia"),
         _("Jenis kelamin"), _("Pendidikan"), _("Pekerjaan")],
        [[i, *row] for i, row in enumerate(respondents, start=1)],
    )  # fmt: skip
    data.freeze_panes(1, 1)
    return out.close()
