"""Public consultations: open one, comment (anonymous or as a verified citizen), support,
report, official replies and answers, and moderation.

Anonymous comments follow the consultation's moderation mode (pre: shown after a moderator
approves; post: shown at once, moderators act afterwards); comments of verified citizens and
officials are shown at once. Hiding and restoring need a reason and are audited.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from penata.core import audit
from penata.core import markdown as markup
from penata.core.errors import PermissionDenied, ValidationFailed
from penata.org.models import Instansi, Unit
from penata.participation import access
from penata.participation.models import (
    Citizen,
    CommentReport,
    CommentSupport,
    Consultation,
    ForumComment,
)
from penata.participation.models.forums import (
    BODY_MAX,
    COMMENT_MAX,
    REASON_MAX,
    TITLE_MAX,
    AuthorKind,
    CommentStatus,
    ReportReason,
)
from penata.participation.safety import Client
from penata.participation.selectors.common import official_title

COMMENT_MIN = 3
CITIZEN_LINK_SALT = "penata.participation.citizen"
CITIZEN_LINK_MAX_AGE = 24 * 3600
CONSULTATION_FIELDS = ("unit", "title", "opens_at", "closes_at", "moderation", "is_published")


def _text(value: str) -> str:
    return "".join(ch for ch in value if ch in "\n\t" or ch >= " ").strip()


def _may_manage(actor: Any, instansi_id: int, unit: Unit | None) -> bool:
    if unit is None:
        return access.is_admin(actor, instansi_id)
    return access.manages_unit(actor, unit)


@transaction.atomic
def consultation_save(
    *,
    actor: Any,
    instansi: Instansi,
    unit: Unit | None,
    title: str,
    body: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    moderation: str,
    is_published: bool = True,
    consultation: Consultation | None = None,
) -> Consultation:
    """Open (or edit) a consultation of `unit` (None: the whole government, admin only)."""
    if unit is not None and unit.instansi_id != instansi.pk:
        raise PermissionDenied()
    if not _may_manage(actor, instansi.pk, unit):
        raise PermissionDenied("Konsultasi dibuka oleh pimpinan unit atau admin.")
    if consultation is not None and not _may_manage(actor, instansi.pk, consultation.unit):
        raise PermissionDenied()
    title = " ".join(title.split())
    body = _text(body)
    if not 5 <= len(title) <= TITLE_MAX:
        raise ValidationFailed("forum.title", "Judul 5–200 karakter.", {"field": "title"})
    if not 20 <= len(body) <= BODY_MAX:
        raise ValidationFailed("forum.body", "Uraian 20–20.000 karakter.", {"field": "body"})
    if closes_at <= opens_at:
        raise ValidationFailed(
            "forum.dates", "Tanggal tutup harus sesudah tanggal buka.", {"field": "closes_at"}
        )
    if moderation not in ("pre", "post"):
        raise ValidationFailed("forum.moderation", "Cara moderasi tidak dikenal.")
    values = {
        "unit": unit,
        "title": title,
        "body": body,
        "body_html": markup.render(body),
        "opens_at": opens_at,
        "closes_at": closes_at,
        "moderation": moderation,
        "is_published": is_published,
    }
    if consultation is None:
        consultation = Consultation.objects.create(instansi=instansi, created_by=actor, **values)
        audit.record(
            actor=actor,
            action="consultation.create",
            obj=consultation,
            after=audit.snapshot(consultation, CONSULTATION_FIELDS),
        )
        return consultation
    before = audit.snapshot(consultation, CONSULTATION_FIELDS)
    for field, value in values.items():
        setattr(consultation, field, value)
    consultation.save()
    audit.record(
        actor=actor,
        action="consultation.update",
        obj=consultation,
        before=before,
        after=audit.snapshot(consultation, CONSULTATION_FIELDS),
    )
    return consultation


def is_open(consultation: Consultation, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return consultation.is_published and consultation.opens_at <= now < consultation.closes_at


def _comment_text(body: str) -> str:
    text = _text(body)
    if len(text) < COMMENT_MIN:
        raise ValidationFailed("forum.comment_short", "Komentar terlalu pendek.", {"field": "body"})
    if len(text) > COMMENT_MAX:
        raise ValidationFailed(
            "forum.comment_long",
            f"Komentar paling panjang {COMMENT_MAX} karakter.",
            {"field": "body"},
        )
    return text


@transaction.atomic
def comment_post(
    *,
    consultation: Consultation,
    body: str,
    client: Client,
    citizen: Citizen | None = None,
    parent: ForumComment | None = None,
) -> ForumComment:
    """A citizen's comment (anonymous, or signed by a verified citizen account)."""
    if not is_open(consultation):
        raise ValidationFailed("forum.closed", "Konsultasi ini tidak sedang dibuka untuk komentar.")
    if parent is not None and (
        parent.consultation_id != consultation.pk or parent.status != CommentStatus.PUBLISHED
    ):
        raise ValidationFailed("forum.parent", "Komentar yang dibalas tidak ditemukan.")
    text = _comment_text(body)
    if citizen is not None and (citizen.verified_at is None or citizen.is_blocked):
        citizen = None  # an unverified or blocked account comments as anonymous
    if citizen is not None:
        kind, label, status = AuthorKind.CITIZEN, citizen.display_name, CommentStatus.PUBLISHED
    else:
        kind, label = AuthorKind.ANONYMOUS, "Warga"
        status = (
            CommentStatus.PENDING if consultation.moderation == "pre" else CommentStatus.PUBLISHED
        )
    comment = ForumComment.objects.create(
        instansi_id=consultation.instansi_id,
        consultation=consultation,
        parent=parent,
        body=text,
        body_html=markup.render(text, comment=True),
        author_kind=kind,
        author_label=label,
        citizen=citizen,
        status=status,
        device_hash=client.device_hash or client.fingerprint_hash,
        created_at=timezone.now(),
    )
    audit.record(
        actor=f"warga:{citizen.pk}" if citizen else "warga",
        action="forum.comment",
        obj=comment,
        after={"status": status, "author_kind": kind},
    )
    return comment


