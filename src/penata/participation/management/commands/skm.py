"""`penata skm compute FILE`: IKM from SKM answers in a CSV or XLSX file, without the database.

FILE has a header row and one row per respondent with columns `u1` … `u9` (answers 1–4; other
columns such as a respondent profile are ignored). CSV: comma or semicolon, UTF-8 with or
without BOM (Windows-1252 accepted for files saved by older Excel).

Exit status: 0 computed · 1 invalid content (each bad answer named by row and column) · 2 file
missing or not readable as CSV/XLSX.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from argparse import ArgumentParser, ArgumentTypeError
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError

from penata.core.numbers import format_number
from penata.participation.rules import (
    UNSUR,
    UNSUR_CODES,
    IkmResult,
    SkmConfig,
    display,
    ikm_compute,
    sample_status,
    validate_responses,
)


class UnreadableFile(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _error(row: int | None, column: str | None, code: str, message: str) -> dict[str, Any]:
    return {"row": row, "column": column, "code": code, "message": message}


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(path: Path, data: bytes) -> list[list[Any]]:
    if b"\x00" in data[:4096]:
        raise UnreadableFile("file.not_csv", f"Berkas {path.name} bukan CSV atau XLSX.")
    text = _decode(data)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise UnreadableFile(
            "file.not_csv", f"Berkas {path.name} bukan CSV yang sah: {error}."
        ) from error


def _read_xlsx(path: Path) -> list[list[Any]]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
    except (CalamineError, ValueError, OSError) as error:
        raise UnreadableFile(
            "file.not_xlsx", f"Berkas {path.name} tidak dapat dibaca: {error}."
        ) from error
    return rows


def read_rows(path: Path) -> list[list[Any]]:
    """All rows of FILE, decided by content: a zip is XLSX, anything else is CSV text."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(
            "file.unreadable", f"Berkas {path} tidak dapat dibuka: {error.strerror}."
        ) from error
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path)
    return _read_csv(path, data)


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


