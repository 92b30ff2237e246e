"""The file input of announcement attachments, with the accepted types and the size limit."""

from __future__ import annotations

from typing import Any

from django import template

from penata.change.services import attachments
from penata.change.views_attachments import FIELD

register = template.Library()


@register.inclusion_tag("change/_attachment_input.html")
def attachment_input(input_id: str = "attachments") -> dict[str, Any]:
    return {
        "name": FIELD,
        "input_id": input_id,
        "accept": ",".join(f".{suffix}" for suffix in attachments.ALLOWED),
        "types": attachments.ALLOWED_LABEL,
        "max_mb": attachments.max_bytes() // (1024 * 1024),
        "max_files": attachments.MAX_FILES,
    }
