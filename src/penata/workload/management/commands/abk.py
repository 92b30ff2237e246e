"""`penata abk compute FILE`: Anjab-ABK from a JSON or XLSX file, without the database.

JSON: `{"positions": [{"name", "existing", "unit_kerja"?, "tasks": [{"task", "unit", "volume",
"period", "norm_minutes"}]}], "effective_minutes": 75000}`.
XLSX (first sheet, or `--sheet`): a header row, then one row per task with columns `position`,
`existing`, `task`, `unit`, `volume`, `period`, `norm_minutes` (and optionally `unit_kerja`);
Indonesian headers (jabatan, pemangku, uraian_tugas, satuan, periode, norma_waktu) work too.

Exit status: 0 computed · 1 invalid content (every error named by position/task index or by
row, and field) · 2 file missing or not readable as JSON/XLSX.
"""

from __future__ import annotations

import json
import math
import re
from argparse import ArgumentParser, ArgumentTypeError
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError

from penata.core.numbers import format_number
from penata.workload.rules import (
    DEFAULT_EFFECTIVE_MINUTES,
    PJ_PRESETS,
    ROUNDINGS,
    AbkConfig,
    AbkError,
    AbkResult,
    PositionInput,
    Task,
    abk_compute,
    display,
    gap_text,
    validate_positions,
)

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

# Accepted header spellings → field. Normalised: lower case, spaces and dashes as "_".
_COLUMNS = {
    "position": "position",
    "jabatan": "position",
    "nama_jabatan": "position",
    "existing": "existing",
    "pemangku": "existing",
    "jumlah_pemangku": "existing",
    "task": "task",
    "tugas": "task",
    "uraian_tugas": "task",
    "unit": "unit",
    "satuan": "unit",
    "satuan_hasil": "unit",
    "volume": "volume",
    "period": "period",
    "periode": "period",
    "norm_minutes": "norm_minutes",
    "norma_waktu": "norm_minutes",
    "norma_waktu_menit": "norm_minutes",
    "norma_menit": "norm_minutes",
    "unit_kerja": "unit_kerja",
}
_REQUIRED_COLUMNS = ("position", "task", "volume", "period", "norm_minutes")


class UnreadableFile(Exception):
    """The file is missing or is not JSON/XLSX at all (exit status 2)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Problem:
    """One invalid value, located by JSON index or by spreadsheet row."""

    field: str
    code: str
    message: str
    position: int | None = None
    task: int | None = None
    row: int | None = None

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"position": self.position, "task": self.task}
        if self.row is not None:
            body["row"] = self.row
        body.update(field=self.field, code=self.code, message=self.message)
        return body


@dataclass
class Parsed:
    positions: list[PositionInput] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    effective_minutes: Decimal | None = None
    # (position index, task index or None) → spreadsheet row, for XLSX input.
    rows: dict[tuple[int, int | None], int] = field(default_factory=dict)


def _decimal(value: object) -> Decimal | None:
    """A number from JSON (int/Decimal), a spreadsheet (float) or text like "120" / "7.5"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        # Spreadsheet cells are floats: 10.0 is the whole number 10, 7.5 stays 7.5.
        return Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        return Decimal(value.strip())
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Reader:
    """Turns raw JSON/XLSX values into rule inputs, collecting every problem on the way."""

    def __init__(self) -> None:
        self.parsed = Parsed()

    def problem(self, field_name: str, code: str, message: str, **where: Any) -> None:
        self.parsed.problems.append(Problem(field_name, code, message, **where))

    def number(
        self, raw: object, field_name: str, label: str, where: str, **at: Any
    ) -> Decimal | None:
        if _is_blank(raw):
            self.problem(field_name, f"abk.{field_name}_missing", f"{where}: {label} kosong.", **at)
            return None
        value = _decimal(raw)
        if value is None:
            self.problem(
                field_name,
                f"abk.{field_name}_not_number",
                f"{where}: {label} harus berupa angka (titik sebagai pemisah desimal), "
                f"bukan {raw!r}.",
                **at,
            )
        return value

    def existing(self, raw: object, where: str, **at: Any) -> int | None:
        if _is_blank(raw):
            return 0
        value = _decimal(raw)
        if value is None or value != value.to_integral_value():
            self.problem(
                "existing",
                "abk.existing_not_integer",
                f"{where}: jumlah pemangku harus bilangan bulat, bukan {raw!r}.",
                **at,
            )
            return None
        return int(value)


