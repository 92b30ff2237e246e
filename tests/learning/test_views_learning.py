"""Pages: every page renders for the roles that may see it; refusals; the web write paths."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from penata.learning import services
from penata.learning.models import Enrolment, JpRecord, Programme

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def catalog(city):
    services.standard_set(
        actor=city.admin,
        position=city.staff_position,
        levels={"pelayanan_publik": 3, "integritas": 2},
    )
    programme = services.programme_create(
        actor=city.admin,
        instansi=city.instansi,
        code="PPP",
        name="Pelatihan Pelayanan Publik Prima",
        kind="teknis",
        mode="klasikal",
        jp=D(24),
        provider="BKPSDM Kota Surakarta",
        cost=D(1500000),
        develops={"pelayanan_publik": 3},
    )
    session = services.session_create(
        actor=city.admin,
        programme=programme,
        name="Angkatan I",
        starts_on=dt.date.today() + dt.timedelta(days=10),
        ends_on=dt.date.today() + dt.timedelta(days=12),
        capacity=2,
        place="Balai Kota",
    )
    return programme, session


def _login(client, user):
    client.force_login(user)
    return client


PAGES = ["learning:home", "learning:catalog", "learning:dictionary", "learning:approvals"]
READER_PAGES = ["learning:gaps", "learning:compliance", "learning:plan", "learning:talent"]


@pytest.mark.parametrize("name", PAGES + READER_PAGES)
def test_pages_render_for_admin_and_unit_head(client, city, catalog, name):
    for user in (city.admin, city.kadis):
        response = _login(client, user).get(reverse(name))
        assert response.status_code == 200, (user, name)


@pytest.mark.parametrize("name", READER_PAGES)
def test_unit_and_city_pages_refuse_plain_employees(client, city, name):
    assert _login(client, city.pegawai).get(reverse(name)).status_code == 403


def test_detail_pages_render(client, city, catalog):
    programme, session = catalog
    _login(client, city.admin)
    for url in (
        reverse("learning:programme_detail", args=[programme.pk]),
        reverse("learning:session_detail", args=[session.pk]),
        reverse("learning:standard_edit", args=[city.staff_position.pk]),
        reverse("learning:standard_import"),
        reverse("learning:employee_competency", args=[city.pegawai.employee.pk]),
        reverse("learning:succession", args=[city.head_position.pk]),
    ):
        assert client.get(url).status_code == 200, url


def test_employee_sees_gap_and_recommendation_and_enrols(client, city, catalog):
    _, session = catalog
    page = _login(client, city.pegawai).get(reverse("learning:home")).content.decode()
    assert "Pelatihan Pelayanan Publik Prima" in page
    assert "Kesenjangan kompetensi jabatan" in page
    response = client.post(reverse("learning:enrol", args=[session.pk]))
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(session=session)
    assert (enrolment.employee, enrolment.status) == (city.pegawai.employee, "pending")


def test_supervisor_approves_from_the_approvals_page(client, city, catalog):
    _, session = catalog
    enrolment = services.enrolment_request(
        actor=city.pegawai, employee=city.pegawai.employee, session=session
    )
    page = _login(client, city.atasan).get(reverse("learning:approvals")).content.decode()
    assert "Pegawai" in page
    client.post(reverse("learning:enrolment_decide", args=[enrolment.pk]), {"decision": "approve"})
    enrolment.refresh_from_db()
    assert enrolment.status == "confirmed"


def test_admin_records_completion_with_certificate(client, city, catalog):
    _, session = catalog
    enrolment = services.enrolment_bulk(
        actor=city.admin, session=session, employees=[city.pegawai.employee]
    )[0]
    session.starts_on = dt.date.today() - dt.timedelta(days=3)
    session.save()
    _login(client, city.admin).post(
        reverse("learning:enrolment_complete", args=[enrolment.pk]),
        {
            "completed_on": dt.date.today().isoformat(),
            "certificate": SimpleUploadedFile("sertifikat.pdf", PDF, "application/pdf"),
        },
    )
    enrolment.refresh_from_db()
    assert enrolment.status == "completed"
    assert enrolment.certificate.name.endswith(".pdf")
    assert JpRecord.objects.get(enrolment=enrolment).minutes == 24 * 45


def test_refused_post_shows_message_and_changes_nothing(client, city, catalog):
    _login(client, city.pegawai).post(
        reverse("learning:catalog"),
        {
            "code": "X",
            "name": "X",
            "kind": "teknis",
            "mode": "klasikal",
            "jp": "2",
            "provider": "X",
            "cost": "0",
        },
    )
    assert Programme.objects.count() == 1


def test_exports_are_xlsx(client, city, catalog):
    _login(client, city.admin)
    for name in ("learning:compliance", "learning:plan"):
        response = client.get(reverse(name), {"format": "xlsx"})
        assert response.status_code == 200
        assert response.content[:2] == b"PK"
