"""A refused attachment names its size as the reader's language writes it: 1,5 MB in
Indonesian, 1.5 MB in English."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from penata.change.services import announcement_create
from penata.change.services.attachments import _size

PDF = b"%PDF-1.4\n%%EOF\n"


def _too_large() -> SimpleUploadedFile:
    return SimpleUploadedFile("Lampiran besar.pdf", PDF + b"0" * (1536 * 1024), "application/pdf")


@pytest.mark.django_db
def test_the_refusal_on_the_page_in_english_and_indonesian(city, settings, in_english):
    settings.PENATA_CHANGE_ATTACHMENT_MAX_BYTES = 1024 * 1024
    announcement = announcement_create(
        actor=city.admin, instansi=city.inst, title="Penggabungan bidang",
        body="Isi pengumuman.", target_unit=city.dinkes,
    )  # fmt: skip
    url = reverse("change:attachment_add", args=[announcement.pk])
    in_english.force_login(city.admin)
    indonesian_client = Client()
    indonesian_client.force_login(city.admin)

    english = in_english.post(url, {"attachments": [_too_large()]}, follow=True)
    indonesian = indonesian_client.post(url, {"attachments": [_too_large()]}, follow=True)

    assert "ukurannya 1.5 MB, melebihi batas 1 MB." in english.content.decode()
    assert "ukurannya 1,5 MB, melebihi batas 1 MB." in indonesian.content.decode()
    assert not announcement.attachments.exists()


@pytest.mark.parametrize(
    ("size", "indonesian", "english"),
    [
        (300 * 1024, "300 KB", "300 KB"),
        (1536, "1,5 KB", "1.5 KB"),
        (10 * 1024 * 1024, "10 MB", "10 MB"),
        (int(2.25 * 1024 * 1024), "2,3 MB", "2.3 MB"),  # half up
        (1500 * 1024 * 1024, "1.500 MB", "1,500 MB"),
    ],
)
def test_sizes_in_both_languages(size, indonesian, english):
    in_default = _size(size)
    with translation.override("en"):
        assert (in_default, _size(size)) == (indonesian, english)