def read_json(path: Path) -> Parsed:
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableFile(
            "file.not_json", f"Berkas {path.name} bukan JSON yang sah: {error}."
        ) from error
    reader = _Reader()
    if not isinstance(document, dict) or not isinstance(document.get("positions"), list):
        reader.problem(
            "positions",
            "abk.positions_missing",
            'Berkas harus berupa objek JSON dengan daftar "positions".',
        )
        return reader.parsed
    if "effective_minutes" in document:
        reader.parsed.effective_minutes = reader.number(
            document["effective_minutes"], "effective_minutes", "waktu kerja efektif", "Berkas"
        )
    for p_index, raw_position in enumerate(document["positions"]):
        where = f"Jabatan ke-{p_index + 1}"
        if not isinstance(raw_position, dict):
            reader.problem(
                "position",
                "abk.position_not_object",
                f"{where}: harus objek JSON.",
                position=p_index,
            )
            # Keep indexes aligned with the file so later issues point at the right position.
            reader.parsed.positions.append(PositionInput(name="-", tasks=()))
            continue
        existing = reader.existing(raw_position.get("existing"), where, position=p_index)
        raw_tasks = raw_position.get("tasks", [])
        if not isinstance(raw_tasks, list):
            reader.problem(
                "tasks", "abk.tasks_not_list", f"{where}: tasks harus daftar.", position=p_index
            )
            raw_tasks = []
        reader.parsed.positions.append(
            PositionInput(
                name=_text(raw_position.get("name")),
                tasks=_json_tasks(reader, p_index, raw_tasks),
                existing=0 if existing is None else existing,
                unit_kerja=_text(raw_position.get("unit_kerja")),
            )
        )
    return reader.parsed


# Stand-ins for values already reported as unreadable: they keep task indexes aligned and
# raise no second issue, so every other field is still checked. Nothing is computed from them.
_NEUTRAL_VOLUME = Decimal(0)
_NEUTRAL_NORM = Decimal(1)


def _json_tasks(reader: _Reader, p_index: int, raw_tasks: list[Any]) -> tuple[Task, ...]:
    tasks: list[Task] = []
    for t_index, raw in enumerate(raw_tasks):
        where = f"Jabatan ke-{p_index + 1}, tugas ke-{t_index + 1}"
        at = {"position": p_index, "task": t_index}
        if not isinstance(raw, dict):
            reader.problem("task", "abk.task_not_object", f"{where}: harus objek JSON.", **at)
            tasks.append(Task("-", _NEUTRAL_VOLUME, "year", _NEUTRAL_NORM))
            continue
        volume = reader.number(raw.get("volume"), "volume", "volume", where, **at)
        norm = reader.number(raw.get("norm_minutes"), "norm_minutes", "norma waktu", where, **at)
        tasks.append(
            Task(
                name=_text(raw.get("task")),
                volume=_NEUTRAL_VOLUME if volume is None else volume,
                period=_text(raw.get("period")),
                norm_minutes=_NEUTRAL_NORM if norm is None else norm,
                unit=_text(raw.get("unit")),
            )
        )
    return tuple(tasks)


def read_xlsx(path: Path, sheet_name: str | None) -> Parsed:
    from python_calamine import CalamineError, CalamineWorkbook, WorksheetNotFound

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = (
            workbook.get_sheet_by_name(sheet_name) if sheet_name else workbook.get_sheet_by_index(0)
        )
        rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
    except WorksheetNotFound as error:
        names = ", ".join(workbook.sheet_names)
        raise UnreadableFile(
            "file.sheet_missing",
            f"Lembar kerja {sheet_name!r} tidak ada di berkas {path.name} (ada: {names}).",
        ) from error
    except (CalamineError, ValueError, OSError) as error:
        raise UnreadableFile(
            "file.not_xlsx", f"Berkas {path.name} tidak dapat dibaca: {error}."
        ) from error
    reader = _Reader()
    header_index = next(
        (i for i, cells in enumerate(rows) if any(not _is_blank(c) for c in cells)), None
    )
    if header_index is None:
        reader.problem("header", "abk.header_missing", "Lembar kerja kosong.", row=1)
        return reader.parsed
    columns: dict[str, int] = {}
    for index, cell in enumerate(rows[header_index]):
        key = re.sub(r"[\s\-]+", "_", _text(cell).lower())
        if key in _COLUMNS and _COLUMNS[key] not in columns:
            columns[_COLUMNS[key]] = index
    missing = [name for name in _REQUIRED_COLUMNS if name not in columns]
    for name in missing:
        reader.problem(
            name,
            "abk.column_missing",
            f"Kolom {name!r} tidak ada di baris judul.",
            row=header_index + 1,
        )
    if missing:
        return reader.parsed
    _xlsx_rows(reader, rows, header_index, columns)
    return reader.parsed


