"""Complaint use cases: submit (with routing), the status actions, respond, rate, escalate.

Every change writes a timeline event (public ones carry the official's position title, never a
name) and an audit event. Times come from `timezone.now()` at call time, so tests freeze the
clock by patching `django.utils.timezone.now`.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from penata.accounts.models import Role, RoleGrant
from penata.core import audit
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.org.models import Instansi, Unit
from penata.participation import access, tracking
from penata.participation import complaint_rules as rules
from penata.participation.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    RoutingRule,
    ServiceStandard,
)
from penata.participation.models.complaints import DESCRIPTION_MAX, MESSAGE_MAX, EventKind
from penata.participation.selectors.common import official_title, settings_for

DESCRIPTION_MIN = 20
MESSAGE_MIN = 5
AUDIT_FIELDS = (
    "status",
    "unit",
    "verified_at",
    "assigned_at",
    "responded_at",
    "followed_up_at",
    "resolved_at",
    "closed_at",
    "rejected_at",
    "rejection_reason",
)


def _invalid(code: str, message: str, field: str) -> ValidationFailed:
    return ValidationFailed(code, message, {"field": field})


def _clean_text(value: str) -> str:
    # Keep line breaks (citizens write paragraphs) but drop NUL and other control characters.
    return "".join(ch for ch in value if ch in "\n\t" or ch >= " ").strip()


@dataclass(frozen=True)
class ComplaintInput:
    category: ComplaintCategory
    description: str
    kelurahan: Unit | None
    service: ServiceStandard | None = None
    chosen_unit: Unit | None = None
    location: str = ""
    reporter_name: str = ""
    reporter_contact: str = ""
    photo: bytes | None = None  # already checked and re-encoded (images.clean_photo)
    channel: str = "web"


def _validate_input(instansi: Instansi, data: ComplaintInput) -> dict[str, str]:
    description = _clean_text(data.description)
    if len(description) < DESCRIPTION_MIN:
        raise _invalid(
            "complaint.description_short",
            f"Uraikan aduan Anda paling sedikit {DESCRIPTION_MIN} karakter: apa, di mana, sejak "
            "kapan.",
            "description",
        )
    if len(description) > DESCRIPTION_MAX:
        raise _invalid(
            "complaint.description_long",
            f"Uraian aduan paling panjang {DESCRIPTION_MAX} karakter.",
            "description",
        )
    if data.category.instansi_id != instansi.pk or not data.category.is_active:
        raise _invalid("complaint.category", "Kategori aduan tidak dikenal.", "category")
    if data.kelurahan is not None and (
        data.kelurahan.instansi_id != instansi.pk or data.kelurahan.kind != "kelurahan"
    ):
        raise _invalid("complaint.kelurahan", "Kelurahan tidak dikenal.", "kelurahan")
    if data.service is not None and (
        data.service.instansi_id != instansi.pk or not data.service.is_published
    ):
        raise _invalid("complaint.service", "Layanan tidak dikenal.", "service")
    if data.chosen_unit is not None and data.chosen_unit.instansi_id != instansi.pk:
        raise _invalid("complaint.unit", "Unit tidak dikenal.", "unit")
    location = _clean_text(data.location)
    name = _clean_text(data.reporter_name)
    contact = _clean_text(data.reporter_contact)
    for value, limit, field in ((location, 200, "location"), (name, 100, "reporter_name")):
        if len(value) > limit:
            raise _invalid("complaint.too_long", f"Paling panjang {limit} karakter.", field)
    if len(contact) > 150:
        raise _invalid("complaint.too_long", "Paling panjang 150 karakter.", "reporter_contact")
    if data.channel not in ("web", "api"):
        raise _invalid("complaint.channel", "Kanal tidak dikenal.", "channel")
    return {"description": description, "location": location, "name": name, "contact": contact}


def _route(instansi: Instansi, data: ComplaintInput) -> rules.RouteDecision:
    specs = [
        rules.RouteRule(
            id=r.pk,
            unit_id=r.unit_id,
            category_id=r.category_id,
            service_id=r.service_id,
            kelurahan_id=r.kelurahan_id,
            priority=r.priority,
        )
        for r in RoutingRule.objects.filter(instansi=instansi, is_active=True)
    ]
    return rules.route(
        specs,
        category_id=data.category.pk,
        service_id=data.service.pk if data.service else None,
        kelurahan_id=data.kelurahan.pk if data.kelurahan else None,
        service_unit_id=data.service.unit_id if data.service else None,
        chosen_unit_id=data.chosen_unit.pk if data.chosen_unit else None,
    )


def _unique_code() -> str:
    for _attempt in range(8):
        code = tracking.new_code()
        if not Complaint.objects.filter(tracking_code=code).exists():
            return code
    raise RuntimeError("no free tracking code after 8 draws")  # 59-bit codes: never happens


def _event(
    complaint: Complaint,
    kind: str,
    *,
    now: Any,
    actor: Any = None,
    message: str = "",
    is_public: bool = True,
    unit: Unit | None = None,
) -> ComplaintEvent:
    is_user = bool(getattr(actor, "is_authenticated", False))
    return ComplaintEvent.objects.create(
        instansi_id=complaint.instansi_id,
        complaint=complaint,
        kind=kind,
        at=now,
        actor=actor if is_user else None,
        actor_title=official_title(actor, complaint.unit) if is_user else "",
        unit=unit if unit is not None else complaint.unit,
        status_after=complaint.status,
        message=message,
        is_public=is_public,
    )


@transaction.atomic
def complaint_submit(*, instansi: Instansi, data: ComplaintInput) -> Complaint:
    """Record a citizen's complaint, route it and start the response timer.

    Returns the complaint; its `tracking_code` is the citizen's only key to it. The photo
    (already re-encoded without metadata) is stored under MEDIA_ROOT/aduan/, never served
    publicly.
    """
    clean = _validate_input(instansi, data)
    now = timezone.now()
    config = settings_for(instansi)
    decision = _route(instansi, data)
    photo_name = ""
    if data.photo:
        photo_name = default_storage.save(
            f"aduan/{now:%Y/%m}/{uuid.uuid4().hex}.jpg", ContentFile(data.photo)
        )
    try:
        with transaction.atomic():
            complaint = Complaint.objects.create(
                instansi=instansi,
                tracking_code=_unique_code(),
                category=data.category,
                service=data.service,
                chosen_unit=data.chosen_unit,
                kelurahan=data.kelurahan,
                location=clean["location"],
                description=clean["description"],
                photo=photo_name,
                reporter_name=clean["name"],
                reporter_contact=clean["contact"],
                channel=data.channel,
                unit_id=decision.unit_id,
                routing_rule_id=decision.rule_id,
                routing_reason=decision.reason,
                status=rules.RECEIVED,
                received_at=now,
                response_due_at=rules.due_at(now, config.response_hours),
            )
    except IntegrityError:
        if photo_name:
            default_storage.delete(photo_name)
        raise
    _event(complaint, EventKind.SUBMITTED, now=now)
    audit.record(
        actor="warga",
        action="complaint.submit",
        obj=complaint,
        after={
            "category": complaint.category_id,
            "unit": complaint.unit_id,
            "routing_reason": decision.reason,
            "routing_rule": decision.rule_id,
        },
    )
    return complaint


def _lock(complaint: Complaint) -> Complaint:
    return (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=complaint.pk)
    )


def _require(actor: Any, complaint: Complaint, action: str) -> None:
    if not access.may_act_on_complaint(actor, complaint, action):
        raise PermissionDenied("Anda tidak berwenang menangani aduan ini.")


def _transition(complaint: Complaint, action: str) -> str:
    try:
        return rules.next_status(complaint.status, action)
    except rules.ComplaintRuleError as error:
        raise ValidationFailed(error.code, error.message, {"status": complaint.status}) from error


def _message(text: str, *, required: bool, field: str = "message") -> str:
    message = _clean_text(text)
    if required and len(message) < MESSAGE_MIN:
        raise _invalid("complaint.message_required", "Tuliskan tanggapan untuk warga.", field)
    if len(message) > MESSAGE_MAX:
        raise _invalid(
            "complaint.message_long", f"Tanggapan paling panjang {MESSAGE_MAX} karakter.", field
        )
    return message


def _audit(actor: Any, action: str, complaint: Complaint, before: dict[str, Any]) -> None:
    audit.record(
        actor=actor,
        action=f"complaint.{action}",
        obj=complaint,
        before=before,
        after=audit.snapshot(complaint, AUDIT_FIELDS),
    )


def _assign(complaint: Complaint, unit: Unit, now: Any) -> None:
    config = settings_for(complaint.instansi_id)
    complaint.unit = unit
    complaint.assigned_at = now
    complaint.followup_due_at = rules.due_at(now, config.followup_hours)
    complaint.followed_up_at = None
    complaint.followup_escalated_at = None


@transaction.atomic
def complaint_verify(
    *, actor: Any, complaint: Complaint, message: str = "", assign_to: Unit | None = None
) -> Complaint:
    """Confirm a received complaint is a genuine one (the first response to the citizen).

    With `assign_to`, also forward it to that unit at once (two timeline steps).
    """
    complaint = _lock(complaint)
    _require(actor, complaint, "verify")
    text = _message(message, required=False)
    status = _transition(complaint, "verify")
    if assign_to is not None and not access.may_assign_to(actor, complaint, assign_to):
        raise PermissionDenied("Anda tidak berwenang meneruskan aduan ke unit itu.")
    before = audit.snapshot(complaint, AUDIT_FIELDS)
    now = timezone.now()
    complaint.status = status
    complaint.verified_at = now
    complaint.responded_at = complaint.responded_at or now
    complaint.save()
    _event(complaint, EventKind.VERIFIED, now=now, actor=actor, message=text)
    if assign_to is not None:
        complaint.status = _transition(complaint, "assign")
        _assign(complaint, assign_to, now)
        complaint.save()
        _event(complaint, EventKind.ASSIGNED, now=now, actor=actor, unit=assign_to)
    _audit(actor, "verify", complaint, before)
    return complaint


@transaction.atomic
def complaint_assign(
    *, actor: Any, complaint: Complaint, unit: Unit, message: str = ""
) -> Complaint:
    """Forward a verified complaint to the unit that must act (or move it to another unit);
    starts the follow-up timer."""
    complaint = _lock(complaint)
    _require(actor, complaint, "assign")
    text = _message(message, required=False)
    status = _transition(complaint, "assign")
    if not access.may_assign_to(actor, complaint, unit):
        raise PermissionDenied("Anda tidak berwenang meneruskan aduan ke unit itu.")
    if complaint.status == rules.ASSIGNED and complaint.unit_id == unit.pk:
        raise _invalid("complaint.same_unit", "Aduan sudah berada di unit itu.", "unit")
    before = audit.snapshot(complaint, AUDIT_FIELDS)
    now = timezone.now()
    complaint.status = status
    _assign(complaint, unit, now)
    complaint.save()
    _event(complaint, EventKind.ASSIGNED, now=now, actor=actor, message=text, unit=unit)
    _audit(actor, "assign", complaint, before)
    return complaint


_SIMPLE = {
    "start": EventKind.STARTED,
    "resolve": EventKind.RESOLVED,
    "reopen": EventKind.REOPENED,
    "close": EventKind.CLOSED,
    "reject": EventKind.REJECTED,
}


@transaction.atomic
def complaint_act(*, actor: Any, complaint: Complaint, action: str, message: str = "") -> Complaint:
    """Take a status action: start, resolve (message required), reopen, close or reject
    (reason required)."""
    if action not in _SIMPLE:
        raise _invalid("complaint.action_unknown", "Tindakan tidak dikenal.", "action")
    complaint = _lock(complaint)
    _require(actor, complaint, action)
    text = _message(message, required=action in ("resolve", "reject", "reopen"))
    status = _transition(complaint, action)
    before = audit.snapshot(complaint, AUDIT_FIELDS)
    now = timezone.now()
    complaint.status = status
    if action == "start":
        complaint.followed_up_at = complaint.followed_up_at or now
    elif action == "resolve":
        complaint.resolved_at = now
        complaint.followed_up_at = complaint.followed_up_at or now
        complaint.responded_at = complaint.responded_at or now
    elif action == "reopen":
        complaint.resolved_at = None
    elif action == "close":
        complaint.closed_at = now
    elif action == "reject":
        complaint.rejected_at = now
        complaint.rejection_reason = text
        complaint.responded_at = complaint.responded_at or now
    complaint.save()
    _event(complaint, _SIMPLE[action], now=now, actor=actor, message=text)
    _audit(actor, action, complaint, before)
    return complaint


@transaction.atomic
def complaint_respond(*, actor: Any, complaint: Complaint, message: str) -> ComplaintEvent:
    """Publish an official response on the status page without changing the status.

    Counts as the response (if none yet) and, after assignment, as the unit's follow-up.
    """
    complaint = _lock(complaint)
    _require(actor, complaint, "respond")
    text = _message(message, required=True)
    if complaint.status not in rules.RESPOND_STATUSES:
        raise ValidationFailed(
            "complaint.transition",
            "Aduan yang sudah selesai, ditutup atau ditolak tidak dapat ditanggapi lagi.",
            {"status": complaint.status},
        )
    before = audit.snapshot(complaint, AUDIT_FIELDS)
    now = timezone.now()
    complaint.responded_at = complaint.responded_at or now
    if complaint.assigned_at is not None and complaint.followed_up_at is None:
        complaint.followed_up_at = now
    complaint.save()
    event = _event(complaint, EventKind.RESPONDED, now=now, actor=actor, message=text)
    _audit(actor, "respond", complaint, before)
    return event


@transaction.atomic
def complaint_rate(*, complaint: Complaint, rating: int, comment: str = "") -> Complaint:
    """The citizen's rating (1–5) of a resolved complaint; once only."""
    complaint = _lock(complaint)
    if complaint.status not in rules.RATE_STATUSES:
        raise ValidationFailed(
            "complaint.rate_status", "Aduan dapat dinilai setelah dinyatakan selesai."
        )
    if complaint.rating is not None:
        raise ValidationFailed("complaint.rated", "Aduan ini sudah dinilai.")
    if not isinstance(rating, int) or not rules.RATING_MIN <= rating <= rules.RATING_MAX:
        raise _invalid("complaint.rating", "Nilai harus 1 sampai 5.", "rating")
    text = _clean_text(comment)
    if len(text) > 1000:
        raise _invalid("complaint.too_long", "Komentar paling panjang 1000 karakter.", "comment")
    now = timezone.now()
    complaint.rating = rating
    complaint.rating_comment = text
    complaint.rated_at = now
    complaint.save(update_fields=["rating", "rating_comment", "rated_at"])
    _event(complaint, EventKind.RATED, now=now, message=f"{rating}/5")
    audit.record(actor="warga", action="complaint.rate", obj=complaint, after={"rating": rating})
    return complaint


