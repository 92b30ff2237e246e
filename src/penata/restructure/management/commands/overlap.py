"""`penata overlap find FILE`: overlapping duties (tumpang tindih tugas) in a file of duties.

Reads a JSON or Excel file of duty statements (see `penata.restructure.overlap.sources`),
runs the pure detector and prints the pairs and clusters as JSON (`--format json`, for
machines) or as a table (`--format text`, the default). It does not touch the database.

Exit status: 0 on success, 1 when rows or columns are invalid, 2 when the file cannot be
read at all (missing, not JSON/Excel, corrupt).
"""

from __future__ import annotations

import json
import sys
import textwrap
from argparse import ArgumentParser, ArgumentTypeError
from itertools import zip_longest
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from penata.core.numbers import format_number
from penata.restructure.overlap import DEFAULT_THRESHOLD, OverlapResult, Statement, find_overlaps
from penata.restructure.overlap.sources import InvalidRows, UnreadableFile, load_statements

EXIT_INVALID_ROWS = 1
EXIT_UNREADABLE = 2


def threshold_value(text: str) -> float:
    """Parse --threshold: a number in (0, 1], with a decimal point or comma."""
    try:
        value = float(text.replace(",", "."))
    except ValueError as error:
        raise ArgumentTypeError(f"ambang harus berupa angka, bukan '{text}'") from error
    if not 0.0 < value <= 1.0:
        raise ArgumentTypeError(f"ambang harus lebih dari 0 dan paling besar 1, bukan {text}")
    return value


class Command(BaseCommand):
    help = "Temukan tumpang tindih uraian tugas antarunit kerja dari berkas JSON atau Excel."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{find}")
        find = actions.add_parser(
            "find",
            help="Cari pasangan uraian tugas unit berbeda yang isinya sama.",
            description=(
                'FILE: JSON [{"id", "unit", "duty", "position"}] atau Excel dengan '
                "kolom unit, duty (opsional id, position)."
            ),
        )
        find.add_argument("file", metavar="FILE", help="Berkas .json atau .xlsx")
        find.add_argument(
            "--threshold",
            type=threshold_value,
            default=DEFAULT_THRESHOLD,
            help=f"Ambang kemiripan 0–1 (bawaan {DEFAULT_THRESHOLD})",
        )
        find.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help="text: tabel untuk dibaca; json: untuk mesin",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            statements = load_statements(options["file"])
        except UnreadableFile as error:
            raise CommandError(
                f"{error.message} [{error.code}]", returncode=EXIT_UNREADABLE
            ) from error
        except InvalidRows as error:
            raise CommandError(
                f"{error.message} [{error.code}]", returncode=EXIT_INVALID_ROWS
            ) from error
        result = find_overlaps(
            statements, threshold=options["threshold"], progress=self._progress_bar()
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(as_json(result), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(as_text(result, statements, options["threshold"]))

    def _progress_bar(self) -> Any:
        if not sys.stderr.isatty():
            return None
        from tqdm import tqdm

        bar = tqdm(total=0, unit=" teks", desc="Membandingkan", file=sys.stderr, leave=False)

        def update(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()
            if done >= total:
                bar.close()

        return update


def as_json(result: OverlapResult) -> dict[str, Any]:
    """Return the result in the CLI's JSON shape."""
    return {
        "pairs": [
            {"a": pair.a, "b": pair.b, "score": pair.score, "terms": list(pair.terms)}
            for pair in result.pairs
        ],
        "clusters": [
            {"ids": list(cluster.ids), "units": list(cluster.units)} for cluster in result.clusters
        ],
        "generic": list(result.generic),
    }


def as_text(result: OverlapResult, statements: list[Statement], threshold: float) -> str:
    """Return the result as a table a person reads: pairs with both statements, then clusters."""
    by_id = {statement.id: statement for statement in statements}
    lines = [
        f"{len(statements)} uraian tugas dibaca; {len(result.generic)} bersifat generik "
        "(administrasi unit sendiri) dan tidak dibandingkan.",
        f"{len(result.pairs)} pasangan tumpang tindih dalam {len(result.clusters)} kelompok "
        f"(ambang {_decimal(threshold)}).",
    ]
    if result.pairs:
        lines += ["", f"{'Skor':<6} {'ID':<10} {'Unit kerja':<40} Uraian tugas"]
        lines.append("-" * 100)
        for pair in result.pairs:
            for label, identifier in ((_decimal(pair.score), pair.a), ("", pair.b)):
                statement = by_id[identifier]
                holder = statement.unit + (f" ({statement.position})" if statement.position else "")
                left = textwrap.wrap(holder, 40) or [""]
                right = textwrap.wrap(statement.text, 60) or [""]
                for line, (unit, text) in enumerate(zip_longest(left, right, fillvalue="")):
                    first = (label, identifier) if line == 0 else ("", "")
                    lines.append(
                        f"{first[0]:<6} {_cut(first[1], 10):<10} {unit:<40} {text}".rstrip()
                    )
            lines.append(f"{'':<6} kata kunci: {', '.join(pair.terms) or '-'}")
            lines.append("")
    if result.clusters:
        lines += ["Kelompok (satu tugas di beberapa unit):"]
        for number, cluster in enumerate(result.clusters, start=1):
            lines.append(
                f"{number:>3}. {len(cluster.units)} unit, {len(cluster.ids)} uraian "
                f"({', '.join(cluster.ids)}): {'; '.join(cluster.units)}"
            )
    return "\n".join(lines)


def _decimal(value: float) -> str:
    return format_number(value, 2)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
