"""The performance dashboard writes shares and curve limits as the reader's language does:
77,8% in Indonesian, 77.8% in English."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from penata.performance.models import OrgPredikat, Skp
from penata.performance.services import skp as skp_services
from penata.performance.templatetags.performance_tags import number


@pytest.fixture
def curve_broken(city):
    """Organisational predikat Baik; of nine staff seven are Baik (77.8%, above the 70% cap)
    and two Sangat Baik (22.2%)."""
    OrgPredikat.objects.create(instansi=city.inst, unit=city.dinas, year=2026, predikat="baik")
    staff = ["kabid", "kasi", "agus", "dewi", "nina", "budi", "rina", "fajar", "eko"]
    for who, predikat in zip(staff, ["baik"] * 7 + ["sangat_baik"] * 2, strict=True):
        skp = skp_services.skp_create(actor=city.users[who], employee=city.people[who], year=2026)
        Skp.objects.filter(pk=skp.pk).update(predikat=predikat)
    return city


def _shares_and_warning(html: str) -> tuple[list[str], str]:
    table = re.search(r'id="predikat-table".*?</table>', html, re.S)
    warning = re.search(r'data-code="kurva.baik.baik_max">([^<]*)<', html)
    assert table and warning
    return re.findall(r'<td class="text-end">([^<]*%)</td>', table.group()), warning.group(1)


@pytest.mark.django_db
def test_dashboard_shares_in_english_and_indonesian(curve_broken, in_english):
    in_english.force_login(curve_broken.users["kadis"])
    english = in_english.get(reverse("performance:dashboard")).content.decode()
    indonesian_client = Client()
    indonesian_client.force_login(curve_broken.users["kadis"])
    indonesian = indonesian_client.get(reverse("performance:dashboard")).content.decode()

    shares, warning = _shares_and_warning(english)
    assert shares == ["22.2%", "77.8%", "0%", "0%", "0%"]
    assert warning.endswith("paling banyak 70%; saat ini 77.8% (7 dari 9 pegawai).")
    shares, warning = _shares_and_warning(indonesian)
    assert shares == ["22,2%", "77,8%", "0%", "0%", "0%"]
    assert warning.endswith("paling banyak 70%; saat ini 77,8% (7 dari 9 pegawai).")


@pytest.mark.parametrize(
    ("value", "indonesian", "english"),
    [
        (Decimal("1200.50"), "1.200,5", "1,200.5"),
        (Decimal("12.00"), "12", "12"),
        ("-0.25", "-0,25", "-0.25"),
        (None, "—", "—"),
    ],
)
def test_number_filter_in_both_languages(value, indonesian, english):
    in_default = number(value)
    with translation.override("en"):
        assert (in_default, number(value)) == (indonesian, english)
