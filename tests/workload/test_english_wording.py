"""The ABK wording shown on pages (gap, rounding rule, PJ grade, PDF header) reads in English
when English is active; the CLI and the default stay Indonesian."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from penata.workload import selectors
from penata.workload.rules import (
    PERMENDAGRI_12_2008_BANDS,
    AbkConfig,
    PositionInput,
    Task,
    abk_compute,
    gap_text,
    rounding_rule_text,
)


def test_gap_words_in_english_with_plurals():
    with translation.override("en"):
        words = [gap_text(g) for g in (2, 1, 0, -1, -3)]

    assert words == [
        "Short by 2 people",
        "Short by 1 person",
        "Balanced",
        "Surplus of 1 person",
        "Surplus of 3 people",
    ]
    assert [gap_text(g) for g in (2, 0, -1)] == ["Kurang 2 orang", "Sesuai", "Lebih 1 orang"]


def test_rounding_rules_and_pj_grades_in_english():
    with translation.override("en"):
        rules = [
            rounding_rule_text(AbkConfig(rounding=rounding))
            for rounding in ("half_up", "ceil", "floor")
        ]
        threshold = rounding_rule_text(AbkConfig(rounding="threshold", round_up_from=D("0.3")))
        grades = [str(band.label) for band in PERMENDAGRI_12_2008_BANDS]
        result = abk_compute(
            [PositionInput("Analis", (Task("Laporan", D(10), "month", D(300)),), existing=1)]
        )
        computed = (result.rounding_rule, str(result.pj_label))

    assert rules == [
        "Rounded to the nearest whole number; fractions of 0.5 and above are rounded up.",
        "Any fraction is rounded up.",
        "Fractions are dropped (rounded down).",
    ]
    assert threshold == "Rounded up when the fraction is at least 0.3; otherwise down."
    assert grades == ["Very good", "Good", "Fair", "Moderate", "Poor"]
    # 10 × 12 × 300 = 36,000 minutes: EJ 0.48 → E.
    assert computed == (rules[0], "Poor")


def test_pdf_header_names_the_instansi_of_the_unit(world):
    world.instansi.name = "Pemerintah Kabupaten Contoh"
    world.instansi.save()
    with translation.override("en"):
        abk = selectors.unit_abk(world.analyst, world.root.id)
        html = render_to_string(
            "workload/report_pdf.html",
            {
                "abk": abk,
                "unit": abk.unit,
                "instansi": abk.unit.instansi,
                "place": "Contoh",
                "signed_on": abk.as_of,
                "wke": 75000,
            },
        )

    assert "Pemerintah Kabupaten Contoh" in html
    assert "Surakarta" not in html
    assert '<html lang="en">' in html
    assert "Rounded to the nearest whole number" in html
    assert '"Page " counter(page) " of " counter(pages)' in html


@pytest.mark.django_db
def test_unit_page_shows_english_rounding_rule(in_english, world):
    in_english.force_login(world.analyst)

    body = in_english.get(reverse("workload:unit", args=[world.root.id])).content.decode()

    assert "Rounded to the nearest whole number" in body
    assert "Dibulatkan ke bilangan bulat terdekat" not in body
