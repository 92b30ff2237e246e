#!/usr/bin/env python
"""Run Penata's benchmarks and print each figure next to its same-run baseline.

    python bench/run.py            # every bench/bench_*.py
    python bench/run.py nip        # only bench/bench_nip.py

Each module exposes `run() -> list[Figure]` (see bench/README.md). Django is set up first,
so a benchmark may use the ORM; the exit status is 1 when a benchmark fails.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH_DIR), str(BENCH_DIR.parent / "src")]

from figure import Figure  # noqa: E402


def discover() -> list[str]:
    return sorted(path.stem.removeprefix("bench_") for path in BENCH_DIR.glob("bench_*.py"))


def _number(value: float) -> str:
    return f"{value:,.3f}" if value < 10 else f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


def table(rows: list[tuple[str, Figure]]) -> str:
    header = ("bench", "figure", "value", "baseline (same run)", "ratio", "goal", "")
    lines = [header]
    for bench, fig in rows:
        lines.append(
            (
                bench,
                fig.name,
                f"{_number(fig.value)} {fig.unit}",
                f"{fig.baseline_name}: {_number(fig.baseline_value)} {fig.unit}",
                f"{fig.ratio:.2f}×",
                fig.goal,
                fig.verdict,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    available = discover()
    parser = argparse.ArgumentParser(description="Run Penata's benchmarks.")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"one of: {', '.join(available)}")
    args = parser.parse_args(argv)
    names = [name.removeprefix("bench_").removesuffix(".py") for name in args.names] or available
    unknown = sorted(set(names) - set(available))
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; available: {', '.join(available)}")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "penata.config.settings")
    import django

    django.setup()

    rows: list[tuple[str, Figure]] = []
    failed = []
    for name in names:
        started = time.perf_counter()
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            figures = importlib.import_module(f"bench_{name}").run()
        except Exception:
            traceback.print_exc()
            failed.append(name)
            continue
        rows += [(name, fig) for fig in figures]
        print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if rows:
        print(table(rows))
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
