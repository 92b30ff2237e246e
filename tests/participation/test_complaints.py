"""Complaint intake, the status machine and the public status page."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.participation import tracking
from penata.participation.models import Complaint, ComplaintEvent
from penata.participation.services import complaints as services
from tests.participation.conftest import REPORTER_CONTACT, aware, frozen, submit

pytestmark = pytest.mark.django_db


def _jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    exif[0x0131] = "GPS-Penanda-Rumah"  # Software tag standing in for identifying metadata
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_submit_gives_a_well_formed_code_and_starts_the_response_timer(world):
    with frozen(aware(2026, 1, 5, 9, 0)):
        complaint = submit(world)

    assert tracking.is_well_formed(complaint.tracking_code)
    assert complaint.status == "received"
    assert complaint.response_due_at == aware(2026, 1, 6, 9, 0)
    assert complaint.unit is None and complaint.routing_reason == "triage"
    assert list(complaint.events.values_list("kind", "is_public")) == [("submitted", True)]
    assert (
        AuditEvent.objects.filter(action="complaint.submit", object_id=str(complaint.pk)).count()
        == 1
    )


def test_web_form_submits_and_shows_the_code_on_the_status_page(client, world):
    photo = SimpleUploadedFile("jalan.jpg", _jpeg_with_exif(), content_type="image/jpeg")
    response = client.post(
        reverse("participation:complaint_new"),
        {
            "category": world.categories["jalan-drainase"].pk,
            "kelurahan": world.jajar.pk,
            "description": "Saluran air tersumbat sampah sejak seminggu, air meluap ke jalan.",
            "location": "Gang Mawar RT 02/RW 05",
            "reporter_contact": REPORTER_CONTACT,
            "photo": photo,
        },
    )

    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("participation:complaint_status", args=[complaint.tracking_code]) + "?baru=1"
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert tracking.display(complaint.tracking_code).encode() in page.content
    assert REPORTER_CONTACT.encode() not in page.content
    stored = complaint.photo.read()
    assert stored.startswith(b"\xff\xd8")
    assert b"KameraRahasia" not in stored and b"GPS-Penanda-Rumah" not in stored
    assert "exif" not in Image.open(io.BytesIO(stored)).info


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_stored(client, world):
    fake = SimpleUploadedFile(
        "foto.jpg", b"<?php system($_GET['c']); ?>", content_type="image/jpeg"
    )
    response = client.post(
        reverse("participation:complaint_new"),
        {
            "category": world.categories["kebersihan"].pk,
            "kelurahan": world.bumi.pk,
            "description": "Sampah menumpuk di pinggir jalan dekat pasar sejak tiga hari.",
            "photo": fake,
        },
    )

    assert response.status_code == 422
    assert "bukan gambar" in response.content.decode()
    assert Complaint.objects.count() == 0


def test_too_short_description_is_refused_with_its_field(client, world):
    response = client.post(
        reverse("participation:complaint_new"),
        {
            "category": world.categories["lainnya"].pk,
            "kelurahan": world.bumi.pk,
            "description": "Jelek",
        },
    )

    assert response.status_code == 422
    assert "paling sedikit 20 karakter" in response.content.decode()
    assert Complaint.objects.count() == 0


def test_full_lifecycle_sets_every_timestamp(world):
    moderator, kadis = world.users["moderator"], world.users["kadis_pu"]
    with frozen(aware(2026, 1, 5, 8, 0)):
        complaint = submit(world)
    with frozen(aware(2026, 1, 5, 10, 0)):
        complaint = services.complaint_verify(
            actor=moderator, complaint=complaint, assign_to=world.pu
        )
    assert (complaint.status, complaint.unit_id) == ("assigned", world.pu.pk)
    assert complaint.responded_at == aware(2026, 1, 5, 10, 0)
    assert complaint.followup_due_at == aware(2026, 1, 7, 10, 0)
    with frozen(aware(2026, 1, 6, 9, 0)):
        complaint = services.complaint_act(actor=kadis, complaint=complaint, action="start")
    with frozen(aware(2026, 1, 8, 15, 0)):
        complaint = services.complaint_act(
            actor=kadis, complaint=complaint, action="resolve",
            message="Lubang sudah ditambal tim Bina Marga pada 8 Januari.",
        )  # fmt: skip
    with frozen(aware(2026, 1, 9, 8, 0)):
        complaint = services.complaint_act(actor=moderator, complaint=complaint, action="close")

    assert complaint.status == "closed"
    assert complaint.followed_up_at == aware(2026, 1, 6, 9, 0)
    assert complaint.resolved_at == aware(2026, 1, 8, 15, 0)
    assert complaint.closed_at == aware(2026, 1, 9, 8, 0)
    kinds = list(complaint.events.values_list("kind", flat=True))
    assert kinds == ["submitted", "verified", "assigned", "started", "resolved", "closed"]
    resolved = complaint.events.get(kind="resolved")
    assert resolved.actor_title == "Kepala Dinas Pekerjaan Umum dan Penataan Ruang"
    assert "Bambang" not in resolved.actor_title


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("received", "start"),
        ("received", "resolve"),
        ("verified", "resolve"),
        ("assigned", "close"),
        ("resolved", "reject"),
        ("closed", "reopen"),
        ("rejected", "verify"),
    ],
)
def test_invalid_transitions_are_refused_and_change_nothing(world, status, action):
    complaint = submit(world)
    Complaint.objects.filter(pk=complaint.pk).update(status=status, unit=world.pu)
    complaint.refresh_from_db()
    events = ComplaintEvent.objects.count()

    with pytest.raises(ValidationFailed) as error:
        if action == "verify":
            services.complaint_verify(actor=world.users["admin"], complaint=complaint)
        else:
            services.complaint_act(
                actor=world.users["admin"], complaint=complaint, action=action,
                message="Alasan yang cukup panjang.",
            )  # fmt: skip

    assert error.value.code == "complaint.transition"
    complaint.refresh_from_db()
    assert complaint.status == status
    assert ComplaintEvent.objects.count() == events


def test_reject_needs_a_reason_that_the_citizen_sees(client, world):
    complaint = submit(world)
    with pytest.raises(ValidationFailed) as error:
        services.complaint_act(actor=world.users["moderator"], complaint=complaint, action="reject")
    assert error.value.code == "complaint.message_required"

    services.complaint_act(
        actor=world.users["moderator"], complaint=complaint, action="reject",
        message="Bukan kewenangan Pemerintah Kota; silakan hubungi PLN UP3 Surakarta.",
    )  # fmt: skip
    page = client.get(reverse("participation:complaint_status", args=[complaint.tracking_code]))
    assert "PLN UP3 Surakarta" in page.content.decode()
    assert Complaint.objects.get().status == "rejected"


def test_unit_head_of_another_unit_may_not_act(world):
    complaint = submit(world)
    services.complaint_verify(
        actor=world.users["moderator"], complaint=complaint, assign_to=world.pu
    )

    with pytest.raises(PermissionDenied):
        services.complaint_act(
            actor=world.users["kadis_capil"], complaint=complaint, action="start"
        )
    with pytest.raises(PermissionDenied):
        services.complaint_act(actor=world.users["auditor"], complaint=complaint, action="start")
    assert Complaint.objects.get().status == "assigned"


def test_unit_head_assigns_only_within_the_subtree(world):
    complaint = submit(world)
    services.complaint_verify(
        actor=world.users["moderator"], complaint=complaint, assign_to=world.pu
    )
    kadis = world.users["kadis_pu"]

    moved = services.complaint_assign(actor=kadis, complaint=complaint, unit=world.bina_marga)
    assert moved.unit_id == world.bina_marga.pk
    with pytest.raises(PermissionDenied):
        services.complaint_assign(actor=kadis, complaint=moved, unit=world.capil)
    assert Complaint.objects.get().unit_id == world.bina_marga.pk


def test_respond_counts_as_response_and_follow_up(world):
    with frozen(aware(2026, 2, 2, 8, 0)):
        complaint = submit(world)
        complaint = services.complaint_verify(
            actor=world.users["moderator"], complaint=complaint, assign_to=world.pu
        )
    with frozen(aware(2026, 2, 3, 8, 0)):
        services.complaint_respond(
            actor=world.users["kadis_pu"], complaint=complaint,
            message="Tim survei dijadwalkan datang besok pagi.",
        )  # fmt: skip
    complaint.refresh_from_db()
    assert complaint.followed_up_at == aware(2026, 2, 3, 8, 0)
    assert complaint.status == "assigned"


def test_rating_once_after_resolution(client, world):
    complaint = submit(world)
    url = reverse("participation:complaint_rate", args=[complaint.tracking_code])
    early = client.post(url, {"rating": 5})
    assert early.status_code == 422
    Complaint.objects.filter(pk=complaint.pk).update(status="resolved")

    first = client.post(url, {"rating": 4, "comment": "Cepat ditangani, terima kasih."})
    second = client.post(url, {"rating": 1})

    assert first.status_code == 302
    assert second.status_code == 422
    complaint.refresh_from_db()
    assert (complaint.rating, complaint.rating_comment) == (4, "Cepat ditangani, terima kasih.")


def test_contact_reveal_is_audited_and_limited_to_handlers(client, world):
    complaint = submit(world)
    services.complaint_verify(
        actor=world.users["moderator"], complaint=complaint, assign_to=world.pu
    )
    url = reverse("participation:complaint_contact", args=[complaint.pk])

    client.force_login(world.users["kadis_pu"])
    shown = client.post(url)
    assert shown.status_code == 200
    assert REPORTER_CONTACT in shown.content.decode()
    assert AuditEvent.objects.filter(action="complaint.contact_view").count() == 1

    client.force_login(world.users["kadis_capil"])
    refused = client.post(url)
    assert refused.status_code == 404
    assert REPORTER_CONTACT.encode() not in refused.content
    assert AuditEvent.objects.filter(action="complaint.contact_view").count() == 1
