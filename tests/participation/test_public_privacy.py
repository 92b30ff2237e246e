"""No personal data on public pages or public API responses; rate limits, honeypot and
tracking codes that cannot be guessed or enumerated."""

from __future__ import annotations

import re

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from penata.participation import tracking
from penata.participation.models import Complaint
from penata.participation.services import complaints as services
from tests.participation.conftest import REPORTER_CONTACT, REPORTER_NAME, submit

pytestmark = pytest.mark.django_db
EMAIL = "sutrisno.pelapor@example.com"
# What legitimately differs between two renders: the per-request CSRF mask, and the language
# switch echoing back the address the client itself asked for.
CSRF = re.compile(
    rb'"X-CSRFToken": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"|name="next" type="hidden" value="[^"]*"'
)


@pytest.fixture
def handled(world):
    """One complaint through its whole life, one in triage, both with the reporter's contact."""
    c = submit(world, reporter_contact=EMAIL, service=world.service)
    c = services.complaint_verify(
        actor=world.users["moderator"], complaint=c, assign_to=world.capil
    )
    c = services.complaint_act(actor=world.users["kadis_capil"], complaint=c, action="start")
    services.complaint_respond(
        actor=world.users["kadis_capil"], complaint=c,
        message="Petugas kami akan menghubungi Anda.",
    )  # fmt: skip
    c = services.complaint_act(
        actor=world.users["kadis_capil"],
        complaint=c,
        action="resolve",
        message="KTP-el sudah dicetak.",
    )
    services.complaint_rate(complaint=c, rating=5, comment="Terima kasih")
    other = submit(world)
    return [c, other]


def _public_urls(world, complaints):
    pages = [
        reverse("participation:index"),
        reverse("participation:catalog"),
        reverse("participation:service_detail", args=[world.service.pk]),
        reverse("participation:results_index"),
        reverse("participation:results_service", args=[world.service.pk]),
        reverse("participation:results_unit", args=[world.capil.pk]),
        reverse("participation:unit_public", args=[world.capil.pk]),
        reverse("participation:unit_public", args=[world.pu.pk]),
        reverse("participation:forum_list"),
        reverse("participation:complaint_lookup"),
        "/api/v1/public/services",
        f"/api/v1/public/services/{world.service.pk}",
        f"/api/v1/public/services/{world.service.pk}/ikm",
        f"/api/v1/public/units/{world.capil.pk}/accountability",
        "/api/v1/public/consultations",
        "/api/v1/public/kelurahan",
        "/api/v1/public/complaint-categories",
    ]
    for c in complaints:
        pages.append(reverse("participation:complaint_status", args=[c.tracking_code]))
        pages.append(f"/api/v1/public/complaints/{c.tracking_code}")
        pages.append(f"/api/v1/public/complaints/{tracking.display(c.tracking_code)}")
    return pages


def test_no_public_page_or_api_response_holds_the_reporters_contact(
    client, world, handled, settings
):
    settings.PENATA_RATE_LIMITS = "lookup=1000/60"
    forbidden = [
        REPORTER_CONTACT.encode(),
        REPORTER_CONTACT.replace("-", "").encode(),
        REPORTER_NAME.encode(),
        EMAIL.encode(),
        b"Bambang",  # the head of DPUPR: officials appear by position title only
        world.kadis_employee.nip.encode(),
    ]
    for url in _public_urls(world, handled):
        response = client.get(url)
        assert response.status_code == 200, url
        for secret in forbidden:
            assert secret not in response.content, (url, secret)


def test_the_photo_is_staff_only(client, world):
    complaint = submit(world)
    Complaint.objects.filter(pk=complaint.pk).update(photo="aduan/x.jpg")

    response = client.get(reverse("participation:complaint_photo", args=[complaint.pk]))

    assert response.status_code == 302  # to the login page
    status = client.get(reverse("participation:complaint_status", args=[complaint.tracking_code]))
    assert b"aduan/x.jpg" not in status.content and b"/foto/" not in status.content


