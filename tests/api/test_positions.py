"""GET /api/v1/positions and /api/v1/positions/{id}."""

from __future__ import annotations

import pytest

from tests.api.conftest import names
from tests.factories import AssignmentFactory, PositionFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/positions"


def in_list_order(*positions):
    """The selector's order: unit tree, head first, then sort order and id."""
    return [
        p.title
        for p in sorted(
            positions, key=lambda p: (p.unit.path, not p.is_unit_head, p.sort_order, p.id)
        )
    ]


def test_anonymous_caller_gets_401(client, world):
    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}/{world.p_admin.id}").status_code == 401


def test_lists_positions_in_force_with_vacancy(world, as_user):
    response = as_user(world.analyst).get(URL)

    w = world
    assert names(response, "title") == in_list_order(
        w.p_kadis, w.p_kabid, w.p_admin, w.p_jf, w.p_kaban, w.p_analis
    )
    assert response.json()["count"] == 6
    jf = next(p for p in response.json()["items"] if p["id"] == w.p_jf.id)
    assert jf == {
        "id": w.p_jf.id,
        "title": "Epidemiolog Kesehatan Ahli Muda",
        "kind": "fungsional",
        "kind_label": "Fungsional",
        "jf_jenjang": "ahli_muda",
        "kelas_jabatan": 9,
        "eselon": "",
        "is_unit_head": False,
        "is_penyetaraan": False,
        "unit": {"id": w.seksi.id, "name": "Seksi Pelayanan Primer", "kind": "seksi"},
        "reports_to_id": w.p_kabid.id,
        "incumbent_count": 0,
        "is_vacant": True,
        "valid_from": "2020-01-01",
        "valid_to": None,
    }


def test_filter_unit_and_subtree(world, as_user):
    client = as_user(world.analyst)
    w = world

    only = client.get(URL, {"unit": w.dinas.id})
    subtree = client.get(URL, {"unit": w.dinas.id, "subtree": "true"})

    assert names(only, "title") == ["Kepala Dinas Kesehatan"]
    assert names(subtree, "title") == in_list_order(w.p_kadis, w.p_kabid, w.p_admin, w.p_jf)


def test_filter_kind(world, as_user):
    response = as_user(world.analyst).get(URL, {"kind": "fungsional"})

    assert names(response, "title") == in_list_order(world.p_jf, world.p_analis)


def test_filter_q(world, as_user):
    response = as_user(world.analyst).get(URL, {"q": "kepala"})

    assert names(response, "title") == in_list_order(world.p_kadis, world.p_kabid, world.p_kaban)


def test_filter_vacant_true_and_false(world, as_user):
    client = as_user(world.analyst)
    w = world

    vacant = client.get(URL, {"vacant": "true"})
    filled = client.get(URL, {"vacant": "false"})

    assert names(vacant, "title") == ["Epidemiolog Kesehatan Ahli Muda"]
    assert names(filled, "title") == in_list_order(
        w.p_kadis, w.p_kabid, w.p_admin, w.p_kaban, w.p_analis
    )
    assert [p["incumbent_count"] for p in filled.json()["items"]] == [
        {w.p_kadis.id: 1, w.p_kabid.id: 1, w.p_admin.id: 2, w.p_kaban.id: 1, w.p_analis.id: 1}[
            p["id"]
        ]
        for p in filled.json()["items"]
    ]


def test_filter_as_of_includes_positions_closed_since(world, as_user):
    response = as_user(world.analyst).get(URL, {"as_of": "2022-06-30", "q": "Kepala Bidang"})

    assert names(response, "title") == in_list_order(world.p_kabid, world.p_old)


def test_filter_as_of_counts_the_incumbents_of_that_day(world, as_user):
    # Everybody took office on 2022-01-01 except Joko Susilo, Kabid in 2020–2021.
    response = as_user(world.analyst).get(URL, {"as_of": "2021-06-30", "vacant": "false"})

    assert names(response, "title") == ["Kepala Bidang Pelayanan Kesehatan"]
    assert response.json()["items"][0]["incumbent_count"] == 1


def test_caller_sees_only_positions_of_their_instansi(world, as_user):
    client = as_user(world.outsider)

    assert names(client.get(URL), "title") == ["Kepala Dinas Kesehatan Sukoharjo"]
    assert client.get(f"{URL}/{world.p_kadis.id}").status_code == 404
    assert client.get(URL, {"unit": world.dinas.id}).status_code == 404


def test_list_query_count_does_not_grow_with_the_data(world, bearer, django_assert_num_queries):
    client = bearer(world.analyst)
    client.get(URL)

    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200
    for n in range(20):
        position = PositionFactory(unit=world.badan, title=f"Pengelola Umum Operasional {n}")
        AssignmentFactory(employee__instansi=world.inst, position=position)
    with django_assert_num_queries(6):
        response = client.get(URL, {"page_size": 100})
    assert response.json()["count"] == 26


def test_detail_with_duties_incumbents_and_reporting_chain(world, as_user):
    w = world

    response = as_user(w.head).get(f"{URL}/{w.p_admin.id}")

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Pengadministrasi Perkantoran"
    assert body["incumbent_count"] == 2
    assert body["duties"] == [
        {
            "id": w.duty1.id,
            "statement": "Mengagendakan surat masuk dan surat keluar",
            "output_unit": "Surat",
            "volume": 1200.0,
            "period": "year",
            "time_norm_minutes": 5.0,
        },
        {
            "id": w.duty2.id,
            "statement": "Menyusun laporan kepegawaian bulanan",
            "output_unit": "Laporan",
            "volume": 12.0,
            "period": "month",
            "time_norm_minutes": 240.0,
        },
    ]
    assert body["incumbents"] == [
        {"employee_id": w.agus.id, "name": "Agus Prasetyo", "acting": ""},
        {"employee_id": w.dewi.id, "name": "Dewi Lestari", "acting": ""},
    ]
    assert body["hidden_incumbent_count"] == 0
    assert body["reporting_chain"] == [
        {
            "id": w.p_kabid.id,
            "title": "Kepala Bidang Pelayanan Kesehatan",
            "unit": {"id": w.bidang.id, "name": "Bidang Pelayanan Kesehatan", "kind": "bidang"},
        },
        {
            "id": w.p_kadis.id,
            "title": "Kepala Dinas Kesehatan",
            "unit": {"id": w.dinas.id, "name": "Dinas Kesehatan", "kind": "dinas"},
        },
    ]


def test_detail_names_only_incumbents_the_caller_may_see(world, as_user):
    body = as_user(world.self_user).get(f"{URL}/{world.p_admin.id}").json()

    assert body["incumbents"] == [
        {"employee_id": world.agus.id, "name": "Agus Prasetyo", "acting": ""}
    ]
    assert body["hidden_incumbent_count"] == 1
    assert body["incumbent_count"] == 2
    assert b"Dewi" not in as_user(world.self_user).get(f"{URL}/{world.p_admin.id}").content


def test_detail_of_a_vacant_position(world, as_user):
    body = as_user(world.analyst).get(f"{URL}/{world.p_jf.id}").json()

    assert body["is_vacant"] is True
    assert body["incumbents"] == []
    assert body["hidden_incumbent_count"] == 0
    assert body["duties"] == []
    assert [link["id"] for link in body["reporting_chain"]] == [world.p_kabid.id, world.p_kadis.id]


def test_detail_of_missing_position_is_404(world, as_user):
    response = as_user(world.analyst).get(f"{URL}/999999")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
