"""The restructure pages, exports and engine messages read in English when English is chosen:
metric and change labels, affected-employee reasons, operation descriptions and validation
errors come from Python code, not templates. Names of kinds stay Indonesian on purpose."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
from django.urls import reverse
from django.utils import translation

from penata.restructure.graph.operations import AbolishUnit, ChangeDuty
from penata.restructure.models import ScenarioOperation
from penata.restructure.services import scenario_create, scenario_undo
from tests.restructure.test_graph import small_city
from tests.restructure.test_scenarios import BASE_DATE

HTMX = {"HTTP_HX_REQUEST": "true"}
MERGE = "Merge unit “Bidang Y” into “Bidang X”."
CONVERT = (
    "Convert “Kepala Seksi X1” in Seksi X1 (Pengawas) into the functional position "
    "“Analis Kebijakan Ahli Muda” (Ahli Muda) with the Subkoordinator role."
)


def url(name, *args):
    return reverse(f"restructure:{name}", args=args)


def test_editor_in_english_describes_operations_and_the_live_comparison(
    in_english, city, analyst, scenario
):
    scenario_undo(actor=analyst, scenario=scenario)
    in_english.force_login(analyst)

    html = in_english.get(url("scenario_editor", scenario.pk)).content.decode()

    assert ScenarioOperation.objects.get(scenario=scenario, seq=1).description == (
        "Gabungkan unit “Bidang Y” ke dalam “Bidang X”."
    )
    assert MERGE in html  # in force: as the replay describes it
    assert CONVERT in html  # undone: as redo would bring it back
    assert "Gabungkan unit “Bidang Y”" not in html and "Setarakan “Kepala" not in html
    # Operation names and the submit button.
    assert ">Merge units</option>" in html and ">Convert a position (penyetaraan)</option>" in html
    assert "Add operation\n" in html and "Add operations" not in html
    # Live comparison: metric and change labels, reasons of the affected employees.
    assert ">Managerial positions</th>" in html and ">Number of units</th>" in html
    assert "Unit deleted" in html and "Position moved to another unit" in html
    assert "Pegawai Kabid Y</strong> — their work unit changes" in html
    for indonesian in ("Jabatan manajerial", "Jumlah unit", "Unit dihapus", "unit kerjanya"):
        assert indonesian not in html


def test_comparison_page_in_english(in_english, city, analyst, scenario):
    in_english.force_login(analyst)

    html = in_english.get(url("comparison", scenario.pk)).content.decode()

    assert ">Average span of control</th>" in html
    assert ">Staff need (decimal)</th>" in html  # the ABK table
    assert "Position converted" in html and "Head of unit changed" in html
    assert "their position kind changes, their position title changes" in html
    assert "Pengawas (echelon IVa)" in html and "head of unit" in html
    assert "under Dinas A" in html  # where the removed Bidang Y was
    for indonesian in ("Rentang kendali rata-rata", "Jabatan disetarakan", "jenis jabatannya"):
        assert indonesian not in html
    assert "(eselon" not in html and "di bawah Dinas A" not in html


def test_scenario_against_scenario_in_english(in_english, analyst, scenario, alternative):
    other = alternative
    in_english.force_login(analyst)

    html = in_english.get(url("comparison", scenario.pk), {"dengan": other.pk}).content.decode()

    assert "Comparison: Penyederhanaan Dinas A and Alternatif" in html
    assert "New unit" in html and "under Dinas A" in html
    assert "Unit baru" not in html


def test_metrics_and_history_pages_in_english(in_english, city, analyst):
    in_english.force_login(analyst)

    dashboard = in_english.get(url("dashboard"), {"tanggal": BASE_DATE.isoformat()})
    history = in_english.get(
        url("history"),
        {"tanggal": BASE_DATE.isoformat(), "banding": (BASE_DATE + dt.timedelta(1)).isoformat()},
    )

    page = dashboard.content.decode()
    assert dashboard.status_code == 200
    assert "Organisation structure metrics" in page and '"Layer 1"' in page
    compared = history.content.decode()
    assert history.status_code == 200
    assert ">Number of managerial layers</th>" in compared
    assert "Jumlah lapis manajerial" not in compared


def test_operation_refused_in_english_over_htmx(in_english, city, analyst, scenario):
    in_english.force_login(analyst)

    refused = in_english.post(
        url("operation_add", scenario.pk),
        {"kind": "unit.abolish", "unit": city.units["seksi_x2"].pk},
        **HTMX,
    )

    html = refused.content.decode()
    assert refused.status_code == 200 and 'data-error="positions_to"' in html
    assert (
        "Unit “Seksi X2” still has 2 positions. Choose the target unit for its positions before "
        "this unit is deleted."
    ) in html
    assert "masih memiliki" not in html
    assert ScenarioOperation.objects.filter(scenario=scenario).count() == 2


def test_api_speaks_english_for_errors_and_descriptions(in_english, city, analyst, scenario):
    in_english.force_login(analyst)
    empty = scenario_create(actor=analyst, instansi=city.instansi, name="Kosong")

    refused = in_english.post(f"/api/v1/scenarios/{empty.pk}/undo")
    detail = in_english.get(f"/api/v1/scenarios/{scenario.pk}").json()

    assert refused.status_code == 400
    assert refused.json() == {
        "code": "scenario.nothing_to_undo",
        "message": "There is no operation to undo.",
        "extra": {},
    }
    assert [op["description"] for op in detail["operations"]] == [MERGE, CONVERT]
    metrics = {m["key"]: m["label"] for m in detail["comparison"]["metrics"]}
    assert metrics["layers"] == "Number of managerial layers"
    kinds = {c["kind"]: c["kind_label"] for c in detail["comparison"]["changes"]}
    assert kinds["unit.removed"] == "Unit deleted"


def test_comparison_workbook_in_english(in_english, city, analyst, scenario):
    in_english.force_login(analyst)

    xlsx = in_english.get(url("comparison_xlsx", scenario.pk))

    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == [
        "Metrics",
        "ABK",
        "Regional agencies",
        "Changes",
        "Affected employees",
        "Operations",
    ]

    def rows(sheet):
        return list(book[sheet].iter_rows(values_only=True))

    assert rows("Metrics")[0] == ("Metrics", "Base structure", "Penyederhanaan Dinas A", "Gap")
    metrics = {row[0]: row[1:] for row in rows("Metrics")[1:]}
    assert metrics["Managerial positions"] == (8, 7, -1)
    assert rows("ABK")[1][0] == "Workload (minutes/year)"
    assert rows("Regional agencies")[0][:3] == (
        "Regional agencies",
        "Average path (Base structure)",
        "Average path (Penyederhanaan Dinas A)",
    )
    assert rows("Changes")[0] == ("Kind of change", "Object", "Before", "After")
    assert ("Unit deleted", "Bidang Y", "under Dinas A", None) in rows("Changes")
    assert rows("Affected employees")[0] == (
        "Name",
        "NIP",
        "Former position",
        "Former unit",
        "Former kind",
        "New position",
        "New unit",
        "New kind",
        "Reason",
    )
    reasons = {row[0]: row[8] for row in rows("Affected employees")[1:]}
    assert reasons["Pegawai Kasi X1"] == "their position kind changes; their position title changes"
    assert rows("Operations")[1:] == [(1, MERGE), (2, CONVERT)]
    assert book.properties.title == "Comparison Base structure – Penyederhanaan Dinas A"


def test_engine_messages_count_and_write_numbers_the_english_way():
    g = small_city()
    change = ChangeDuty(2, volume=Decimal("2.50"), time_norm=Decimal("1250.5"))

    with translation.override("en"):
        one = AbolishUnit(2).validate(g)[0].message  # Setda: only the Sekda's post
        two = AbolishUnit(14).validate(g)[0].message  # Seksi X2: its head and Pengolah Data
        english = change.describe(g)
    indonesian = change.describe(g)

    assert one == (
        "Unit “Sekretariat Daerah” still has 1 position. Choose the target unit for its "
        "positions before this unit is deleted."
    )
    assert two.startswith("Unit “Seksi X2” still has 2 positions.")
    assert english == (
        "Change duty “Menyusun laporan bulanan”: volume 10 → 2.50, time norm 300 → 1,250.5 minutes."
    )
    assert indonesian == (
        "Ubah uraian tugas “Menyusun laporan bulanan”: volume 10 → 2,50, norma waktu 300 → "
        "1.250,5 menit."
    )