@transaction.atomic
def comment_reply_official(*, actor: Any, comment: ForumComment, body: str) -> ForumComment:
    """An official's reply, signed with the position title (shown at once)."""
    consultation = comment.consultation
    if not _may_manage(actor, consultation.instansi_id, consultation.unit):
        raise PermissionDenied(
            "Balasan resmi diberikan oleh pimpinan unit penyelenggara atau admin."
        )
    if comment.status != CommentStatus.PUBLISHED:
        raise ValidationFailed("forum.parent", "Hanya komentar yang tampil dapat dibalas.")
    text = _comment_text(body)
    reply = ForumComment.objects.create(
        instansi_id=consultation.instansi_id,
        consultation=consultation,
        parent=comment.parent or comment,
        body=text,
        body_html=markup.render(text, comment=True),
        author_kind=AuthorKind.OFFICIAL,
        author_label=official_title(actor, consultation.unit),
        official=actor,
        status=CommentStatus.PUBLISHED,
        created_at=timezone.now(),
    )
    audit.record(actor=actor, action="forum.reply", obj=reply, after={"parent": comment.pk})
    return reply


@transaction.atomic
def comment_mark_answer(*, actor: Any, comment: ForumComment, is_answer: bool) -> ForumComment:
    """Mark (or unmark) a published comment as the official answer of the thread."""
    consultation = comment.consultation
    if not _may_manage(actor, consultation.instansi_id, consultation.unit):
        raise PermissionDenied("Jawaban ditandai oleh pimpinan unit penyelenggara atau admin.")
    if comment.status != CommentStatus.PUBLISHED:
        raise ValidationFailed("forum.not_published", "Komentar belum tampil.")
    before = {"is_answer": comment.is_answer}
    comment.is_answer = is_answer
    comment.save(update_fields=["is_answer"])
    audit.record(
        actor=actor,
        action="forum.answer",
        obj=comment,
        before=before,
        after={"is_answer": is_answer},
    )
    return comment


MODERATION = {
    "approve": ({CommentStatus.PENDING}, CommentStatus.PUBLISHED, False),
    "hide": ({CommentStatus.PENDING, CommentStatus.PUBLISHED}, CommentStatus.HIDDEN, True),
    "restore": ({CommentStatus.HIDDEN}, CommentStatus.PUBLISHED, True),
}


@transaction.atomic
def comment_moderate(
    *, actor: Any, comment: ForumComment, action: str, reason: str = ""
) -> ForumComment:
    """approve a pending comment, hide one (reason required) or restore a hidden one
    (reason required). Moderators and admins only."""
    if not access.is_moderator(actor, comment.instansi_id):
        raise PermissionDenied("Moderasi hanya untuk moderator.")
    if action not in MODERATION:
        raise ValidationFailed("forum.moderation_action", "Tindakan moderasi tidak dikenal.")
    sources, target, needs_reason = MODERATION[action]
    comment = ForumComment.objects.select_for_update().get(pk=comment.pk)
    if comment.status not in sources:
        raise ValidationFailed(
            "forum.moderation_status",
            f"Komentar berstatus '{comment.get_status_display()}' tidak dapat di-{action}.",
        )
    text = " ".join(reason.split())
    if needs_reason and len(text) < 5:
        raise ValidationFailed(
            "forum.reason_required", "Tuliskan alasan moderasi.", {"field": "reason"}
        )
    if len(text) > REASON_MAX:
        raise ValidationFailed("forum.reason_long", "Alasan terlalu panjang.", {"field": "reason"})
    before = {"status": comment.status, "moderation_reason": comment.moderation_reason}
    comment.status = target
    comment.moderation_reason = text
    comment.moderated_by = actor
    comment.moderated_at = timezone.now()
    if action == "restore":
        comment.report_count = 0  # reports were judged: the comment stays
    comment.save()
    audit.record(
        actor=actor,
        action=f"forum.{action}",
        obj=comment,
        before=before,
        after={"status": target, "moderation_reason": text},
    )
    return comment


