"""`penata structure metrics [--as-of DATE] [--scenario ID] [--format json|text]`.

Prints the structure metrics of the structure in force on a date (default today) or, with
`--scenario`, of the structure a scenario produces next to its baseline. The CLI runs with the
operator's full access. Exit status: 0 printed · 1 refused (e.g. unknown scenario or instansi).
"""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from penata.core.errors import ApplicationError
from penata.core.numbers import format_number
from penata.restructure.graph import StructureMetrics
from penata.restructure.graph_loader import graph_from_db, metrics_config_for
from penata.restructure.selectors import (
    ScenarioState,
    instansi_by_code,
    scenario_of_instansi,
    scenario_state,
    structure_snapshot,
)

BASIS_LABELS = {"people": "orang", "positions": "jabatan"}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise ArgumentTypeError(f"tanggal harus YYYY-MM-DD, bukan {text!r}") from error


def _number(value: float | int | None, places: int = 2) -> str:
    if value is None:
        return "—"
    return format_number(value, 0 if isinstance(value, int) else places)


class Command(BaseCommand):
    help = "Metrik struktur organisasi: lapis, rentang kendali, jalur keputusan, ABK."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        metrics = sub.add_parser("metrics", help="Tampilkan metrik struktur.")
        metrics.add_argument("--as-of", type=_date, help="Struktur per tanggal (YYYY-MM-DD).")
        metrics.add_argument("--scenario", type=int, help="Id skenario yang dihitung.")
        metrics.add_argument("--format", choices=("text", "json"), default="text")
        metrics.add_argument("--instansi", help="Kode instansi (bawaan: PENATA_DEFAULT_INSTANSI).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            instansi = instansi_by_code(options["instansi"] or settings.PENATA_DEFAULT_INSTANSI)
            if options["scenario"] is not None:
                scenario = scenario_of_instansi(instansi, options["scenario"])
                base = None
                if options["as_of"] is not None:
                    base = graph_from_db(
                        instansi, options["as_of"], abk=metrics_config_for(instansi).abk
                    )
                state = scenario_state(scenario, base=base)
                self._scenario(state, options["as_of"] or scenario.base_date, options["format"])
            else:
                snapshot = structure_snapshot(instansi, options["as_of"])
                if options["format"] == "json":
                    payload = {
                        "instansi": instansi.code,
                        "as_of": snapshot.day.isoformat(),
                        "metrics": snapshot.metrics.as_dict(),
                    }
                    self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
                else:
                    self.stdout.write(f"Struktur {instansi.name} per {snapshot.day:%d-%m-%Y}")
                    self._text(snapshot.metrics)
        except ApplicationError as error:
            raise CommandError(error.message, returncode=1) from error

    def _scenario(self, state: ScenarioState, day: dt.date, fmt: str) -> None:
        scenario = state.scenario
        failed = [
            {"seq": s.index + 1, "errors": [e.as_dict() for e in s.errors]}
            for s in state.replay.failed
        ]
        if fmt == "json":
            payload = {
                "instansi": scenario.instansi.code,
                "as_of": day.isoformat(),
                "scenario": {
                    "id": scenario.pk,
                    "name": scenario.name,
                    "status": scenario.status,
                    "operations_in_force": state.engine.cursor,
                    "operations_failed": failed,
                },
                "metrics": state.metrics.as_dict(),
                "baseline": state.base_metrics.headline(),
                "comparison": {
                    "metrics": state.comparison.as_dict()["metrics"],
                    "change_counts": state.comparison.change_counts,
                    "affected_employees": len(state.comparison.affected),
                },
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"Skenario #{scenario.pk} “{scenario.name}” ({scenario.get_status_display()}), "
            f"{state.engine.cursor} operasi, struktur dasar per {day:%d-%m-%Y}"
        )
        for step in state.replay.failed:
            self.stderr.write(
                f"  Operasi ke-{step.index + 1} tidak berlaku: "
                + "; ".join(e.message for e in step.errors)
            )
        width = max(len(m.label) for m in state.comparison.metrics)
        self.stdout.write(f"{'Metrik':<{width}}  {'Dasar':>10}  {'Skenario':>10}  {'Selisih':>9}")
        for row in state.comparison.metrics:
            delta = row.delta
            sign = "+" if isinstance(delta, int | float) and delta > 0 else ""
            self.stdout.write(
                f"{row.label:<{width}}  {_number(row.base):>10}  {_number(row.other):>10}  "
                f"{sign + _number(delta):>9}"
            )
        counts = state.comparison.change_counts
        self.stdout.write(
            f"Perubahan: {sum(counts.values())} · pegawai terdampak: "
            f"{len(state.comparison.affected)}"
        )

    def _text(self, m: StructureMetrics) -> None:
        ratio = m.managerial_ratio_positions
        lines = [
            f"Unit: {_number(m.units)} · jabatan: {_number(m.positions)} "
            f"(manajerial {_number(m.managerial_positions)}, lowong {_number(m.vacant_positions)})"
            f" · pegawai: {_number(m.people)}",
            "Rasio manajerial: "
            + (f"{_number(ratio * 100, 1)}% jabatan" if ratio is not None else "—"),
            f"Lapis manajerial: {m.layers} ("
            + ", ".join(f"lapis {k}: {n}" for k, n in m.layer_counts)
            + ")",
            f"Rentang kendali (dalam {BASIS_LABELS[m.config.span_basis]}, sehat "
            f"{m.config.span_min}–"
            f"{m.config.span_max}): rata-rata {_number(m.span_mean)}, median "
            f"{_number(m.span_median, 1)}; di bawah {m.managers_below}, di atas "
            f"{m.managers_above}",
            f"Jalur keputusan: rata-rata {_number(m.decision_path_mean)} langkah, terpanjang "
            f"{_number(m.decision_path_max)}; tanpa jalur {m.decision_path_unresolved}",
            f"ABK: kebutuhan {_number(float(m.abk.need))} ({m.abk.need_rounded} dibulatkan), "
            f"ada {m.abk.existing}, selisih {m.abk.gap:+d}",
        ]
        if not m.units:
            lines.insert(0, "Belum ada struktur yang berlaku pada tanggal ini.")
        for line in lines:
            self.stdout.write(line)
        if m.perangkat_daerah:
            self.stdout.write("Per perangkat daerah (jalur rata-rata / terpanjang, lapis):")
            for pd in m.perangkat_daerah:
                self.stdout.write(
                    f"  {pd.name}: {_number(pd.path_mean)} / {_number(pd.path_max)}, "
                    f"{pd.layers} lapis, {pd.people} pegawai"
                )
