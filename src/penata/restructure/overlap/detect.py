"""Find duty statements of different units that say the same thing (tumpang tindih tugas).

`find_overlaps` analyses every statement (`normalize.analyse`), sets generic ones aside,
merges statements whose content stems are identical into one *text*, vectorises the texts
(`vectorize.vectorize`) and searches, for each text, the texts whose cosine similarity is at
least the threshold. Pairs of statements held by different units become `Pair`s; pairs that
share a statement are joined into `Cluster`s (union–find), so a duty spread over three units
is one finding.

Boilerplate. Every unit plans, budgets, reports on and supervises its own work, and the
Perwali says so in the same words for each: "menyusun rencana kerja Bidang X", "membagi tugas
kepada bawahan", "melaksanakan tugas lain yang diberikan oleh pimpinan". Two units holding
such a duty do not overlap — each does it for itself, and merging them would not remove any
work. Such statements are recognised by vocabulary, not by frequency: a statement is
*generic* when, outside the name of its own unit ("Bidang …", "Seksi …", "di lingkungan
Dinas"), it has only words of self-administration (`lexicon.GENERIC_WORDS`). Generic
statements are listed in `OverlapResult.generic` and never paired. The same words are
down-weighted inside substantive statements, so "menyusun rencana pengelolaan sampah" and
"menyusun rencana pengembangan pasar" are compared by their objects. Frequency-based
suppression was rejected: a substantive duty copied into many units ("mengelola data
statistik sektoral" in every dinas) is the very overlap the analyst is looking for, and it is
as frequent as boilerplate.

Search. Not all pairs: each chunk of rows is multiplied by the word vectors of the rows after
it (a sparse product, so only texts sharing a word meet), with the very common words of a row
left out of this *candidate* product while their weight in that row stays small. Candidates
above a floor derived from the threshold, at most `TOP_K` per row, are then scored exactly on
the full vectors. Cost grows with the number of texts sharing rare words, not with n².

Pure: no Django import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from penata.restructure.overlap.normalize import (
    Analysis,
    StemCache,
    analyse,
    default_stem_cache,
    vocabulary,
)
from penata.restructure.overlap.vectorize import WORD_WEIGHT, Vectors, vectorize

DEFAULT_THRESHOLD = 0.45
TOP_K = 100  # candidate neighbours kept per text before exact scoring
CHUNK_ROWS = 2048
EVIDENCE_TERMS = 5
# A word held by more texts than this is left out of a row's candidate vector, as long as the
# words left out carry at most PRUNE_MASS of that row's (unit-length) word vector.
COMMON_DF_MIN = 200
COMMON_DF_FRACTION = 0.01
PRUNE_MASS = 0.25
CANDIDATE_SLACK = 0.15

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Statement:
    """One duty statement (uraian tugas) of a unit; `id` is unique in one run."""

    id: str
    unit: str
    text: str
    position: str = ""


@dataclass(frozen=True, slots=True)
class Pair:
    """Two statements of different units; `a` comes first in the input."""

    a: str
    b: str
    score: float
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cluster:
    """Statements linked by pairs: one duty held by several units."""

    ids: tuple[str, ...]
    units: tuple[str, ...]


@dataclass(frozen=True)
class OverlapResult:
    """Pairs by score (highest first), clusters by number of units, generic statement ids."""

    pairs: list[Pair]
    clusters: list[Cluster]
    generic: list[str] = field(default_factory=list)


def find_overlaps(
    statements: Sequence[Statement],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    stems: StemCache | None = None,
) -> OverlapResult:
    """Return the pairs of statements of different units with similarity ≥ `threshold`.

    `progress(done, total)` is called as texts are searched. Raises ValueError on a
    threshold outside (0, 1] or on duplicate ids. The output order is deterministic: pairs by
    score descending, then by input order of `a` and `b`.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    _check_unique_ids(statements)
    cache = stems or default_stem_cache()
    analyses = [analyse(statement.text, cache) for statement in statements]
    units = [" ".join(statement.unit.split()).casefold() for statement in statements]
    generic = [
        statement.id
        for statement, analysis in zip(statements, analyses, strict=True)
        if analysis.is_generic
    ]

    texts: dict[tuple[str, ...], list[int]] = {}
    for index, analysis in enumerate(analyses):
        if not analysis.is_generic:
            texts.setdefault(analysis.stems, []).append(index)
    members = list(texts.values())
    if not members:
        if progress:
            progress(0, 0)
        return OverlapResult(pairs=[], clusters=[], generic=generic)

    vectors = vectorize([analyses[group[0]] for group in members], stems=cache)
    similar = similar_rows(vectors, threshold=threshold, progress=progress)
    # Identical texts are one row; their statements pair with each other at 1.0.
    similar.extend((group, group, 1.0) for group in range(len(members)))
    generic_stems = vocabulary(cache).generic

    found: list[tuple[float, int, int, tuple[str, ...]]] = []
    for first, second, score in similar:
        evidence = _evidence(vectors, first, second, generic_stems)
        rounded = round(min(score, 1.0), 4)
        for i in members[first]:
            for j in members[second]:
                if (first == second and j <= i) or units[i] == units[j]:
                    continue
                a, b = (i, j) if i < j else (j, i)
                found.append((rounded, a, b, _readable(evidence, analyses[a])))
    found.sort(key=lambda item: (-item[0], item[1], item[2]))
    pairs = [
        Pair(a=statements[a].id, b=statements[b].id, score=score, terms=terms)
        for score, a, b, terms in found
    ]
    clusters = _clusters(statements, [(a, b) for _, a, b, _ in found])
    return OverlapResult(pairs=pairs, clusters=clusters, generic=generic)