@dataclass
class Responses:
    """Answers keyed by unsur code, each with its spreadsheet row number."""

    answers: list[dict[str, object]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    first_data_row: int = 2
    errors: list[dict[str, Any]] = field(default_factory=list)


def responses_from_rows(rows: list[list[Any]]) -> Responses:
    """Find the header row and map each later, non-empty row to `{u1: …, u9: …}`."""
    found = Responses()
    header_at = next((i for i, cells in enumerate(rows) if not all(map(_blank, cells))), None)
    if header_at is None:
        found.errors.append(
            _error(1, None, "skm.header_missing", "Berkas kosong: tidak ada judul kolom.")
        )
        return found
    found.first_data_row = header_at + 2
    columns: dict[str, int] = {}
    for index, cell in enumerate(rows[header_at]):
        name = str(cell).strip().lower() if cell is not None else ""
        if name in UNSUR_CODES and name not in columns:
            columns[name] = index
    for code in UNSUR_CODES:
        if code not in columns:
            found.errors.append(
                _error(
                    header_at + 1,
                    code,
                    "skm.column_missing",
                    f"Kolom {code} tidak ada di baris judul (baris {header_at + 1}).",
                )
            )
    if found.errors:
        return found
    for index in range(header_at + 1, len(rows)):
        cells = rows[index]
        if all(map(_blank, cells)):
            continue
        found.answers.append(
            {code: cells[col] if col < len(cells) else None for code, col in columns.items()}
        )
        found.rows.append(index + 1)
    return found


def _population(value: str) -> int:
    try:
        number = int(value)
    except ValueError as error:
        raise ArgumentTypeError(f"{value!r} bukan bilangan bulat.") from error
    if number < 0:
        raise ArgumentTypeError("Populasi tidak boleh negatif.")
    return number


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def result_json(result: IkmResult, population: int | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "respondents": result.respondents,
        "nrr": {code: _number(display(value)) for code, value in result.nrr.items()},
        "ikm": float(result.ikm),
        "ikm_unit": float(display(result.ikm_unit)),
        "mutu": result.mutu,
        "kinerja": str(result.kinerja),
        "weighting": result.weighting,
        "weighting_text": result.weighting_text,
    }
    if population is not None:
        status = sample_status(population, result.respondents)
        body["sample"] = {
            "population": status.population,
            "target": status.target,
            "achieved": status.achieved,
            "is_met": status.is_met,
            "shortfall": status.shortfall,
        }
    return body


def _id(value: Decimal) -> str:
    return format_number(value)


def result_text(result: IkmResult, population: int | None) -> list[str]:
    lines = [f"Survei Kepuasan Masyarakat — {result.respondents} responden", ""]
    width = max(len(u.name) for u in UNSUR)
    for unsur in UNSUR:
        mean = _id(display(result.nrr[unsur.code]))
        lines.append(f"  {unsur.code.upper()} {unsur.name.ljust(width)}  NRR {mean}")
    lines += [
        "",
        f"IKM unit pelayanan : {_id(display(result.ikm_unit))} (skala 1–4)",
        f"IKM konversi       : {_id(result.ikm)} (skala 25–100)",
        f"Mutu pelayanan     : {result.mutu} ({result.kinerja})",
        f"Pembobotan         : {result.weighting_text}",
    ]
    if population is not None:
        status = sample_status(population, result.respondents)
        verdict = "terpenuhi" if status.is_met else f"kurang {status.shortfall} responden"
        lines.append(
            f"Sampel             : {status.achieved} dari target {status.target} "
            f"(Krejcie & Morgan, populasi {status.population}) — {verdict}"
        )
    return lines


class Command(BaseCommand):
    help = (
        "IKM tanpa basis data: `skm compute FILE` menghitung NRR per unsur, IKM dan mutu "
        "pelayanan (PermenPAN-RB 14/2017) dari jawaban u1–u9. Status keluar 1 bila ada jawaban "
        "tidak valid, 2 bila berkas tidak dapat dibaca."
    )
    # Pure computation: no checks, no database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="compute")
        compute = actions.add_parser("compute", help="Hitung IKM dari berkas CSV atau XLSX.")
        compute.add_argument("file", help="Berkas .csv atau .xlsx, satu baris per responden")
        compute.add_argument("--format", choices=["text", "json"], default="text")
        compute.add_argument(
            "--weighting",
            choices=["rounded", "exact"],
            default="rounded",
            help="Bobot tiap unsur: rounded = 0,111 seperti PermenPAN-RB 14/2017 (bawaan), "
            "exact = 1/9.",
        )
        compute.add_argument(
            "--population",
            type=_population,
            help="Jumlah populasi pengguna layanan, untuk membandingkan sampel dengan target "
            "Krejcie & Morgan.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        as_json = options["format"] == "json"
        try:
            rows = read_rows(Path(options["file"]))
        except UnreadableFile as error:
            self._fail(as_json, [_error(None, None, error.code, error.message)], returncode=2)
        found = responses_from_rows(rows)
        if found.errors:
            self._fail(as_json, found.errors, returncode=1)
        answers, issues = validate_responses(found.answers, row_numbers=found.rows)
        errors = [_error(i.row, i.column, i.code, i.message) for i in issues]
        if not found.answers:
            errors.append(
                _error(
                    found.first_data_row,
                    None,
                    "skm.no_respondents",
                    "Tidak ada baris jawaban responden.",
                )
            )
        if errors:
            self._fail(as_json, errors, returncode=1)
        result = ikm_compute(answers, SkmConfig(weighting=options["weighting"]))
        population = options["population"]
        if as_json:
            body = result_json(result, population)
            self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
        else:
            for line in result_text(result, population):
                self.stdout.write(line)

    def _fail(self, as_json: bool, errors: list[dict[str, Any]], *, returncode: int) -> NoReturn:
        if as_json:
            self.stdout.write(json.dumps({"errors": errors}, ensure_ascii=False, indent=2))
        else:
            for error in errors:
                self.stderr.write(f"{error['message']} [{error['code']}]")
        noun = "berkas tidak dapat dibaca" if returncode == 2 else f"{len(errors)} kesalahan isian"
        raise CommandError(f"IKM tidak dihitung: {noun}.", returncode=returncode)
