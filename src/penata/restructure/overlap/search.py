"""Find all pairs of rows whose similarity reaches a threshold, without comparing all pairs.

The similarity is s = α·w + (1−α)·c, with w the cosine of the word vectors and c that of the
character vectors, both in [0, 1]. So s ≥ t needs w ≥ τ = (t − (1−α)) / α, and only pairs
that reach τ on words are worth scoring.

Prefix filtering (Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", WWW
2007) finds them. Order each row's words from the most common to the rarest and cut off the
longest run of common words whose norm stays below τ: the *prefix* p; the rest is the
*suffix* s. For rows x, y of unit length, x·y ≤ x_s·y + ‖x_p‖ < x_s·y + τ, so a pair with
x·y ≥ τ shares at least one word of x's suffix. Each chunk of rows is multiplied by the rows
after it in one sparse product, [x_s x_p]·[y y_s] = x_s·y + x_p·y_s = x·y − x_p·y_p, in which
common words never meet each other — that is where the quadratic cost of all-pairs lives. A
pair is a candidate when this value plus ‖x_p‖·‖y_p‖ reaches τ; candidates get the missing
x_p·y_p (a few common words per row) and then their character score.

Up to here the result equals a brute-force scan at the same threshold. On large inputs a word
held by more than max(COMMON_MIN, COMMON_FRACTION·n) texts also goes to the prefix whatever
its weight: pairs whose only shared words are such words are no longer met. This keeps the
cost near-linear when a few hundred words recur in every part of a big government;
bench/bench_overlap.py measures the recall it costs against brute force (0.999 on 100,000
synthetic statements). Below 100,000 texts the cap only touches words in over 1,000 texts.

If t ≤ 1 − α a pair can qualify on characters alone; the same filter then runs on the
joined vectors with bound t (exact, slower).

Pure: numpy and scipy; no Django import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from penata.restructure.overlap.vectorize import Vectors

CHUNK_ROWS = 2048
SCORE_BATCH = 250_000  # candidate pairs scored at once (bounds the memory of fancy indexing)
_EPSILON = 1e-9
COMMON_MIN = 1000
COMMON_FRACTION = 0.01


@dataclass(frozen=True)
class RowPairs:
    """Pairs of rows i < j with their similarity, in order of discovery."""

    first: np.ndarray
    second: np.ndarray
    score: np.ndarray

    def __len__(self) -> int:
        return int(self.first.size)


def similar_rows(
    vectors: Vectors, *, threshold: float, progress: Callable[[int, int], None] | None = None
) -> RowPairs:
    """Return every pair of rows i < j whose similarity is at least `threshold`."""
    alpha = vectors.word_weight
    word_bound = (threshold - (1.0 - alpha)) / alpha if alpha > 0 else 0.0
    if word_bound > 0:
        base, bound = vectors.words, word_bound
    else:
        base, bound = vectors.matrix, threshold
    frequency = np.bincount(base.indices, minlength=base.shape[1])
    common = max(COMMON_MIN, int(COMMON_FRACTION * base.shape[0]))
    suffix, prefix, prefix_norm = _split_prefix(base, frequency, bound, common)
    left = sp.hstack([suffix, prefix], format="csr")
    right = sp.hstack([base, suffix], format="csr")
    count = base.shape[0]
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, count, CHUNK_ROWS):
        stop = min(count, start + CHUNK_ROWS)
        # x·y − x_p·y_p, on every pair sharing a word of either suffix; positions are
        # relative to `start` and kept int32 (these arrays are the biggest of the run).
        partial = left[start:stop] @ right[start:].T
        rows = np.repeat(np.arange(stop - start, dtype=np.int32), np.diff(partial.indptr))
        columns = partial.indices
        keep = columns > rows
        keep &= partial.data + prefix_norm[start:stop][rows] * prefix_norm[start:][columns] >= (
            bound - _EPSILON
        )
        first = rows[keep].astype(np.int64) + start
        second = columns[keep].astype(np.int64) + start
        known = partial.data[keep]
        del partial, rows, columns, keep
        for batch in range(0, first.size, SCORE_BATCH):
            part = slice(batch, batch + SCORE_BATCH)
            found.append(
                _score(
                    vectors,
                    prefix,
                    first[part],
                    second[part],
                    known[part],
                    bound=bound,
                    threshold=threshold,
                    on_words=word_bound > 0,
                )
            )
        if progress:
            progress(stop, count)
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return RowPairs(empty, empty, np.zeros(0))
    return RowPairs(
        first=np.concatenate([part[0] for part in found]),
        second=np.concatenate([part[1] for part in found]),
        score=np.concatenate([part[2] for part in found]),
    )


def shared_terms(
    vectors: Vectors,
    first: np.ndarray,
    second: np.ndarray,
    *,
    is_generic: np.ndarray,
    limit: int,
) -> list[list[int]]:
    """Return, per pair, the word columns both rows hold: substantive first, heaviest first."""
    if first.size == 0:
        return []
    words = vectors.words
    shared = sp.csr_matrix(words[first].multiply(words[second])).tocoo()
    order = np.lexsort((shared.col, -shared.data, is_generic[shared.col], shared.row))
    rows, columns = shared.row[order], shared.col[order]
    rank = np.arange(rows.size) - np.searchsorted(rows, rows, side="left")
    keep = rank < limit
    result: list[list[int]] = [[] for _ in range(first.size)]
    for row, column in zip(rows[keep].tolist(), columns[keep].tolist(), strict=True):
        result[row].append(column)
    return result


def _split_prefix(
    matrix: sp.csr_matrix, frequency: np.ndarray, bound: float, common: int
) -> tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray]:
    """Return (suffix, prefix, prefix norm) of each row: the prefix is its common columns."""
    coo = matrix.tocoo()
    order = np.lexsort((coo.col, -frequency[coo.col], coo.row))
    rows, columns, data = coo.row[order], coo.col[order], coo.data[order]
    is_common = frequency[columns] > common
    cumulative = np.cumsum(np.where(is_common, 0.0, data * data))
    starts = np.searchsorted(rows, rows, side="left")
    before = np.concatenate(([0.0], cumulative))[starts]
    within = cumulative - before  # squared norm of the row's other entries up to this one
    in_prefix = is_common | (within < (bound * (1.0 - _EPSILON)) ** 2)
    prefix_mass = np.zeros(matrix.shape[0])
    np.add.at(prefix_mass, rows[in_prefix], data[in_prefix] ** 2)

    def part(mask: np.ndarray) -> sp.csr_matrix:
        return sp.csr_matrix((data[mask], (rows[mask], columns[mask])), shape=matrix.shape)

    return part(~in_prefix), part(in_prefix), np.sqrt(prefix_mass)


def _score(
    vectors: Vectors,
    prefix: sp.csr_matrix,
    first: np.ndarray,
    second: np.ndarray,
    known: np.ndarray,
    *,
    bound: float,
    threshold: float,
    on_words: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    exact = known + _row_dots(prefix, first, second)
    keep = exact >= bound - _EPSILON
    first, second, exact = first[keep], second[keep], exact[keep]
    if not on_words:
        return first, second, np.minimum(exact, 1.0)
    characters = _row_dots(vectors.characters, first, second)
    alpha = vectors.word_weight
    score = alpha * exact + (1.0 - alpha) * characters
    keep = score >= threshold - _EPSILON
    return first[keep], second[keep], np.minimum(score[keep], 1.0)


def _row_dots(matrix: sp.csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    if first.size == 0:
        return np.zeros(0)
    return np.asarray(matrix[first].multiply(matrix[second]).sum(axis=1)).ravel()
