"""`penata abk compute FILE`: the pure ABK command on JSON and XLSX files, and its refusals."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
import xlsxwriter
from django.core.management import CommandError, call_command

ISSUE_EXAMPLE = {
    "positions": [
        {
            "name": "Ajudan",
            "existing": 3,
            "unit_kerja": "Sekretariat Daerah",
            "tasks": [
                # Kab. Lahat worked example (see test_rules.py), time norms in minutes.
                {
                    "task": "Memeriksa jadwal kegiatan pimpinan",
                    "unit": "Dokumen",
                    "volume": 10,
                    "period": "year",
                    "norm_minutes": 3600,
                },
                {
                    "task": "Memberikan pelayanan perjalanan dinas",
                    "unit": "Dokumen",
                    "volume": 20,
                    "period": "year",
                    "norm_minutes": 3600,
                },
                {
                    "task": "Memberikan pengamanan fisik",
                    "unit": "Laporan",
                    "volume": 1,
                    "period": "month",
                    "norm_minutes": 600,
                },
                {
                    "task": "Mengoordinasikan kegiatan",
                    "unit": "Kegiatan",
                    "volume": 15,
                    "period": "year",
                    "norm_minutes": 1800,
                },
                {
                    "task": "Membuat laporan",
                    "unit": "Kegiatan",
                    "volume": 5,
                    "period": "year",
                    "norm_minutes": 3600,
                },
                {
                    "task": "Tugas kedinasan lain",
                    "unit": "Laporan",
                    "volume": 5,
                    "period": "year",
                    "norm_minutes": 1800,
                },
            ],
        },
        {
            "name": "Pengadministrasi Perkantoran",
            "existing": 0,
            "tasks": [
                {
                    "task": "Mengagendakan surat",
                    "unit": "Surat",
                    "volume": 2.5,
                    "period": "day",
                    "norm_minutes": 45,
                },
            ],
        },
    ],
    "effective_minutes": 75000,
}

EXPECTED_POSITIONS = [
    {
        "name": "Ajudan",
        "unit_kerja": "Sekretariat Daerah",
        "workload_minutes": 169200,
        "need": 2.256,
        "need_rounded": 2,
        "existing": 3,
        "gap": -1,
        "ej": 0.752,
        "pj": "C",
        "pj_label": "Cukup",
    },
    {
        # 2.5 a day × 250 × 45 = 28,125 minutes → 0.375 → 0 people; vacant.
        "name": "Pengadministrasi Perkantoran",
        "unit_kerja": None,
        "workload_minutes": 28125,
        "need": 0.375,
        "need_rounded": 0,
        "existing": 0,
        "gap": 0,
        "ej": None,
        "pj": None,
        "pj_label": None,
    },
]


def run_abk(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("abk", "compute", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("abk", "compute", *args, stdout=out, stderr=err)
    return caught.value.returncode, out.getvalue(), err.getvalue()


def write_json(tmp_path: Path, document: object, name: str = "abk.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def write_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "abk.xlsx") -> str:
    path = tmp_path / name
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("ABK")
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is not None:
                sheet.write(r, c, value)
    workbook.close()
    return str(path)


XLSX_HEADER = ["position", "existing", "task", "unit", "volume", "period", "norm_minutes"]
XLSX_ROWS = [
    XLSX_HEADER,
    ["Ajudan", 3, "Memeriksa jadwal kegiatan pimpinan", "Dokumen", 10, "year", 3600],
    ["Ajudan", None, "Memberikan pelayanan perjalanan dinas", "Dokumen", 20, "year", 3600],
    ["Ajudan", 3, "Memberikan pengamanan fisik", "Laporan", 1, "month", 600],
    ["Ajudan", None, "Mengoordinasikan kegiatan", "Kegiatan", 15, "year", 1800],
    ["Ajudan", None, "Membuat laporan", "Kegiatan", 5, "year", 3600],
    ["Ajudan", None, "Tugas kedinasan lain", "Laporan", 5, "year", 1800],
    ["Pengadministrasi Perkantoran", 0, "Mengagendakan surat", "Surat", 2.5, "day", 45],
]


def test_json_file_gives_per_position_results_and_totals(tmp_path):
    out, _ = run_abk(write_json(tmp_path, ISSUE_EXAMPLE), "--format", "json")

    body = json.loads(out)
    assert body["positions"] == EXPECTED_POSITIONS
    assert body["totals"] == {
        "workload_minutes": 197325,
        "need": 2.631,
        "need_rounded": 2,
        "existing": 3,
        "gap": -1,
        # 197,325 / (3 × 75,000) = 0.877
        "ej": 0.877,
        "pj": "C",
        "pj_label": "Cukup",
    }
    assert body["units"] == [
        {
            "name": "Sekretariat Daerah",
            "positions": 1,
            "workload_minutes": 169200,
            "need": 2.256,
            "need_rounded": 2,
            "existing": 3,
            "gap": -1,
            "ej": 0.752,
            "pj": "C",
            "pj_label": "Cukup",
        }
    ]
    assert body["effective_minutes"] == 75000
    assert body["rounding_rule"] == (
        "Dibulatkan ke bilangan bulat terdekat; pecahan 0,5 ke atas dibulatkan ke atas."
    )


def test_text_format_is_an_indonesian_table(tmp_path):
    out, _ = run_abk(write_json(tmp_path, ISSUE_EXAMPLE))

    assert out.splitlines() == [
        "Analisis beban kerja — waktu kerja efektif 75.000 menit/tahun",
        "Pembulatan kebutuhan: Dibulatkan ke bilangan bulat terdekat; pecahan 0,5 ke atas "
        "dibulatkan ke atas.",
        "",
        "Jabatan                       Beban kerja (menit)  Kebutuhan  Dibulatkan  Ada  Selisih"
        "    EJ  PJ",
        "Ajudan                                    169.200     2,2560           2    3       -1"
        "  0,75   C",
        "Pengadministrasi Perkantoran               28.125     0,3750           0    0        0"
        "     -   -",
        "JUMLAH                                    197.325     2,6310           2    3       -1"
        "  0,88   C",
        "",
        "Selisih jumlah: Lebih 1 orang.",
        "Unit Sekretariat Daerah: kebutuhan 2, ada 3 (Lebih 1 orang), EU 0,75, PEU C.",
    ]


def test_xlsx_file_gives_the_same_result_as_json(tmp_path):
    out, _ = run_abk(write_xlsx(tmp_path, XLSX_ROWS), "--format", "json")

    positions = json.loads(out)["positions"]
    assert [{**p, "unit_kerja": None} for p in positions] == [
        {**p, "unit_kerja": None} for p in EXPECTED_POSITIONS
    ]


def test_xlsx_accepts_indonesian_headers_and_groups_by_unit_kerja(tmp_path):
    rows = [
        [
            "Unit Kerja",
            "Jabatan",
            "Pemangku",
            "Uraian Tugas",
            "Satuan",
            "Volume",
            "Periode",
            "Norma Waktu",
        ],
        ["BKPSDM", "Analis SDM Aparatur", 2, "Menyusun formasi", "Dokumen", 4, "triwulan", 9000],
        ["Bappeda", "Analis SDM Aparatur", 1, "Menyusun laporan", "Laporan", 1, "bulan", 3000],
    ]

    out, _ = run_abk(write_xlsx(tmp_path, rows), "--format", "json", "--effective-minutes", "72000")

    body = json.loads(out)
    # 4 × 4 × 9,000 = 144,000 / 72,000 = 2; 12 × 3,000 = 36,000 / 72,000 = 0.5 → 1 (half up).
    summary = [
        (p["unit_kerja"], p["name"], p["need"], p["need_rounded"], p["gap"])
        for p in body["positions"]
    ]
    assert summary == [
        ("BKPSDM", "Analis SDM Aparatur", 2, 2, 0),
        ("Bappeda", "Analis SDM Aparatur", 0.5, 1, 0),
    ]
    assert [u["name"] for u in body["units"]] == ["BKPSDM", "Bappeda"]
    assert body["effective_minutes"] == 72000


def test_effective_minutes_option_overrides_the_file(tmp_path):
    out, _ = run_abk(
        write_json(tmp_path, ISSUE_EXAMPLE), "--format", "json", "--effective-minutes", "78000"
    )

    ajudan = json.loads(out)["positions"][0]
    # 169,200 / 78,000 = 2.16923… ; EJ 169,200 / 234,000 = 0.72307…
    assert (ajudan["need"], ajudan["need_rounded"], ajudan["ej"], ajudan["pj"]) == (
        2.1692,
        2,
        0.7231,
        "C",
    )


def test_rounding_and_band_options(tmp_path):
    out, _ = run_abk(
        write_json(tmp_path, ISSUE_EXAMPLE),
        "--format",
        "json",
        "--rounding",
        "ceil",
        "--bands",
        "depkeu",
    )

    body = json.loads(out)
    assert [p["need_rounded"] for p in body["positions"]] == [3, 1]
    assert [p["gap"] for p in body["positions"]] == [0, 1]
    assert body["rounding_rule"] == "Setiap pecahan dibulatkan ke atas."
    # Depkeu bands: EJ 0.752 ≥ 0.66 stays C; the total EJ 0.877 ≥ 0.81 becomes B (C under
    # Permendagri 12/2008, where B starts at 0.90).
    assert body["positions"][0]["pj"] == "C"
    assert body["totals"]["pj"] == "B"


def test_threshold_rounding_option(tmp_path):
    out, _ = run_abk(
        write_json(tmp_path, ISSUE_EXAMPLE),
        "--format",
        "json",
        "--rounding",
        "threshold",
        "--round-up-from",
        "0.25",
    )

    body = json.loads(out)
    assert [p["need_rounded"] for p in body["positions"]] == [3, 1]  # 2.256 → 3, 0.375 → 1


def test_invalid_content_is_listed_with_position_task_and_field(tmp_path):
    document = {
        "positions": [
            {
                "name": "Ajudan",
                "existing": 2,
                "tasks": [
                    {
                        "task": "Jadwal",
                        "unit": "Dokumen",
                        "volume": 10,
                        "period": "fortnight",
                        "norm_minutes": 60,
                    },
                    {
                        "task": "Laporan",
                        "unit": "Laporan",
                        "volume": -4,
                        "period": "year",
                        "norm_minutes": 60,
                    },
                    {"task": "Arsip", "unit": "Berkas", "volume": 3, "period": "month"},
                ],
            },
            {
                "name": "",
                "existing": 1.5,
                "tasks": [{"task": "X", "volume": "banyak", "period": "day", "norm_minutes": 0}],
            },
        ]
    }

    code, out, err = refused(write_json(tmp_path, document), "--format", "json")

    assert code == 1
    errors = json.loads(out)["errors"]
    assert [(e["position"], e["task"], e["field"], e["code"]) for e in errors] == [
        (0, 2, "norm_minutes", "abk.norm_minutes_missing"),
        (1, None, "existing", "abk.existing_not_integer"),
        (1, 0, "volume", "abk.volume_not_number"),
        (0, 0, "period", "abk.period"),
        (0, 1, "volume", "abk.volume_negative"),
        (1, None, "name", "abk.name_missing"),
        (1, 0, "norm_minutes", "abk.norm_not_positive"),
    ]
    assert errors[0]["message"] == "Jabatan ke-1, tugas ke-3: norma waktu kosong."
    assert errors[4]["message"] == "Jabatan ke-1, tugas ke-2: volume tidak boleh negatif (-4)."
    assert err == ""  # in JSON mode the errors go to stdout only


def test_invalid_content_in_text_format_goes_to_stderr(tmp_path):
    document = {
        "positions": [
            {
                "name": "Ajudan",
                "tasks": [{"task": "A", "volume": -1, "period": "year", "norm_minutes": 5}],
            }
        ]
    }

    code, out, err = refused(write_json(tmp_path, document))

    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "Jabatan ke-1, tugas ke-1: volume tidak boleh negatif (-1). [abk.volume_negative]"
    ]


def test_xlsx_errors_name_the_row(tmp_path):
    rows = [
        XLSX_HEADER,
        ["Ajudan", 3, "Jadwal", "Dokumen", 10, "year", 60],
        ["Ajudan", 2, "Laporan", "Laporan", 5, "tahun", 60],
        [None, None, None, None, None, None, None],
        ["Ajudan", None, "Arsip", "Berkas", -1, "decade", "lama"],
        [None, None, "Tanpa jabatan", "Berkas", 1, "year", 5],
    ]

    code, out, _ = refused(write_xlsx(tmp_path, rows), "--format", "json")

    assert code == 1
    errors = json.loads(out)["errors"]
    assert [(e.get("row"), e["field"], e["code"]) for e in errors] == [
        (3, "existing", "abk.existing_conflict"),
        (5, "norm_minutes", "abk.norm_minutes_not_number"),
        (6, "position", "abk.name_missing"),
        (5, "volume", "abk.volume_negative"),
        (5, "period", "abk.period"),
    ]
    assert errors[0]["message"] == (
        "Baris 3: jumlah pemangku 2 berbeda dengan baris sebelumnya untuk jabatan 'Ajudan' (3)."
    )
    assert errors[3]["message"] == "Baris 5: volume tidak boleh negatif (-1)."


def test_xlsx_without_a_required_column_is_refused(tmp_path):
    rows = [["position", "task", "volume", "period"], ["Ajudan", "Jadwal", 10, "year"]]

    code, out, _ = refused(write_xlsx(tmp_path, rows), "--format", "json")

    assert code == 1
    assert json.loads(out)["errors"] == [
        {
            "position": None,
            "task": None,
            "row": 1,
            "field": "norm_minutes",
            "code": "abk.column_missing",
            "message": "Kolom 'norm_minutes' tidak ada di baris judul.",
        }
    ]


def test_json_without_positions_is_invalid_content(tmp_path):
    code, out, _ = refused(write_json(tmp_path, [1, 2]), "--format", "json")

    assert code == 1
    assert json.loads(out)["errors"][0]["code"] == "abk.positions_missing"


def test_invalid_effective_minutes_in_the_file_is_invalid_content(tmp_path):
    code, out, _ = refused(
        write_json(tmp_path, {**ISSUE_EXAMPLE, "effective_minutes": 0}), "--format", "json"
    )

    assert code == 1
    assert [e["code"] for e in json.loads(out)["errors"]] == ["abk.config.effective_minutes"]


def test_missing_file_exits_with_2(tmp_path):
    code, out, _ = refused(str(tmp_path / "tidak-ada.json"), "--format", "json")

    assert code == 2
    assert json.loads(out)["errors"][0]["code"] == "file.unreadable"


def test_malformed_json_exits_with_2(tmp_path):
    path = tmp_path / "rusak.json"
    path.write_text('{"positions": [', encoding="utf-8")

    code, out, err = refused(str(path))

    assert code == 2
    assert out == ""
    assert err.startswith("Berkas rusak.json bukan JSON yang sah")


def test_broken_xlsx_exits_with_2(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")

    code, out, _ = refused(str(path), "--format", "json")

    assert code == 2
    assert json.loads(out)["errors"][0]["code"] == "file.not_xlsx"


def test_sheet_option_picks_a_worksheet(tmp_path):
    path = write_xlsx(tmp_path, XLSX_ROWS)

    out, _ = run_abk(path, "--format", "json", "--sheet", "ABK")
    assert json.loads(out)["positions"][0]["need"] == 2.256

    code, out, _ = refused(path, "--format", "json", "--sheet", "Rekap")
    assert code == 2
    assert json.loads(out)["errors"][0]["message"] == (
        "Lembar kerja 'Rekap' tidak ada di berkas abk.xlsx (ada: ABK)."
    )


def test_json_with_utf8_bom_is_read(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(ISSUE_EXAMPLE).encode())

    out, _ = run_abk(str(path), "--format", "json")

    assert json.loads(out)["positions"] == EXPECTED_POSITIONS


def test_installed_script_exit_status(tmp_path):
    """The real `penata` entry point turns CommandError into the documented exit status."""
    from penata.cli import main

    good = write_json(tmp_path, ISSUE_EXAMPLE)
    bad = write_json(
        tmp_path,
        {
            "positions": [
                {
                    "name": "A",
                    "tasks": [{"task": "B", "volume": 1, "period": "x", "norm_minutes": 1}],
                }
            ]
        },
        "bad.json",
    )
    for path, status in ((good, None), (bad, 1), (str(tmp_path / "none.json"), 2)):
        try:
            main(["abk", "compute", path, "--format", "json"])
            exited = None
        except SystemExit as stop:
            exited = stop.code
        assert exited == status
