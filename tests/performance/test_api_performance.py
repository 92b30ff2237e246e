"""/api/v1/kinerja: the same rules as the pages, JSON errors with stable codes, scoping."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from penata.performance.models import Indicator, OrgPredikat, Rhk, Skp
from penata.performance.services.activity import ActivityInput, activity_log

pytestmark = pytest.mark.django_db

API = "/api/v1/kinerja"
JSON = "application/json"


@pytest.fixture
def api(city):
    def make(username: str) -> Client:
        client = Client()
        client.force_login(city.users[username])
        return client

    return make


def post(client, path, body=None):
    return client.post(f"{API}{path}", body or {}, content_type=JSON)


def test_plan_flow_through_the_api(city, api):
    agus, kasi = api("agus"), api("kasi")
    created = post(agus, "/skp", {"year": 2026})
    assert created.status_code == 201
    skp = created.json()
    assert (skp["status"], skp["evaluator"]["name"], skp["position"], skp["rhk"]) == (
        "draft",
        "Hadi Purnomo",
        "Pengadministrasi Perkantoran",
        [],
    )
    rhk = post(
        agus,
        f"/skp/{skp['id']}/rhk",
        {
            "text": "Tersusunnya laporan pelayanan",
            "indicators": [
                {"aspect": "kuantitas", "text": "Jumlah laporan", "target": "12", "unit": "laporan"}
            ],
        },
    )
    assert rhk.status_code == 201 and rhk.json()["indicators"][0]["target"] == "12.00"
    assert post(agus, f"/skp/{skp['id']}/submit").json()["status"] == "submitted"
    refused = post(agus, f"/skp/{skp['id']}/approve")
    assert (refused.status_code, refused.json()["code"]) == (403, "skp.self_approval")
    other = post(api("kabid"), f"/skp/{skp['id']}/approve")
    assert (other.status_code, other.json()["code"]) == (403, "skp.not_evaluator")
    assert post(kasi, f"/skp/{skp['id']}/approve").json()["version"] == 1
    versions = kasi.get(f"{API}/skp/{skp['id']}/versions").json()
    assert [v["number"] for v in versions] == [1]
    detail = agus.get(f"{API}/skp/{skp['id']}").json()
    assert [r["text"] for r in detail["rhk"]] == ["Tersusunnya laporan pelayanan"]


def test_evaluation_through_the_api(city, api, plan):
    skp = plan.skp("nina")
    indicator = Indicator.objects.get(rhk__skp=skp)
    nina, kasi = api("nina"), api("kasi")
    filled = nina.put(
        f"{API}/skp/{skp.pk}/evaluations/0/realisations",
        {
            "items": [
                {"indicator_id": indicator.pk, "value": "12", "evidence_link": "https://x.go.id/b"}
            ]
        },
        content_type=JSON,
    )
    assert filled.status_code == 200 and filled.json()["realisations"][0]["value"] == "12.00"
    assert post(nina, f"/skp/{skp.pk}/evaluations/0/submit").json()["status"] == "submitted"
    rated = post(
        kasi,
        f"/skp/{skp.pk}/evaluations/0/rate",
        {
            "rhk": [{"rhk_id": indicator.rhk_id, "rating": "di_atas"}],
            "perilaku": "di_atas",
            "finalise": True,
        },
    )
    body = rated.json()
    assert (rated.status_code, body["predikat"], body["angka_kredit"], body["status"]) == (
        200,
        "sangat_baik",
        "18.750",
        "final",
    )
    self_rating = post(nina, f"/skp/{skp.pk}/evaluations/0/rate", {"perilaku": "sesuai"})
    assert (self_rating.status_code, self_rating.json()["code"]) == (403, "evaluation.self_rating")
    listing = nina.get(f"{API}/skp/{skp.pk}/evaluations").json()
    assert [(e["label"], e["is_late"]) for e in listing][:2] == [
        ("Januari 2026", True),
        ("Februari 2026", True),
    ]
    assert listing[-1]["label"] == "Tahunan 2026"


def test_cascade_through_the_api(city, api, plan):
    parent = Rhk.objects.get(skp=plan.skp("kasi"))
    body = {
        "employee_ids": [city.people["agus"].pk, city.people["nina"].pk],
        "text": "Berkas terverifikasi",
        "indicators": [
            {"aspect": "kuantitas", "text": "Jumlah berkas", "target": "50", "unit": "berkas"}
        ],
    }
    done = post(api("kasi"), f"/rhk/{parent.pk}/cascade", body)
    assert (done.status_code, len(done.json()["created_rhk_ids"]), done.json()["skps_opened"]) == (
        200,
        2,
        2,
    )
    body["employee_ids"] = [city.people["budi"].pk]
    refused = post(api("kasi"), f"/rhk/{parent.pk}/cascade", body)
    assert (refused.status_code, refused.json()["code"]) == (403, "cascade.not_subordinate")
    assert api("agus").get(f"{API}/evaluatees").json() == []
    names = [e["employee"]["name"] for e in api("kasi").get(f"{API}/evaluatees").json()]
    assert names == ["Agus Prasetyo", "Dewi Lestari", "Nina Kartika"]


def test_activities_through_the_api(city, api):
    agus = api("agus")
    created = post(
        agus,
        "/activities",
        {"date": "2026-06-17", "description": "Rapat koordinasi", "minutes": 60},
    )
    assert created.status_code == 201
    entry = created.json()
    bad = post(agus, "/activities", {"date": "2026-06-18", "description": "Besok", "minutes": 60})
    assert (bad.status_code, bad.json()["code"], bad.json()["extra"]["field"]) == (
        422,
        "activity.date",
        "date",
    )
    assert (
        api("dewi")
        .put(
            f"{API}/activities/{entry['id']}",
            {"date": "2026-06-17", "description": "Ubah", "minutes": 30},
            content_type=JSON,
        )
        .status_code
        == 404
    )
    queue = api("kasi").get(f"{API}/activities/review").json()
    assert [a["id"] for a in queue] == [entry["id"]]
    approved = post(api("kasi"), "/activities/review", {"activity_ids": [entry["id"]]})
    assert approved.json() == {"count": 1}
    listing = api("kasi").get(f"{API}/activities?employee={city.people['agus'].pk}").json()
    assert (listing["count"], listing["items"][0]["status"]) == (1, "approved")
    assert api("budi").get(f"{API}/activities").json()["count"] == 0  # out of reach
    assert agus.delete(f"{API}/activities/{entry['id']}").json()["code"] == "activity.not_pending"


def test_skp_list_is_scoped(city, api, plan):
    for who in ("agus", "dewi", "budi", "kaban"):
        plan.skp(who, approve=False)

    def names(client):
        return sorted(
            item["employee"]["name"] for item in client.get(f"{API}/skp?year=2026").json()["items"]
        )

    assert names(api("agus")) == ["Agus Prasetyo"]
    assert names(api("kasi")) == ["Agus Prasetyo", "Dewi Lestari"]
    assert names(api("kabid")) == ["Agus Prasetyo", "Budi Rahardjo", "Dewi Lestari"]
    assert names(api("kadis")) == ["Agus Prasetyo", "Budi Rahardjo", "Dewi Lestari"]
    assert names(api("admin")) == [
        "Agus Prasetyo",
        "Budi Rahardjo",
        "Dewi Lestari",
        "Wahyu Hidayat",
    ]
    assert names(api("analis")) == []
    budi = Skp.objects.get(employee=city.people["budi"])
    assert api("kasi").get(f"{API}/skp/{budi.pk}").status_code == 404


def test_skp_list_query_count_does_not_grow(city, api, plan):
    for who in ("agus", "dewi"):
        plan.skp(who, approve=False)
    client = api("admin")
    client.get(f"{API}/skp")
    with CaptureQueriesContext(connection) as few:
        client.get(f"{API}/skp")
    for who in ("nina", "budi", "eko", "fajar"):
        plan.skp(who, approve=False)
    with CaptureQueriesContext(connection) as more:
        assert client.get(f"{API}/skp").json()["count"] == 6
    assert len(few) == len(more)


def test_dashboards_through_the_api(city, api, plan):
    plan.skp("agus")
    activity_log(actor=city.users["agus"], data=ActivityInput(dt.date(2026, 6, 17), "Rapat", 60))
    OrgPredikat.objects.create(instansi=city.inst, unit=city.dinas, year=2026, predikat="baik")
    unit = api("kasi").get(f"{API}/dashboard/unit").json()
    assert (
        unit["scope"],
        unit["employees"],
        unit["live"]["logged_today"],
        unit["skp_status"]["approved"],
    ) == ("bawahan", 3, 1, 1)
    assert [p["name"] for p in unit["not_logged_today"]] == ["Dewi Lestari", "Nina Kartika"]
    live = api("kasi").get(f"{API}/dashboard/live?scope=bawahan").json()
    assert (live["activities_today"], live["minutes_today"]) == (1, 60)
    assert api("agus").get(f"{API}/dashboard/unit").json()["code"] == "dashboard.no_scope"
    bad = api("kasi").get(f"{API}/dashboard/unit?scope=semua")
    assert bad.status_code == 422
    city_view = api("auditor").get(f"{API}/dashboard/city").json()
    assert [r["unit"] for r in city_view["rows"]] == ["Dinas Kesehatan", "BKPSDM"]
    assert city_view["rows"][0]["org_predikat"] == "baik"
    refused = api("kadis").get(f"{API}/dashboard/city")
    assert (refused.status_code, refused.json()["code"]) == (403, "dashboard.city_only")


def test_org_predikat_and_holidays_through_the_api(city, api):
    body = {"unit_id": city.dinas.pk, "year": 2026, "predikat": "istimewa"}
    refused = api("kadis").put(f"{API}/org-predikat", body, content_type=JSON)
    assert (refused.status_code, refused.json()["code"]) == (403, "settings.admin_only")
    assert (
        api("admin").put(f"{API}/org-predikat", body, content_type=JSON).json()["predikat"]
        == "istimewa"
    )
    assert api("kadis").get(f"{API}/org-predikat?year=2026").json() == [
        {"unit_id": city.dinas.pk, "unit": "Dinas Kesehatan", "year": 2026, "predikat": "istimewa"}
    ]
    holidays = api("agus").get(f"{API}/holidays?year=2026").json()
    assert len(holidays) == 25 and holidays[0] == {
        "date": "2026-01-01",
        "name": "Tahun Baru 2026 Masehi",
        "kind": "nasional",
        "is_estimate": False,
        "national": True,
        "source": "SKB 3 Menteri No. 1497, 2 dan 5 Tahun 2025",
    }


def test_anonymous_callers_are_refused_and_operations_are_documented(city):
    assert Client().get(f"{API}/skp").status_code == 401
    schema = Client().get("/api/v1/openapi.json").json()
    paths = [p for p in schema["paths"] if p.startswith("/api/v1/kinerja/")]
    assert len(paths) >= 20
    for path in paths:
        for operation in schema["paths"][path].values():
            assert operation.get("summary"), path
            assert "403" in operation["responses"], path


def test_ids_in_lists_are_bounded_and_bodies_must_be_json(city, api):
    """An id beyond 64 bits in a list is a 422, not a database error, and so is a body that
    is not JSON, in the one error shape (documented)."""
    kasi = api("kasi")
    for path, body in [
        ("/activities/review", {"activity_ids": [2**70]}),
        ("/rhk/1/cascade", {"employee_ids": [-1], "text": "x", "indicators": []}),
    ]:
        answer = post(kasi, path, body)
        assert (answer.status_code, answer.json()["code"]) == (422, "invalid_input"), path
    garbled = kasi.post(f"{API}/activities/review", b"Z\xff", content_type=JSON)
    assert (garbled.status_code, garbled.json()["code"]) == (422, "invalid_input")
    schema = Client().get("/api/v1/openapi.json").json()
    assert "422" in schema["paths"][f"{API}/activities/review"]["post"]["responses"]
