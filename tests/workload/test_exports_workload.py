"""The Anjab-ABK workbook (read back with python-calamine) and the PDF report."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from penata.workload import exports, selectors

pytestmark = pytest.mark.django_db


def _book(data: bytes) -> CalamineWorkbook:
    return CalamineWorkbook.from_filelike(io.BytesIO(data))


def test_workbook_has_a_summary_and_one_sheet_per_unit(world):
    abk = selectors.unit_abk(world.analyst, world.root.id)

    book = _book(exports.abk_workbook(abk))

    assert book.sheet_names == ["Ringkasan", "Dinas Uji", "Bidang Uji"]
    summary = book.get_sheet_by_name("Ringkasan").to_python()
    assert "Dibulatkan ke bilangan bulat terdekat" in summary[1][0]
    assert summary[4][:7] == ["Dinas Uji", 1, 81000, 1.08, 1, 2, -1]
    assert summary[5][:7] == ["Bidang Uji", 2, 105060, 1.4008, 1, 1, 0]
    assert summary[6][:7] == ["Jumlah", 3, 186060, 2.4808, 2, 3, -1]
    assert summary[6][8] == "C"
    bidang = book.get_sheet_by_name("Bidang Uji").to_python()
    assert bidang[3][0] == "Pengolah" and bidang[3][8:13] == [105000, 1.4, 1, 1, 0]
    assert bidang[4][2:9] == [
        "Menyusun laporan pelaksanaan kegiatan bidang",
        "Laporan",
        5,
        "Minggu",
        250,
        120,
        30000,
    ]


def test_workbook_neutralises_formula_like_text(world):
    world.pengolah.title = '=HYPERLINK("http://x")'
    world.pengolah.save()
    abk = selectors.unit_abk(world.analyst, world.root.id)

    bidang = _book(exports.abk_workbook(abk)).get_sheet_by_name("Bidang Uji").to_python()

    assert bidang[3][0] == '\'=HYPERLINK("http://x")'


def test_xlsx_download(client, world):
    client.force_login(world.auditor)

    response = client.get(reverse("workload:unit_xlsx", args=[world.child.id]))

    assert response.status_code == 200
    assert _book(response.content).sheet_names == ["Ringkasan", "Bidang Uji"]


def test_pdf_report_renders(client, world):
    client.force_login(world.employee_user)

    response = client.get(reverse("workload:unit_pdf", args=[world.root.id]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_pdf_template_has_header_rule_wke_and_signature(world):
    from django.template.loader import render_to_string

    abk = selectors.unit_abk(world.analyst, world.root.id)
    html = render_to_string(
        "workload/report_pdf.html",
        {
            "abk": abk,
            "unit": abk.unit,
            "instansi": abk.unit.instansi,
            "place": "Surakarta",
            "signed_on": abk.as_of,
            "wke": 75000,
        },
    )

    assert "Pemerintah Kota Surakarta" in html
    assert "Kepala Dinas Uji" in html
    assert "Surakarta, " in html
    assert "75.000" in html and "Dibulatkan ke bilangan bulat terdekat" in html
    assert "186.060" in html and "2,4808" in html
