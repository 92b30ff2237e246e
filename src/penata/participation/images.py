"""Complaint photos: accept real images only, within size limits, and strip their metadata.

A photo from a phone carries EXIF data — often the GPS position of the reporter's home and
the phone's serial number. Each upload is decoded with Pillow (so a renamed script or a
polyglot file is refused), turned upright, shrunk to at most `MAX_SIDE` pixels and encoded
again as a fresh JPEG that holds pixels only: no EXIF, XMP, ICC comments or thumbnails.
"""

from __future__ import annotations

import io
from typing import IO

from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError

from penata.core.errors import ValidationFailed

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs well before Pillow's own limit
MAX_SIDE = 1920
JPEG_QUALITY = 85


def max_bytes() -> int:
    return int(getattr(settings, "PENATA_COMPLAINT_PHOTO_MAX_BYTES", DEFAULT_MAX_BYTES))


def _refuse(code: str, message: str) -> ValidationFailed:
    return ValidationFailed(code, message, {"field": "photo"})


def clean_photo(stream: IO[bytes], size: int) -> bytes:
    """Return the photo re-encoded as a metadata-free JPEG, or ValidationFailed saying why."""
    limit = max_bytes()
    if size > limit:
        raise _refuse(
            "photo.too_large",
            f"Foto terlalu besar ({size // 1024} KB); paling besar {limit // (1024 * 1024)} MB.",
        )
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _refuse("photo.too_large", "Foto terlalu besar.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise _refuse("photo.format", "Foto harus berformat JPG, PNG, WEBP atau GIF.")
            if probe.width * probe.height > MAX_PIXELS:
                raise _refuse("photo.pixels", "Ukuran gambar terlalu besar (lebih dari 40 MP).")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.seek(0)
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            rgb = upright.convert("RGB")
            # A new image built from the pixels alone carries none of the original's info.
            clean = Image.new("RGB", rgb.size)
            clean.paste(rgb)
            out = io.BytesIO()
            clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    except ValidationFailed:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise _refuse("photo.not_image", "Berkas bukan gambar yang dapat dibaca.") from error
    return out.getvalue()
