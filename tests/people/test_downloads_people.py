"""A correction request's attachment: for the employee who asked and the admin who decides,
404 for every other account, sign-in for anonymous visitors; linked from both pages."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from penata.people.services_corrections import correction_request_create
from tests.accounts.world import build_world

PDF = b"%PDF-1.4\n% surat keterangan\n%%EOF\n"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def signed_in():
    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def correction(world):
    return correction_request_create(
        actor=world.users["employee"], employee=world.target, field="phone",
        new_value="081399990000", reason="Nomor lama sudah tidak aktif sejak 2024.",
        attachment=SimpleUploadedFile("Surat Keterangan Operator.pdf", PDF, "application/pdf"),
    )  # fmt: skip


def test_the_requester_and_the_admin_download_the_attachment(world, signed_in, correction):
    url = reverse("privacy:correction_attachment", args=[correction.pk])

    for role in ("employee", "admin"):
        response = signed_in(world.users[role]).get(url)
        assert response.status_code == 200, role
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            'attachment; filename="Surat Keterangan Operator.pdf"'
        )
        assert response["X-Content-Type-Options"] == "nosniff"


def test_every_other_account_gets_404_and_anonymous_signs_in(world, signed_in, correction):
    url = reverse("privacy:correction_attachment", args=[correction.pk])

    for role in ("supervisor", "unit_head_in", "org_analyst", "auditor", "moderator"):
        assert signed_in(world.users[role]).get(url).status_code == 404, role
    assert signed_in(world.bystander).get(url).status_code == 404
    assert signed_in(world.foreign_admin).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))


def test_a_vanished_file_is_404(world, signed_in, correction):
    correction.attachment.storage.delete(correction.attachment.name)

    response = signed_in(world.users["admin"]).get(
        reverse("privacy:correction_attachment", args=[correction.pk])
    )

    assert response.status_code == 404


def test_the_pages_link_the_attachment_by_name(world, signed_in, correction):
    url = reverse("privacy:correction_attachment", args=[correction.pk])
    admin = signed_in(world.users["admin"])

    pages = [
        signed_in(world.users["employee"]).get(reverse("privacy:my_data")),
        admin.get(reverse("privacy:correction_queue")),
        admin.get(reverse("privacy:correction_detail", args=[correction.pk])),
    ]

    for page in pages:
        html = page.content.decode()
        assert url in html
        assert "Surat Keterangan Operator.pdf" in html
        assert "bi-paperclip" in html
        assert correction.attachment.name not in html
