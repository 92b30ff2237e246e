"""GET /api/v1/employees, /api/v1/employees/{id} and /api/v1/nip/{nip}."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.api.conftest import names
from tests.factories import AssignmentFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/employees"


def test_anonymous_caller_gets_401(client, world):
    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}/{world.agus.id}").status_code == 401


def test_admin_lists_everybody_of_the_instansi_by_name(world, as_user):
    response = as_user(world.admin).get(URL)

    assert names(response) == [
        "Agus Prasetyo",
        "Budi Santoso",
        "Dewi Lestari",
        "Joko Susilo",
        "Rina Kartika",
        "Sri Wahyuni",
    ]
    assert response.json()["count"] == 6
    budi = response.json()["items"][1]
    assert budi == {
        "id": world.kadis.id,
        "nip": world.kadis.nip,
        "name": "Budi Santoso",
        "front_title": "dr.",
        "back_title": "M.Kes.",
        "full_name": "dr. Budi Santoso, M.Kes.",
        "kind": "pns",
        "status": "aktif",
        "golongan": "IV/b",
        "positions": [
            {
                "position_id": world.p_kadis.id,
                "title": "Kepala Dinas Kesehatan",
                "unit_id": world.dinas.id,
                "unit_name": "Dinas Kesehatan",
                "acting": "",
                "start": "2022-01-01",
            }
        ],
    }


def test_list_carries_no_specific_or_general_personal_data(world, as_user):
    response = as_user(world.admin).get(URL)

    for item in response.json()["items"]:
        assert "nik" not in item
        assert "birth_date" not in item
    assert world.kadis.nik.encode() not in response.content
    assert b"1972-03-12" not in response.content


def test_unit_head_lists_the_people_of_their_subtree(world, as_user):
    response = as_user(world.head).get(URL)

    assert names(response) == ["Agus Prasetyo", "Dewi Lestari", "Sri Wahyuni"]


def test_employee_lists_only_themself(world, as_user):
    response = as_user(world.self_user).get(URL)

    assert names(response) == ["Agus Prasetyo"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "lestari"}, ["Dewi Lestari"]),
        ({"kind": "pppk"}, ["Dewi Lestari"]),
        ({"status": "pensiun"}, ["Joko Susilo"]),
        ({"golongan": "IV/a"}, ["Joko Susilo", "Sri Wahyuni"]),
        ({"golongan": "IV/a", "status": "aktif"}, ["Sri Wahyuni"]),
    ],
)
def test_filters(world, as_user, params, expected):
    assert names(as_user(world.admin).get(URL, params)) == expected


def test_filter_q_matches_the_start_of_the_nip(world, as_user):
    response = as_user(world.admin).get(URL, {"q": world.rina.nip[:14]})

    assert world.rina.name in names(response)
    assert all(item["nip"].startswith(world.rina.nip[:14]) for item in response.json()["items"])


def test_filter_unit_covers_its_subtree(world, as_user):
    client = as_user(world.admin)

    dinas = client.get(URL, {"unit": world.dinas.id})
    badan = client.get(URL, {"unit": world.badan.id})

    assert names(dinas) == ["Agus Prasetyo", "Budi Santoso", "Dewi Lestari", "Sri Wahyuni"]
    assert names(badan) == ["Rina Kartika"]


def test_unknown_kind_or_status_is_refused(world, as_user):
    client = as_user(world.admin)

    assert client.get(URL, {"kind": "honorer"}).status_code == 422
    assert client.get(URL, {"status": "cuti_besar"}).status_code == 422


def test_list_query_count_does_not_grow_with_the_data(world, bearer, django_assert_num_queries):
    client = bearer(world.admin)
    client.get(URL)

    with django_assert_num_queries(7):
        assert client.get(URL).status_code == 200
    for _ in range(25):
        AssignmentFactory(employee__instansi=world.inst, position=world.p_analis)
    with django_assert_num_queries(7):
        response = client.get(URL, {"page_size": 100})
    assert response.json()["count"] == 31


def test_detail_for_an_analyst_masks_the_nik(world, as_user):
    response = as_user(world.analyst).get(f"{URL}/{world.agus.id}")

    assert response.status_code == 200
    body = response.json()
    assert body["nik"] == "3372**********03"
    assert body["nik_masked"] is True
    assert body["birth_date"] == "1990-08-17"
    assert body["sex"] == "L"
    assert body["education"] == "d3"
    assert body["golongan"] == "III/a"
    assert b"3372011708900003" not in response.content


def test_detail_for_a_unit_head_masks_the_nik(world, as_user):
    body = as_user(world.head).get(f"{URL}/{world.dewi.id}").json()

    assert body["nik"] == "3372**********04"
    assert body["nik_masked"] is True


def test_detail_for_an_admin_shows_the_nik(world, as_user):
    body = as_user(world.admin).get(f"{URL}/{world.agus.id}").json()

    assert body["nik"] == "3372011708900003"
    assert body["nik_masked"] is False


def test_detail_for_the_employee_themself_shows_the_nik(world, as_user):
    body = as_user(world.self_user).get(f"{URL}/{world.agus.id}").json()

    assert body["nik"] == "3372011708900003"
    assert body["nik_masked"] is False
    assert body["positions"][0]["title"] == "Pengadministrasi Perkantoran"


def test_detail_without_nik_says_so(world, as_user):
    body = as_user(world.analyst).get(f"{URL}/{world.joko.id}").json()

    assert body["nik"] is None
    assert body["nik_masked"] is False
    assert body["positions"] == []


def test_out_of_scope_employee_looks_like_a_missing_one(world, as_user):
    client = as_user(world.head)

    out_of_scope = client.get(f"{URL}/{world.rina.id}")
    missing = client.get(f"{URL}/999999")

    assert out_of_scope.status_code == missing.status_code == 404
    assert out_of_scope.json() == missing.json()


def test_employee_of_another_instansi_is_404_even_for_an_admin(world, as_user):
    assert as_user(world.admin).get(f"{URL}/{world.foreigner.id}").status_code == 404


def test_employee_cannot_open_a_colleague(world, as_user):
    assert as_user(world.self_user).get(f"{URL}/{world.dewi.id}").status_code == 404


# --- NIP ---------------------------------------------------------------------------------------


def test_nip_decodes_like_the_cli(world, as_user):
    stdout = StringIO()
    call_command("nip", "198609262015051001", "--format", "json", stdout=stdout)

    response = as_user(world.analyst).get("/api/v1/nip/198609262015051001")

    assert response.status_code == 200
    assert response.json() == {
        "valid": True,
        "kind": "PNS",
        "birth_date": "1986-09-26",
        "tmt_cpns": "2015-05-01",
        "sex": "L",
        "serial": 1,
    }
    assert response.json() == json.loads(stdout.getvalue())


def test_nip_accepts_the_written_grouping(world, as_user):
    response = as_user(world.analyst).get("/api/v1/nip/19860926 201505 1 001")

    assert response.json()["birth_date"] == "1986-09-26"


def test_ni_pppk_gives_the_appointment_year(world, as_user):
    response = as_user(world.analyst).get("/api/v1/nip/199505122025212042")

    assert response.json() == {
        "valid": True,
        "kind": "PPPK",
        "birth_date": "1995-05-12",
        "appointment_year": 2025,
        "sex": "P",
        "serial": 42,
    }


@pytest.mark.parametrize(
    ("nip", "code"),
    [
        ("19860926201505100", "nip.length"),
        ("19861326201505 1001", "nip.birth_date"),
        ("198609262015053001", "nip.sex_digit"),
    ],
)
def test_invalid_nip_is_422_with_the_rule_code(world, as_user, nip, code):
    stdout = StringIO()
    with pytest.raises(CommandError):
        call_command("nip", nip, "--format", "json", stdout=stdout)

    response = as_user(world.analyst).get(f"/api/v1/nip/{nip}")

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == code
    assert body["extra"] == {}
    cli = json.loads(stdout.getvalue())
    assert (cli["code"], cli["message"]) == (body["code"], body["message"])


def test_nip_needs_authentication(client, world):
    assert client.get("/api/v1/nip/198609262015051001").status_code == 401
