"""Staff home, the public face for citizens, the login page and the language switch."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory, UnitFactory
from tests.web.test_views_org import html

pytestmark = pytest.mark.django_db


def test_anonymous_home_goes_to_login(client, org):
    response = client.get(reverse("portal:home"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={reverse('portal:home')}"


def test_staff_home_greets_and_shows_the_users_own_card_and_roles(as_user, org):
    response = as_user("kadis").get(reverse("portal:home"))

    page = html(response)
    assert response.status_code == 200
    assert ", Ratna Dewi</h1>" in page
    assert "3372" not in page.split("Data saya")[1].split("Akses cepat")[0]  # no NIK on the card
    assert "19750817 200112 2 002" in page
    assert "Kepala Dinas Kesehatan" in page
    assert "Kepala Unit" in page and "Dinas Kesehatan dan unit di bawahnya" in page
    assert reverse("people:employee_detail", args=[org.ratna.pk]) in page
    assert reverse("org:unit_chart", args=[org.dinkes.pk]) in page


def test_staff_home_counts_the_instansi(as_user, org):
    response = as_user("pegawai").get(reverse("portal:home"))

    summary = response.context["summary"]
    assert (summary.units, summary.perangkat_daerah, summary.positions) == (5, 2, 5)
    assert (summary.vacant_positions, summary.employees) == (1, 4)
    page = html(response)
    assert 'Pegawai</span><div class="text-body-secondary">Data diri sendiri' in page


def test_staff_home_for_an_admin_without_employee_record(as_user):
    page = html(as_user("admin").get(reverse("portal:home")))

    assert "Akun ini belum terhubung dengan data pegawai." in page
    assert "Admin BKPSDM" in page
    assert "Seluruh Pemerintah Kota Surakarta" in page


@pytest.mark.parametrize(
    "greeting_hour,expected",
    [
        (2, "Selamat malam"),
        (6, "Selamat pagi"),
        (12, "Selamat siang"),
        (16, "Selamat sore"),
        (20, "Selamat malam"),
    ],
)
def test_greeting_follows_the_hour(greeting_hour, expected):
    from penata.portal.views import _greeting

    assert _greeting(greeting_hour) == expected


def public_org_with_people(org):
    """Add a few more people so that a leak would have something to show."""
    extra = UnitFactory(
        instansi=org.instansi,
        parent=org.root,
        kind="kecamatan",
        name="Kecamatan Laweyan",
        code="KEC1",
    )
    kel = UnitFactory(
        instansi=org.instansi, parent=extra, kind="kelurahan", name="Kelurahan Pajang", code="KEL1"
    )
    camat = PositionFactory(
        unit=extra, title="Camat Laweyan", kind="administrator", is_unit_head=True
    )
    lurah = PositionFactory(unit=kel, title="Lurah Pajang", kind="pengawas", is_unit_head=True)
    people = []
    for i, position in enumerate([camat, lurah]):
        person = EmployeeFactory(
            instansi=org.instansi,
            name=f"Warga Rahasia {i}",
            birth_date=dt.date(1979, 3, 14 + i),
            nik=f"33720214037900{i:02d}",
        )
        AssignmentFactory(employee=person, position=position)
        people.append(person)
    return people


def test_public_pages_carry_no_personal_data(client, org):
    people = public_org_with_people(org)
    everyone = [org.hadi, org.ratna, org.budi, org.sri, *people]

    for name in ("portal:public_home", "portal:public_units"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        body = response.content
        for person in everyone:
            assert person.name.encode() not in body, (name, person.name)
            assert person.nip.encode() not in body
            assert person.nip[:8].encode() not in body  # birth date as the NIP writes it
            assert person.birth_date.strftime("%d-%m-%Y").encode() not in body
            assert person.birth_date.isoformat().encode() not in body
            if person.nik:
                assert person.nik.encode() not in body
                assert person.nik[:6].encode() + b"*" not in body


def test_public_unit_list_shows_units_and_head_titles(client, org):
    public_org_with_people(org)

    page = html(client.get(reverse("portal:public_units")))

    assert "Perangkat Daerah Pemerintah Kota Surakarta" in page
    assert "Dinas Kesehatan" in page
    assert "Pimpinan: Kepala Dinas Kesehatan" in page
    assert "Kecamatan Laweyan" in page
    assert "Camat Laweyan" in page
    assert "Kelurahan Pajang" in page and "Lurah Pajang" in page
    assert "Bidang Pelayanan Kesehatan" in page
    assert "Seksi Rujukan" not in page  # depth 3 stays internal
    assert f'id="unit-{org.dinkes.pk}"' in page


def test_public_unit_search_keeps_matching_units_and_their_group(client, org):
    public_org_with_people(org)

    page = html(client.get(reverse("portal:public_units"), {"q": "pajang"}))

    assert "Kecamatan Laweyan" in page
    assert "Kelurahan Pajang" in page
    assert "Dinas Kesehatan" not in page


def test_public_unit_search_without_match(client, org):
    page = html(client.get(reverse("portal:public_units"), {"q": "pelabuhan"}))

    assert "Tidak ada perangkat daerah yang cocok dengan “pelabuhan”." in page


def test_public_home_explains_penata_and_links_only_to_live_pages(client, org):
    public_org_with_people(org)

    page = html(client.get(reverse("portal:public_home")))

    assert "Penata adalah aplikasi terbuka" in page
    assert f'href="{reverse("portal:public_units")}"' in page
    assert f'href="{reverse("accounts:login")}"' in page
    assert 'href="#"' not in page
    stats = page[page.index("hero-stats") :]
    assert (
        '<div class="hero-stat-value">3</div><div class="hero-stat-label">Perangkat Daerah' in stats
    )
    assert '<div class="hero-stat-value">1</div><div class="hero-stat-label">Kecamatan' in stats


def test_public_home_works_on_an_empty_database(client, db):
    response = client.get(reverse("portal:public_home"))

    assert response.status_code == 200
    assert "Lihat Perangkat Daerah" in html(response)


def test_login_page_lists_the_demo_accounts_in_demo_mode(client, settings, db):
    settings.DEMO_MODE = True

    page = html(client.get(reverse("accounts:login")))

    assert "Masuk ke Penata" in page
    assert 'data-demo-username="admin"' in page
    assert 'data-demo-username="pegawai"' in page
    assert "<code>penata-demo</code>" in page
    assert "Admin BKPSDM" in page


def test_login_page_hides_demo_accounts_outside_demo_mode(client, settings, db):
    settings.DEMO_MODE = False

    page = html(client.get(reverse("accounts:login")))

    assert "Masuk ke Penata" in page
    assert "data-demo-username" not in page
    assert "penata-demo" not in page


def test_login_with_a_wrong_password_says_so_in_indonesian(client, org):
    response = client.post(
        reverse("accounts:login"), {"username": "pegawai", "password": "salah-sandi"}
    )

    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil." in html(
        response
    )


def test_login_then_lands_on_the_staff_home(client, org):
    from tests.web.orgdata import PASSWORD

    response = client.post(
        reverse("accounts:login"), {"username": "pegawai", "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("portal:home")
    assert ", Sri Wahyuni</h1>" in html(response)


def test_language_switch_turns_the_public_pages_into_english(client, org):
    client.post(reverse("set_language"), {"language": "en", "next": reverse("portal:public_units")})

    page = html(client.get(reverse("portal:public_units")))

    assert 'lang="en"' in page
    assert "Regional agencies of Pemerintah Kota Surakarta" in page
    assert "Head: Kepala Dinas Kesehatan" in page
