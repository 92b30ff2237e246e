"""The complaint photo: shown to staff who may read the complaint, 404 for other staff, and
never reachable from the public status page or the public API."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from penata.participation import tracking
from penata.participation.services import complaints as services
from tests.participation.conftest import submit

pytestmark = pytest.mark.django_db
# The photo as the service stores it: already re-encoded to JPEG without metadata.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"


@pytest.fixture
def complaint(world):
    c = submit(world, service=world.service, photo=JPEG)
    return services.complaint_verify(
        actor=world.users["moderator"], complaint=c, assign_to=world.capil
    )


def get(world, username: str, url: str):
    client = Client()
    client.force_login(world.users[username])
    return client.get(url)


def test_staff_who_read_the_complaint_see_the_photo(world, complaint):
    url = reverse("participation:complaint_photo", args=[complaint.pk])

    for username in ("kadis_capil", "moderator", "admin", "auditor"):
        response = get(world, username, url)
        assert response.status_code == 200, username
        assert b"".join(response.streaming_content) == JPEG
        assert response["Content-Type"] == "image/jpeg"
        assert response["Content-Disposition"] == (
            f'inline; filename="foto-aduan-{complaint.pk}.jpg"'
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"


def test_other_staff_get_404_others_403_and_anonymous_signs_in(world, complaint):
    url = reverse("participation:complaint_photo", args=[complaint.pk])

    assert get(world, "kadis_pu", url).status_code == 404
    assert get(world, "nobody", url).status_code == 403
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))


def test_a_complaint_without_photo_or_with_a_vanished_file_is_404(world, complaint):
    url = reverse("participation:complaint_photo", args=[complaint.pk])
    complaint.photo.storage.delete(complaint.photo.name)
    assert get(world, "admin", url).status_code == 404

    plain = submit(world)
    assert get(world, "admin", reverse("participation:complaint_photo", args=[plain.pk])).status_code == 404  # fmt: skip


def test_the_staff_page_shows_the_photo_through_the_checked_view(world, complaint):
    page = get(world, "kadis_capil", reverse("participation:complaint_detail", args=[complaint.pk]))

    html = page.content.decode()
    assert reverse("participation:complaint_photo", args=[complaint.pk]) in html
    assert complaint.photo.name not in html and "/media/" not in html


def test_the_public_status_page_and_api_never_expose_the_photo(world, complaint):
    photo_url = reverse("participation:complaint_photo", args=[complaint.pk])
    stored = complaint.photo.name
    public = Client()

    pages = [
        public.get(reverse("participation:complaint_status", args=[complaint.tracking_code])),
        public.get(f"/api/v1/public/complaints/{complaint.tracking_code}"),
        public.get(f"/api/v1/public/complaints/{tracking.display(complaint.tracking_code)}"),
    ]

    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        assert photo_url not in body and stored not in body
        assert "/media/" not in body and "/foto/" not in body
    api = json.loads(pages[1].content)
    assert not any("photo" in key or "foto" in key for key in api)
