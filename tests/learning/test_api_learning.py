"""API: self-service reads, enrolment and its permission, admin reads and their refusal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from penata.learning import services
from penata.learning.models import Enrolment

BASE = "/api/v1/pengembangan"


@pytest.fixture
def offer(city):
    services.standard_set(
        actor=city.admin, position=city.staff_position, levels={"pelayanan_publik": 3}
    )
    programme = services.programme_create(
        actor=city.admin,
        instansi=city.instansi,
        code="PPP",
        name="Pelatihan Pelayanan Publik Prima",
        kind="teknis",
        mode="klasikal",
        jp=D(30),
        provider="BKPSDM",
        cost=D(1500000),
        develops={"pelayanan_publik": 3},
    )
    soon = dt.date.today() + dt.timedelta(days=5)
    return services.session_create(
        actor=city.admin,
        programme=programme,
        name="I",
        starts_on=soon,
        ends_on=soon,
        capacity=10,
        place="Balai Kota",
    )


def test_self_service_reads(client, city, offer):
    client.force_login(city.pegawai)
    body = client.get(f"{BASE}/saya/kompetensi").json()
    assert body["gaps"] == [
        {
            "code": "pelayanan_publik",
            "name": "Pelayanan Publik",
            "required": 3,
            "actual": None,
            "gap": 3,
        }
    ]
    assert client.get(f"{BASE}/saya/jp").json()["achieved_jp"] == "0.00"
    recs = client.get(f"{BASE}/saya/rekomendasi").json()
    assert [(r["programme"]["code"], r["session_ids"]) for r in recs] == [("PPP", [offer.pk])]


def test_enrol_and_decide(client, city, offer):
    client.force_login(city.pegawai)
    response = client.post(f"{BASE}/angkatan/{offer.pk}/daftar")
    assert response.status_code == 200
    enrolment_id = response.json()["id"]
    assert (
        client.post(f"{BASE}/pendaftaran/{enrolment_id}/putuskan?approve=true").status_code == 403
    )
    client.force_login(city.atasan)
    assert (
        client.post(f"{BASE}/pendaftaran/{enrolment_id}/putuskan?approve=true").json()["status"]
        == "confirmed"
    )
    assert Enrolment.objects.get().status == "confirmed"


def test_admin_reads_and_refusals(client, city, offer):
    client.force_login(city.pegawai)
    for path in ("kepatuhan-jp", "talenta", "rencana", f"suksesi/{city.head_position.pk}"):
        response = client.get(f"{BASE}/{path}")
        assert response.status_code == 403, path
        assert response.json()["code"] == "forbidden"
    client.force_login(city.kadis)
    rows = client.get(f"{BASE}/kepatuhan-jp", {"year": 2025}).json()
    assert sorted(r["name"] for r in rows) == ["Atasan", "Kadis", "Pegawai", "Rekan"]
    assert client.get(f"{BASE}/rencana").json() == [
        {
            "programme_id": offer.programme_id,
            "name": "Pelatihan Pelayanan Publik Prima",
            "count": 2,
            "jp": "60.00",
            "cost": "3000000",
        }
    ]
    assert len(client.get(f"{BASE}/talenta").json()) == 9
