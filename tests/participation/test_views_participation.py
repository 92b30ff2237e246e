"""Every participation page renders for the people it is for, and refuses the others."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from penata.participation.models import Consultation, RoutingRule, SkmResponse
from penata.participation.services import complaints as services
from tests.participation.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    complaint = submit(world)
    services.complaint_verify(
        actor=world.users["moderator"], complaint=complaint, assign_to=world.pu
    )
    triage = submit(
        world, description="Lampu penerangan jalan mati di sepanjang Jalan Slamet Riyadi."
    )
    period = "2026-T1"
    for i in range(3):
        SkmResponse.objects.create(
            instansi=world.inst, service=world.service, unit=world.capil, period=period,
            submitted_at=timezone.now(), **{f"u{n}": 3 + (i + n) % 2 for n in range(1, 10)},
        )  # fmt: skip
    consultation = Consultation.objects.create(
        instansi=world.inst, unit=world.pu, title="Rencana penggabungan bidang",
        body="**Usulan** penggabungan dua bidang.", body_html="<p><strong>Usulan</strong></p>",
        opens_at=timezone.now() - dt.timedelta(days=1), closes_at=timezone.now() + dt.timedelta(days=10),
    )  # fmt: skip
    rule = RoutingRule.objects.create(
        instansi=world.inst, category=world.categories["jalan-drainase"], unit=world.pu
    )
    return {"complaint": complaint, "triage": triage, "consultation": consultation, "rule": rule}


PUBLIC = [
    ("participation:index", []),
    ("participation:catalog", []),
    ("participation:complaint_new", []),
    ("participation:complaint_lookup", []),
    ("participation:results_index", []),
    ("participation:forum_list", []),
    ("participation:citizen_login", []),
]


@pytest.mark.parametrize(("name", "args"), PUBLIC)
def test_public_pages_render_without_login(client, world, data, name, args):
    response = client.get(reverse(name, args=args))

    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"


def test_public_object_pages(client, world, data):
    pages = [
        reverse("participation:service_detail", args=[world.service.pk]),
        reverse("participation:survey", args=[world.service.pk]),
        reverse("participation:results_service", args=[world.service.pk]),
        reverse("participation:results_unit", args=[world.capil.pk]),
        reverse("participation:unit_public", args=[world.pu.pk]),
        reverse("participation:forum_detail", args=[data["consultation"].pk]),
        reverse("participation:complaint_status", args=[data["complaint"].tracking_code]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url


def test_draft_service_is_not_public(client, world, data):
    response = client.get(reverse("participation:service_detail", args=[world.draft_service.pk]))
    catalog = client.get(reverse("participation:catalog"))

    assert response.status_code == 404
    assert world.draft_service.name not in catalog.content.decode()
    assert world.service.name in catalog.content.decode()


def test_catalog_search(client, world, data):
    found = client.get(reverse("participation:catalog"), {"q": "KTP"}).content.decode()
    none = client.get(reverse("participation:catalog"), {"q": "kapal selam"}).content.decode()

    assert "Penerbitan KTP-el" in found
    assert "Penerbitan KTP-el" not in none
    assert "Tidak ada layanan yang cocok" in none


def test_complaint_form_lists_the_kelurahan(client, world, data):
    body = client.get(reverse("participation:complaint_new")).content.decode()

    assert f'<option value="{world.bumi.pk}">Bumi</option>' in body
    assert f'<option value="{world.jajar.pk}">Jajar</option>' in body


STAFF = [
    "participation:dashboard",
    "participation:inbox",
    "participation:report",
    "participation:service_admin",
    "participation:consultations",
]


@pytest.mark.parametrize("name", STAFF)
@pytest.mark.parametrize("username", ["admin", "moderator", "auditor", "kadis_pu"])
def test_staff_pages_render_for_participation_roles(client, world, data, name, username):
    client.force_login(world.users[username])

    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", STAFF)
def test_staff_pages_refuse_users_without_a_role(client, world, data, name):
    client.force_login(world.users["nobody"])

    assert client.get(reverse(name)).status_code == 403


def test_staff_pages_send_anonymous_users_to_login(client, world, data):
    response = client.get(reverse("participation:inbox"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("username", ["admin"])
def test_admin_pages(client, world, data, username):
    client.force_login(world.users[username])
    for url in (
        reverse("participation:routing"),
        reverse("participation:routing_edit", args=[data["rule"].pk]),
        reverse("participation:categories"),
        reverse("participation:settings"),
        reverse("participation:triage"),
        reverse("participation:moderation"),
        reverse("participation:service_create"),
        reverse("participation:service_edit", args=[world.service.pk]),
        reverse("participation:skm_staff", args=[world.service.pk]),
        reverse("participation:skm_unit", args=[world.capil.pk]),
        reverse("participation:consultation_create"),
        reverse("participation:consultation_comments", args=[data["consultation"].pk]),
        reverse("participation:consultation_edit", args=[data["consultation"].pk]),
        reverse("participation:complaint_detail", args=[data["complaint"].pk]),
    ):
        assert client.get(url).status_code == 200, url


def test_admin_only_pages_refuse_unit_heads(client, world, data):
    client.force_login(world.users["kadis_pu"])
    for url in (
        reverse("participation:routing"),
        reverse("participation:categories"),
        reverse("participation:settings"),
        reverse("participation:moderation"),
    ):
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("participation:triage")).status_code == 404


def test_inbox_is_scoped_to_the_unit_head(client, world, data):
    client.force_login(world.users["kadis_capil"])
    body = client.get(reverse("participation:inbox")).content.decode()
    detail = client.get(reverse("participation:complaint_detail", args=[data["complaint"].pk]))

    assert data["complaint"].tracking_display not in body
    assert detail.status_code == 404


def test_inbox_filters_and_query_count(client, world, data, django_assert_max_num_queries):
    client.force_login(world.users["moderator"])
    for _ in range(10):
        submit(world)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("participation:inbox"), {"status": "received"})
    body = response.content.decode()

    assert data["triage"].tracking_display in body
    assert data["complaint"].tracking_display not in body  # it is assigned


def test_triage_lists_only_unrouted_complaints(client, world, data):
    client.force_login(world.users["moderator"])
    body = client.get(reverse("participation:triage")).content.decode()

    assert data["triage"].tracking_display in body
    assert data["complaint"].tracking_display not in body


def test_action_form_moves_the_complaint(client, world, data):
    client.force_login(world.users["kadis_pu"])
    url = reverse("participation:complaint_action", args=[data["complaint"].pk])

    client.post(url, {"action": "start"})
    client.post(url, {"action": "resolve", "message": "Sudah diperbaiki hari ini."})

    data["complaint"].refresh_from_db()
    assert data["complaint"].status == "resolved"


def test_weekly_report_exports(client, world, data):
    client.force_login(world.users["admin"])
    xlsx = client.get(reverse("participation:report_xlsx"))
    pdf = client.get(reverse("participation:report_pdf"))

    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_healthz(client, db):
    response = client.get(reverse("participation:healthz"))

    assert (response.status_code, response.content) == (200, b"ok")
