"""What a benchmark reports: a measured figure next to a baseline measured in the same run."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measurement and its baseline; `goal` says in words what ratio we aim for.

    With `max_ratio` the table also says whether the goal was met in this run.
    """

    name: str
    value: float
    unit: str
    baseline_name: str
    baseline_value: float
    goal: str
    max_ratio: float | None = None

    @property
    def ratio(self) -> float:
        return self.value / self.baseline_value if self.baseline_value else float("inf")

    @property
    def verdict(self) -> str:
        if self.max_ratio is None:
            return ""
        return "met" if self.ratio <= self.max_ratio else "MISSED"


def best_of(work: Callable[[], object], *, repeat: int = 5) -> float:
    """The fastest of `repeat` runs of `work`, in seconds (the least disturbed by the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)
