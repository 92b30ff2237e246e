"""ABK numbers are written as the reader's language does: 186.060 and 2,4808 in Indonesian,
186,060 and 2.4808 in English (see the hand-computed world in conftest.py)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from penata.workload.rules import AbkConfig, rounding_rule_text
from penata.workload.templatetags.workload_tags import num


@pytest.mark.django_db
def test_unit_page_numbers_in_english_and_indonesian(in_english, world):
    url = reverse("workload:unit", args=[world.root.id])
    in_english.force_login(world.analyst)
    english = in_english.get(url).content.decode()
    indonesian_client = Client()
    indonesian_client.force_login(world.analyst)
    indonesian = indonesian_client.get(url).content.decode()

    # Need 1.08 (4 places), total need 2.4808, total workload 186,060 minutes, WKE 75,000.
    for text in ("1.0800", "2.4808", "186,060", "75,000"):
        assert text in english
    for text in ("1,0800", "2,4808", "186.060", "75.000"):
        assert text in indonesian
        assert text not in english


def test_threshold_of_the_rounding_rule_in_both_languages():
    config = AbkConfig(rounding="threshold", round_up_from=D("0.250"))

    indonesian = rounding_rule_text(config)
    with translation.override("en"):
        english = rounding_rule_text(config)

    assert indonesian == "Dibulatkan ke atas bila pecahan paling sedikit 0,25; selain itu ke bawah."
    assert english == "Rounded up when the fraction is at least 0.25; otherwise down."


@pytest.mark.parametrize(
    ("value", "places", "indonesian", "english"),
    [
        (D("1234.56785"), 4, "1.234,5679", "1,234.5679"),
        (D("0.5"), 0, "1", "1"),
        ("-2.345", 2, "-2,35", "-2.35"),
        (None, 2, "–", "–"),
        ("", 0, "–", "–"),
    ],
)
def test_num_filter_rounds_half_up_in_both_languages(value, places, indonesian, english):
    in_default = num(value, places)
    with translation.override("en"):
        assert (in_default, num(value, places)) == (indonesian, english)
