"""Restructure pages: access per role, the scenario editor over htmx, comparison and its
exports, enactment through the web and the history page."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import openpyxl
import pytest
from django.urls import reverse

from penata.org.models import Position
from penata.people.models import Assignment
from penata.restructure.models import Scenario, ScenarioOperation
from penata.restructure.services import (
    scenario_approve,
    scenario_submit,
)
from tests.factories import AssignmentFactory, EmployeeFactory, UserFactory
from tests.restructure.test_scenarios import BASE_DATE

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, *args):
    return reverse(f"restructure:{name}", args=args)


def test_anonymous_goes_to_login(client, scenario):
    for target in (url("dashboard"), url("scenario_list"), url("scenario_editor", scenario.pk)):
        response = client.get(target)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_staff_without_a_restructure_role_is_refused(client, city, scenario):
    employee_user = UserFactory(username="pegawai")
    EmployeeFactory(instansi=city.instansi, user=employee_user)
    client.force_login(employee_user)
    assert client.get(url("dashboard")).status_code == 403
    assert client.get(url("scenario_list")).status_code == 403
    assert client.get(url("history")).status_code == 403
    assert client.get(url("scenario_editor", scenario.pk)).status_code == 404
    assert client.get(url("comparison_xlsx", scenario.pk)).status_code == 404
    response = client.post(url("operation_add", scenario.pk), {"kind": "unit.rename"})
    assert response.status_code == 404
    assert ScenarioOperation.objects.filter(scenario=scenario).count() == 2


def test_dashboard_shows_the_metrics(client, city, auditor):
    client.force_login(auditor)
    response = client.get(url("dashboard"), {"tanggal": BASE_DATE.isoformat()})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-metric="layers">4<' in html
    assert "Dinas A" in html and "Kepala Bidang Y" in html  # spans outside the healthy range
    charts = json.loads(re.search(r'id="metric-charts"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert {"name": "Lapis 4", "value": 3} in charts["layers"]
    assert "Skenario baru" not in html  # the auditor only reads


def test_scenario_list_and_create(client, city, analyst):
    client.force_login(analyst)
    assert client.get(url("scenario_list")).status_code == 200
    refused = client.post(url("scenario_list"), {"name": " ", "base_date": ""})
    assert refused.status_code == 422
    assert "Nama skenario wajib diisi." in refused.content.decode()
    response = client.post(
        url("scenario_list"), {"name": "Skenario uji", "base_date": "2026-01-05"}
    )
    created = Scenario.objects.get(name="Skenario uji")
    assert response.status_code == 302 and response["Location"] == url(
        "scenario_editor", created.pk
    )
    assert created.base_date == dt.date(2026, 1, 5)


def test_editor_adds_operations_over_htmx_with_inline_errors(client, city, analyst, scenario):
    client.force_login(analyst)
    page = client.get(url("scenario_editor", scenario.pk))
    assert page.status_code == 200
    assert "Gabungkan unit “Bidang Y” ke dalam “Bidang X”." in page.content.decode()

    refused = client.post(
        url("operation_add", scenario.pk),
        {"kind": "unit.abolish", "unit": city.units["seksi_x2"].pk},
        **HTMX,
    )
    assert refused.status_code == 200
    html = refused.content.decode()
    assert 'data-error="positions_to"' in html
    assert "Unit “Seksi X2” masih memiliki 2 jabatan." in html
    assert ScenarioOperation.objects.filter(scenario=scenario).count() == 2

    added = client.post(
        url("operation_add", scenario.pk),
        {
            "kind": "unit.abolish",
            "unit": city.units["seksi_x2"].pk,
            "positions_to": city.units["bidang_x"].pk,
            "children_to": "",
        },
        **HTMX,
    )
    html = added.content.decode()
    assert added.status_code == 200 and 'id="editor-body"' in html
    assert "Hapus unit “Seksi X2”; jabatannya pindah ke “Bidang X”." in html
    assert "data-error" not in html

    undone = client.post(url("scenario_undo", scenario.pk), {"kind": "unit.abolish"}, **HTMX)
    assert 'data-seq="3" data-active="0"' in undone.content.decode()
    redone = client.post(url("scenario_redo", scenario.pk), {"kind": "unit.abolish"}, **HTMX)
    assert 'data-seq="3" data-active="1"' in redone.content.decode()
    scenario.refresh_from_db()
    assert scenario.cursor == 3


def test_editor_without_htmx_redirects_after_adding(client, city, analyst, scenario):
    client.force_login(analyst)
    response = client.post(
        url("operation_add", scenario.pk),
        {"kind": "unit.rename", "unit": city.units["bidang_x"].pk, "name": "Bidang Pelayanan"},
    )
    assert response.status_code == 302
    refused = client.post(
        url("operation_add", scenario.pk), {"kind": "unit.rename", "unit": "", "name": ""}
    )
    assert refused.status_code == 422


def test_operation_form_and_search_select(client, city, analyst, scenario):
    client.force_login(analyst)
    form = client.get(url("operation_form", scenario.pk), {"jenis": "position.convert"}, **HTMX)
    assert (
        form.status_code == 200 and 'name="kind" value="position.convert"' in form.content.decode()
    )
    found = client.get(
        url("search", scenario.pk, "unit"), {"q": "seksi x", "field": "parent"}, **HTMX
    )
    html = found.content.decode()
    assert 'name="parent"' in html
    assert f'value="{city.units["seksi_x1"].pk}"' in html and "Bidang Y" not in html
    convertible = client.get(
        url("search", scenario.pk, "position"),
        {"q": "", "field": "position", "filter": "convertible"},
    ).content.decode()
    assert "Kepala Seksi X2" in convertible and "Kepala Dinas A" not in convertible
    assert "Kepala Seksi X1" not in convertible  # already converted by the scenario
    empty_ok = client.get(
        url("search", scenario.pk, "position"), {"q": "zzz", "field": "x", "kosong": "-"}
    )
    assert "tanpa jabatan (Plt/Plh berakhir)" in empty_ok.content.decode()


def test_auditor_reads_but_cannot_change(client, city, auditor, scenario):
    client.force_login(auditor)
    page = client.get(url("scenario_editor", scenario.pk)).content.decode()
    assert "Tambah operasi" not in page and "Ajukan untuk persetujuan" not in page
    response = client.post(
        url("operation_add", scenario.pk),
        {"kind": "unit.rename", "unit": city.units["bidang_x"].pk, "name": "X"},
    )
    assert response.status_code == 403
    assert client.post(url("scenario_undo", scenario.pk)).status_code == 403
    scenario.refresh_from_db()
    assert scenario.cursor == 2


def test_comparison_page_and_exports(client, city, analyst, scenario):
    client.force_login(analyst)
    response = client.get(url("comparison", scenario.pk))
    assert response.status_code == 200
    html = response.content.decode()
    charts = json.loads(re.search(r'id="org-charts"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert charts["left"]["counts"]["removed"] == 1  # Bidang Y
    assert charts["right"]["counts"]["changed"] >= 2
    assert "Pegawai Kasi X1" in html and "jenis jabatannya berubah" in html

    xlsx = client.get(url("comparison_xlsx", scenario.pk))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == [
        "Metrik",
        "ABK",
        "Perangkat Daerah",
        "Perubahan",
        "Pegawai terdampak",
        "Operasi",
    ]
    metrics = {row[0]: row[1:] for row in book["Metrik"].iter_rows(min_row=2, values_only=True)}
    assert metrics["Jabatan manajerial"] == (8, 7, -1)
    people = [row[0] for row in book["Pegawai terdampak"].iter_rows(min_row=2, values_only=True)]
    assert sorted(people) == ["Pegawai Kabid Y", "Pegawai Kasi X1"]

    pdf = client.get(url("comparison_pdf", scenario.pk))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_scenario_against_scenario(client, analyst, scenario, alternative):
    other = alternative
    client.force_login(analyst)
    response = client.get(url("comparison", scenario.pk), {"dengan": other.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Perbandingan: Penyederhanaan Dinas A dan Alternatif" in html
    # Bidang Y exists in the alternative, so from this scenario's side it comes back.
    assert "Bidang Baru" in html and "Bidang Y" in html


def test_approval_and_enactment_through_the_web(client, city, analyst, admin, scenario):
    client.force_login(analyst)
    client.post(url("scenario_decide", scenario.pk), {"action": "submit"})
    scenario.refresh_from_db()
    assert scenario.status == "submitted"
    assert (
        client.post(url("scenario_decide", scenario.pk), {"action": "approve"}).status_code == 403
    )
    client.force_login(admin)
    client.post(url("scenario_decide", scenario.pk), {"action": "approve", "note": "Setuju"})
    scenario.refresh_from_db()
    assert scenario.status == "approved"

    client.force_login(analyst)
    review = client.get(url("enactment", scenario.pk), {"tanggal_berlaku": "2026-02-01"})
    html = review.content.decode()
    assert review.status_code == 200
    rows = re.findall(r'data-assignment="(\d+)"', html)
    assert len(rows) == 5  # Kabid Y, Kasi Y1, Admin Y, Kasi X1, Analis 1
    form = {"tanggal_berlaku": "2026-02-01", "dasar_hukum": "Perwali Surakarta No. 7 Tahun 2026"}
    for assignment in rows:
        chosen = re.search(
            rf'name="target_{assignment}"[^>]*>\s*<option value="([^"]*)" selected', html
        )
        form[f"target_{assignment}"] = chosen.group(1)
    unconfirmed = client.post(url("enactment", scenario.pk), form)
    assert unconfirmed.status_code == 422
    assert Assignment.objects.filter(start=dt.date(2026, 2, 1)).count() == 0
    done = client.post(url("enactment", scenario.pk), {**form, "confirm": "on"})
    assert done.status_code == 302
    assert "tanggal=2026-01-31" in done["Location"] and "banding=2026-02-01" in done["Location"]
    assert Assignment.objects.filter(start=dt.date(2026, 2, 1)).count() == 5
    converted = Position.objects.get(
        legal_basis="Perwali Surakarta No. 7 Tahun 2026", title="Analis Kebijakan Ahli Muda"
    )
    assert converted.kind == "fungsional"

    history = client.get(done["Location"])
    html = history.content.decode()
    assert history.status_code == 200
    assert "Perwali Surakarta No. 7 Tahun 2026" in html
    assert "Jabatan disetarakan" in html and "Pegawai Kasi X1" in html


def test_enactment_page_refuses_a_missing_target(client, city, analyst, admin, scenario):
    scenario_submit(actor=analyst, scenario=scenario)
    scenario_approve(actor=admin, scenario=scenario)
    AssignmentFactory(
        employee=EmployeeFactory(instansi=city.instansi),
        position=city.posts["kabid_y"],
        start=dt.date(2026, 1, 2),
        acting="plt",
    )
    client.force_login(analyst)
    response = client.post(
        url("enactment", scenario.pk),
        {"tanggal_berlaku": "2026-02-01", "dasar_hukum": "Perwali 7/2026", "confirm": "on"},
    )
    assert response.status_code == 422
    assert "Padanan jabatan belum dikonfirmasi" in response.content.decode()
    scenario.refresh_from_db()
    assert scenario.status == "approved"


def test_history_page_on_one_date(client, city, auditor):
    client.force_login(auditor)
    response = client.get(url("history"), {"tanggal": BASE_DATE.isoformat()})
    assert response.status_code == 200
    assert 'data-metric="layers">4<' in response.content.decode()


def test_operation_forms_preselect_their_defaults(client, city, analyst, scenario):
    client.force_login(analyst)
    html = client.get(
        url("operation_form", scenario.pk), {"jenis": "position.convert"}
    ).content.decode()
    role_select = re.search(r'<select[^>]*name="role"[^>]*>(.*?)</select>', html, re.S).group(1)
    selected = re.findall(r'<option value="([^"]*)" selected>', role_select)
    assert selected == ["auto"]  # the Koordinator/Subkoordinator role, not "no role"


# JSON API -----------------------------------------------------------------------------------


def test_api_metrics_and_scenarios(client, city, analyst, auditor, scenario):
    client.force_login(analyst)
    metrics = client.get("/api/v1/structure/metrics", {"as_of": "2026-01-05"})
    assert metrics.status_code == 200
    assert metrics.json()["metrics"]["headline"]["layers"] == 4
    listed = client.get("/api/v1/scenarios")
    assert [s["name"] for s in listed.json()["items"]] == ["Penyederhanaan Dinas A"]

    created = client.post(
        "/api/v1/scenarios",
        {"name": "Lewat API", "base_date": "2026-01-05"},
        content_type="application/json",
    )
    assert created.status_code == 201
    new_id = created.json()["id"]
    refused = client.post(
        f"/api/v1/scenarios/{new_id}/operations",
        {"kind": "unit.abolish", "params": {"unit": city.units["bidang_y"].pk}},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "unit.not_empty"
    added = client.post(
        f"/api/v1/scenarios/{new_id}/operations",
        {"kind": "position.convert", "params": {"position": city.posts["kasi_x1"].pk}},
        content_type="application/json",
    )
    assert added.status_code == 201 and added.json()["seq"] == 1
    assert client.post(f"/api/v1/scenarios/{new_id}/undo").json()["cursor"] == 0
    assert client.post(f"/api/v1/scenarios/{new_id}/redo").json()["cursor"] == 1

    detail = client.get(f"/api/v1/scenarios/{scenario.pk}").json()
    assert [op["seq"] for op in detail["operations"]] == [1, 2]
    affected = detail["comparison"]["affected"]
    assert {a["name"] for a in affected} == {"Pegawai Kabid Y", "Pegawai Kasi X1"}
    assert all("nip" not in a for a in affected)

    client.force_login(auditor)
    assert client.get(f"/api/v1/scenarios/{scenario.pk}").status_code == 200
    forbidden = client.post(
        f"/api/v1/scenarios/{scenario.pk}/operations",
        {"kind": "position.convert", "params": {"position": city.posts["kasi_y1"].pk}},
        content_type="application/json",
    )
    assert forbidden.status_code == 403
    stranger = UserFactory(username="pegawai")
    EmployeeFactory(instansi=city.instansi, user=stranger)
    client.force_login(stranger)
    assert client.get(f"/api/v1/scenarios/{scenario.pk}").status_code == 404
    assert client.get("/api/v1/structure/metrics").status_code == 403


@pytest.mark.parametrize(
    "kind, params",
    [
        ("unit.rename", {"unit": "bidang_x", "name": "Bidang\x00Z"}),
        ("duty.change", {"volume": "NaN"}),
        ("duty.change", {"volume": "Infinity"}),
        ("duty.change", {"volume": "1e100000"}),
        ("duty.change", {"time_norm": "1e-100000"}),
        ("duty.change", {"volume": "12.555"}),
    ],
)
def test_api_refuses_operation_values_no_column_can_hold(
    client, city, analyst, scenario, kind, params
):
    """A NUL character, a non-finite decimal or one beyond NUMERIC(12, 2) is a 422 naming the
    field; it never reaches the database (PostgreSQL refuses NUL) nor the scenario's replay."""
    client.force_login(analyst)
    duty = Position.objects.get(pk=city.posts["admin_sek"].pk).duties.first()
    target = {"unit": city.units["bidang_x"].pk} if kind == "unit.rename" else {"duty": duty.pk}
    body = {"kind": kind, "params": {**params, **target}}
    url_ = f"/api/v1/scenarios/{scenario.pk}/operations"
    refused = client.post(url_, body, content_type="application/json")
    assert refused.status_code == 422, refused.content
    assert refused.json()["code"] == "operation.params"
    assert refused.json()["extra"]["errors"][0]["field"] in params
    assert ScenarioOperation.objects.filter(scenario=scenario).count() == 2
    assert client.get(f"/api/v1/scenarios/{scenario.pk}").status_code == 200


