"""Turn analysed statements into sparse TF-IDF vectors whose dot product is the similarity.

Two blocks, each L2-normalised; the similarity of two statements is
α·cos(words) + (1−α)·cos(characters), which is also the dot product of the rows of
`Vectors.matrix` (the blocks joined with weights √α and √(1−α)):

- words: TF-IDF over content stems (sublinear tf, smoothed idf); stems of a unit's own
  administration (`lexicon.GENERIC_WORDS`) are multiplied by `generic_weight` so that "menyusun
  rencana" weighs less than the object of the duty;
- characters: TF-IDF over character 4-grams of the substantive words as written (not
  stemmed), which catches the derivations Sastrawi leaves apart and spelling variants
  ("mengkoordinasikan"/"mengoordinasikan", "sub bagian"/"subbagian").

IDF is computed over the *distinct* texts given, so a sentence the Perwali repeats in 54
kelurahan does not make its own words look common.

Pure: numpy, scipy and scikit-learn; no Django import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from penata.restructure.overlap.normalize import Analysis, StemCache, vocabulary

WORD_WEIGHT = 0.8
GENERIC_WEIGHT = 0.5
CHAR_NGRAMS = (4, 4)


@dataclass(frozen=True)
class Vectors:
    """Rows aligned with the analyses given to `vectorize`; every row has unit length."""

    words: sp.csr_matrix  # word block
    characters: sp.csr_matrix  # character n-gram block
    word_weight: float  # α
    vocabulary: list[str]  # stem of each column of `words`
    document_frequency: np.ndarray  # distinct rows holding each word column

    @property
    def matrix(self) -> sp.csr_matrix:
        """Return both blocks joined so that the dot product of two rows is the similarity."""
        return sp.csr_matrix(
            sp.hstack(
                [
                    self.words * np.sqrt(self.word_weight),
                    self.characters * np.sqrt(1.0 - self.word_weight),
                ],
                format="csr",
            )
        )


def vectorize(
    analyses: Sequence[Analysis],
    *,
    word_weight: float = WORD_WEIGHT,
    generic_weight: float = GENERIC_WEIGHT,
    stems: StemCache | None = None,
) -> Vectors:
    """Return the TF-IDF vectors of `analyses` (one row each, in order)."""
    if not analyses:
        raise ValueError("vectorize needs at least one statement")
    generic = vocabulary(stems).generic
    words, columns, frequency = _word_block(analyses, generic, generic_weight)
    return Vectors(
        words=words,
        characters=_character_block(analyses, generic),
        word_weight=word_weight,
        vocabulary=columns,
        document_frequency=frequency,
    )


def _word_block(
    analyses: Sequence[Analysis], generic: frozenset[str], generic_weight: float
) -> tuple[sp.csr_matrix, list[str], np.ndarray]:
    columns = sorted({stem for analysis in analyses for stem in analysis.stems})
    column = {stem: index for index, stem in enumerate(columns)}
    indptr = [0]
    indices: list[int] = []
    for analysis in analyses:
        indices.extend(column[stem] for stem in analysis.stems)
        indptr.append(len(indices))
    counts = sp.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(analyses), len(columns)),
    )
    counts.sum_duplicates()
    frequency = np.bincount(counts.indices, minlength=len(columns))
    weighted = TfidfTransformer(sublinear_tf=True, norm=None).fit_transform(counts)
    scale = np.array([generic_weight if stem in generic else 1.0 for stem in columns])
    weighted = sp.csr_matrix(weighted @ sp.diags(scale))
    return normalize(weighted, norm="l2", copy=False), columns, frequency


def _character_block(analyses: Sequence[Analysis], generic: frozenset[str]) -> sp.csr_matrix:
    """TF-IDF of the character n-grams of each row's substantive words (sklearn's char_wb).

    The n-grams of a word never cross its boundaries, so they are computed once per distinct
    word and reused for every row that holds it.
    """
    grams_of: dict[str, list[int]] = {}
    columns: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for analysis in analyses:
        for stem, surface in zip(analysis.stems, analysis.surfaces, strict=True):
            if stem in generic:
                continue
            grams = grams_of.get(surface)
            if grams is None:
                grams = [columns.setdefault(gram, len(columns)) for gram in _char_ngrams(surface)]
                grams_of[surface] = grams
            indices.extend(grams)
        indptr.append(len(indices))
    counts = sp.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(analyses), len(columns)),
    )
    counts.sum_duplicates()
    # Columns in n-gram order, so the matrix does not depend on the order words were met.
    order = sorted(range(len(columns)), key=list(columns).__getitem__)
    counts = sp.csr_matrix(counts[:, order])
    return sp.csr_matrix(TfidfTransformer(sublinear_tf=True).fit_transform(counts))


def _char_ngrams(word: str) -> list[str]:
    """Return the n-grams scikit-learn's `char_wb` analyser makes of one word."""
    padded = f" {word} "
    grams = []
    for size in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
        if len(padded) <= size:
            grams.append(padded)
            break
        grams.extend(padded[start : start + size] for start in range(len(padded) - size + 1))
    return grams
