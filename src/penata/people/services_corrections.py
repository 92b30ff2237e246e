"""Employee self-service corrections (like MyASN's pemutakhiran data): an employee asks, an
admin verifies or rejects, and only a verified request changes the record.

The new value is checked twice with the same rules as every other write of an employee record
(`employee_field_clean`: the NIP rules for birth date and sex, the NIK rules, the model's own
field validation): when asked, for early feedback, and again on verification against the
record as it is then. Audit events hold specific data (NIK) masked: auditors read the trail
but may not read a NIK.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from penata.accounts.models import Role
from penata.accounts.scope import reach_of
from penata.core import audit, reference
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.core.numbers import format_number
from penata.people.models import CorrectionRequest, Employee
from penata.people.personal_data import SPECIFIC_FIELDS, label_of
from penata.people.rules import RuleError, mask_identifier, nip_mismatches, parse_nik, parse_nip

# Fields an employee may ask to correct. NIP, kind, golongan and status follow decrees
# (SK) and change through BKPSDM's own imports, not through a self-service request.
CORRECTABLE_FIELDS: tuple[str, ...] = (
    "name",
    "front_title",
    "back_title",
    "birth_date",
    "sex",
    "education",
    "education_major",
    "nik",
    "email",
    "phone",
)
ATTACHMENT_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")
# The file must start like what its name says (a renamed .html is refused).
ATTACHMENT_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
ATTACHMENT_MAX_BYTES_DEFAULT = 2 * 1024 * 1024
REASON_MIN_LENGTH = 10
TEXT_MAX_LENGTH = 1000

_REQUEST_FIELDS = ("field", "new_value", "status", "decision_note")


def attachment_max_bytes() -> int:
    """Largest attachment in bytes (setting PENATA_CORRECTION_MAX_BYTES, default 2 MB)."""
    return int(getattr(settings, "PENATA_CORRECTION_MAX_BYTES", ATTACHMENT_MAX_BYTES_DEFAULT))


def _fail(code: str, message: str, field: str = "new_value") -> ValidationFailed:
    return ValidationFailed(code, message, {"field": field})


def audit_value(field: str, value: Any) -> Any:
    """A value as the audit trail may hold it: specific data masked."""
    if field in SPECIFIC_FIELDS and isinstance(value, str) and value:
        return mask_identifier(value)
    return value


def display_value(employee: Employee, field: str) -> str:
    """The field's current value as text (dates as YYYY-MM-DD, codes as stored)."""
    value = getattr(employee, field)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _parse_date(raw: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise _fail("correction.date", "Tanggal tidak sah; tulis sebagai TTTT-BB-HH, mis. 1990-08-17.")


def _nip_check(employee: Employee, *, birth_date: dt.date | None, sex: str | None) -> None:
    try:
        decoded = parse_nip(employee.nip, kind=employee.kind)
    except RuleError:
        # A record whose NIP itself is broken is fixed by BKPSDM; its other fields still
        # follow their own rules.
        return
    errors = nip_mismatches(decoded, birth_date=birth_date, sex=sex)
    if errors:
        raise _fail(errors[0].code, errors[0].message)


def employee_field_clean(employee: Employee, field: str, raw: str) -> Any:
    """The typed value for `field` from the text `raw`, or ValidationFailed saying why.

    The same rules as imports and every other write: birth date and sex must agree with the
    NIP, the NIK must be a valid NIK, codes must be known, lengths within the model's.
    """
    if field not in CORRECTABLE_FIELDS:
        raise _fail("correction.field", "Data ini tidak dapat dikoreksi lewat permohonan.", "field")
    text = " ".join(str(raw).split())
    value: Any = text
    if field == "name":
        if not text:
            raise _fail("correction.required", "Nama wajib diisi.")
    elif field == "birth_date":
        value = _parse_date(text)
        _nip_check(employee, birth_date=value, sex=None)
    elif field == "sex":
        value = {"L": "L", "P": "P", "LAKI-LAKI": "L", "PEREMPUAN": "P"}.get(text.upper(), "")
        if not value:
            raise _fail("correction.sex", "Jenis kelamin: L (laki-laki) atau P (perempuan).")
        _nip_check(employee, birth_date=None, sex=value)
    elif field == "education":
        by_label = {label.lower(): key for key, label in reference.EDUCATION_LEVELS.items()}
        value = (
            text.lower()
            if text.lower() in reference.EDUCATION_LEVELS
            else by_label.get(text.lower(), "")
        )
        if not value:
            raise _fail(
                "correction.education",
                "Jenjang pendidikan tidak dikenal; pilih salah satu: "
                + ", ".join(reference.EDUCATION_LEVELS.values())
                + ".",
            )
    elif field == "nik":
        value = text.replace(" ", "")
        try:
            parse_nik(value)
        except RuleError as error:
            raise _fail(error.code, error.message) from error
    elif field == "email":
        value = text.lower()
        if value:
            try:
                validate_email(value)
            except ValidationError as error:
                raise _fail("correction.email", "Alamat surel tidak sah.") from error
    elif field == "phone":
        value = "".join(ch for ch in text if ch.isdigit() or ch == "+")
        digits = value.lstrip("+")
        if value and (not digits.isdigit() or not 8 <= len(digits) <= 15 or "+" in digits):
            raise _fail(
                "correction.phone", "Nomor telepon harus 8–15 angka, boleh diawali tanda +."
            )
    model_field = Employee._meta.get_field(field)
    try:
        value = model_field.clean(value, employee)  # type: ignore[union-attr]
    except ValidationError as error:
        raise _fail("correction.invalid", " ".join(error.messages)) from error
    if value == getattr(employee, field):
        raise _fail("correction.unchanged", "Nilai baru sama dengan data yang tersimpan.")
    return value


def _check_attachment(upload: UploadedFile[Any]) -> None:
    name = (upload.name or "").lower()
    suffix = next((s for s in ATTACHMENT_SUFFIXES if name.endswith(s)), None)
    if suffix is None:
        raise _fail(
            "correction.attachment_type",
            "Lampiran harus berupa PDF, JPG atau PNG.",
            "attachment",
        )
    limit = attachment_max_bytes()
    if upload.size is None or upload.size > limit:
        raise _fail(
            "correction.attachment_too_large",
            f"Lampiran paling besar {format_number(limit / 1048576, 0)} MB.",
            "attachment",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(ATTACHMENT_SIGNATURES[suffix]):
        raise _fail(
            "correction.attachment_content",
            "Isi lampiran tidak sesuai dengan jenis berkasnya (PDF, JPG atau PNG).",
            "attachment",
        )


def _request_snapshot(request: CorrectionRequest) -> dict[str, Any]:
    snap = audit.snapshot(request, _REQUEST_FIELDS)
    snap["new_value"] = audit_value(request.field, snap["new_value"])
    return snap


@transaction.atomic
def correction_request_create(
    *,
    actor: Any,
    employee: Employee,
    field: str,
    new_value: str,
    reason: str,
    attachment: UploadedFile[Any] | None = None,
) -> CorrectionRequest:
    """File the employee's own request to correct one field; changes nothing in the record.

    Refuses requests for someone else's record (PermissionDenied), fields outside
    CORRECTABLE_FIELDS, values the rules reject, a second open request for the same field,
    a missing reason and unsuitable attachments. Records `correction.request`.
    """
    if reach_of(actor).employee_id != employee.pk:
        raise PermissionDenied("Permohonan koreksi hanya dapat diajukan untuk data Anda sendiri.")
    reason = reason.strip()
    if len(reason) < REASON_MIN_LENGTH or len(reason) > TEXT_MAX_LENGTH:
        raise _fail(
            "correction.reason",
            f"Tuliskan alasan koreksi ({REASON_MIN_LENGTH}–{TEXT_MAX_LENGTH} karakter), "
            "mis. 'Tanggal lahir di SK CPNS salah ketik'.",
            "reason",
        )
    value = employee_field_clean(employee, field, new_value)
    if attachment is not None:
        _check_attachment(attachment)
    if CorrectionRequest.objects.filter(
        employee=employee, field=field, status=CorrectionRequest.Status.PENDING
    ).exists():
        raise _fail(
            "correction.duplicate_pending",
            f"Permohonan koreksi {label_of(field)} Anda masih menunggu verifikasi.",
            "field",
        )
    request = CorrectionRequest(
        instansi_id=employee.instansi_id,
        employee=employee,
        field=field,
        old_value=display_value(employee, field),
        new_value=value.isoformat() if isinstance(value, dt.date) else str(value),
        reason=reason,
        requested_by=actor,
    )
    if attachment is not None:
        request.attachment_name = (attachment.name or "")[:255]
        request.attachment.save(attachment.name or "lampiran", attachment, save=False)
    request.save()
    audit.record(
        actor=actor,
        action="correction.request",
        obj=request,
        after=_request_snapshot(request),
        extra={"employee": employee.pk, "field": field},
    )
    return request


def may_decide(actor: Any, request: CorrectionRequest) -> bool:
    """An admin whose grant covers the employee, and who is not that employee."""
    reach = reach_of(actor)
    if reach.employee_id == request.employee_id:
        return False
    if reach.is_superuser or request.instansi_id in reach.whole.get(Role.ADMIN, frozenset()):
        return True
    paths = reach.subtrees.get(Role.ADMIN, ())
    if not paths:
        return False
    from penata.people.selectors import current_assignments

    return any(
        a.position.unit.path.startswith(p)
        for a in current_assignments(request.employee)
        for p in paths
    )


def _lock_pending(actor: Any, request: CorrectionRequest) -> CorrectionRequest:
    locked = (
        CorrectionRequest.objects.select_for_update().select_related("employee").get(pk=request.pk)
    )
    if not may_decide(actor, locked):
        raise PermissionDenied(
            "Permohonan koreksi diputuskan oleh admin BKPSDM yang berwenang, bukan oleh "
            "pemohonnya sendiri."
        )
    if not locked.is_pending:
        raise ValidationFailed(
            "correction.already_decided",
            f"Permohonan ini sudah diputuskan ({locked.get_status_display()}).",
        )
    return locked


@transaction.atomic
def correction_request_verify(*, actor: Any, request: CorrectionRequest) -> CorrectionRequest:
    """Verify the request and apply the new value to the employee record.

    The value is checked again against the record as it is now; if the rules refuse it,
    nothing changes and the request stays pending. Records `employee.correct` (before/after
    of the field, specific data masked) and `correction.verify`.
    """
    locked = _lock_pending(actor, request)
    employee = Employee.objects.select_for_update().get(pk=locked.employee_id)
    value = employee_field_clean(employee, locked.field, locked.new_value)
    before = {locked.field: audit_value(locked.field, getattr(employee, locked.field))}
    setattr(employee, locked.field, value)
    employee.save(update_fields=[locked.field])
    audit.record(
        actor=actor,
        action="employee.correct",
        obj=employee,
        before=before,
        after={locked.field: audit_value(locked.field, value)},
        extra={"correction": locked.pk},
    )
    request_before = _request_snapshot(locked)
    locked.status = CorrectionRequest.Status.VERIFIED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    audit.record(
        actor=actor,
        action="correction.verify",
        obj=locked,
        before=request_before,
        after=_request_snapshot(locked),
        extra={"employee": employee.pk, "field": locked.field},
    )
    return locked


@transaction.atomic
def correction_request_reject(
    *, actor: Any, request: CorrectionRequest, note: str
) -> CorrectionRequest:
    """Reject the request with a reason the employee will read; the record stays as it is."""
    note = note.strip()
    if len(note) < REASON_MIN_LENGTH or len(note) > TEXT_MAX_LENGTH:
        raise _fail(
            "correction.note",
            f"Tuliskan alasan penolakan ({REASON_MIN_LENGTH}–{TEXT_MAX_LENGTH} karakter) "
            "agar pegawai tahu apa yang harus diperbaiki.",
            "note",
        )
    locked = _lock_pending(actor, request)
    before = _request_snapshot(locked)
    locked.status = CorrectionRequest.Status.REJECTED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.decision_note = note
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit.record(
        actor=actor,
        action="correction.reject",
        obj=locked,
        before=before,
        after=_request_snapshot(locked),
        extra={"employee": locked.employee_id, "field": locked.field},
    )
    return locked