def test_tracking_codes_are_random_and_well_formed():
    codes = {tracking.new_code() for _ in range(5000)}

    assert len(codes) == 5000
    assert all(tracking.is_well_formed(c) for c in codes)
    assert all(set(c) <= set(tracking.ALPHABET) for c in codes)
    assert not set("01ILO") & set(tracking.ALPHABET)
    assert len(tracking.ALPHABET) ** tracking.BODY_LENGTH > 10**17


def test_check_character_catches_every_typo_and_swap():
    code = tracking.new_code()
    for i in range(tracking.CODE_LENGTH):
        for ch in tracking.ALPHABET:
            if ch != code[i]:
                assert not tracking.is_well_formed(code[:i] + ch + code[i + 1 :])
    for i in range(tracking.CODE_LENGTH - 1):
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
        if swapped != code:
            assert not tracking.is_well_formed(swapped)


def test_codes_are_read_in_any_case_and_grouping(client, world):
    complaint = submit(world)
    typed = tracking.display(complaint.tracking_code).lower().replace("-", " ")

    response = client.get(reverse("participation:complaint_lookup"), {"kode": typed})

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "participation:complaint_status", args=[complaint.tracking_code]
    )


def test_unknown_codes_get_byte_identical_pages(client, world):
    real = submit(world).tracking_code
    wrong_check = real[:-1] + ("2" if real[-1] != "2" else "3")
    candidates = ["NOPE", "ZZZZ-ZZZZ-ZZZZ-Z", wrong_check, "2222-2222-2222-2", "<script>"]

    lookups = {
        CSRF.sub(b"", client.get(reverse("participation:complaint_lookup"), {"kode": c}).content)
        for c in candidates
    }
    statuses = {
        CSRF.sub(b"", client.get(reverse("participation:complaint_status", args=[c])).content)
        for c in candidates
        if "<" not in c
    }
    codes = {
        client.get(reverse("participation:complaint_status", args=[c])).status_code
        for c in candidates[:4]
    }

    assert len(lookups) == 1
    assert statuses == lookups
    assert codes == {404}


def test_lookups_are_rate_limited(world):
    client = HttpClient(REMOTE_ADDR="203.0.113.7")
    url = reverse("participation:complaint_lookup")
    answers = [
        client.get(url, {"kode": f"AAAA-AAAA-AAAA-{ch}"}).status_code
        for ch in "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    ]

    assert answers[:30] == [404] * 30
    assert answers[30] == 429
    blocked = client.get(url, {"kode": "AAAA"})
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    other = HttpClient(REMOTE_ADDR="203.0.113.8")
    assert other.get(url, {"kode": "AAAA"}).status_code == 404


def test_complaint_submissions_are_rate_limited_and_configurable(world, settings):
    client = HttpClient(REMOTE_ADDR="198.51.100.20")
    data = {
        "category": world.categories["lainnya"].pk,
        "kelurahan": world.bumi.pk,
        "description": "Pohon tumbang menutup separuh jalan di depan balai kelurahan.",
    }
    statuses = [
        client.post(reverse("participation:complaint_new"), data).status_code for _ in range(6)
    ]

    assert statuses == [302] * 5 + [429]
    assert Complaint.objects.count() == 5
    settings.PENATA_RATE_LIMITS = "complaint=100/600"
    assert client.post(reverse("participation:complaint_new"), data).status_code == 302


def test_honeypot_refuses_and_stores_nothing(client, world):
    response = client.post(
        reverse("participation:complaint_new"),
        {
            "category": world.categories["lainnya"].pk,
            "kelurahan": world.bumi.pk,
            "description": "Beli obat murah di situs kami, diskon besar hari ini saja.",
            "website": "http://obat-murah.example",
        },
    )

    assert response.status_code == 422
    assert Complaint.objects.count() == 0


def test_length_limits(client, world):
    response = client.post(
        reverse("participation:complaint_new"),
        {
            "category": world.categories["lainnya"].pk,
            "kelurahan": world.bumi.pk,
            "description": "x" * 3001,
        },
    )

    assert response.status_code == 422
    assert Complaint.objects.count() == 0