def _xlsx_rows(
    reader: _Reader, rows: list[list[Any]], header_index: int, columns: dict[str, int]
) -> None:
    def cell(cells: list[Any], name: str) -> object:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    order: list[tuple[str, str]] = []
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for index in range(header_index + 1, len(rows)):
        cells, row = rows[index], index + 1
        if all(_is_blank(c) for c in cells):
            continue
        where = f"Baris {row}"
        name = _text(cell(cells, "position"))
        if not name:
            reader.problem(
                "position", "abk.name_missing", f"{where}: nama jabatan kosong.", row=row
            )
            continue
        key = (_text(cell(cells, "unit_kerja")), name)
        if key not in grouped:
            grouped[key] = {"rows": [], "tasks": [], "existing": None, "first_row": row}
            order.append(key)
        group = grouped[key]
        existing = reader.existing(cell(cells, "existing"), where, row=row)
        if not _is_blank(cell(cells, "existing")) and existing is not None:
            if group["existing"] is None:
                group["existing"] = existing
            elif group["existing"] != existing:
                reader.problem(
                    "existing",
                    "abk.existing_conflict",
                    f"{where}: jumlah pemangku {existing} berbeda dengan baris sebelumnya "
                    f"untuk jabatan {name!r} ({group['existing']}).",
                    row=row,
                )
        volume = reader.number(cell(cells, "volume"), "volume", "volume", where, row=row)
        norm = reader.number(
            cell(cells, "norm_minutes"), "norm_minutes", "norma waktu", where, row=row
        )
        group["tasks"].append(
            Task(
                name=_text(cell(cells, "task")),
                volume=_NEUTRAL_VOLUME if volume is None else volume,
                period=_text(cell(cells, "period")),
                norm_minutes=_NEUTRAL_NORM if norm is None else norm,
                unit=_text(cell(cells, "unit")),
            )
        )
        group["rows"].append(row)
    for p_index, key in enumerate(order):
        group = grouped[key]
        reader.parsed.rows[(p_index, None)] = group["first_row"]
        for t_index, row in enumerate(group["rows"]):
            reader.parsed.rows[(p_index, t_index)] = row
        reader.parsed.positions.append(
            PositionInput(
                name=key[1],
                tasks=tuple(group["tasks"]),
                existing=group["existing"] or 0,
                unit_kerja=key[0],
            )
        )


