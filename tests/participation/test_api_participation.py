"""The participation API: public intake and status, staff inbox and actions, reports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from penata.core.models import AuditEvent
from penata.participation.models import Complaint, Consultation, ForumComment, SkmResponse
from penata.participation.services import complaints as services
from tests.participation.conftest import REPORTER_CONTACT, REPORTER_NAME, submit

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _payload(world, **extra):
    return {
        "category": world.categories["kebersihan"].pk,
        "kelurahan": world.bumi.pk,
        "description": "Tumpukan sampah di TPS Bumi belum diangkut selama empat hari.",
        "reporter_name": REPORTER_NAME,
        "reporter_contact": REPORTER_CONTACT,
        **extra,
    }


def test_public_submit_and_status_never_show_the_contact(client, world):
    created = client.post(
        f"{API}/public/complaints", _payload(world), content_type="application/json"
    )

    assert created.status_code == 201
    body = created.json()
    complaint = Complaint.objects.get()
    assert complaint.channel == "api"
    assert body["tracking_code"].replace("-", "") == complaint.tracking_code
    assert body["status"] == "received"
    status = client.get(f"{API}/public/complaints/{body['tracking_code']}")
    assert status.status_code == 200
    for response in (created, status):
        assert REPORTER_CONTACT.encode() not in response.content
        assert REPORTER_NAME.encode() not in response.content
    assert [e["kind"] for e in status.json()["timeline"]] == ["submitted"]


def test_unknown_codes_get_one_identical_answer(client, world):
    real = submit(world).tracking_code
    wrong_check = real[:-1] + ("2" if real[-1] != "2" else "3")
    answers = {
        client.get(f"{API}/public/complaints/{code}").content
        for code in ("XXXX", "AAAA-AAAA-AAAA-A", wrong_check, "2" * 13)
    }

    assert len(answers) == 1
    assert b'"code": "not_found"' in answers.pop().replace(b'":"', b'": "')


def test_public_complaint_honeypot_and_validation(client, world):
    trapped = client.post(
        f"{API}/public/complaints", _payload(world, website="http://spam.example"),
        content_type="application/json",
    )  # fmt: skip
    short = client.post(
        f"{API}/public/complaints", _payload(world, description="pendek"),
        content_type="application/json",
    )  # fmt: skip

    assert trapped.status_code == 422 and trapped.json()["code"] == "spam.honeypot"
    assert short.status_code == 422 and short.json()["code"] == "invalid_input"
    assert Complaint.objects.count() == 0


def test_public_catalog_and_ikm(client, world):
    for i in range(4):
        SkmResponse.objects.create(
            instansi=world.inst, service=world.service, unit=world.capil, period="2026-T1",
            submitted_at=timezone.now(), **{f"u{n}": 4 if i < 2 else 3 for n in range(1, 10)},
        )  # fmt: skip
    services_page = client.get(f"{API}/public/services").json()
    ikm = client.get(f"{API}/public/services/{world.service.pk}/ikm", {"period": "2026-T1"}).json()

    assert [s["name"] for s in services_page["items"]] == ["Penerbitan KTP-el"]
    assert ikm["respondents"] == 4
    assert ikm["unsur"][0]["nrr"] == 3.5
    # NRR 3.5 on every unsur × 0.111 × 9 × 25 = 87.4125 → 87.41, mutu B.
    assert (ikm["ikm"], ikm["mutu"]) == (87.41, "B")


def test_public_skm_once_per_client(client, world):
    answers = {f"u{i}": 3 for i in range(1, 10)}
    first = client.post(
        f"{API}/public/services/{world.service.pk}/skm", answers, content_type="application/json"
    )
    again = client.post(
        f"{API}/public/services/{world.service.pk}/skm", answers, content_type="application/json"
    )

    assert first.status_code == 201
    assert again.status_code == 422 and again.json()["code"] == "skm.already_answered"
    assert SkmResponse.objects.count() == 1


def test_public_consultation_comment_is_moderated(client, world):
    consultation = Consultation.objects.create(
        instansi=world.inst, unit=world.pu, title="Penggabungan bidang", body="Uraian rencana.",
        body_html="<p>Uraian rencana.</p>", opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=5), moderation="pre",
    )  # fmt: skip
    posted = client.post(
        f"{API}/public/consultations/{consultation.pk}/comments",
        {"body": "Setuju, asal layanan tetap dekat warga."}, content_type="application/json",
    )  # fmt: skip
    detail = client.get(f"{API}/public/consultations/{consultation.pk}").json()

    assert posted.status_code == 201 and posted.json()["status"] == "pending"
    assert detail["comments"] == []
    ForumComment.objects.update(status="published")
    detail = client.get(f"{API}/public/consultations/{consultation.pk}").json()
    assert [c["author"] for c in detail["comments"]] == ["Warga"]


def test_staff_api_needs_authentication(client, world):
    response = client.get(f"{API}/participation/complaints")

    assert response.status_code == 401


def test_staff_list_is_scoped_and_counts_queries(client, world, django_assert_max_num_queries):
    for _ in range(3):
        c = submit(world)
        services.complaint_verify(actor=world.users["moderator"], complaint=c, assign_to=world.pu)
    submit(world)  # triage
    client.force_login(world.users["kadis_pu"])

    with django_assert_max_num_queries(10):  # constant: session, grants, count, one page
        mine = client.get(f"{API}/participation/complaints").json()
    client.force_login(world.users["moderator"])
    everything = client.get(f"{API}/participation/complaints").json()
    triage = client.get(f"{API}/participation/complaints", {"triage": True}).json()

    assert mine["count"] == 3
    assert everything["count"] == 4
    assert triage["count"] == 1
    assert REPORTER_CONTACT not in str(everything)


def test_staff_actions_through_the_api(client, world):
    complaint = submit(world)
    client.force_login(world.users["moderator"])
    url = f"{API}/participation/complaints/{complaint.pk}/actions"

    verified = client.post(
        url, {"action": "verify", "unit": world.pu.pk}, content_type="application/json"
    )
    assert verified.status_code == 200
    assert verified.json()["status"] == "assigned"
    client.force_login(world.users["kadis_pu"])
    client.post(url, {"action": "start"}, content_type="application/json")
    missing = client.post(url, {"action": "resolve"}, content_type="application/json")
    done = client.post(
        url,
        {"action": "resolve", "message": "Sampah sudah diangkut DLH."},
        content_type="application/json",
    )

    assert missing.status_code == 422 and missing.json()["code"] == "complaint.message_required"
    assert done.json()["status"] == "resolved"
    assert done.json()["allowed_actions"] == ["reopen", "close"]
    client.force_login(world.users["kadis_capil"])
    assert client.post(url, {"action": "close"}, content_type="application/json").status_code == 404


def test_contact_operation_is_audited(client, world):
    complaint = submit(world)
    client.force_login(world.users["moderator"])

    response = client.post(f"{API}/participation/complaints/{complaint.pk}/contact")

    assert response.json() == {"reporter_name": REPORTER_NAME, "reporter_contact": REPORTER_CONTACT}
    assert AuditEvent.objects.filter(
        action="complaint.contact_view", object_id=str(complaint.pk)
    ).exists()


def test_weekly_report_json(client, world):
    submit(world)
    submit(world, category=world.categories["bansos"])
    client.force_login(world.users["admin"])

    report = client.get(f"{API}/participation/reports/weekly").json()

    assert report["tally"]["total"] == 2
    assert {c["name"] for c in report["top_categories"]} == {"Jalan & Drainase", "Bansos"}
    client.force_login(world.users["kadis_pu"])
    assert client.get(f"{API}/participation/reports/weekly").status_code == 404
    mine = client.get(f"{API}/participation/reports/weekly", {"unit": world.pu.pk})
    assert mine.status_code == 200 and mine.json()["tally"]["total"] == 0


def test_openapi_documents_the_participation_operations(client, db):
    paths = client.get(f"{API}/openapi.json").json()["paths"]

    for path in (
        "/api/v1/public/complaints",
        "/api/v1/public/complaints/{code}",
        "/api/v1/public/services/{service_id}/ikm",
        "/api/v1/participation/complaints/{complaint_id}/actions",
        "/api/v1/participation/reports/weekly",
    ):
        assert path in paths


def test_public_lists_document_their_errors(client, world):
    """An unknown instansi is a 404 and a wild one a 422, both in the error shape and both
    documented, like every other public operation."""
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    for path in ("/api/v1/public/complaint-categories", "/api/v1/public/kelurahan"):
        assert {"200", "404", "422"} <= set(paths[path]["get"]["responses"]), path
        unknown = client.get(path, {"instansi": "9999"})
        assert (unknown.status_code, unknown.json()["code"]) == (404, "not_found")
        wild = client.get(path, {"instansi": "x" * 21})
        assert (wild.status_code, wild.json()["code"]) == (422, "invalid_input")


def test_ids_in_bodies_are_bounded_and_bodies_must_be_json(client, world):
    """An id beyond 64 bits is a 422 (not a database error), and so is a body that is not
    JSON, in the one error shape."""
    client.force_login(world.users["admin"])
    huge = 2**70
    for path, body in [
        ("/participation/routing-rules", {"unit": huge}),
        ("/participation/services", {"unit": huge}),
        ("/public/complaints", _payload(world, unit=huge)),
    ]:
        answer = client.post(f"{API}{path}", body, content_type="application/json")
        assert (answer.status_code, answer.json()["code"]) == (422, "invalid_input"), path
    garbled = client.post(
        f"{API}/participation/services", b"\x15@\xff", content_type="application/json"
    )
    assert garbled.status_code == 422
    assert garbled.json()["code"] == "invalid_input" and set(garbled.json()) == {
        "code",
        "message",
        "extra",
    }