@transaction.atomic
def comment_support(*, comment: ForumComment, client: Client) -> bool:
    """+1 a published comment, once per device; False when this device already did."""
    key = client.device_hash or client.fingerprint_hash
    if comment.status != CommentStatus.PUBLISHED:
        raise ValidationFailed("forum.not_published", "Komentar tidak ditemukan.")
    try:
        with transaction.atomic():
            CommentSupport.objects.create(comment=comment, device_hash=key)
    except IntegrityError:
        return False
    ForumComment.objects.filter(pk=comment.pk).update(support_count=F("support_count") + 1)
    return True


@transaction.atomic
def comment_report(*, comment: ForumComment, reason: str, note: str, client: Client) -> bool:
    """Report a comment for abuse, once per device; it then appears in the moderation queue."""
    if reason not in ReportReason.values:
        raise ValidationFailed("forum.report_reason", "Pilih alasan laporan.", {"field": "reason"})
    if comment.status == CommentStatus.HIDDEN:
        return False
    key = client.device_hash or client.fingerprint_hash
    try:
        with transaction.atomic():
            CommentReport.objects.create(
                comment=comment,
                reason=reason,
                note=" ".join(note.split())[:REASON_MAX],
                device_hash=key,
            )
    except IntegrityError:
        return False
    ForumComment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    audit.record(actor="warga", action="forum.report", obj=comment, after={"reason": reason})
    return True


# --- Light citizen accounts --------------------------------------------------------------------


def citizen_link_token(citizen: Citizen) -> str:
    return signing.dumps(
        {"c": citizen.pk, "n": citizen.login_nonce}, salt=CITIZEN_LINK_SALT, compress=True
    )


@transaction.atomic
def citizen_request_link(
    *, instansi: Instansi, email: str, display_name: str, link_for: Any
) -> None:
    """Send a one-time sign-in link to `email` (account made on first use).

    `link_for(token) -> absolute URL`. Says nothing about whether the address was known.
    """
    address = email.strip().lower()
    try:
        validate_email(address)
    except ValidationError as error:
        raise ValidationFailed(
            "citizen.email", "Alamat e-mail tidak sah.", {"field": "email"}
        ) from error
    name = " ".join(display_name.split())
    if not 2 <= len(name) <= 60:
        raise ValidationFailed(
            "citizen.name", "Nama tampilan 2–60 karakter.", {"field": "display_name"}
        )
    citizen = Citizen.objects.select_for_update().filter(instansi=instansi, email=address).first()
    nonce = secrets.token_hex(16)
    if citizen is None:
        citizen = Citizen.objects.create(
            instansi=instansi, email=address, display_name=name, login_nonce=nonce
        )
    else:
        if citizen.is_blocked:
            return
        citizen.login_nonce = nonce
        if citizen.verified_at is None:
            citizen.display_name = name
        citizen.save(update_fields=["login_nonce", "display_name"])
    link = link_for(citizen_link_token(citizen))
    body = (
        f"Halo {citizen.display_name},\n\nKlik tautan ini untuk masuk ke forum konsultasi publik "
        f"{instansi.name} (berlaku 24 jam, sekali pakai):\n\n{link}\n\n"
        "Abaikan pesan ini bila Anda tidak memintanya."
    )
    transaction.on_commit(
        lambda: send_mail("Tautan masuk forum konsultasi publik", body, None, [address])
    )
    audit.record(actor="warga", action="citizen.link", obj=citizen)


@transaction.atomic
def citizen_verify(*, token: str) -> Citizen:
    """Use a sign-in link: verify the account and invalidate the link."""
    try:
        data = signing.loads(token, salt=CITIZEN_LINK_SALT, max_age=CITIZEN_LINK_MAX_AGE)
    except signing.BadSignature as error:
        raise ValidationFailed(
            "citizen.link_invalid", "Tautan tidak sah atau sudah kedaluwarsa. Minta tautan baru."
        ) from error
    citizen = Citizen.objects.select_for_update().filter(pk=data.get("c")).first()
    if citizen is None or citizen.is_blocked or citizen.login_nonce != data.get("n"):
        raise ValidationFailed(
            "citizen.link_invalid", "Tautan tidak sah atau sudah dipakai. Minta tautan baru."
        )
    citizen.login_nonce = secrets.token_hex(16)
    citizen.verified_at = citizen.verified_at or timezone.now()
    citizen.save(update_fields=["login_nonce", "verified_at"])
    audit.record(actor=f"warga:{citizen.pk}", action="citizen.verify", obj=citizen)
    return citizen
