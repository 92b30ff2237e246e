"""Stream a stored upload to a reader the owning app's getter has already let in.

Uploaded files live under MEDIA_ROOT and are never served by URL: every download goes
through a view that fetches the owner with its `<thing>_get_for(actor, id)` and then calls
`file_response`. Only the types listed here are named to the browser; anything else (HTML,
SVG, scripts) is sent as opaque bytes, always as an attachment.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from django.db.models.fields.files import FieldFile
from django.http import FileResponse

from penata.core.errors import NotFound

# Types a browser may be told; others go out as application/octet-stream.
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".csv": "text/csv",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".zip": "application/zip",
}
# Raster images a page may show in <img>; SVG is not among them (it can carry scripts).
INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/webp"})
OCTET_STREAM = "application/octet-stream"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]+')
MAX_NAME = 150


def safe_filename(name: str, *, fallback: str = "berkas", suffix: str = "") -> str:
    """A file name fit for Content-Disposition: no directories, quotes or control characters,
    at most MAX_NAME characters, and ending in `suffix` (the stored file's extension)."""
    base = PurePosixPath(name.replace("\\", "/")).name
    base = unicodedata.normalize("NFC", base)
    base = _UNSAFE.sub("_", base).strip(" ._") or fallback
    if suffix and not base.lower().endswith(suffix.lower()):
        base += suffix
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem or len(ext) > 10:
        return base[:MAX_NAME]
    return f"{stem[: MAX_NAME - len(ext) - 1]}.{ext}"


def content_type_for(name: str) -> str:
    return CONTENT_TYPES.get(PurePosixPath(name).suffix.lower(), OCTET_STREAM)


def file_response(
    field_file: FieldFile | None,
    *,
    download_name: str | None = None,
    inline_images: bool = False,
    what: str = "berkas",
) -> FileResponse:
    """Stream `field_file` as an attachment named `download_name` (else its stored name).

    Raises NotFound when the field is empty or the file is gone from storage. With
    `inline_images`, PNG/JPEG/WebP are sent inline so that a staff page can show them; every
    other type is always an attachment. The response is private and never sniffed.
    """
    if not field_file or not field_file.name:
        raise NotFound(what)
    stored = str(field_file.name)
    suffix = PurePosixPath(stored).suffix.lower()
    filename = safe_filename(download_name or stored, suffix=suffix)
    try:
        stream = field_file.storage.open(stored, "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise NotFound(what) from None
    content_type = content_type_for(stored)
    as_attachment = not (inline_images and content_type in INLINE_TYPES)
    response = FileResponse(
        stream, as_attachment=as_attachment, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # Should a browser render it after all, it runs nothing and reaches nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
