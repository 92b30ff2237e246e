"""Reads of announcement attachments: whoever may read the announcement may read its files."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from penata.change.models import Announcement, AnnouncementAttachment
from penata.change.selectors import announcement_read_get
from penata.core.errors import NotFound


def attachment_list(announcement: Announcement) -> QuerySet[AnnouncementAttachment]:
    return AnnouncementAttachment.objects.filter(announcement=announcement).order_by(
        "uploaded_at", "id"
    )


def attachment_get_for(actor: Any, pk: int) -> AnnouncementAttachment:
    """An attachment of an announcement the actor reads: as a recipient of the published
    announcement, or as one who follows it up (404 otherwise)."""
    found = AnnouncementAttachment.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound("lampiran")
    try:
        announcement, _mine = announcement_read_get(actor, found.announcement_id)
    except NotFound:
        raise NotFound("lampiran") from None
    found.announcement = announcement
    return found