@transaction.atomic
def complaint_contact_reveal(*, actor: Any, complaint: Complaint) -> tuple[str, str]:
    """The reporter's name and contact for an official who handles the complaint; every
    reveal is recorded in the audit trail (UU 27/2022: access to personal data is logged)."""
    if not access.may_act_on_complaint(actor, complaint, "respond"):
        raise PermissionDenied("Kontak pelapor hanya untuk petugas yang menangani aduan ini.")
    audit.record(actor=actor, action="complaint.contact_view", obj=complaint)
    return complaint.reporter_name, complaint.reporter_contact


# --- Escalation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EscalationSummary:
    response: int
    followup: int
    mails: int


def _unit_head_emails(unit: Unit | None, instansi_id: int) -> list[str]:
    """E-mail of the unit heads over `unit`; for the triage queue, of the moderators."""
    grants = RoleGrant.objects.filter(instansi_id=instansi_id).select_related("user", "unit")
    if unit is None:
        grants = grants.filter(role__in=[Role.MODERATOR, Role.ADMIN], unit__isnull=True)
        return sorted({g.user.email for g in grants if g.user.email and g.user.is_active})
    emails = {
        g.user.email
        for g in grants.filter(role=Role.UNIT_HEAD)
        if g.user.email
        and g.user.is_active
        and (g.unit is None or unit.path.startswith(g.unit.path))
    }
    return sorted(emails)