def read_file(path: Path, sheet_name: str | None = None) -> Parsed:
    """Read FILE by its content: a zip (xlsx) or JSON text."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError as error:
        raise UnreadableFile(
            "file.unreadable", f"Berkas {path} tidak dapat dibuka: {error.strerror}."
        ) from error
    if head.startswith(b"PK\x03\x04"):
        return read_xlsx(path, sheet_name)
    return read_json(path)


def _positive_decimal(value: str) -> Decimal:
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        raise ArgumentTypeError(f"{value!r} bukan angka.") from error
    if not number.is_finite() or number <= 0:
        raise ArgumentTypeError(f"{value!r} harus lebih dari 0.")
    return number


def _number(value: Decimal) -> int | float:
    """JSON number for a Decimal: an int when whole, else the shortest float repr."""
    return int(value) if value == value.to_integral_value() else float(value)


def _optional(value: Decimal | None, places: int) -> int | float | None:
    return None if value is None else _number(display(value, places))


def result_json(result: AbkResult, config: AbkConfig) -> dict[str, Any]:
    def row(item: Any, ej: Decimal | None, pj: str | None, label: object) -> dict[str, Any]:
        return {
            "workload_minutes": _number(item.workload_minutes),
            "need": _number(display(item.need, config.need_places)),
            "need_rounded": item.need_rounded,
            "existing": item.existing,
            "gap": item.gap,
            "ej": _optional(ej, 4),
            "pj": pj,
            "pj_label": None if label is None else str(label),
        }

    return {
        "effective_minutes": _number(result.effective_minutes),
        "rounding_rule": result.rounding_rule,
        "positions": [
            {"name": p.name, "unit_kerja": p.unit_kerja or None} | row(p, p.ej, p.pj, p.pj_label)
            for p in result.positions
        ],
        "units": [
            {"name": u.name, "positions": u.positions} | row(u, u.eu, u.peu, u.peu_label)
            for u in result.units
        ],
        "totals": row(result, result.ej, result.pj, result.pj_label),
    }


def _id(value: Decimal, places: int) -> str:
    """Indonesian number format: 169.200 and 2,2560."""
    return format_number(display(value, places), places)


def result_text(result: AbkResult, config: AbkConfig) -> list[str]:
    header = (
        "Jabatan",
        "Beban kerja (menit)",
        "Kebutuhan",
        "Dibulatkan",
        "Ada",
        "Selisih",
        "EJ",
        "PJ",
    )
    table: list[tuple[str, ...]] = [header]

    def line(name: str, item: Any, ej: Decimal | None, pj: str | None) -> tuple[str, ...]:
        return (
            name,
            _id(item.workload_minutes, 0),
            _id(item.need, config.need_places),
            str(item.need_rounded),
            str(item.existing),
            f"{item.gap:+d}" if item.gap else "0",
            _id(ej, 2) if ej is not None else "-",
            pj or "-",
        )

    for position in result.positions:
        table.append(line(position.name, position, position.ej, position.pj))
    table.append(line("JUMLAH", result, result.ej, result.pj))
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = [
        "Analisis beban kerja — waktu kerja efektif "
        f"{_id(result.effective_minutes, 0)} menit/tahun",
        f"Pembulatan kebutuhan: {result.rounding_rule}",
        "",
    ]
    for r in table:
        cells = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, len(r))]
        lines.append("  ".join(cells).rstrip())
    lines.append("")
    lines.append(f"Selisih jumlah: {gap_text(result.gap)}.")
    for unit in result.units:
        eu = _id(unit.eu, 2) if unit.eu is not None else "-"
        lines.append(
            f"Unit {unit.name}: kebutuhan {unit.need_rounded}, ada {unit.existing} "
            f"({gap_text(unit.gap)}), EU {eu}, PEU {unit.peu or '-'}."
        )
    return lines


class Command(BaseCommand):
    help = (
        "Anjab-ABK tanpa basis data: `abk compute FILE` menghitung beban kerja, kebutuhan "
        "pegawai, EJ dan PJ per jabatan. Status keluar 1 bila isian tidak valid, 2 bila berkas "
        "tidak dapat dibaca."
    )
    # Pure computation: no checks, no database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="compute")
        compute = actions.add_parser("compute", help="Hitung ABK dari berkas JSON atau XLSX.")
        compute.add_argument("file", help="Berkas .json atau .xlsx")
        compute.add_argument("--format", choices=["text", "json"], default="text")
        compute.add_argument(
            "--effective-minutes",
            type=_positive_decimal,
            help="Waktu kerja efektif per tahun dalam menit (bawaan: isi berkas JSON, "
            "atau 75000 = 1.250 jam, PermenPAN-RB 1/2020).",
        )
        compute.add_argument(
            "--rounding", choices=ROUNDINGS, default="half_up", help="Aturan pembulatan kebutuhan."
        )
        compute.add_argument(
            "--round-up-from",
            type=_positive_decimal,
            default=Decimal("0.5"),
            help="Untuk --rounding threshold: bulatkan ke atas bila pecahan ≥ nilai ini.",
        )
        compute.add_argument(
            "--bands",
            choices=sorted(PJ_PRESETS),
            default="permendagri_12_2008",
            help="Pita prestasi jabatan (PJ) A–E.",
        )
        compute.add_argument("--sheet", help="Nama lembar kerja XLSX (bawaan: lembar pertama).")

    def handle(self, *args: Any, **options: Any) -> None:
        as_json = options["format"] == "json"
        path = Path(options["file"])
        try:
            parsed = read_file(path, options["sheet"])
        except UnreadableFile as error:
            self._fail(as_json, [Problem("file", error.code, error.message)], returncode=2)
        effective = options["effective_minutes"]
        if effective is None:
            effective = parsed.effective_minutes
        try:
            config = AbkConfig(
                effective_minutes=DEFAULT_EFFECTIVE_MINUTES if effective is None else effective,
                rounding=options["rounding"],
                round_up_from=options["round_up_from"],
                bands=PJ_PRESETS[options["bands"]],
            )
        except AbkError as error:
            parsed.problems.append(
                Problem(error.code.rsplit(".", 1)[-1], error.code, error.message)
            )
            config = AbkConfig()
        problems = list(parsed.problems)
        for issue in validate_positions(parsed.positions, config):
            row = parsed.rows.get((issue.position, issue.task)) or parsed.rows.get(
                (issue.position, None)
            )
            message = f"Baris {row}: {issue.message}" if row is not None else issue.text
            problems.append(
                Problem(issue.field, issue.code, message, issue.position, issue.task, row)
            )
        if problems:
            self._fail(as_json, problems, returncode=1)
        result = abk_compute(parsed.positions, config)
        if as_json:
            self.stdout.write(json.dumps(result_json(result, config), ensure_ascii=False, indent=2))
        else:
            for text in result_text(result, config):
                self.stdout.write(text)

    def _fail(self, as_json: bool, problems: list[Problem], *, returncode: int) -> NoReturn:
        if as_json:
            body = {"errors": [p.as_dict() for p in problems]}
            self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
        else:
            for problem in problems:
                self.stderr.write(f"{problem.message} [{problem.code}]")
        noun = (
            "berkas tidak dapat dibaca" if returncode == 2 else f"{len(problems)} kesalahan isian"
        )
        raise CommandError(f"ABK tidak dihitung: {noun}.", returncode=returncode)
