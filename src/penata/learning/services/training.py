"""Training catalog, sessions, enrolment (request, approval, bulk, waiting list), completion
and the JP ledger's external evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from penata.core.audit import record
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.learning import rules
from penata.learning.access import is_admin, is_self, require_admin, supervises
from penata.learning.models import (
    Competency,
    Enrolment,
    JpRecord,
    Programme,
    ProgrammeCompetency,
    TrainingSession,
)
from penata.learning.services.competency import _raise_current
from penata.org.models import Instansi
from penata.people.models import Employee

UPLOAD_SUFFIXES = {
    "pdf": b"%PDF",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG",
}
UPLOAD_MAX_BYTES_DEFAULT = 2 * 1024 * 1024


def upload_max_bytes() -> int:
    """Largest certificate/evidence file (setting PENATA_LEARNING_MAX_BYTES, default 2 MB)."""
    return int(getattr(settings, "PENATA_LEARNING_MAX_BYTES", UPLOAD_MAX_BYTES_DEFAULT))


def _fail(code: str, message: str, **extra: Any) -> ValidationFailed:
    return ValidationFailed(code, message, extra)


def check_upload(upload: UploadedFile[bytes]) -> None:
    """Accept PDF, JPG or PNG up to the size limit, checked by content as well as name."""
    limit = upload_max_bytes()
    if upload.size is None or upload.size > limit:
        raise _fail(
            "learning.file_too_large", f"Berkas paling besar {limit // 1048576} MB.", limit=limit
        )
    name = (upload.name or "").lower()
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix not in UPLOAD_SUFFIXES:
        raise _fail("learning.file_type", "Berkas harus PDF, JPG, atau PNG.")
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(UPLOAD_SUFFIXES[suffix]):
        raise _fail("learning.file_type", "Isi berkas tidak sesuai dengan jenisnya (PDF/JPG/PNG).")


@transaction.atomic
def programme_create(
    *,
    actor: Any,
    instansi: Instansi,
    code: str,
    name: str,
    kind: str,
    mode: str,
    jp: Decimal,
    provider: str,
    cost: Decimal,
    develops: Mapping[str, int] | None = None,
    description: str = "",
) -> Programme:
    """Add a programme to the catalog with the competencies it develops (code → level)."""
    require_admin(actor)
    if kind not in Programme.Kind.values:
        raise _fail("learning.programme_kind", f"Jenis pelatihan tidak dikenal: {kind!r}.")
    if mode not in Programme.Mode.values:
        raise _fail("learning.programme_mode", f"Metode pelatihan tidak dikenal: {mode!r}.")
    if jp <= 0:
        raise _fail("learning.jp_positive", "JP harus lebih dari 0.")
    if cost < 0:
        raise _fail("learning.cost_negative", "Biaya tidak boleh negatif.")
    if Programme.objects.filter(instansi=instansi, code=code).exists():
        raise _fail("learning.programme_exists", f"Kode program {code} sudah dipakai.")
    by_code = {c.code: c for c in Competency.objects.filter(instansi=instansi)}
    for c, level in (develops or {}).items():
        if c not in by_code:
            raise _fail("learning.competency_unknown", f"Kompetensi {c} tidak ada di kamus.")
        if not isinstance(level, int) or not 1 <= level <= 5:
            raise _fail("learning.level", f"Level {c} harus 1–5.")
    programme = Programme.objects.create(
        instansi=instansi,
        code=code,
        name=name,
        kind=kind,
        mode=mode,
        jp=jp,
        provider=provider,
        cost=cost,
        description=description,
    )
    ProgrammeCompetency.objects.bulk_create(
        ProgrammeCompetency(programme=programme, competency=by_code[c], target_level=lv)
        for c, lv in (develops or {}).items()
    )
    record(
        actor=actor,
        action="learning.programme_create",
        obj=programme,
        after={
            "code": code,
            "name": name,
            "kind": kind,
            "jp": str(jp),
            "cost": str(cost),
            "develops": dict(develops or {}),
        },
    )
    return programme


@transaction.atomic
def session_create(
    *,
    actor: Any,
    programme: Programme,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    capacity: int,
    place: str = "",
    online_url: str = "",
) -> TrainingSession:
    """Open a session (angkatan) of a programme."""
    require_admin(actor)
    if ends_on < starts_on:
        raise _fail("learning.session_dates", "Tanggal selesai sebelum tanggal mulai.")
    if capacity < 1:
        raise _fail("learning.session_capacity", "Kuota minimal 1 peserta.")
    if not place.strip() and not online_url.strip():
        raise _fail("learning.session_place", "Isi tempat atau tautan daring.")
    session = TrainingSession.objects.create(
        instansi_id=programme.instansi_id,
        programme=programme,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        place=place,
        online_url=online_url,
    )
    record(
        actor=actor,
        action="learning.session_create",
        obj=session,
        after={"programme": programme.pk, "starts_on": str(starts_on), "capacity": capacity},
    )
    return session


def _locked_session(session: TrainingSession) -> TrainingSession:
    return TrainingSession.objects.select_for_update().get(pk=session.pk)


def _seat_status(session: TrainingSession) -> str:
    taken = Enrolment.objects.filter(
        session=session, status__in=[Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED]
    ).count()
    return Enrolment.Status.CONFIRMED if taken < session.capacity else Enrolment.Status.WAITLISTED


def _check_open(session: TrainingSession, today: dt.date | None = None) -> None:
    if session.starts_on < (today or dt.date.today()):
        raise _fail("learning.session_started", "Angkatan ini sudah dimulai; pendaftaran ditutup.")


def _existing(session: TrainingSession, employee: Employee) -> Enrolment | None:
    return Enrolment.objects.filter(session=session, employee=employee).first()


@transaction.atomic
def enrolment_request(*, actor: Any, employee: Employee, session: TrainingSession) -> Enrolment:
    """The employee asks to join a session; their supervisor (or admin) decides.

    A former cancelled or refused request may be renewed.
    """
    if not is_self(actor, employee):
        raise PermissionDenied("Pegawai hanya dapat mendaftarkan dirinya sendiri.")
    session = _locked_session(session)
    _check_open(session)
    enrolment = _existing(session, employee)
    if enrolment and enrolment.status not in (
        Enrolment.Status.CANCELLED,
        Enrolment.Status.REJECTED,
    ):
        raise _fail("learning.already_enrolled", "Anda sudah terdaftar pada angkatan ini.")
    if enrolment is None:
        enrolment = Enrolment(instansi_id=session.instansi_id, session=session, employee=employee)
    enrolment.status = Enrolment.Status.PENDING
    enrolment.requested_by = actor
    enrolment.decided_by = None
    enrolment.save()
    record(
        actor=actor,
        action="learning.enrolment_request",
        obj=enrolment,
        after={"session": session.pk, "employee": employee.pk, "status": enrolment.status},
    )
    return enrolment


@transaction.atomic
def enrolment_decide(*, actor: Any, enrolment: Enrolment, approve: bool) -> Enrolment:
    """The supervisor (or admin) approves or refuses a request; an approved request takes a
    seat, or a place on the waiting list when the session is full."""
    if not (supervises(actor, enrolment.employee) or is_admin(actor)):
        raise PermissionDenied("Hanya atasan langsung atau admin yang dapat memutuskan.")
    session = _locked_session(enrolment.session)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.PENDING:
        raise _fail("learning.not_pending", "Pendaftaran ini tidak sedang menunggu persetujuan.")
    before = enrolment.status
    enrolment.status = _seat_status(session) if approve else Enrolment.Status.REJECTED
    enrolment.decided_by = actor
    enrolment.save(update_fields=["status", "decided_by"])
    record(
        actor=actor,
        action="learning.enrolment_decide",
        obj=enrolment,
        before={"status": before},
        after={"status": enrolment.status},
    )
    return enrolment


@transaction.atomic
def enrolment_bulk(
    *, actor: Any, session: TrainingSession, employees: Iterable[Employee]
) -> list[Enrolment]:
    """Admin enrols employees directly (no approval step): seats first, then waiting list.
    Employees already holding a seat or waiting are left as they are."""
    require_admin(actor)
    session = _locked_session(session)
    _check_open(session)
    done = []
    for employee in employees:
        if employee.instansi_id != session.instansi_id:
            raise PermissionDenied("Pegawai berada di instansi lain.")
        enrolment = _existing(session, employee)
        if enrolment and enrolment.status in (
            Enrolment.Status.CONFIRMED,
            Enrolment.Status.WAITLISTED,
            Enrolment.Status.COMPLETED,
        ):
            continue
        if enrolment is None:
            enrolment = Enrolment(
                instansi_id=session.instansi_id, session=session, employee=employee
            )
        enrolment.status = _seat_status(session)
        enrolment.requested_by = actor
        enrolment.decided_by = actor
        enrolment.save()
        record(
            actor=actor,
            action="learning.enrolment_bulk",
            obj=enrolment,
            after={"session": session.pk, "employee": employee.pk, "status": enrolment.status},
        )
        done.append(enrolment)
    return done


@transaction.atomic
def enrolment_cancel(*, actor: Any, enrolment: Enrolment) -> Enrolment:
    """Withdraw (the employee) or cancel (admin) an enrolment; a freed seat goes to the first
    on the waiting list."""
    if not (is_self(actor, enrolment.employee) or is_admin(actor)):
        raise PermissionDenied()
    session = _locked_session(enrolment.session)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status in (
        Enrolment.Status.COMPLETED,
        Enrolment.Status.CANCELLED,
        Enrolment.Status.REJECTED,
    ):
        raise _fail("learning.not_cancellable", "Pendaftaran ini tidak dapat dibatalkan.")
    held_seat = enrolment.status == Enrolment.Status.CONFIRMED
    before = enrolment.status
    enrolment.status = Enrolment.Status.CANCELLED
    enrolment.save(update_fields=["status"])
    record(
        actor=actor,
        action="learning.enrolment_cancel",
        obj=enrolment,
        before={"status": before},
        after={"status": enrolment.status},
    )
    if held_seat:
        promoted = (
            Enrolment.objects.select_for_update()
            .filter(session=session, status=Enrolment.Status.WAITLISTED)
            .order_by("requested_at", "id")
            .first()
        )
        if promoted is not None:
            promoted.status = Enrolment.Status.CONFIRMED
            promoted.save(update_fields=["status"])
            record(
                actor=actor,
                action="learning.enrolment_promote",
                obj=promoted,
                before={"status": Enrolment.Status.WAITLISTED},
                after={"status": promoted.status},
            )
    return enrolment


@transaction.atomic
def enrolment_complete(
    *,
    actor: Any,
    enrolment: Enrolment,
    completed_on: dt.date,
    certificate: UploadedFile[bytes] | None = None,
) -> Enrolment:
    """Admin records attendance and completion: the programme's JP enter the ledger (verified)
    and each competency it develops rises to its target level where the employee is below."""
    require_admin(actor)
    enrolment = (
        Enrolment.objects.select_for_update()
        .select_related("session__programme", "employee")
        .get(pk=enrolment.pk)
    )
    if enrolment.status != Enrolment.Status.CONFIRMED:
        raise _fail(
            "learning.not_confirmed",
            "Hanya peserta terdaftar (bukan daftar tunggu) yang dapat dinyatakan selesai.",
        )
    session = enrolment.session
    if completed_on < session.starts_on:
        raise _fail("learning.completed_early", "Tanggal lulus sebelum angkatan dimulai.")
    if completed_on > dt.date.today():
        raise _fail("learning.future_date", "Tanggal lulus tidak boleh di masa depan.")
    if certificate is not None:
        check_upload(certificate)
    programme = session.programme
    enrolment.status = Enrolment.Status.COMPLETED
    enrolment.attended = True
    enrolment.completed_on = completed_on
    enrolment.decided_by = enrolment.decided_by or actor
    if certificate is not None:
        enrolment.certificate.save(certificate.name or "sertifikat.pdf", certificate, save=False)
    enrolment.save()
    JpRecord.objects.create(
        instansi_id=enrolment.instansi_id,
        employee=enrolment.employee,
        enrolment=enrolment,
        title=programme.name,
        provider=programme.provider,
        completed_on=completed_on,
        year=completed_on.year,
        minutes=int(rules.jp_to_minutes(programme.jp)),
        status=JpRecord.Status.VERIFIED,
        verified_by=actor,
    )
    developed = {
        pc.competency: pc.target_level for pc in programme.developed.select_related("competency")
    }
    if developed:
        _raise_current(enrolment.employee, developed, "training", completed_on, only_up=True)
    record(
        actor=actor,
        action="learning.enrolment_complete",
        obj=enrolment,
        before={"status": Enrolment.Status.CONFIRMED},
        after={
            "status": enrolment.status,
            "completed_on": str(completed_on),
            "jp": str(programme.jp),
            "competencies": {c.code: lv for c, lv in developed.items()},
        },
    )
    return enrolment


@transaction.atomic
def jp_evidence_submit(
    *,
    actor: Any,
    employee: Employee,
    title: str,
    completed_on: dt.date,
    minutes: int,
    provider: str = "",
    evidence: UploadedFile[bytes] | None = None,
) -> JpRecord:
    """The employee records external development (seminar, course) with evidence; it counts
    towards the JP target once admin verifies it."""
    if not is_self(actor, employee):
        raise PermissionDenied("Bukti pengembangan diisi oleh pegawai yang bersangkutan.")
    if not title.strip():
        raise _fail("learning.title_required", "Nama kegiatan wajib diisi.")
    if minutes <= 0:
        raise _fail("learning.minutes_positive", "Durasi harus lebih dari 0 menit.")
    if completed_on > dt.date.today():
        raise _fail("learning.future_date", "Tanggal selesai tidak boleh di masa depan.")
    if evidence is None:
        raise _fail("learning.evidence_required", "Unggah bukti (sertifikat atau surat tugas).")
    check_upload(evidence)
    row = JpRecord(
        instansi_id=employee.instansi_id,
        employee=employee,
        title=title.strip()[:200],
        provider=provider.strip()[:150],
        completed_on=completed_on,
        year=completed_on.year,
        minutes=minutes,
        status=JpRecord.Status.PENDING,
    )
    row.evidence.save(evidence.name or "bukti.pdf", evidence, save=False)
    row.save()
    record(
        actor=actor,
        action="learning.jp_evidence_submit",
        obj=row,
        after={"title": row.title, "completed_on": str(completed_on), "minutes": minutes},
    )
    return row


@transaction.atomic
def jp_evidence_decide(*, actor: Any, jp_record: JpRecord, approve: bool) -> JpRecord:
    """Admin verifies (or rejects) external evidence."""
    require_admin(actor)
    row = JpRecord.objects.select_for_update().get(pk=jp_record.pk)
    if row.status != JpRecord.Status.PENDING:
        raise _fail("learning.not_pending", "Bukti ini sudah diputuskan.")
    row.status = JpRecord.Status.VERIFIED if approve else JpRecord.Status.REJECTED
    row.verified_by = actor
    row.save(update_fields=["status", "verified_by"])
    record(
        actor=actor,
        action="learning.jp_evidence_decide",
        obj=row,
        before={"status": JpRecord.Status.PENDING},
        after={"status": row.status},
    )
    return row
