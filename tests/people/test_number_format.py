"""A refused import names the file size as the reader's language writes it: 1,5 MB in
Indonesian, 1.5 MB in English."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from penata.people.models import ImportJob
from tests.factories import RoleGrantFactory

pytestmark = pytest.mark.django_db


def _too_large() -> SimpleUploadedFile:
    return SimpleUploadedFile("pegawai.csv", b"x" * (1536 * 1024))


def test_an_oversize_import_in_english_and_indonesian(in_english, instansi, settings):
    settings.PENATA_IMPORT_MAX_BYTES = 1024 * 1024
    admin = RoleGrantFactory(role="admin", instansi=instansi).user
    in_english.force_login(admin)
    indonesian_client = Client()
    indonesian_client.force_login(admin)
    url = reverse("people:import_home")

    english = in_english.post(url, {"kind": "units", "file": _too_large()})
    indonesian = indonesian_client.post(url, {"kind": "units", "file": _too_large()})

    assert english.status_code == indonesian.status_code == 400
    assert "Berkas terlalu besar (1.5 MB); batasnya 1 MB." in english.content.decode()
    assert "Berkas terlalu besar (1,5 MB); batasnya 1 MB." in indonesian.content.decode()
    assert ImportJob.objects.count() == 0
