"""Self-service corrections: asked by the employee, applied only when an admin verifies,
checked by the same rules as every write, audited with before/after (NIK masked)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.models import AuditEvent
from penata.people.models import CorrectionRequest, Employee
from penata.people.services_corrections import (
    correction_request_create,
    correction_request_reject,
    correction_request_verify,
)

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _employee_state(employee):
    return Employee.objects.filter(pk=employee.pk).values().get()


def _counts():
    return CorrectionRequest.objects.count(), AuditEvent.objects.count()


def _ask(world, field="phone", value="081399990000", **kw):
    return correction_request_create(
        actor=world.users["employee"],
        employee=world.target,
        field=field,
        new_value=value,
        reason="Nomor lama sudah tidak aktif sejak 2024.",
        **kw,
    )


def test_request_changes_nothing_until_verified(world):
    before = _employee_state(world.target)
    request = _ask(world)
    assert request.status == "pending"
    assert (request.old_value, request.new_value) == ("081234567890", "081399990000")
    assert _employee_state(world.target) == before
    event = AuditEvent.objects.get(action="correction.request")
    assert event.object_type == "people.correctionrequest"
    assert event.changes["new_value"] == [None, "081399990000"]
    assert event.changes["_"] == {"employee": world.target.pk, "field": "phone"}


def test_verification_applies_the_value_and_audits_before_after(world):
    request = _ask(world)
    correction_request_verify(actor=world.users["admin"], request=request)
    world.target.refresh_from_db()
    request.refresh_from_db()
    assert world.target.phone == "081399990000"
    assert (request.status, request.decided_by) == ("verified", world.users["admin"])
    change = AuditEvent.objects.get(action="employee.correct")
    assert (change.object_type, change.object_id) == ("people.employee", str(world.target.pk))
    assert change.changes == {
        "phone": ["081234567890", "081399990000"],
        "_": {"correction": request.pk},
    }
    verify = AuditEvent.objects.get(action="correction.verify")
    assert verify.changes["status"] == ["pending", "verified"]


def test_nik_correction_is_masked_in_the_audit_trail(world):
    request = _ask(world, field="nik", value="3372011708900004")
    correction_request_verify(actor=world.users["admin"], request=request)
    world.target.refresh_from_db()
    assert world.target.nik == "3372011708900004"
    change = AuditEvent.objects.get(action="employee.correct")
    assert change.changes["nik"] == ["3372**********03", "3372**********04"]
    assert "3372011708900004" not in str(list(AuditEvent.objects.values_list("changes", flat=True)))


def test_birth_date_must_still_agree_with_the_nip(world):
    before, counts = _employee_state(world.target), _counts()
    with pytest.raises(ValidationFailed) as refused:
        _ask(world, field="birth_date", value="1991-01-01")
    assert refused.value.code == "nip.birth_date_mismatch"
    assert _employee_state(world.target) == before
    assert _counts() == counts


def test_verification_rechecks_against_the_record_as_it_is_then(world):
    Employee.objects.filter(pk=world.target.pk).update(birth_date=dt.date(1990, 8, 18))
    world.target.refresh_from_db()
    request = _ask(world, field="birth_date", value="17-08-1990")  # agrees with the NIP now
    # Meanwhile BKPSDM corrects the NIP itself: the requested date no longer agrees.
    nip = world.target.nip
    Employee.objects.filter(pk=world.target.pk).update(nip="19900818" + nip[8:])
    before, counts = _employee_state(world.target), _counts()
    with pytest.raises(ValidationFailed) as refused:
        correction_request_verify(actor=world.users["admin"], request=request)
    assert refused.value.code == "nip.birth_date_mismatch"
    assert _employee_state(world.target) == before
    assert _counts() == counts
    request.refresh_from_db()
    assert request.status == "pending"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("nip", "199008172015031001", "correction.field"),
        ("golongan", "IV/a", "correction.field"),
        ("nik", "3372011708900", "nik.length"),
        ("email", "bukan-surel", "correction.email"),
        ("phone", "12ab", "correction.phone"),
        ("sex", "X", "correction.sex"),
        ("education", "s9", "correction.education"),
        ("phone", "081234567890", "correction.unchanged"),
        ("name", "   ", "correction.required"),
    ],
)
def test_values_the_rules_refuse_change_nothing(world, field, value, code):
    before, counts = _employee_state(world.target), _counts()
    with pytest.raises(ValidationFailed) as refused:
        _ask(world, field=field, value=value)
    assert refused.value.code == code
    assert (_employee_state(world.target), _counts()) == (before, counts)


def test_one_open_request_per_field(world):
    _ask(world)
    counts = _counts()
    with pytest.raises(ValidationFailed) as refused:
        _ask(world, value="081300000000")
    assert refused.value.code == "correction.duplicate_pending"
    assert _counts() == counts


def test_nobody_asks_for_someone_elses_record(world):
    counts = _counts()
    with pytest.raises(PermissionDenied):
        correction_request_create(
            actor=world.users["admin"], employee=world.target, field="phone",
            new_value="081399990000", reason="Admin mencoba mengajukan untuk orang lain.",
        )  # fmt: skip
    assert _counts() == counts


@pytest.mark.parametrize("who", ["employee", "supervisor", "auditor", "org_analyst"])
def test_only_a_covering_admin_decides(world, who):
    request = _ask(world)
    before, counts = _employee_state(world.target), _counts()
    with pytest.raises(PermissionDenied):
        correction_request_verify(actor=world.users[who], request=request)
    assert (_employee_state(world.target), _counts()) == (before, counts)


def test_an_admin_does_not_verify_their_own_request(world):
    from penata.accounts.models import RoleGrant

    RoleGrant.objects.create(user=world.users["employee"], role="admin", instansi=world.inst)
    request = _ask(world)
    counts = _counts()
    with pytest.raises(PermissionDenied):
        correction_request_verify(actor=world.users["employee"], request=request)
    assert _counts() == counts


def test_reject_needs_a_reason_and_keeps_the_record(world):
    request = _ask(world)
    before = _employee_state(world.target)
    with pytest.raises(ValidationFailed) as refused:
        correction_request_reject(actor=world.users["admin"], request=request, note="")
    assert refused.value.code == "correction.note"
    correction_request_reject(
        actor=world.users["admin"], request=request, note="Lampirkan bukti nomor yang baru."
    )
    request.refresh_from_db()
    assert (request.status, request.decision_note) == (
        "rejected",
        "Lampirkan bukti nomor yang baru.",
    )
    assert _employee_state(world.target) == before
    event = AuditEvent.objects.get(action="correction.reject")
    assert event.changes["status"] == ["pending", "rejected"]
    with pytest.raises(ValidationFailed) as again:
        correction_request_verify(actor=world.users["admin"], request=request)
    assert again.value.code == "correction.already_decided"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("bukti.exe", b"MZ....", "correction.attachment_type"),
        ("bukti.pdf", b"<html>not a pdf</html>", "correction.attachment_content"),
        ("bukti.png", b"\x89PNG\r\n\x1a\n" + b"0" * 3_000_000, "correction.attachment_too_large"),
    ],
)
def test_unsuitable_attachments_are_refused(world, name, content, code):
    counts = _counts()
    with pytest.raises(ValidationFailed) as refused:
        _ask(world, attachment=SimpleUploadedFile(name, content))
    assert refused.value.code == code
    assert _counts() == counts


def test_attachment_is_stored_under_a_random_name(world):
    request = _ask(world, attachment=SimpleUploadedFile("KTP Agus.pdf", PDF))
    assert request.attachment_name == "KTP Agus.pdf"
    assert "Agus" not in request.attachment.name
    assert request.attachment.name.endswith(".pdf")


# --- pages ------------------------------------------------------------------------------


def test_my_data_page_shows_own_record_and_files_a_request(world, signed_in):
    client = signed_in(world.users["employee"])
    page = client.get(reverse("privacy:my_data"))
    assert page.status_code == 200
    assert "3372011708900003" in page.content.decode()  # own NIK, unmasked
    response = client.post(
        reverse("privacy:correction_create"),
        {"field": "email", "new_value": "agus.p@example.go.id",
         "reason": "Surel kantor berganti sejak mutasi.",
         "attachment": SimpleUploadedFile("sk.pdf", PDF)},
    )  # fmt: skip
    assert response.status_code == 302
    request = CorrectionRequest.objects.get()
    assert (request.field, request.new_value) == ("email", "agus.p@example.go.id")
    attachment = client.get(reverse("privacy:correction_attachment", args=[request.pk]))
    assert attachment.status_code == 200
    assert b"".join(attachment.streaming_content) == PDF


def test_refused_request_on_the_page_explains_and_changes_nothing(world, signed_in):
    client = signed_in(world.users["employee"])
    counts = _counts()
    response = client.post(
        reverse("privacy:correction_create"),
        {"field": "birth_date", "new_value": "1991-01-01", "reason": "Tanggal lahir salah."},
    )
    assert response.status_code == 400
    assert "tidak sesuai dengan NIP" in response.content.decode()
    assert _counts() == counts


def test_admin_queue_verify_and_reject_pages(world, signed_in):
    first = _ask(world)
    second = _ask(world, field="email", value="agus2@example.go.id")
    admin = signed_in(world.users["admin"])
    queue = admin.get(reverse("privacy:correction_queue"))
    assert queue.status_code == 200
    assert "Agus Prasetyo" in queue.content.decode()
    assert admin.get(reverse("privacy:correction_detail", args=[first.pk])).status_code == 200
    assert admin.post(reverse("privacy:correction_verify", args=[first.pk])).status_code == 302
    rejected = admin.post(reverse("privacy:correction_reject", args=[second.pk]), {"note": ""})
    assert rejected.status_code == 400
    world.target.refresh_from_db()
    assert (world.target.phone, world.target.email) == ("081399990000", "agus@example.go.id")


def test_queue_is_for_admins_and_foreign_requests_are_invisible(world, signed_in):
    request = _ask(world)
    assert (
        signed_in(world.users["employee"]).get(reverse("privacy:correction_queue")).status_code
        == 403
    )
    foreign = signed_in(world.foreign_admin)
    counts = _counts()
    assert foreign.get(reverse("privacy:correction_detail", args=[request.pk])).status_code == 404
    assert foreign.post(reverse("privacy:correction_verify", args=[request.pk])).status_code == 404
    assert _counts() == counts
