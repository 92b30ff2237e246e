"""`format_number` writes numbers as the active language does (1.234,5 / 1,234.5), and the
Indonesian way when Django is not set up; the import-size messages of spreadsheets follow it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from decimal import Decimal as D

import pytest
from django.utils import translation
from django.utils.formats import get_format

from penata.core.errors import ApplicationError
from penata.core.numbers import format_number
from penata.core.spreadsheets.reading import open_table

CASES = [
    # value, places, trim, Indonesian, English
    (1234567, None, False, "1.234.567", "1,234,567"),
    (0, None, False, "0", "0"),
    (999, None, False, "999", "999"),
    (1000, None, False, "1.000", "1,000"),
    (-1234, None, False, "-1.234", "-1,234"),
    (D("1234.5"), None, False, "1.234,5", "1,234.5"),
    (D("84.50"), None, False, "84,50", "84.50"),
    (D("0.111"), None, False, "0,111", "0.111"),
    (D("-1234567.891"), 2, False, "-1.234.567,89", "-1,234,567.89"),
    (D("2.345"), 2, False, "2,35", "2.35"),  # half up, not to even
    (D("-2.345"), 2, False, "-2,35", "-2.35"),  # away from zero
    (D("2.5"), 0, False, "3", "3"),
    (D("1234.5"), 0, False, "1.235", "1,235"),
    (7, 2, False, "7,00", "7.00"),
    (D("1E+3"), None, False, "1.000", "1,000"),
    (D("-0.04"), 1, False, "0,0", "0.0"),  # no "-0,0"
    (0.1, None, False, "0,1", "0.1"),
    (2.675, 2, False, "2,68", "2.68"),  # a float is taken as it prints
    (1.25, 1, False, "1,3", "1.3"),
    (1e20, None, False, "100.000.000.000.000.000.000", "100,000,000,000,000,000,000"),
    (D("12.50"), None, True, "12,5", "12.5"),
    (D("3.000"), None, True, "3", "3"),
    (D("1.2E+3"), None, True, "1.200", "1,200"),
    (1.04, 1, True, "1", "1"),
    (D("1234.56"), 1, True, "1.234,6", "1,234.6"),
]


@pytest.mark.parametrize(("value", "places", "trim", "indonesian", "english"), CASES)
def test_numbers_in_indonesian_and_english(value, places, trim, indonesian, english):
    in_default = format_number(value, places, trim=trim)
    with translation.override("en"):
        in_english = format_number(value, places, trim=trim)

    assert (in_default, in_english) == (indonesian, english)
    assert type(in_default) is str and type(in_english) is str  # not Django's SafeString


@pytest.mark.parametrize("use_thousand_separator", [False, True])
def test_thousands_are_grouped_whatever_the_setting(settings, use_thousand_separator):
    settings.USE_THOUSAND_SEPARATOR = use_thousand_separator

    assert format_number(D("12345.6")) == "12.345,6"
    with translation.override("en"):
        assert format_number(D("12345.6")) == "12,345.6"


def test_the_format_modules_of_both_languages_give_the_separators(settings):
    separators = {
        code: (get_format("THOUSAND_SEPARATOR", code), get_format("DECIMAL_SEPARATOR", code))
        for code, _name in settings.LANGUAGES
    }

    assert settings.LANGUAGE_CODE == "id"
    assert separators == {"id": (".", ","), "en": (",", ".")}


@pytest.mark.parametrize("value", [True, "12", None, 1 + 2j])
def test_only_numbers_are_formatted(value):
    with pytest.raises(TypeError):
        format_number(value)


@pytest.mark.parametrize(
    ("value", "places"), [(float("nan"), None), (float("inf"), 2), (D("NaN"), 1), (D(1), -1)]
)
def test_non_finite_numbers_and_negative_places_are_refused(value, places):
    with pytest.raises(ValueError):
        format_number(value, places)


SCRIPT = textwrap.dedent(
    """
    from decimal import Decimal
    from penata.core.numbers import format_number
    from penata.participation.rules import SkmConfig, weighting_text
    from penata.performance.rules import distribution_violations
    print(format_number(Decimal("-1234567.891"), 2))
    print(format_number(1234.5, 0), format_number(Decimal("84.50"), trim=True))
    print(distribution_violations("baik", ["baik"] * 3)[0].message)
    """
)


@pytest.mark.parametrize("settings_module", [None, "penata.config.settings"])
def test_without_django_set_up_numbers_are_indonesian(settings_module):
    """A plain script (no settings, or settings named but Django not set up) gets the
    Indonesian way instead of an error."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    if settings_module:
        env["DJANGO_SETTINGS_MODULE"] = settings_module

    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=False
    )

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "-1.234.567,89"
    assert lines[1] == "1.235 84,5"
    assert lines[2].endswith("saat ini 100,0% (3 dari 3 pegawai).")


@pytest.fixture
def big_file(settings, tmp_path):
    """A 1.5 MiB csv against a 1 MiB limit."""
    settings.PENATA_IMPORT_MAX_BYTES = 1024 * 1024
    path = tmp_path / "pegawai.csv"
    path.write_bytes(b"nip;nama\n" + b"x" * (3 * 512 * 1024 - 9))
    return path


def test_a_too_large_spreadsheet_names_its_size_in_the_reader_s_language(big_file):
    with pytest.raises(ApplicationError) as indonesian:
        open_table(big_file)
    with translation.override("en"), pytest.raises(ApplicationError) as english:
        open_table(big_file)

    assert indonesian.value.message.startswith("Berkas terlalu besar (1,5 MB); batasnya 1 MB.")
    assert english.value.message.startswith("Berkas terlalu besar (1.5 MB); batasnya 1 MB.")


def test_the_helper_imports_nothing_from_django_until_it_writes_a_number():
    script = (
        "import sys; import penata.core.numbers; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}

    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )

    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr
