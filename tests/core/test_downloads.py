"""`penata.core.downloads.file_response`: private, never sniffed, attachment unless a raster
image is asked inline; empty or vanished files are NotFound."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.fields.files import FieldFile

from penata.core.downloads import file_response, safe_filename
from penata.core.errors import NotFound

FIELD = models.FileField(upload_to="uji/")


def stored(name: str, content: bytes) -> FieldFile:
    saved = default_storage.save(name, ContentFile(content))
    return FieldFile(None, FIELD, saved)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_streams_the_bytes_as_a_named_private_attachment():
    field_file = stored("uji/bukti.pdf", b"%PDF-1.4 isi")

    response = file_response(field_file, download_name="Laporan Januari.pdf")

    assert body(response) == b"%PDF-1.4 isi"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Laporan Januari.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_html_and_svg_go_out_as_opaque_attachments_even_when_images_are_inline():
    for name in ("uji/halaman.html", "uji/gambar.svg"):
        response = file_response(stored(name, b"<script>alert(1)</script>"), inline_images=True)
        body(response)
        assert response["Content-Type"] == "application/octet-stream", name
        assert response["Content-Disposition"].startswith("attachment;"), name


def test_raster_images_are_inline_only_when_asked():
    photo = stored("uji/foto.jpg", b"\xff\xd8\xff\xe0jpeg")

    inline = file_response(photo, inline_images=True)
    attached = file_response(photo)

    assert inline["Content-Type"] == "image/jpeg"
    assert inline["Content-Disposition"].startswith("inline;")
    assert attached["Content-Disposition"].startswith("attachment;")
    assert body(inline) == body(attached) == b"\xff\xd8\xff\xe0jpeg"


def test_the_download_name_cannot_smuggle_paths_quotes_or_headers():
    field_file = stored("uji/x.pdf", b"%PDF")

    response = file_response(field_file, download_name='../../etc/pa"ss\r\nX-Evil: 1.pdf')
    body(response)

    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert disposition == 'attachment; filename="pa_ss_X-Evil_ 1.pdf"'


def test_a_name_without_extension_takes_the_stored_one():
    assert safe_filename("Sertifikat Latsar", suffix=".pdf") == "Sertifikat Latsar.pdf"
    assert safe_filename("", suffix=".png") == "berkas.png"
    assert safe_filename("sertifikat-LATSAR.2024", suffix=".pdf") == "sertifikat-LATSAR.2024.pdf"
    assert safe_filename("Laporan.PDF", suffix=".pdf") == "Laporan.PDF"
    assert safe_filename("a" * 300 + ".xlsx").endswith("a.xlsx")
    assert len(safe_filename("a" * 300 + ".xlsx")) == 150


def test_the_stored_extension_decides_the_type_whatever_the_name_says():
    response = file_response(stored("uji/nakal.html", b"<html>"), download_name="surat.pdf")
    body(response)

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="surat.pdf.html"'


def test_unknown_types_answer_octet_stream_with_the_original_name():
    response = file_response(stored("uji/catatan.exe", b"MZ"), download_name="catatan.exe")
    body(response)

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="catatan.exe"'


def test_non_ascii_names_are_encoded_for_the_header():
    response = file_response(stored("uji/s.pdf", b"%PDF"), download_name="Surat Keputusan ñ.pdf")
    body(response)

    assert "filename*=utf-8''Surat%20Keputusan%20%C3%B1.pdf" in response["Content-Disposition"]


def test_an_empty_field_or_a_vanished_file_is_not_found():
    gone = stored("uji/hilang.pdf", b"%PDF")
    default_storage.delete(gone.name)

    with pytest.raises(NotFound):
        file_response(FieldFile(None, FIELD, ""))
    with pytest.raises(NotFound):
        file_response(None)
    with pytest.raises(NotFound) as refused:
        file_response(gone, what="lampiran")
    assert refused.value.message == "Data tidak ditemukan (lampiran)."
