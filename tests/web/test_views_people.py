"""Employee pages: the scoped list and the profile with NIP decoded and NIK masked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import AssignmentFactory, EmployeeFactory, InstansiFactory, PositionFactory
from tests.web.test_views_org import count_queries, html

pytestmark = pytest.mark.django_db

SRI_NIK = "3372026609860001"
SRI_NIK_MASKED = "3372**********01"


@pytest.mark.parametrize(
    "name,arg", [("people:employee_list", None), ("people:employee_detail", "sri")]
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, org, name, arg):
    url = reverse(name, args=[getattr(org, arg).pk] if arg else [])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def names_in(response) -> list[str]:
    page = html(response)
    body = page[page.index("<tbody>") : page.index("</tbody>")] if "<tbody>" in page else ""
    return [
        chunk.split(">", 1)[1].split("<", 1)[0]
        for chunk in body.split('class="fw-semibold" href="/pegawai/')[1:]
    ]


def test_a_plain_employee_sees_only_themself(as_user):
    response = as_user("pegawai").get(reverse("people:employee_list"))

    assert response.status_code == 200
    assert names_in(response) == ["Sri Wahyuni"]


def test_a_unit_head_sees_the_people_of_their_subtree(as_user):
    response = as_user("kadis").get(reverse("people:employee_list"))

    assert names_in(response) == ["Budi Prasetyo", "dr. Ratna Dewi", "Sri Wahyuni"]


def test_admin_sees_everybody_with_nip_golongan_position_and_unit(as_user, org):
    response = as_user("admin").get(reverse("people:employee_list"))

    page = html(response)
    assert names_in(response) == [
        "Budi Prasetyo",
        "Hadi Santoso, M.Si.",
        "dr. Ratna Dewi",
        "Sri Wahyuni",
    ]
    assert "19860926 201505 2 001" in page
    assert "Pengelola Data Rujukan" in page
    assert "Seksi Rujukan" in page
    assert '<div class="text-body-secondary">Dinas Kesehatan</div>' in page
    assert "Menampilkan 1–4 dari 4" in page


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"q": "wahyu"}, ["Sri Wahyuni"]),
        ({"q": "19860926 2015"}, ["Sri Wahyuni"]),
        ({"unit": "bidang"}, ["Budi Prasetyo", "Sri Wahyuni"]),
        ({"golongan": "IV/b"}, ["dr. Ratna Dewi"]),
        ({"jenis": "pppk"}, []),
        ({"status": "aktif", "unit": "setda"}, ["Hadi Santoso, M.Si."]),
        (
            {"urut": "-golongan"},
            ["Hadi Santoso, M.Si.", "dr. Ratna Dewi", "Budi Prasetyo", "Sri Wahyuni"],
        ),
        (
            {"urut": "-nama"},
            ["Sri Wahyuni", "dr. Ratna Dewi", "Hadi Santoso, M.Si.", "Budi Prasetyo"],
        ),
        (
            {"urut": "nip"},
            ["Hadi Santoso, M.Si.", "dr. Ratna Dewi", "Budi Prasetyo", "Sri Wahyuni"],
        ),
    ],
)
def test_employee_list_filters_and_sorts(as_user, org, params, expected):
    if "unit" in params:
        params = {**params, "unit": getattr(org, params["unit"]).pk}

    response = as_user("admin").get(reverse("people:employee_list"), params)

    assert names_in(response) == expected


def test_employee_list_without_match_explains_what_to_try(as_user):
    page = html(as_user("admin").get(reverse("people:employee_list"), {"q": "Tidak Ada"}))

    assert "Tidak ada pegawai yang cocok dengan saringan." in page


def test_employee_list_paginates_by_fifty_in_constant_queries(as_user, org):
    client = as_user("admin")
    url = reverse("people:employee_list")
    client.get(url)
    few = count_queries(client, url)
    for i in range(60):
        employee = EmployeeFactory(instansi=org.instansi, name=f"Zaenal {i:02d}")
        AssignmentFactory(employee=employee, position=org.pengelola)

    many = count_queries(client, url)
    last = html(client.get(url, {"halaman": 2}))

    assert many == few
    assert "Menampilkan 51–64 dari 64" in last
    assert "Zaenal 59" in last


def test_profile_shows_nip_decoded_golongan_and_history(as_user, org):
    response = as_user("admin").get(reverse("people:employee_detail", args=[org.sri.pk]))

    assert response.status_code == 200
    page = html(response)
    assert "19860926 201505 2 001" in page
    assert "26 September 1986" in page  # birth date from the NIP
    assert "Mei 2015" in page  # TMT CPNS
    assert "Perempuan" in page
    assert "III/a — Penata Muda" in page
    assert "Pengelola Data Rujukan" in page
    history = page[page.index("Riwayat jabatan") :]
    assert history.count("Pengelola Data Rujukan") == 2
    assert "31 Des 2020" in history


def test_profile_shows_masa_kerja_and_retirement(as_user, org, settings):
    page = html(as_user("admin").get(reverse("people:employee_detail", args=[org.sri.pk])))

    # Born 26 Sep 1986, pelaksana: BUP 58, pension from 1 Oct 2044 (first day after the month).
    assert "1 Okt 2044" in page
    assert "58 tahun" in page
    assert "jabatan Pelaksana" in page
    assert "sejak 1 Mei 2015" in page


def test_retirement_follows_a_jpt_position(as_user, org):
    page = html(as_user("admin").get(reverse("people:employee_detail", args=[org.ratna.pk])))

    # Born 17 Aug 1975, JPT pratama: BUP 60 → 1 Sep 2035.
    assert "1 Sep 2035" in page
    assert "jabatan JPT Pratama" in page


def test_acting_post_does_not_set_the_retirement_age(as_user, org):
    page = html(as_user("admin").get(reverse("people:employee_detail", args=[org.budi.pk])))

    # Budi only holds a Plt post: the default BUP 58 applies (born 3 Feb 1980 → 1 Mar 2038).
    assert "1 Mar 2038" in page
    assert 'badge text-bg-warning">PLT<' in page


def test_nik_is_masked_for_a_unit_head(as_user, org):
    response = as_user("kadis").get(reverse("people:employee_detail", args=[org.sri.pk]))

    assert response.status_code == 200
    assert SRI_NIK.encode() not in response.content
    assert SRI_NIK_MASKED.encode() in response.content


@pytest.mark.parametrize("viewer", ["admin", "pegawai"])
def test_nik_is_shown_to_admin_and_to_the_employee_themself(as_user, org, viewer):
    response = as_user(viewer).get(reverse("people:employee_detail", args=[org.sri.pk]))

    assert SRI_NIK.encode() in response.content
    assert SRI_NIK_MASKED.encode() not in response.content


def test_an_employee_cannot_open_a_colleagues_record(as_user, org):
    response = as_user("pegawai").get(reverse("people:employee_detail", args=[org.ratna.pk]))

    assert response.status_code == 404
    assert b"3372025708750002" not in response.content


def test_unit_head_cannot_open_records_outside_their_subtree(as_user, org):
    assert (
        as_user("kadis").get(reverse("people:employee_detail", args=[org.hadi.pk])).status_code
        == 404
    )


def test_employee_of_another_instansi_is_404_even_for_admin(as_user, org):
    other = EmployeeFactory(
        instansi=InstansiFactory(code="3311", name="Pemerintah Kabupaten Sukoharjo")
    )

    assert (
        as_user("admin").get(reverse("people:employee_detail", args=[other.pk])).status_code == 404
    )


def test_pppk_profile_decodes_the_appointment_year(as_user, org):
    birth = dt.date(1995, 5, 12)
    pppk = EmployeeFactory(
        instansi=org.instansi,
        name="Rina Kusuma",
        kind="pppk",
        golongan="IX",
        sex="P",
        birth_date=birth,
        nip="199505122025212042",
    )
    AssignmentFactory(
        employee=pppk,
        position=PositionFactory(
            unit=org.seksi,
            title="Perawat Ahli Pertama",
            kind="fungsional",
            jf_jenjang="ahli_pertama",
        ),
        start=dt.date(2025, 3, 1),
    )

    page = html(as_user("admin").get(reverse("people:employee_detail", args=[pppk.pk])))

    assert "19950512 202521 2 042" in page
    assert "Tahun pengangkatan PPPK" in page
    assert ">2025<" in page
    assert "Golongan PPPK" in page
    assert "sejak 1 Mar 2025" in page


def test_profile_with_an_undecodable_nip_says_why(as_user, org):
    broken = EmployeeFactory(instansi=org.instansi, name="Data Lama", nip="123")

    page = html(as_user("admin").get(reverse("people:employee_detail", args=[broken.pk])))

    assert "NIP tidak dapat diuraikan:" in page
    assert "NIP harus 18 digit, bukan 3 digit." in page
