"""IKM results and complaint reports write numbers as the reader's language does: 87,88 and
100,0% in Indonesian, 87.88 and 100.0% in English."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from penata.participation.models import SkmResponse
from penata.participation.templatetags.participation_tags import decimal_id, hours, pct
from tests.participation.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def surveyed(world):
    """Three respondents for the KTP-el service: IKM 87.88, unit IKM 3.5150, U1 NRR 3.6667."""
    for i in range(3):
        SkmResponse.objects.create(
            instansi=world.inst, service=world.service, unit=world.capil, period="2026-T1",
            submitted_at=timezone.now(), **{f"u{n}": 3 + (i + n) % 2 for n in range(1, 10)},
        )  # fmt: skip
    return world


def _figures(html: str) -> tuple[str, str, str]:
    ikm = re.search(r"data-ikm>([^<]*)<", html)
    nrr = re.search(r'data-unsur="u1">.*?data-nrr>([^<]*)<', html, re.S)
    weighting = re.search(r"(\S+) \(PermenPAN-RB 14/2017\)", html)
    assert ikm and nrr and weighting
    return ikm.group(1), nrr.group(1), weighting.group(1)


def test_ikm_results_in_english_and_indonesian(surveyed, in_english):
    url = reverse("participation:results_service", args=[surveyed.service.pk])

    english = in_english.get(url).content.decode()
    indonesian = Client().get(url).content.decode()

    assert _figures(english) == ("87.88", "3.6667", "0.111")
    assert _figures(indonesian) == ("87,88", "3,6667", "0,111")


def test_complaint_report_percentages_in_english_and_indonesian(world, in_english):
    for _ in range(3):
        submit(world)
    in_english.force_login(world.users["admin"])
    indonesian_client = Client()
    indonesian_client.force_login(world.users["admin"])

    english = in_english.get(reverse("participation:report")).content.decode()
    indonesian = indonesian_client.get(reverse("participation:report")).content.decode()

    # Nothing finished, all three in process, none overdue.
    assert re.findall(r'class="stat-help">([^<]*%)<', english) == ["0.0%", "100.0%", "0.0%"]
    assert re.findall(r'class="stat-help">([^<]*%)<', indonesian) == ["0,0%", "100,0%", "0,0%"]


@pytest.mark.parametrize(
    ("text", "indonesian", "english"),
    [
        (lambda: pct(Decimal("87.5")), "87,5%", "87.5%"),
        (lambda: pct(None), "–", "–"),
        (lambda: decimal_id(Decimal("1234.5"), 2), "1.234,50", "1,234.50"),
        (lambda: decimal_id(3.14159, 4), "3,1416", "3.1416"),
        # Only the number: the unit after it is not in the catalogue yet.
        (lambda: hours(Decimal("2.5")).split()[0], "2,5", "2.5"),
    ],
)
def test_filters_in_both_languages(text, indonesian, english):
    in_default = text()
    with translation.override("en"):
        assert (in_default, text()) == (indonesian, english)
