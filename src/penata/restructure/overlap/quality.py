"""Measure detection quality on a labelled set of statement pairs.

A labelled item is `{"a": {"unit", "duty"}, "b": {"unit", "duty"}, "label": bool, "kind": str}`.
All statements of the set are analysed together in one `find_overlaps` run (as in real use,
where the whole structure is compared at once); an item is predicted an overlap when its two
statements come out as a pair.

Pure: no Django import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from penata.restructure.overlap.detect import DEFAULT_THRESHOLD, Statement, find_overlaps


@dataclass(frozen=True, slots=True)
class Scores:
    """Confusion counts and the usual ratios (0.0 when undefined)."""

    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def predict(
    items: Sequence[Mapping[str, Any]], *, threshold: float = DEFAULT_THRESHOLD
) -> list[bool]:
    """Return, for each labelled item, whether detection pairs its two statements."""
    ids: dict[tuple[str, str], str] = {}
    statements: list[Statement] = []
    for item in items:
        for side in ("a", "b"):
            key = (item[side]["unit"], item[side]["duty"])
            if key not in ids:
                ids[key] = str(len(ids))
                statements.append(Statement(id=ids[key], unit=key[0], text=key[1]))
    result = find_overlaps(statements, threshold=threshold)
    found = {frozenset((pair.a, pair.b)) for pair in result.pairs}
    return [
        frozenset(
            (
                ids[(item["a"]["unit"], item["a"]["duty"])],
                ids[(item["b"]["unit"], item["b"]["duty"])],
            )
        )
        in found
        for item in items
    ]


def score(labels: Sequence[bool], predictions: Sequence[bool]) -> Scores:
    """Return the confusion counts of `predictions` against `labels`."""
    pairs = list(zip(labels, predictions, strict=True))
    return Scores(
        true_positive=sum(1 for label, guess in pairs if label and guess),
        false_positive=sum(1 for label, guess in pairs if not label and guess),
        false_negative=sum(1 for label, guess in pairs if label and not guess),
        true_negative=sum(1 for label, guess in pairs if not label and not guess),
    )


def evaluate(items: Sequence[Mapping[str, Any]], *, threshold: float = DEFAULT_THRESHOLD) -> Scores:
    """Return the scores of detection at `threshold` on the labelled `items`."""
    return score([bool(item["label"]) for item in items], predict(items, threshold=threshold))


def split(items: Sequence[Mapping[str, Any]]) -> tuple[list[Any], list[Any]]:
    """Return (tuning, held-out) parts of a labelled set: every fourth item is held out.

    Weights and the default threshold are chosen on the tuning part only; the held-out part
    checks that they generalise. The fixture's order is shuffled once when it is written.
    """
    tuning = [item for index, item in enumerate(items) if index % 4]
    held_out = [item for index, item in enumerate(items) if not index % 4]
    return tuning, held_out
