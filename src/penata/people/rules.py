"""Identifier and career rules: NIP and NI PPPK, NIK, golongan, retirement date.

Pure functions (no Django import). Each refusal carries a stable code and an Indonesian
message; `docs/glossary.md` explains the identifiers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from penata.core import reference

# Minimum age at first appointment as CPNS/PPPK: 18 years (PP 11/2017 Pasal 23) [C].
MIN_APPOINTMENT_AGE = 18


class RuleError(ValueError):
    """A rule refused a value: `code` is stable, `message` is Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class DecodedNip:
    nip: str
    kind: Literal["PNS", "PPPK"]
    birth_date: dt.date
    sex: Literal["L", "P"]
    serial: int
    tmt_cpns: dt.date | None = None  # PNS only: first appointment as CPNS, day always 1
    appointment_year: int | None = None  # PPPK only: year of first appointment

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"valid": True, "kind": self.kind}
        out["birth_date"] = self.birth_date.isoformat()
        if self.kind == "PNS":
            assert self.tmt_cpns is not None
            out["tmt_cpns"] = self.tmt_cpns.isoformat()
        else:
            out["appointment_year"] = self.appointment_year
        out["sex"] = self.sex
        out["serial"] = self.serial
        return out


def normalize_nip(raw: str) -> str:
    """Drop the spaces and dots people type between NIP groups (`19860926 201505 1 001`)."""
    stripped = raw.strip()
    if stripped.isdigit():  # the common case: nothing to drop (bench/bench_nip.py)
        return stripped
    return "".join(ch for ch in stripped if ch not in " .\t-")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def parse_nip(raw: str, *, kind: str | None = None, today: dt.date | None = None) -> DecodedNip:
    """Decode an 18-digit NIP (PNS) or NI PPPK, or raise RuleError with the first failure.

    `kind` is the employee kind (pns, cpns, pppk, pppk_pw) when known; without it a
    month field above 12 marks an NI PPPK (real NI PPPK carry `21` there, DOMAIN §1.2).
    """
    today = today or dt.date.today()
    nip = normalize_nip(raw)
    if not nip:
        raise RuleError("nip.empty", "NIP wajib diisi.")
    if not nip.isascii() or not nip.isdigit():
        raise RuleError("nip.not_digits", "NIP hanya boleh berisi angka.")
    if len(nip) != 18:
        raise RuleError("nip.length", f"NIP harus 18 digit, bukan {len(nip)} digit.")

    birth = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None or birth.year < 1900 or birth > today:
        raise RuleError(
            "nip.birth_date",
            f"Digit 1–8 NIP ({nip[0:8]}) bukan tanggal lahir yang sah (format TTTTBBHH).",
        )

    sex_digit = nip[14]
    if sex_digit not in "12":
        raise RuleError(
            "nip.sex_digit",
            f"Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan {sex_digit}.",
        )
    sex: Literal["L", "P"] = "L" if sex_digit == "1" else "P"

    serial = int(nip[15:18])
    if serial == 0:
        raise RuleError("nip.serial", "Nomor urut NIP (digit 16–18) tidak boleh 000.")

    year, month = int(nip[8:12]), int(nip[12:14])
    # Accept the kind as stored ("pppk") or as displayed ("PPPK").
    kind = kind.strip().lower() if kind else None
    is_pppk = kind in ("pppk", "pppk_pw") if kind else month > 12
    if is_pppk:
        if year < 1900 or year > today.year + 1:
            raise RuleError(
                "nip.tmt",
                f"Tahun pengangkatan pada NI PPPK ({nip[8:12]}) tidak masuk akal.",
            )
        if year < birth.year:
            raise RuleError(
                "nip.tmt_before_birth", "Tahun pengangkatan pada NI PPPK sebelum tahun lahir."
            )
        if year - birth.year < MIN_APPOINTMENT_AGE:
            raise RuleError(
                "nip.too_young",
                f"Pada tahun pengangkatan {year} pegawai belum berusia "
                f"{MIN_APPOINTMENT_AGE} tahun.",
            )
        return DecodedNip(nip, "PPPK", birth, sex, serial, appointment_year=year)

    tmt = _date(year, month, 1) if 1 <= month <= 12 else None
    if tmt is None or year < 1900 or tmt > dt.date(today.year + 1, 12, 31):
        raise RuleError(
            "nip.tmt",
            f"Digit 9–14 NIP ({nip[8:14]}) bukan TMT CPNS yang sah (format TTTTBB).",
        )
    if tmt <= birth:
        raise RuleError("nip.tmt_before_birth", "TMT CPNS pada NIP tidak boleh sebelum lahir.")
    if _age_on(birth, tmt) < MIN_APPOINTMENT_AGE:
        raise RuleError(
            "nip.too_young",
            f"Pada TMT CPNS {tmt:%m/%Y} pegawai belum berusia {MIN_APPOINTMENT_AGE} tahun.",
        )
    return DecodedNip(nip, "PNS", birth, sex, serial, tmt_cpns=tmt)


