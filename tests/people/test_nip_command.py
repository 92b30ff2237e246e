"""`penata nip`: decode a NIP from the command line (call_command and the installed script)."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

PENATA = Path(sys.executable).with_name("penata")


def run_nip(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("nip", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_output_is_the_decoded_nip():
    out, _ = run_nip("19860926 201505 1 001", "--format", "json")

    assert json.loads(out) == {
        "valid": True,
        "kind": "PNS",
        "birth_date": "1986-09-26",
        "tmt_cpns": "2015-05-01",
        "sex": "L",
        "serial": 1,
    }


def test_nip_may_be_given_as_separate_groups_and_kind_in_capitals():
    out, _ = run_nip("19950512", "202521", "2", "042", "--kind", "PPPK", "--format", "json")

    assert json.loads(out) == {
        "valid": True,
        "kind": "PPPK",
        "birth_date": "1995-05-12",
        "appointment_year": 2025,
        "sex": "P",
        "serial": 42,
    }


def test_text_output_is_an_indonesian_summary_with_age_and_service_length():
    out, _ = run_nip("198609262015051001", "--on", "2026-01-15")

    assert out.splitlines() == [
        "NIP 19860926 201505 1 001 sah — PNS",
        "  Tanggal lahir : 26 September 1986",
        "  TMT CPNS      : 1 Mei 2015",
        "  Jenis kelamin : Laki-laki",
        "  Nomor urut    : 1",
        "  Usia          : 39 tahun 3 bulan (per 15 Januari 2026)",
        "  Masa kerja    : 10 tahun 8 bulan",
    ]


def test_text_output_of_an_ni_pppk_gives_the_appointment_year():
    out, _ = run_nip("19850814 202521 1 003", "--on", "2026-08-14")

    assert out.splitlines() == [
        "NI PPPK 19850814 202521 1 003 sah — PPPK",
        "  Tanggal lahir      : 14 Agustus 1985",
        "  Tahun pengangkatan : 2025",
        "  Jenis kelamin      : Laki-laki",
        "  Nomor urut         : 3",
        "  Usia               : 41 tahun 0 bulan (per 14 Agustus 2026)",
        "  Masa kerja         : ± 1 tahun (bulan TMT ada pada SK pengangkatan)",
    ]


def test_text_output_before_the_tmt_says_service_has_not_started():
    out, _ = run_nip("19860926 201505 1 001", "--on", "2015-04-30")

    assert out.splitlines()[-1] == "  Masa kerja    : belum mulai (TMT 1 Mei 2015)"


def test_invalid_nip_writes_the_json_refusal_and_fails_with_status_1():
    out = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("nip", "19860230 201505 1 001", "--format", "json", stdout=out)

    assert caught.value.returncode == 1
    assert json.loads(out.getvalue()) == {
        "valid": False,
        "code": "nip.birth_date",
        "message": "Digit 1–8 NIP (19860230) bukan tanggal lahir yang sah (format TTTTBBHH).",
    }


def test_invalid_nip_in_text_format_raises_the_message_with_its_code():
    out = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("nip", "1986", stdout=out)

    assert str(caught.value) == "NIP harus 18 digit, bukan 4 digit. [nip.length]"
    assert out.getvalue() == ""


def test_installed_script_exits_0_with_json_on_stdout():
    result = subprocess.run(
        [str(PENATA), "nip", "19860926 201505 1 001", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tmt_cpns"] == "2015-05-01"


def test_installed_script_exits_1_with_json_on_stdout_and_message_on_stderr():
    result = subprocess.run(
        [str(PENATA), "nip", "19860926 201505 3 001", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "valid": False,
        "code": "nip.sex_digit",
        "message": "Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan 3.",
    }
    assert "nip.sex_digit" in result.stderr
