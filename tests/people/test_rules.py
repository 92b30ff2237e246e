"""Worked examples and properties of penata.people.rules (NIP, NIK, golongan, retirement)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penata.core import reference
from penata.people.rules import (
    DecodedNip,
    RuleError,
    ServiceLength,
    bup_age,
    golongan_for,
    mask_identifier,
    nip_mismatches,
    normalize_nip,
    parse_nik,
    parse_nip,
    retirement_date,
    service_length,
)

# A fixed "today" keeps every expected value stable whatever the date of the run.
TODAY = dt.date(2026, 1, 15)


def compose_nip(birth: dt.date, tmt: dt.date, sex: str, serial: int) -> str:
    return f"{birth:%Y%m%d}{tmt:%Y%m}{'1' if sex == 'L' else '2'}{serial:03d}"


def nip_error(raw: str, kind: str | None = None) -> str:
    with pytest.raises(RuleError) as caught:
        parse_nip(raw, kind=kind, today=TODAY)
    assert caught.value.message  # every refusal explains itself
    return caught.value.code


def nik_error(raw: str) -> str:
    with pytest.raises(RuleError) as caught:
        parse_nik(raw, today=TODAY)
    assert caught.value.message
    return caught.value.code


# --- NIP: worked examples (DOMAIN §1.1, §1.2) ------------------------------------------------


def test_parse_nip_decodes_the_domain_example_of_a_pns():
    decoded = parse_nip("19860926 201505 1 001", today=TODAY)

    assert decoded == DecodedNip(
        nip="198609262015051001",
        kind="PNS",
        birth_date=dt.date(1986, 9, 26),
        sex="L",
        serial=1,
        tmt_cpns=dt.date(2015, 5, 1),
    )
    assert decoded.as_dict() == {
        "valid": True,
        "kind": "PNS",
        "birth_date": "1986-09-26",
        "tmt_cpns": "2015-05-01",
        "sex": "L",
        "serial": 1,
    }


def test_parse_nip_decodes_a_woman_pns_with_a_higher_serial():
    decoded = parse_nip("199107142019032017", today=TODAY)

    assert (decoded.kind, decoded.birth_date, decoded.tmt_cpns, decoded.sex, decoded.serial) == (
        "PNS",
        dt.date(1991, 7, 14),
        dt.date(2019, 3, 1),
        "P",
        17,
    )


@pytest.mark.parametrize(
    ("raw", "birth", "sex", "serial"),
    [
        ("19950512 202521 2 042", dt.date(1995, 5, 12), "P", 42),
        ("19850814 202521 1 003", dt.date(1985, 8, 14), "L", 3),
    ],
)
def test_parse_nip_recognises_real_ni_pppk_by_their_21_month_field(raw, birth, sex, serial):
    decoded = parse_nip(raw, today=TODAY)

    assert decoded == DecodedNip(
        nip=normalize_nip(raw),
        kind="PPPK",
        birth_date=birth,
        sex=sex,
        serial=serial,
        appointment_year=2025,
    )
    assert decoded.tmt_cpns is None
    assert decoded.as_dict() == {
        "valid": True,
        "kind": "PPPK",
        "birth_date": birth.isoformat(),
        "appointment_year": 2025,
        "sex": sex,
        "serial": serial,
    }


def test_parse_nip_trusts_the_stated_kind_over_the_month_field():
    # An NI PPPK whose digits 13–14 happen to look like a month.
    decoded = parse_nip("199505122021042042", kind="pppk", today=TODAY)

    assert decoded.kind == "PPPK"
    assert decoded.appointment_year == 2021
    assert decoded.tmt_cpns is None
    assert parse_nip("199505122021042042", kind="pppk_pw", today=TODAY).kind == "PPPK"
    assert parse_nip("199505122021042042", kind="PPPK", today=TODAY).kind == "PPPK"


def test_parse_nip_accepts_the_separators_people_type():
    expected = parse_nip("198609262015051001", today=TODAY)

    for typed in ("19860926.201505.1.001", "19860926-201505-1-001", " 19860926\t201505 1 001 "):
        assert parse_nip(typed, today=TODAY) == expected


def test_parse_nip_accepts_an_appointment_on_the_eighteenth_birthday_month():
    decoded = parse_nip("19860901 200409 1 001", today=TODAY)

    assert decoded.tmt_cpns == dt.date(2004, 9, 1)


def test_parse_nip_accepts_a_tmt_planned_for_next_year():
    assert parse_nip("19990101 202703 1 001", today=TODAY).tmt_cpns == dt.date(2027, 3, 1)


# --- NIP: every refusal ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "kwargs", "code"),
    [
        ("", {}, "nip.empty"),
        ("   ", {}, "nip.empty"),
        (" . - ", {}, "nip.empty"),
        ("19860926 201505 1 OO1", {}, "nip.not_digits"),
        ("19860926/201505/1/001", {}, "nip.not_digits"),
        # Arabic-Indic digits pass str.isdigit() but are not a NIP.
        ("١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", {}, "nip.not_digits"),
        ("1986092620150510", {}, "nip.length"),
        ("1986092620150510011", {}, "nip.length"),
        ("19860230 201505 1 001", {}, "nip.birth_date"),  # 30 February
        ("19861301 201505 1 001", {}, "nip.birth_date"),  # month 13
        ("18991231 192001 1 001", {}, "nip.birth_date"),  # before 1900
        ("20260116 204401 1 001", {}, "nip.birth_date"),  # born after "today"
        ("19860926 201505 3 001", {}, "nip.sex_digit"),
        ("19860926 201505 0 001", {}, "nip.sex_digit"),
        ("19860926 201505 1 000", {}, "nip.serial"),
        ("19860926 201500 1 001", {}, "nip.tmt"),  # month 00
        ("19950512 202521 2 042", {"kind": "pns"}, "nip.tmt"),  # PNS month must be 1–12
        ("19950512 202521 2 042", {"kind": "cpns"}, "nip.tmt"),
        ("19860926 202801 1 001", {}, "nip.tmt"),  # TMT more than a year ahead
        ("19950512 202821 2 042", {}, "nip.tmt"),  # PPPK appointed in 2028
        ("19950512 189921 2 042", {"kind": "pppk"}, "nip.tmt"),  # PPPK year before 1900
        ("19860926 198601 1 001", {}, "nip.tmt_before_birth"),
        ("19860926 198609 1 001", {}, "nip.tmt_before_birth"),  # 1 Sep is before the 26th
        ("19950512 199021 2 042", {}, "nip.tmt_before_birth"),
        ("19860926 200409 1 001", {}, "nip.too_young"),  # 17 years 11 months
        ("19950512 201221 2 042", {}, "nip.too_young"),  # PPPK: 2012 − 1995 = 17
    ],
)
def test_parse_nip_refuses_with_a_stable_code(raw, kwargs, code):
    assert nip_error(raw, **kwargs) == code  # kwargs: the employee kind when stated


def test_parse_nip_reports_the_first_failure_in_digit_order():
    # Bad birth date, sex digit and serial at once: the birth date is named first.
    assert nip_error("19860230 201505 9 000") == "nip.birth_date"
    assert nip_error("19860926 201505 9 000") == "nip.sex_digit"


def test_parse_nip_messages_name_the_offending_digits():
    with pytest.raises(RuleError) as caught:
        parse_nip("1986092620150510", today=TODAY)
    assert caught.value.message == "NIP harus 18 digit, bukan 16 digit."

    with pytest.raises(RuleError) as caught:
        parse_nip("19860230 201505 1 001", today=TODAY)
    assert "19860230" in caught.value.message


def test_rule_error_is_a_value_error_carrying_code_and_message():
    error = RuleError("nip.empty", "NIP wajib diisi.")

    assert isinstance(error, ValueError)
    assert (error.code, error.message, str(error)) == (
        "nip.empty",
        "NIP wajib diisi.",
        "NIP wajib diisi.",
    )


# --- NIP: agreement with the stored record ---------------------------------------------------


def test_nip_mismatches_is_empty_when_the_record_agrees():
    decoded = parse_nip("19860926 201505 1 001", today=TODAY)

    assert nip_mismatches(decoded, birth_date=dt.date(1986, 9, 26), sex="L") == []
    assert nip_mismatches(decoded, birth_date=None, sex=None) == []
    assert nip_mismatches(decoded, birth_date=None, sex="") == []


def test_nip_mismatches_names_each_disagreement():
    decoded = parse_nip("19860926 201505 1 001", today=TODAY)

    errors = nip_mismatches(decoded, birth_date=dt.date(1986, 9, 27), sex="P")

    assert [e.code for e in errors] == ["nip.birth_date_mismatch", "nip.sex_mismatch"]
    assert errors[0].message == "Tanggal lahir 27-09-1986 tidak sesuai dengan NIP (26-09-1986)."
    assert errors[1].message == "Jenis kelamin P tidak sesuai dengan NIP (L)."
    assert [e.code for e in nip_mismatches(decoded, birth_date=None, sex="P")] == [
        "nip.sex_mismatch"
    ]


# --- NIK (DOMAIN §1.3) -----------------------------------------------------------------------


def test_parse_nik_decodes_a_woman_whose_birth_day_carries_plus_40():
    decoded = parse_nik("3372014509860001", today=TODAY)

    assert (decoded.province, decoded.regency, decoded.district) == ("33", "3372", "337201")
    assert decoded.birth_date == dt.date(1986, 9, 5)
    assert decoded.sex == "P"
    assert decoded.serial == 1


def test_parse_nik_decodes_a_man():
    decoded = parse_nik(" 3372022609860123 ", today=TODAY)

    assert decoded.nik == "3372022609860123"
    assert (decoded.birth_date, decoded.sex, decoded.serial) == (dt.date(1986, 9, 26), "L", 123)


@pytest.mark.parametrize(
    ("nik", "birth"),
    [
        ("3372021501050001", dt.date(2005, 1, 15)),  # two-digit year in this century
        ("3372021501260001", dt.date(2026, 1, 15)),  # born "today"
        ("3372021601260001", dt.date(1926, 1, 16)),  # "tomorrow" in 2026 means 1926
        ("3372021512260001", dt.date(1926, 12, 15)),
        ("3372027112950001", dt.date(1995, 12, 31)),  # woman born on the 31st: 71
        ("3372022902000001", dt.date(2000, 2, 29)),
    ],
)
def test_parse_nik_places_the_two_digit_year_in_the_latest_century_not_in_the_future(nik, birth):
    assert parse_nik(nik, today=TODAY).birth_date == birth


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "nik.empty"),
        ("  ", "nik.empty"),
        ("33720145O9860001", "nik.not_digits"),
        ("3372 0145 0986 0001", "nik.not_digits"),
        ("337201450986001", "nik.length"),
        ("33720145098600011", "nik.length"),
        ("1072014509860001", "nik.region"),  # province 10 does not exist
        ("9772014509860001", "nik.region"),  # nor 97
        ("3300014509860001", "nik.region"),  # kab/kota 00
        ("3372004509860001", "nik.region"),  # kecamatan 00
        ("3372013209860001", "nik.birth_date"),  # day 32
        ("3372014009860001", "nik.birth_date"),  # day 40 is neither a man's nor a woman's
        ("3372017209860001", "nik.birth_date"),  # woman's 32nd
        ("3372010013860001", "nik.birth_date"),  # day 00, month 13
        ("3372011513860001", "nik.birth_date"),  # month 13
        ("3372012902010001", "nik.birth_date"),  # 29 Feb 2001 / 1901 never existed
        ("3372012609860000", "nik.serial"),
    ],
)
def test_parse_nik_refuses_with_a_stable_code(raw, code):
    assert nik_error(raw) == code


# --- Masking ---------------------------------------------------------------------------------


def test_mask_identifier_keeps_the_region_and_the_last_two_digits():
    assert mask_identifier("3372014509860001") == "3372**********01"
    assert mask_identifier("198609262015051001") == "1986************01"
    assert mask_identifier("198609262015051001", keep_start=8, keep_end=3) == ("19860926*******001")


def test_mask_identifier_hides_short_values_entirely():
    assert mask_identifier("123456") == "******"
    assert mask_identifier("12345") == "*****"
    assert mask_identifier("") == ""
    assert mask_identifier("1234567") == "1234*67"


# --- Golongan (DOMAIN §2.1, §2.2) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "label", "code", "pangkat", "rank"),
    [
        ("pns", "I/a", "11", "Juru Muda", 1),
        ("pns", "III/a", "31", "Penata Muda", 9),
        ("cpns", "II/c", "23", "Pengatur", 7),
        ("pns", " IV/e ", "45", "Pembina Utama", 17),
        ("pppk", "I", "I", "", 1),
        ("pppk", "IX", "IX", "", 9),
        ("pppk_pw", "XVII", "XVII", "", 17),
    ],
)
def test_golongan_for_finds_the_golongan_of_the_employee_kind(kind, label, code, pangkat, rank):
    found = golongan_for(kind, label)

    assert (found.code, found.label, found.pangkat, found.rank) == (
        code,
        label.strip(),
        pangkat,
        rank,
    )


@pytest.mark.parametrize(
    ("kind", "label", "scheme"),
    [
        ("pns", "IX", "PNS (I/a … IV/e)"),
        ("cpns", "V/a", "PNS (I/a … IV/e)"),
        ("pns", "iii/a", "PNS (I/a … IV/e)"),
        ("pppk", "III/a", "PPPK (I … XVII)"),
        ("pppk_pw", "XVIII", "PPPK (I … XVII)"),
        ("pppk", "", "PPPK (I … XVII)"),
    ],
)
def test_golongan_for_refuses_a_golongan_of_the_other_scheme(kind, label, scheme):
    with pytest.raises(RuleError) as caught:
        golongan_for(kind, label)

    assert caught.value.code == "golongan.invalid"
    assert caught.value.message == (f"Golongan '{label}' tidak dikenal untuk pegawai {scheme}.")


def test_golongan_tables_have_17_ranks_each_in_order():
    assert [g.label for g in reference.PNS_GOLONGAN][::4] == [
        "I/a",
        "II/a",
        "III/a",
        "IV/a",
        "IV/e",
    ]
    assert [g.rank for g in reference.PNS_GOLONGAN] == list(range(1, 18))
    assert [g.rank for g in reference.PPPK_GOLONGAN] == list(range(1, 18))


# --- Retirement age and date (PP 11/2017 Pasal 239) ------------------------------------------


@pytest.mark.parametrize(
    ("kind", "jenjang", "age"),
    [
        ("jpt_utama", None, 60),
        ("jpt_madya", None, 60),
        ("jpt_pratama", None, 60),
        ("administrator", None, 58),
        ("pengawas", None, 58),
        ("pelaksana", None, 58),
        ("fungsional", "ahli_pertama", 58),
        ("fungsional", "ahli_muda", 58),
        ("fungsional", "ahli_madya", 60),
        ("fungsional", "ahli_utama", 65),
        ("fungsional", "pemula", 58),
        ("fungsional", "terampil", 58),
        ("fungsional", "mahir", 58),
        ("fungsional", "penyelia", 58),
        ("fungsional", None, 58),  # jenjang unknown: the general age
        ("fungsional", "ahli_super", 58),
        ("pelaksana", "ahli_utama", 58),  # a jenjang only counts for JF
        (None, None, 58),
        ("tidak_dikenal", None, 58),
    ],
)
def test_bup_age_for_each_position_kind_and_jenjang(kind, jenjang, age):
    assert bup_age(kind, jenjang) == age


def test_bup_age_reads_an_overriding_table():
    table = {"default": 56, "pelaksana": 57, "fungsional": 59, "fungsional:ahli_utama": 70}

    assert bup_age("pelaksana", table=table) == 57
    assert bup_age("fungsional", "ahli_utama", table=table) == 70
    assert bup_age("fungsional", "ahli_muda", table=table) == 59
    assert bup_age("administrator", table=table) == 56


@pytest.mark.parametrize(
    ("birth", "age", "retires"),
    [
        (dt.date(1968, 5, 17), 58, dt.date(2026, 6, 1)),
        (dt.date(1970, 12, 3), 58, dt.date(2029, 1, 1)),
        (dt.date(1970, 12, 31), 60, dt.date(2031, 1, 1)),
        (dt.date(1966, 1, 1), 60, dt.date(2026, 2, 1)),
        (dt.date(1964, 2, 29), 65, dt.date(2029, 3, 1)),
        (dt.date(1980, 11, 30), 58, dt.date(2038, 12, 1)),
    ],
)
def test_retirement_date_is_the_first_of_the_month_after_reaching_bup(birth, age, retires):
    assert retirement_date(birth, age) == retires


@pytest.mark.parametrize(
    ("tmt", "on", "years", "months"),
    [
        (dt.date(2015, 5, 1), dt.date(2026, 1, 15), 10, 8),
        (dt.date(2015, 5, 1), dt.date(2015, 5, 1), 0, 0),
        (dt.date(2015, 5, 1), dt.date(2016, 4, 30), 0, 11),
        (dt.date(2015, 5, 1), dt.date(2016, 5, 1), 1, 0),
        (dt.date(2015, 5, 15), dt.date(2015, 6, 14), 0, 0),
        (dt.date(2015, 5, 15), dt.date(2015, 6, 15), 0, 1),
        (dt.date(2015, 5, 1), dt.date(2014, 1, 1), 0, 0),  # not yet appointed
    ],
)
def test_service_length_counts_whole_years_and_months(tmt, on, years, months):
    assert service_length(tmt, on) == ServiceLength(years, months)


# --- Properties ------------------------------------------------------------------------------


@st.composite
def valid_nip_parts(draw: st.DrawFn) -> tuple[dt.date, dt.date, str, int]:
    birth = draw(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2007, 12, 31)))
    # First TMT month at which the employee is at least 18.
    earliest = dt.date(birth.year + 18, birth.month, 1)
    if birth.day > 1:
        earliest = dt.date(earliest.year + earliest.month // 12, earliest.month % 12 + 1, 1)
    months_after = draw(
        st.integers(
            min_value=0,
            max_value=(TODAY.year - earliest.year) * 12 + TODAY.month - earliest.month,
        )
    )
    total = earliest.year * 12 + earliest.month - 1 + months_after
    tmt = dt.date(total // 12, total % 12 + 1, 1)
    sex = draw(st.sampled_from(["L", "P"]))
    serial = draw(st.integers(min_value=1, max_value=999))
    return birth, tmt, sex, serial


@given(valid_nip_parts())
def test_any_valid_nip_round_trips_through_parse_nip(parts):
    birth, tmt, sex, serial = parts

    decoded = parse_nip(compose_nip(birth, tmt, sex, serial), today=TODAY)

    assert (decoded.kind, decoded.birth_date, decoded.tmt_cpns, decoded.sex, decoded.serial) == (
        "PNS",
        birth,
        tmt,
        sex,
        serial,
    )


@given(st.text(alphabet="0123456789", min_size=1, max_size=40).filter(lambda s: len(s) != 18))
def test_any_digit_string_not_18_long_fails_with_nip_length(digits):
    assert nip_error(digits) == "nip.length"


@given(st.text(max_size=30))
def test_parse_nip_either_decodes_or_raises_rule_error(raw):
    try:
        decoded = parse_nip(raw, today=TODAY)
    except RuleError as error:
        assert error.code.startswith("nip.")
    else:
        assert len(decoded.nip) == 18


@given(
    birth=st.dates(min_value=dt.date(TODAY.year - 99, 1, 1), max_value=TODAY),
    sex=st.sampled_from(["L", "P"]),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_a_nik_built_from_birth_date_and_sex_decodes_back(birth, sex, serial):
    day = birth.day + (40 if sex == "P" else 0)
    nik = f"337202{day:02d}{birth:%m%y}{serial:04d}"

    decoded = parse_nik(nik, today=TODAY)

    assert (decoded.birth_date, decoded.sex, decoded.serial, decoded.district) == (
        birth,
        sex,
        serial,
        "337202",
    )
