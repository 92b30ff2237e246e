"""Attach files to a draft announcement and take them off again.

Only PDF, DOCX, XLSX, PPTX, PNG and JPG are accepted, each checked by its first bytes as well
as its name, up to PENATA_CHANGE_ATTACHMENT_MAX_BYTES (10 MiB unless set). A refused upload
saves nothing: every file is checked before the first is stored. Once published, an
announcement's attachments stay as its recipients received them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from penata.change import access
from penata.change.errors import ChangeError
from penata.change.models import Announcement, AnnouncementAttachment
from penata.core.audit import record, snapshot
from penata.core.downloads import safe_filename
from penata.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from penata.core.numbers import format_number

# Extension -> how such a file begins (Office Open XML files are ZIP archives).
ALLOWED = {
    "pdf": b"%PDF",
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "pptx": b"PK\x03\x04",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
}
ALLOWED_LABEL = "PDF, DOCX, XLSX, PPTX, PNG, JPG"
MAX_BYTES_DEFAULT = 10 * 1024 * 1024
MAX_FILES = 10
FIELDS = ("announcement", "original_name", "size")


def max_bytes() -> int:
    return int(getattr(settings, "PENATA_CHANGE_ATTACHMENT_MAX_BYTES", MAX_BYTES_DEFAULT))


def _size(size: int) -> str:
    """1,5 MB / 300 KB in Indonesian, 1.5 MB / 300 KB in English (one decimal at most)."""
    value, unit = (size / 1048576, "MB") if size >= 1048576 else (size / 1024, "KB")
    return format_number(value, 1, trim=True) + f" {unit}"


def _snapshot(row: AnnouncementAttachment) -> dict[str, Any]:
    return {**snapshot(row, FIELDS), "file": row.file.name}


def may_edit_attachments(actor: Any, announcement: Announcement) -> bool:
    """The author, or admin/org_analyst of the instansi, while the announcement is a draft."""
    if announcement.is_published() or not access.can_compose(actor):
        return False
    return announcement.created_by_id == getattr(actor, "pk", None) or access.composes_whole(
        actor, announcement.instansi_id
    )


def _require_editor(actor: Any, announcement: Announcement) -> None:
    if announcement.is_published():
        raise ApplicationError(
            ChangeError.ATTACHMENT_LOCKED,
            "Lampiran tidak dapat diubah setelah pengumuman terbit.",
        )
    if not may_edit_attachments(actor, announcement):
        raise PermissionDenied("Hanya penyusun pengumuman yang dapat mengubah lampirannya.")


def attachment_check(upload: UploadedFile[Any]) -> None:
    """Refuse a file of another type, whose content does not match its name, or too large."""
    name = upload.name or ""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ALLOWED:
        raise ValidationFailed(
            ChangeError.ATTACHMENT_TYPE,
            f"Berkas «{name}» tidak dapat dilampirkan: jenis berkas tidak diizinkan "
            f"(hanya {ALLOWED_LABEL}).",
            {"file": name},
        )
    limit = max_bytes()
    if upload.size is None or upload.size > limit:
        raise ValidationFailed(
            ChangeError.ATTACHMENT_TOO_LARGE,
            f"Berkas «{name}» tidak dapat dilampirkan: ukurannya {_size(upload.size or 0)}, "
            f"melebihi batas {_size(limit)}.",
            {"file": name, "limit": limit},
        )
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(ALLOWED[suffix]):
        raise ValidationFailed(
            ChangeError.ATTACHMENT_TYPE,
            f"Berkas «{name}» tidak dapat dilampirkan: isinya tidak sesuai dengan jenis "
            f"berkas .{suffix}.",
            {"file": name},
        )


@transaction.atomic
def attachments_add(
    *, actor: Any, announcement: Announcement, files: Sequence[UploadedFile[Any]]
) -> list[AnnouncementAttachment]:
    """Attach `files` to a draft; every file is checked before any is stored."""
    _require_editor(actor, announcement)
    if not files:
        return []
    present = AnnouncementAttachment.objects.filter(announcement=announcement).count()
    if present + len(files) > MAX_FILES:
        raise ValidationFailed(
            ChangeError.ATTACHMENT_LIMIT,
            f"Satu pengumuman paling banyak {MAX_FILES} lampiran "
            f"(sudah ada {present}, ditambah {len(files)}).",
        )
    for upload in files:
        attachment_check(upload)
    rows: list[AnnouncementAttachment] = []
    try:
        for upload in files:
            row = AnnouncementAttachment(
                instansi_id=announcement.instansi_id,
                announcement=announcement,
                original_name=safe_filename(upload.name or "", fallback="lampiran"),
                size=upload.size or 0,
                uploaded_by=actor,
            )
            row.file.save(upload.name or "lampiran", upload, save=False)
            rows.append(row)
            row.save()
            record(
                actor=actor,
                action="change.attachment.add",
                obj=row,
                after=_snapshot(row),
            )
    except BaseException:
        # The rows roll back with the transaction; the stored files would not.
        for row in rows:
            row.file.delete(save=False)
        raise
    return rows


@transaction.atomic
def attachment_remove(*, actor: Any, attachment: AnnouncementAttachment) -> None:
    """Take a file off a draft; the stored file goes once the removal is committed."""
    _require_editor(actor, attachment.announcement)
    before = _snapshot(attachment)
    storage, name = attachment.file.storage, attachment.file.name
    record(actor=actor, action="change.attachment.remove", obj=attachment, before=before)
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
