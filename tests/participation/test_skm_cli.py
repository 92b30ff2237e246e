"""`penata skm compute FILE`: IKM from CSV/XLSX answers without the database, and refusals."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
import xlsxwriter
from django.core.management import CommandError, call_command

HEADER = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"]
# The four respondents of test_rules.FOUR: Σ NRR = 28.5 → 79.09 (0.111) or 79.17 (1/9).
FOUR = [
    [3, 3, 3, 3, 3, 3, 3, 3, 3],
    [4, 4, 3, 4, 3, 3, 4, 3, 2],
    [3, 2, 3, 4, 3, 3, 4, 3, 2],
    [4, 3, 2, 4, 3, 4, 4, 3, 3],
]
EXPECTED_NRR = {
    "u1": 3.5,
    "u2": 3,
    "u3": 2.75,
    "u4": 3.75,
    "u5": 3,
    "u6": 3.25,
    "u7": 3.75,
    "u8": 3,
    "u9": 2.5,
}


def run_skm(*args: str) -> str:
    out = StringIO()
    call_command("skm", "compute", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def refused(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("skm", "compute", *args, stdout=out, stderr=err)
    return caught.value.returncode, out.getvalue(), err.getvalue()


def write_csv(
    tmp_path: Path, rows: list[list[object]], *, sep: str = ",", bom: bool = False
) -> str:
    text = "\n".join(sep.join("" if v is None else str(v) for v in row) for row in rows) + "\n"
    path = tmp_path / "skm.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


def write_xlsx(tmp_path: Path, rows: list[list[object]]) -> str:
    path = tmp_path / "skm.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is not None:
                sheet.write(r, c, value)
    workbook.close()
    return str(path)


def test_csv_gives_nrr_ikm_mutu_and_weighting(tmp_path):
    out = run_skm(write_csv(tmp_path, [HEADER, *FOUR]), "--format", "json")

    assert json.loads(out) == {
        "respondents": 4,
        "nrr": EXPECTED_NRR,
        "ikm": 79.09,
        "ikm_unit": 3.1635,
        "mutu": "B",
        "kinerja": "Baik",
        "weighting": "rounded",
        "weighting_text": "Bobot tiap unsur 0,111 (PermenPAN-RB 14/2017).",
    }


def test_exact_weighting_option(tmp_path):
    out = run_skm(write_csv(tmp_path, [HEADER, *FOUR]), "--format", "json", "--weighting", "exact")

    body = json.loads(out)
    assert (body["ikm"], body["ikm_unit"], body["mutu"], body["weighting"]) == (
        79.17,
        3.1667,
        "B",
        "exact",
    )


def test_weighting_decides_the_category_at_65(tmp_path):
    """5 respondents, answers summing to 117: exact 65.00 (C) vs 0.111 → 64.94 (D)."""
    flat = [3] * 27 + [2] * 18
    rows = [HEADER] + [flat[i : i + 9] for i in range(0, 45, 9)]
    path = write_csv(tmp_path, rows)

    exact = json.loads(run_skm(path, "--format", "json", "--weighting", "exact"))
    rounded = json.loads(run_skm(path, "--format", "json"))

    assert (exact["ikm"], exact["mutu"], exact["kinerja"]) == (65.0, "C", "Kurang Baik")
    assert (rounded["ikm"], rounded["mutu"], rounded["kinerja"]) == (64.94, "D", "Tidak Baik")


def test_semicolon_csv_with_bom_extra_columns_and_blank_rows(tmp_path):
    rows = [
        ["No", "Usia", *[h.upper() for h in HEADER], "Saran"],
        [1, "20-29", *FOUR[0], "Antrean lebih cepat"],
        [None] * 12,
        [2, "30-39", *FOUR[1], ""],
        [3, "40-49", *FOUR[2], ""],
        [4, "50+", *FOUR[3], ""],
    ]

    out = run_skm(write_csv(tmp_path, rows, sep=";", bom=True), "--format", "json")

    body = json.loads(out)
    assert (body["respondents"], body["nrr"], body["ikm"]) == (4, EXPECTED_NRR, 79.09)


def test_xlsx_gives_the_same_result(tmp_path):
    out = run_skm(write_xlsx(tmp_path, [HEADER, *FOUR]), "--format", "json")

    body = json.loads(out)
    assert (body["respondents"], body["nrr"], body["ikm"], body["mutu"]) == (
        4,
        EXPECTED_NRR,
        79.09,
        "B",
    )


def test_population_adds_the_krejcie_morgan_target(tmp_path):
    out = run_skm(write_csv(tmp_path, [HEADER, *FOUR]), "--format", "json", "--population", "20")

    assert json.loads(out)["sample"] == {
        "population": 20,
        "target": 19,
        "achieved": 4,
        "is_met": False,
        "shortfall": 15,
    }


def test_text_format(tmp_path):
    out = run_skm(write_csv(tmp_path, [HEADER, *FOUR]), "--population", "10")

    assert out.splitlines() == [
        "Survei Kepuasan Masyarakat — 4 responden",
        "",
        "  U1 Persyaratan                              NRR 3,5000",
        "  U2 Sistem, Mekanisme, dan Prosedur          NRR 3,0000",
        "  U3 Waktu Penyelesaian                       NRR 2,7500",
        "  U4 Biaya/Tarif                              NRR 3,7500",
        "  U5 Produk Spesifikasi Jenis Pelayanan       NRR 3,0000",
        "  U6 Kompetensi Pelaksana                     NRR 3,2500",
        "  U7 Perilaku Pelaksana                       NRR 3,7500",
        "  U8 Sarana dan Prasarana                     NRR 3,0000",
        "  U9 Penanganan Pengaduan, Saran dan Masukan  NRR 2,5000",
        "",
        "IKM unit pelayanan : 3,1635 (skala 1–4)",
        "IKM konversi       : 79,09 (skala 25–100)",
        "Mutu pelayanan     : B (Baik)",
        "Pembobotan         : Bobot tiap unsur 0,111 (PermenPAN-RB 14/2017).",
        "Sampel             : 4 dari target 10 (Krejcie & Morgan, populasi 10) — kurang 6 responden",
    ]


def test_bad_answers_are_reported_by_row_and_column(tmp_path):
    rows = [
        HEADER,
        FOUR[0],
        [0, 3, 3, 3, 3, 3, 3, 3, 5],
        [3, "baik", 3, 3, None, 3, 3, 3, 3],
        [3, 3, 3, 3, 3, 3, 3, 3],  # u9 missing: a short row
    ]

    code, out, _ = refused(write_csv(tmp_path, rows), "--format", "json")

    assert code == 1
    errors = json.loads(out)["errors"]
    assert [(e["row"], e["column"], e["code"]) for e in errors] == [
        (3, "u1", "skm.answer_out_of_range"),
        (3, "u9", "skm.answer_out_of_range"),
        (4, "u2", "skm.answer_not_integer"),
        (4, "u5", "skm.answer_missing"),
        (5, "u9", "skm.answer_missing"),
    ]
    assert errors[0]["message"] == "Baris 3, U1 (Persyaratan): Jawaban harus 1–4, bukan 0."
    assert errors[2]["message"] == (
        "Baris 4, U2 (Sistem, Mekanisme, dan Prosedur): Jawaban harus bilangan bulat 1–4, bukan 'baik'."
    )


def test_bad_xlsx_answers_name_the_spreadsheet_row(tmp_path):
    rows = [["Laporan SKM"], [], HEADER, FOUR[0], [3, 3, 3, 3, 3, 3, 3, 3, 3.5]]

    code, out, _ = refused(write_xlsx(tmp_path, rows), "--format", "json")

    assert code == 1
    # The first non-empty row is taken as the header: "Laporan SKM" has no u1…u9.
    assert [e["code"] for e in json.loads(out)["errors"]] == ["skm.column_missing"] * 9

    code, out, _ = refused(write_xlsx(tmp_path, rows[2:]), "--format", "json")
    assert code == 1
    assert json.loads(out)["errors"] == [
        {
            "row": 3,
            "column": "u9",
            "code": "skm.answer_not_integer",
            "message": "Baris 3, U9 (Penanganan Pengaduan, Saran dan Masukan): Jawaban harus "
            "bilangan bulat 1–4, bukan 3.5.",
        }
    ]


def test_text_format_errors_go_to_stderr(tmp_path):
    code, out, err = refused(write_csv(tmp_path, [HEADER, [4, 4, 4, 4, 4, 4, 4, 4, 0]]))

    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "Baris 2, U9 (Penanganan Pengaduan, Saran dan Masukan): Jawaban harus 1–4, bukan 0. "
        "[skm.answer_out_of_range]"
    ]


def test_missing_columns_are_invalid_content(tmp_path):
    code, out, _ = refused(write_csv(tmp_path, [HEADER[:7], [3] * 7]), "--format", "json")

    assert code == 1
    assert json.loads(out)["errors"] == [
        {
            "row": 1,
            "column": column,
            "code": "skm.column_missing",
            "message": f"Kolom {column} tidak ada di baris judul (baris 1).",
        }
        for column in ("u8", "u9")
    ]


def test_a_header_without_respondents_is_invalid_content(tmp_path):
    code, out, _ = refused(write_csv(tmp_path, [HEADER]), "--format", "json")

    assert code == 1
    assert json.loads(out)["errors"] == [
        {
            "row": 2,
            "column": None,
            "code": "skm.no_respondents",
            "message": "Tidak ada baris jawaban responden.",
        }
    ]


def test_an_empty_file_is_invalid_content(tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"")

    code, out, _ = refused(str(path), "--format", "json")

    assert code == 1
    assert json.loads(out)["errors"][0]["code"] == "skm.header_missing"


def test_missing_file_exits_with_2(tmp_path):
    code, out, _ = refused(str(tmp_path / "tidak-ada.csv"), "--format", "json")

    assert code == 2
    assert json.loads(out)["errors"][0]["code"] == "file.unreadable"


def test_binary_file_exits_with_2(tmp_path):
    path = tmp_path / "gambar.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    code, out, err = refused(str(path))

    assert code == 2
    assert out == ""
    assert err == "Berkas gambar.png bukan CSV atau XLSX. [file.not_csv]\n"


def test_broken_xlsx_exits_with_2(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")

    code, out, _ = refused(str(path), "--format", "json")

    assert code == 2
    assert json.loads(out)["errors"][0]["code"] == "file.not_xlsx"