def test_api_accepts_a_two_decimal_volume(client, city, analyst, scenario):
    client.force_login(analyst)
    duty = Position.objects.get(pk=city.posts["admin_sek"].pk).duties.first()
    added = client.post(
        f"/api/v1/scenarios/{scenario.pk}/operations",
        {"kind": "duty.change", "params": {"duty": duty.pk, "volume": "12,50"}},
        content_type="application/json",
    )
    assert added.status_code == 201, added.content
    assert added.json()["params"]["volume"] == "12.50"


def test_api_scenario_text_and_kind_refuse_nul(client, city, analyst, scenario):
    client.force_login(analyst)
    created = client.post("/api/v1/scenarios", {"name": "Uji\x00"}, content_type="application/json")
    assert created.status_code == 422 and created.json()["code"] == "invalid_input"
    added = client.post(
        f"/api/v1/scenarios/{scenario.pk}/operations",
        {"kind": "unit.rename\x00", "params": {}},
        content_type="application/json",
    )
    assert added.status_code == 422 and added.json()["code"] == "invalid_input"


def test_api_body_that_is_not_json_is_a_422_in_the_error_shape(client, city, analyst, scenario):
    client.force_login(analyst)
    answer = client.post(
        f"/api/v1/scenarios/{scenario.pk}/operations", b"Z\xff", content_type="application/json"
    )
    assert answer.status_code == 422
    assert answer.json() == {
        "code": "invalid_input",
        "message": "Isi permintaan tidak dapat dibaca (bukan JSON yang sah).",
        "extra": {
            "errors": [
                {
                    "type": "json_invalid",
                    "loc": ["body"],
                    "msg": "Isi permintaan tidak dapat dibaca (bukan JSON yang sah).",
                }
            ]
        },
    }


def test_the_staff_menu_links_the_restructure_pages_for_their_readers(client, city, auditor):
    employee_user = UserFactory(username="pegawai")
    EmployeeFactory(instansi=city.instansi, user=employee_user)
    client.force_login(employee_user)
    assert url("dashboard") not in client.get(reverse("portal:home")).content.decode()
    client.force_login(auditor)
    assert f'href="{url("dashboard")}"' in client.get(reverse("portal:home")).content.decode()