def nip_mismatches(
    decoded: DecodedNip, *, birth_date: dt.date | None, sex: str | None
) -> list[RuleError]:
    """The stored birth date and sex must agree with what the NIP encodes."""
    errors: list[RuleError] = []
    if birth_date is not None and birth_date != decoded.birth_date:
        errors.append(
            RuleError(
                "nip.birth_date_mismatch",
                f"Tanggal lahir {birth_date:%d-%m-%Y} tidak sesuai dengan NIP "
                f"({decoded.birth_date:%d-%m-%Y}).",
            )
        )
    if sex and sex != decoded.sex:
        errors.append(
            RuleError(
                "nip.sex_mismatch",
                f"Jenis kelamin {sex} tidak sesuai dengan NIP ({decoded.sex}).",
            )
        )
    return errors


# ---------------------------------------------------------------------------------------------
# NIK (Nomor Induk Kependudukan), UU 23/2006 jo. UU 24/2013 [C]


@dataclass(frozen=True)
class DecodedNik:
    nik: str
    province: str
    regency: str  # kab/kota, e.g. "3372" = Kota Surakarta
    district: str  # kecamatan of first registration, e.g. "337202"
    birth_date: dt.date
    sex: Literal["L", "P"]
    serial: int


def parse_nik(raw: str, *, today: dt.date | None = None) -> DecodedNik:
    """Decode a 16-digit NIK; women's birth day is stored +40 (the NIK rule, not NIP's)."""
    today = today or dt.date.today()
    nik = raw.strip()
    if not nik:
        raise RuleError("nik.empty", "NIK wajib diisi.")
    if not nik.isascii() or not nik.isdigit():
        raise RuleError("nik.not_digits", "NIK hanya boleh berisi angka.")
    if len(nik) != 16:
        raise RuleError("nik.length", f"NIK harus 16 digit, bukan {len(nik)} digit.")
    if not 11 <= int(nik[0:2]) <= 96 or nik[2:4] == "00" or nik[4:6] == "00":
        raise RuleError("nik.region", "Kode wilayah pada NIK (digit 1–6) tidak sah.")
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex: Literal["L", "P"] = "L"
    if day > 40:
        day -= 40
        sex = "P"
    # Two-digit year: the latest century that does not put the birth in the future.
    birth = _date(2000 + yy, month, day)
    if birth is None or birth > today:
        birth = _date(1900 + yy, month, day)
    if birth is None or birth > today:
        raise RuleError(
            "nik.birth_date",
            f"Digit 7–12 NIK ({nik[6:12]}) bukan tanggal lahir yang sah (HHBBTT, perempuan HH+40).",
        )
    serial = int(nik[12:16])
    if serial == 0:
        raise RuleError("nik.serial", "Nomor urut NIK (digit 13–16) tidak boleh 0000.")
    return DecodedNik(nik, nik[0:2], nik[0:4], nik[0:6], birth, sex, serial)


def mask_identifier(value: str, *, keep_start: int = 4, keep_end: int = 2) -> str:
    """`3372014509860001` → `3372**********01`: enough to recognise, not to reuse."""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    hidden = len(value) - keep_start - keep_end
    return value[:keep_start] + "*" * hidden + value[len(value) - keep_end :]


# ---------------------------------------------------------------------------------------------
# Golongan and retirement


def golongan_for(kind: str, label: str) -> reference.Golongan:
    """Look up a golongan valid for the employee kind, or raise RuleError `golongan.invalid`."""
    table = (
        reference.PNS_GOLONGAN_BY_LABEL
        if kind in reference.PNS_LIKE_KINDS
        else reference.PPPK_GOLONGAN_BY_LABEL
    )
    found = table.get(label.strip())
    if found is None:
        scheme = "PNS (I/a … IV/e)" if kind in reference.PNS_LIKE_KINDS else "PPPK (I … XVII)"
        raise RuleError(
            "golongan.invalid", f"Golongan '{label}' tidak dikenal untuk pegawai {scheme}."
        )
    return found


def bup_age(
    position_kind: str | None,
    jf_jenjang: str | None = None,
    *,
    table: Mapping[str, int] | None = None,
) -> int:
    """Retirement age (batas usia pensiun) for a position kind and JF jenjang (PP 11/2017)."""
    rules = table or reference.BUP_DEFAULT
    if position_kind == "fungsional" and jf_jenjang:
        key = f"fungsional:{jf_jenjang}"
        if key in rules:
            return rules[key]
    if position_kind and position_kind in rules:
        return rules[position_kind]
    return rules["default"]


def retirement_date(birth_date: dt.date, age: int) -> dt.date:
    """TMT pensiun: the first day of the month after the employee reaches `age`.

    PNS stop at the end of the month in which they reach BUP; the pension starts on the
    first of the next month (PP 11/2017 Pasal 239; BKN practice).
    """
    year = birth_date.year + age
    month = birth_date.month + 1
    if month == 13:
        year, month = year + 1, 1
    return dt.date(year, month, 1)


@dataclass(frozen=True)
class ServiceLength:
    years: int
    months: int


def service_length(tmt: dt.date, on: dt.date) -> ServiceLength:
    """Masa kerja from TMT to `on` in whole years and months."""
    months = (on.year - tmt.year) * 12 + (on.month - tmt.month) - (on.day < tmt.day)
    months = max(months, 0)
    return ServiceLength(months // 12, months % 12)