def similar_rows(
    vectors: Vectors, *, threshold: float, progress: Progress | None = None
) -> list[tuple[int, int, float]]:
    """Return (i, j, cosine) for rows i < j of `vectors` with cosine ≥ `threshold`."""
    matrix = vectors.matrix
    count = matrix.shape[0]
    index = _candidate_index(vectors.words, vectors.document_frequency)
    floor = max(0.0, (threshold - (1.0 - WORD_WEIGHT)) / WORD_WEIGHT - CANDIDATE_SLACK)
    found: list[tuple[int, int, float]] = []
    for start in range(0, count, CHUNK_ROWS):
        stop = min(count, start + CHUNK_ROWS)
        product = (index[start:stop] @ index[start:].T).tocoo()
        rows = product.row.astype(np.int64) + start
        columns = product.col.astype(np.int64) + start
        keep = (columns > rows) & (product.data >= floor)
        rows, columns, partial = rows[keep], columns[keep], product.data[keep]
        rows, columns = _top_per_row(rows, columns, partial, TOP_K)
        if rows.size:
            exact = np.asarray(matrix[rows].multiply(matrix[columns]).sum(axis=1)).ravel()
            hit = exact >= threshold - 1e-9
            found.extend(
                zip(rows[hit].tolist(), columns[hit].tolist(), exact[hit].tolist(), strict=True)
            )
        if progress:
            progress(stop, count)
    return found


def _candidate_index(words: sp.csr_matrix, frequency: np.ndarray) -> sp.csr_matrix:
    """Return `words` without the common words of each row that carry little of its weight."""
    count = words.shape[0]
    common = max(COMMON_DF_MIN, int(COMMON_DF_FRACTION * count))
    coo = words.tocoo()
    df = frequency[coo.col]
    # Within each row, most common words first; drop while their squared mass stays small.
    order = np.lexsort((coo.col, -df, coo.row))
    rows, columns, data, df = coo.row[order], coo.col[order], coo.data[order], df[order]
    is_common = df > common
    mass = np.where(is_common, data * data, np.inf)
    cumulative = np.cumsum(np.where(np.isinf(mass), 0.0, mass))
    starts = np.searchsorted(rows, rows, side="left")
    before = np.concatenate(([0.0], cumulative))[starts]
    # A row's run of common words is a prefix; once a rare word appears nothing more drops.
    seen_rare = np.maximum.accumulate(np.where(~is_common, np.arange(len(rows)), -1))
    in_prefix = seen_rare < starts
    drop = is_common & in_prefix & (cumulative - before <= PRUNE_MASS**2)
    kept = ~drop
    return sp.csr_matrix(
        (data[kept], (rows[kept], columns[kept])), shape=words.shape, dtype=words.dtype
    )


def _top_per_row(
    rows: np.ndarray, columns: np.ndarray, values: np.ndarray, limit: int
) -> tuple[np.ndarray, np.ndarray]:
    order = np.lexsort((columns, -values, rows))
    rows, columns = rows[order], columns[order]
    rank = np.arange(rows.size) - np.searchsorted(rows, rows, side="left")
    keep = rank < limit
    return rows[keep], columns[keep]


def _evidence(vectors: Vectors, first: int, second: int, generic: frozenset[str]) -> list[str]:
    """Return the stems shared by two rows, heaviest first, substantive before generic."""
    words = vectors.words
    left = dict(
        zip(
            words.indices[words.indptr[first] : words.indptr[first + 1]].tolist(),
            words.data[words.indptr[first] : words.indptr[first + 1]].tolist(),
            strict=True,
        )
    )
    shared: list[tuple[bool, float, str]] = []
    for column, weight in zip(
        words.indices[words.indptr[second] : words.indptr[second + 1]].tolist(),
        words.data[words.indptr[second] : words.indptr[second + 1]].tolist(),
        strict=True,
    ):
        if column in left:
            stem = vectors.vocabulary[column]
            shared.append((stem in generic, -left[column] * weight, stem))
    shared.sort()
    return [stem for _, _, stem in shared[:EVIDENCE_TERMS]]


def _readable(stems: list[str], analysis: Analysis) -> tuple[str, ...]:
    """Return each stem as the word statement `a` used for it."""
    surface: dict[str, str] = {}
    for stem, word in zip(analysis.stems, analysis.surfaces, strict=True):
        surface.setdefault(stem, word)
    return tuple(surface.get(stem, stem) for stem in stems)


def _clusters(statements: Sequence[Statement], links: list[tuple[int, int]]) -> list[Cluster]:
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for node in sorted(parent):
        groups.setdefault(root(node), []).append(node)
    clusters = []
    for nodes in groups.values():
        units = tuple(dict.fromkeys(statements[node].unit for node in nodes))
        clusters.append((nodes, Cluster(tuple(statements[n].id for n in nodes), units)))
    clusters.sort(key=lambda item: (-len(item[1].units), -len(item[0]), item[0][0]))
    return [cluster for _, cluster in clusters]


def _check_unique_ids(statements: Sequence[Statement]) -> None:
    seen: set[str] = set()
    for statement in statements:
        if statement.id in seen:
            raise ValueError(f"duplicate statement id {statement.id!r}")
        seen.add(statement.id)
