"""GET /api/v1/units, /units/{id}, /units/{id}/positions, /units/{id}/chart."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.api.conftest import names
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/units"


def in_tree_order(*units):
    return [u.name for u in sorted(units, key=lambda u: u.path)]


def test_anonymous_caller_gets_401(client, world):
    response = client.get(URL)

    assert response.status_code == 401
    assert response.json() == {
        "code": "unauthenticated",
        "message": "Perlu login atau token API.",
        "extra": {},
    }


def test_lists_units_in_force_today_in_tree_order(world, as_user):
    response = as_user(world.analyst).get(URL)

    body = response.json()
    assert names(response) == in_tree_order(world.dinas, world.bidang, world.seksi, world.badan)
    assert body["count"] == 4
    assert body["page"] == 1
    assert body["page_size"] == 50
    badan = next(u for u in body["items"] if u["id"] == world.badan.id)
    assert badan == {
        "id": world.badan.id,
        "code": "5.01",
        "name": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "short_name": "BKPSDM",
        "kind": "badan",
        "kind_label": "Badan",
        "parent_id": None,
        "depth": 0,
        "region_code": "",
        "valid_from": "2020-01-01",
        "valid_to": None,
        "legal_basis": "",
    }


def test_pages_split_the_list(world, as_user):
    client = as_user(world.analyst)
    everything = in_tree_order(world.dinas, world.bidang, world.seksi, world.badan)

    first = client.get(URL, {"page_size": 3})
    second = client.get(URL, {"page_size": 3, "page": 2})
    beyond = client.get(URL, {"page_size": 3, "page": 3})

    assert names(first) == everything[:3]
    assert names(second) == everything[3:]
    assert names(beyond) == []
    assert first.json()["count"] == second.json()["count"] == 4


@pytest.mark.parametrize("params", [{"page_size": 501}, {"page_size": 0}, {"page": 0}])
def test_page_parameters_out_of_range_are_refused(world, as_user, params):
    response = as_user(world.analyst).get(URL, params)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_page_size_500_is_allowed(world, as_user):
    response = as_user(world.analyst).get(URL, {"page_size": 500})

    assert response.json()["page_size"] == 500
    assert len(response.json()["items"]) == 4


def test_filter_q_searches_name_and_code(world, as_user):
    client = as_user(world.analyst)

    assert names(client.get(URL, {"q": "pelayanan"})) == in_tree_order(world.bidang, world.seksi)
    assert names(client.get(URL, {"q": "5.01"})) == [world.badan.name]


def test_filter_kind(world, as_user):
    client = as_user(world.analyst)

    assert names(client.get(URL, {"kind": "badan"})) == [world.badan.name]
    assert names(client.get(URL, {"kind": "bidang"})) == [world.bidang.name]


def test_unknown_kind_is_refused(world, as_user):
    response = as_user(world.analyst).get(URL, {"kind": "kementerian"})

    assert response.status_code == 422


def test_filter_parent_keeps_direct_children_in_force(world, as_user):
    response = as_user(world.analyst).get(URL, {"parent": world.dinas.id})

    assert names(response) == [world.bidang.name]


def test_filter_subtree_of(world, as_user):
    response = as_user(world.analyst).get(URL, {"subtree_of": world.dinas.id})

    assert names(response) == in_tree_order(world.dinas, world.bidang, world.seksi)


def test_filter_as_of_shows_the_structure_of_that_day(world, as_user):
    response = as_user(world.analyst).get(
        URL, {"as_of": "2022-06-30", "subtree_of": world.dinas.id}
    )

    assert names(response) == in_tree_order(world.dinas, world.bidang, world.seksi, world.closed)


def test_bad_date_is_refused(world, as_user):
    response = as_user(world.analyst).get(URL, {"as_of": "30-06-2022"})

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_caller_sees_only_the_units_of_their_instansi(world, as_user):
    client = as_user(world.outsider)

    assert names(client.get(URL)) == [world.foreign_unit.name]
    assert client.get(f"{URL}/{world.dinas.id}").status_code == 404
    assert client.get(URL, {"subtree_of": world.dinas.id}).status_code == 404


def test_list_query_count_does_not_grow_with_the_data(world, bearer, django_assert_num_queries):
    client = bearer(world.analyst)
    client.get(URL)  # notes the token's first use

    with django_assert_num_queries(6):
        assert client.get(URL).status_code == 200
    for n in range(30):
        UnitFactory(instansi=world.inst, parent=world.badan, kind="bidang", name=f"Bidang {n}")
    with django_assert_num_queries(6):
        response = client.get(URL, {"page_size": 100})
    assert response.json()["count"] == 34


def test_detail_with_ancestors_children_and_headcount(world, as_user):
    response = as_user(world.analyst).get(f"{URL}/{world.dinas.id}")

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Dinas Kesehatan"
    assert body["ancestors"] == []
    assert body["children_count"] == 1  # Bidang Lama is closed
    assert body["headcount"] == {
        "total": 4,
        "by_kind": {"pns": 3, "pppk": 1},
        "by_golongan": {"III/a": 1, "IV/a": 1, "IV/b": 1, "IX": 1},
        "by_position_kind": {"jpt_pratama": 1, "administrator": 1, "pelaksana": 2},
        "positions": 4,
        "vacant_positions": 1,
    }


def test_detail_lists_ancestors_from_the_root(world, as_user):
    body = as_user(world.analyst).get(f"{URL}/{world.seksi.id}").json()

    assert body["ancestors"] == [
        {"id": world.dinas.id, "name": "Dinas Kesehatan", "kind": "dinas"},
        {"id": world.bidang.id, "name": "Bidang Pelayanan Kesehatan", "kind": "bidang"},
    ]
    assert body["children_count"] == 0
    assert body["parent_id"] == world.bidang.id
    assert body["depth"] == 2


def test_detail_of_missing_unit_is_404(world, as_user):
    response = as_user(world.analyst).get(f"{URL}/999999")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_unit_positions_head_first(world, as_user):
    response = as_user(world.analyst).get(f"{URL}/{world.bidang.id}/positions")

    assert names(response, "title") == [
        "Kepala Bidang Pelayanan Kesehatan",
        "Pengadministrasi Perkantoran",
    ]
    admin = response.json()["items"][1]
    assert admin["incumbent_count"] == 2
    assert admin["is_vacant"] is False
    assert admin["unit"] == {
        "id": world.bidang.id,
        "name": "Bidang Pelayanan Kesehatan",
        "kind": "bidang",
    }
    assert admin["reports_to_id"] == world.p_kabid.id


def test_unit_positions_of_the_subtree_and_vacant_only(world, as_user):
    client = as_user(world.analyst)
    url = f"{URL}/{world.bidang.id}/positions"

    everything = client.get(url, {"subtree": "true"})
    vacant = client.get(url, {"subtree": "true", "vacant": "true"})

    assert names(everything, "title") == [
        "Kepala Bidang Pelayanan Kesehatan",
        "Pengadministrasi Perkantoran",
        "Epidemiolog Kesehatan Ahli Muda",
    ]
    assert names(vacant, "title") == ["Epidemiolog Kesehatan Ahli Muda"]
    assert vacant.json()["items"][0]["incumbent_count"] == 0


def test_unit_positions_of_another_instansi_is_404(world, as_user):
    response = as_user(world.analyst).get(f"{URL}/{world.foreign_unit.id}/positions")

    assert response.status_code == 404


def test_chart_is_a_tree_of_units_with_heads(world, as_user):
    response = as_user(world.analyst).get(f"{URL}/{world.dinas.id}/chart")

    assert response.status_code == 200
    assert response.json() == {
        "id": world.dinas.id,
        "name": "Dinas Kesehatan",
        "kind": "dinas",
        "kind_label": "Dinas",
        "head_title": "Kepala Dinas Kesehatan",
        "holder": "dr. Budi Santoso, M.Kes.",
        "acting": "",
        "positions": 1,
        "people": 1,
        "children": [
            {
                "id": world.bidang.id,
                "name": "Bidang Pelayanan Kesehatan",
                "kind": "bidang",
                "kind_label": "Bidang",
                "head_title": "Kepala Bidang Pelayanan Kesehatan",
                "holder": "Sri Wahyuni",
                "acting": "",
                "positions": 2,
                "people": 3,
                "children": [
                    {
                        "id": world.seksi.id,
                        "name": "Seksi Pelayanan Primer",
                        "kind": "seksi",
                        "kind_label": "Seksi",
                        "head_title": "",
                        "holder": "",
                        "acting": "",
                        "positions": 1,
                        "people": 0,
                        "children": [],
                    }
                ],
            }
        ],
    }


def test_chart_depth_limits_the_levels(world, as_user):
    client = as_user(world.analyst)

    top = client.get(f"{URL}/{world.dinas.id}/chart", {"depth": 0}).json()
    two = client.get(f"{URL}/{world.dinas.id}/chart", {"depth": 1}).json()

    assert top["children"] == []
    assert [c["name"] for c in two["children"]] == ["Bidang Pelayanan Kesehatan"]
    assert two["children"][0]["children"] == []


def test_chart_shows_acting_heads(world, as_user):
    body = as_user(world.analyst).get(f"{URL}/{world.badan.id}/chart").json()

    assert body["holder"] == "Rina Kartika"
    assert body["acting"] == "plt"


def test_chart_of_a_unit_closed_on_that_day_is_404(world, as_user):
    response = as_user(world.analyst).get(
        f"{URL}/{world.closed.id}/chart", {"as_of": dt.date.today().isoformat()}
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "params"),
    [
        (f"{URL}/{2**63}", {}),
        (f"{URL}/0", {}),
        (URL, {"parent": 2**63}),
        (URL, {"q": "dinas\x00"}),
        (URL, {"q": "x" * 201}),
        (URL, {"page": 1_000_001}),
        ("/api/v1/employees", {"golongan": "III/a\x00"}),
        ("/api/v1/public/units", {"instansi": "33\x0072"}),
    ],
)
def test_values_the_database_cannot_take_are_422_not_500(world, as_user, path, params):
    response = as_user(world.analyst).get(path, params)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
