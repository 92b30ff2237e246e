"""`penata nip NIP`: decode a NIP or NI PPPK and say what it encodes (or why it is invalid)."""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import formats, timezone, translation

from penata.core import reference
from penata.people.rules import DecodedNip, RuleError, parse_nip, service_length


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ArgumentTypeError(f"'{value}' bukan tanggal TTTT-BB-HH.") from error


def _grouped(nip: str) -> str:
    """`198609262015051001` → `19860926 201505 1 001`, the way NIPs are written."""
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"


def _long_date(day: dt.date) -> str:
    return formats.date_format(day, "j F Y")


def describe(decoded: DecodedNip, *, on: dt.date) -> list[str]:
    """The decoded NIP as readable Indonesian lines, with age and service length on `on`."""
    age = service_length(decoded.birth_date, on)
    label = "NIP" if decoded.kind == "PNS" else "NI PPPK"
    rows: list[tuple[str, str]] = [("Tanggal lahir", _long_date(decoded.birth_date))]
    if decoded.tmt_cpns is not None:
        rows.append(("TMT CPNS", _long_date(decoded.tmt_cpns)))
    else:
        rows.append(("Tahun pengangkatan", str(decoded.appointment_year)))
    rows += [
        ("Jenis kelamin", reference.SEXES[decoded.sex]),
        ("Nomor urut", str(decoded.serial)),
        ("Usia", f"{age.years} tahun {age.months} bulan (per {_long_date(on)})"),
    ]
    if decoded.tmt_cpns is not None:
        if decoded.tmt_cpns > on:
            rows.append(("Masa kerja", f"belum mulai (TMT {_long_date(decoded.tmt_cpns)})"))
        else:
            served = service_length(decoded.tmt_cpns, on)
            rows.append(("Masa kerja", f"{served.years} tahun {served.months} bulan"))
    else:
        # An NI PPPK carries only the year; the month of the TMT is in the contract (SK).
        assert decoded.appointment_year is not None
        years = max(on.year - decoded.appointment_year, 0)
        rows.append(("Masa kerja", f"± {years} tahun (bulan TMT ada pada SK pengangkatan)"))
    width = max(len(name) for name, _ in rows)
    return [f"{label} {_grouped(decoded.nip)} sah — {decoded.kind}"] + [
        f"  {name.ljust(width)} : {value}" for name, value in rows
    ]


class Command(BaseCommand):
    help = (
        "Urai NIP (PNS) atau NI PPPK: tanggal lahir, TMT CPNS, jenis kelamin, nomor urut. "
        "Status keluar 1 bila NIP tidak sah."
    )
    # Decoding needs neither the database nor the project checks; keep it instant.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "nip",
            nargs="+",
            help="18 digit; boleh ditulis berkelompok, mis. 19860926 201505 1 001",
        )
        parser.add_argument(
            "--kind",
            type=str.lower,
            choices=sorted(reference.EMPLOYEE_KINDS),
            help="Jenis pegawai bila diketahui (tanpa ini, digit 13–14 di atas 12 = NI PPPK).",
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--on",
            type=_iso_date,
            help="Tanggal acuan usia dan masa kerja, TTTT-BB-HH (bawaan: hari ini).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        on: dt.date = options["on"] or timezone.localdate()
        raw = " ".join(options["nip"])
        try:
            decoded = parse_nip(raw, kind=options["kind"], today=timezone.localdate())
        except RuleError as error:
            if options["format"] == "json":
                body = {"valid": False, "code": error.code, "message": error.message}
                self.stdout.write(json.dumps(body, ensure_ascii=False))
            # Django prints the message to stderr and exits with status 1.
            raise CommandError(f"{error.message} [{error.code}]", returncode=1) from error

        if options["format"] == "json":
            self.stdout.write(json.dumps(decoded.as_dict(), ensure_ascii=False))
            return
        with translation.override("id"):
            for line in describe(decoded, on=on):
                self.stdout.write(line)
