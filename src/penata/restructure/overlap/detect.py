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

Search. Not all pairs: `search.similar_rows` uses prefix filtering over blocked sparse
products, which meets only texts sharing a word that can matter and returns exactly the pairs
a brute-force scan would (see that module).

Pure: no Django import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from penata.restructure.overlap import lexicon
from penata.restructure.overlap.normalize import (
    Analysis,
    StemCache,
    analyse,
    default_stem_cache,
    vocabulary,
)
from penata.restructure.overlap.search import shared_terms, similar_rows
from penata.restructure.overlap.vectorize import vectorize

DEFAULT_THRESHOLD = 0.45  # chosen on the tuning part of tests/fixtures/overlap_pairs.json
EVIDENCE_TERMS = 5

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
    cache = default_stem_cache() if stems is None else stems
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
    # Identical texts are one row; their statements of different units pair at 1.0.
    shared = np.array(
        [index for index, group in enumerate(members) if len({units[i] for i in group}) > 1],
        dtype=np.int64,
    )
    first = np.concatenate([similar.first, shared])
    second = np.concatenate([similar.second, shared])
    scores = np.concatenate([similar.score, np.ones(shared.size)])
    generic_stems = vocabulary(cache).generic
    is_generic = np.array([stem in generic_stems for stem in vectors.vocabulary], dtype=bool)
    evidence = shared_terms(vectors, first, second, is_generic=is_generic, limit=EVIDENCE_TERMS)
    # Show each stem as the representative statement of the first text wrote it.
    surfaces: dict[int, dict[str, str]] = {}

    found: list[tuple[float, int, int, tuple[str, ...]]] = []
    for text_a, text_b, score, columns in zip(
        first.tolist(), second.tolist(), scores.tolist(), evidence, strict=True
    ):
        pairs_of_texts = [
            (i, j)
            for i in members[text_a]
            for j in members[text_b]
            if (text_a != text_b or i < j) and units[i] != units[j]
        ]
        if not pairs_of_texts:
            continue
        if text_a not in surfaces:
            surfaces[text_a] = _surfaces(analyses[members[text_a][0]])
        terms = tuple(
            surfaces[text_a].get(stem, stem)
            for stem in (vectors.vocabulary[column] for column in columns)
        )
        rounded = round(score, 4)
        for i, j in pairs_of_texts:
            a, b = (i, j) if i < j else (j, i)
            found.append((rounded, a, b, terms))
    found.sort(key=lambda item: (-item[0], item[1], item[2]))
    pairs = [
        Pair(a=statements[a].id, b=statements[b].id, score=score, terms=terms)
        for score, a, b, terms in found
    ]
    clusters = _clusters(statements, units, [(a, b) for _, a, b, _ in found])
    return OverlapResult(pairs=pairs, clusters=clusters, generic=generic)


def _surfaces(analysis: Analysis) -> dict[str, str]:
    """Return the word the statement used for each of its stems (the first one)."""
    surface: dict[str, str] = {}
    for stem, word in zip(analysis.stems, analysis.surfaces, strict=True):
        surface.setdefault(stem, lexicon.READABLE.get(word, word))
    return surface


def _clusters(
    statements: Sequence[Statement], units: list[str], links: list[tuple[int, int]]
) -> list[Cluster]:
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
        # One name per unit, as first written (units compare ignoring case and spacing).
        names: dict[str, str] = {}
        for node in nodes:
            names.setdefault(units[node], statements[node].unit)
        cluster = Cluster(tuple(statements[node].id for node in nodes), tuple(names.values()))
        clusters.append((nodes, cluster))
    clusters.sort(key=lambda item: (-len(item[1].units), -len(item[0]), item[0][0]))
    return [cluster for _, cluster in clusters]


def _check_unique_ids(statements: Sequence[Statement]) -> None:
    seen: set[str] = set()
    for statement in statements:
        if statement.id in seen:
            raise ValueError(f"duplicate statement id {statement.id!r}")
        seen.add(statement.id)