def _notify(complaint: Complaint, timer: str, recipients: list[str]) -> None:
    label = "tanggapan (1×24 jam)" if timer == "response" else "tindak lanjut (2×24 jam)"
    where = complaint.unit.name if complaint.unit else "antrean triase"
    body = (
        f"Aduan {complaint.tracking_display} ({complaint.category.name}) melewati batas waktu "
        f"{label} dan dieskalasi kepada pimpinan.\nUnit: {where}\n"
        f"Diterima: {timezone.localtime(complaint.received_at):%d-%m-%Y %H:%M}\n\n"
        "Mohon segera ditindaklanjuti melalui Penata."
    )
    send_mail(
        f"[Penata] Eskalasi aduan {complaint.tracking_display}",
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
        fail_silently=True,
    )


def complaints_escalate(*, instansi: Instansi | None = None) -> EscalationSummary:
    """Escalate every open complaint whose response or follow-up target has passed, once
    per timer: a timeline step, an audit event and an e-mail to the unit head (moderators
    for the triage queue). Safe to run as often as wanted (`penata complaints escalate`)."""
    now = timezone.now()
    counts = {"response": 0, "followup": 0}
    mails = 0
    candidates = Complaint.objects.filter(status__in=rules.OPEN_STATUSES)
    if instansi is not None:
        candidates = candidates.filter(instansi=instansi)
    timers = (
        ("response", "response_due_at", "responded_at", "response_escalated_at"),
        ("followup", "followup_due_at", "followed_up_at", "followup_escalated_at"),
    )
    for timer, due_field, done_field, mark_field in timers:
        ids = list(
            candidates.filter(
                **{
                    f"{due_field}__lt": now,
                    f"{done_field}__isnull": True,
                    f"{mark_field}__isnull": True,
                }
            ).values_list("pk", flat=True)
        )
        for pk in ids:
            with transaction.atomic():
                complaint = (
                    Complaint.objects.select_for_update(of=("self",))
                    .select_related("unit", "category")
                    .get(pk=pk)
                )
                if getattr(complaint, mark_field) is not None or complaint.status not in (
                    rules.OPEN_STATUSES
                ):
                    continue
                setattr(complaint, mark_field, now)
                complaint.save(update_fields=[mark_field])
                label = "tanggapan" if timer == "response" else "tindak lanjut"
                _event(
                    complaint,
                    EventKind.ESCALATED,
                    now=now,
                    message=f"Batas waktu {label} terlewati; dieskalasi kepada pimpinan unit.",
                    is_public=False,
                )
                audit.record(
                    actor="sistem",
                    action="complaint.escalate",
                    obj=complaint,
                    extra={"timer": timer},
                )
                recipients = _unit_head_emails(complaint.unit, complaint.instansi_id)
                if recipients:
                    mails += 1
                    transaction.on_commit(functools.partial(_notify, complaint, timer, recipients))
                counts[timer] += 1
    return EscalationSummary(counts["response"], counts["followup"], mails)
