"""Normalise Indonesian duty statements (uraian tugas) into content stems.

Steps, in order: Unicode NFKC and lower case; list numbering removed ("1.", "a)", "iv.",
"(2)", bullets); punctuation and hyphens to spaces; filler phrases removed and fixed terms
joined (`lexicon.PHRASES`); stopwords removed (`data/stopwords_id.txt`, shipped with the
package); each remaining word stemmed with Sastrawi (through `StemCache`), loanword fixes
(`STEM_OVERRIDES`) and synonyms (`SYNONYMS`) applied; filler stems ("melaksanakan",
"kegiatan", "tugas", …) dropped.

The analysis also decides whether a statement is *generic*: nothing in it but the
administration of its own unit (planning, reporting, evaluating, directing staff — see
`lexicon.GENERIC_STEMS`), with any words after a unit-kind word ("Bidang …", "Seksi …",
"di lingkungan Dinas") read as the name of that unit. Generic statements are not compared.

Pure Python: no Django import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from penata.restructure.overlap import lexicon

# Leading list numbering: "1.", "1.2.", "a)", "(b)", "iv.", "-", "•"; repeated ("1. a) …").
_LEADING_NUMBERING = re.compile(
    r"^(?:\s*(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6})[.)]|[-–—•*·▪●○]|\(\d{1,3}\)))+\s+",
    re.IGNORECASE,
)
# Inline enumerators inside a statement: "(1)", "a)", "2)".
_INLINE_NUMBERING = re.compile(
    r"\(\s*(?:\d{1,3}|[a-z]|[ivx]{1,5})\s*\)|(?<![\w(])(?:\d{1,3}|[a-z])\)"
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ROMAN = re.compile(r"[ivxlc]+")
_PHRASE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(key) for key in sorted(lexicon.PHRASES, key=len, reverse=True))
    + r")\b"
)


def normalize_text(text: str) -> str:
    """Return `text` lower-cased, without numbering or punctuation, phrases rewritten."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _LEADING_NUMBERING.sub(" ", " " + text.strip()).strip()
    text = _INLINE_NUMBERING.sub(" ", text)
    text = " ".join(_NON_WORD.split(text)).strip()
    text = _PHRASE.sub(lambda match: lexicon.PHRASES[match.group(0)], text)
    return " ".join(text.split())


class StemCache:
    """Sastrawi stemming with one cached result per distinct word.

    Sastrawi tries dozens of affix rules and dictionary look-ups per word (tens of µs for
    a plain word, far more for a long derived one); duty texts reuse a few thousand words,
    so each is stemmed once. `hits` and `misses` count look-ups for benchmarks.
    """

    def __init__(self, stem_word: Callable[[str], str] | None = None) -> None:
        self._stem_word = stem_word
        self._stems: dict[str, str] = {}
        self.vocabulary: Vocabulary | None = None
        self.word_infos: dict[str, WordInfo] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._stems)

    def stem(self, word: str) -> str:
        """Return the stem of one lower-case word."""
        stem = self._stems.get(word)
        if stem is not None:
            self.hits += 1
            return stem
        self.misses += 1
        stem = lexicon.STEM_OVERRIDES.get(word) or self._sastrawi()(word) or word
        self._stems[word] = stem
        return stem

    def _sastrawi(self) -> Callable[[str], str]:
        if self._stem_word is None:
            self._stem_word = sastrawi_stemmer()
        return self._stem_word


@cache
def sastrawi_stemmer() -> Callable[[str], str]:
    """Return Sastrawi's word stemmer without its own text normaliser and cache."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    # The factory wraps the stemmer in a cache that re-normalises the text on every call;
    # StemCache already holds clean single words.
    delegated = getattr(stemmer, "delegatedStemmer", stemmer)
    stem: Callable[[str], str] = delegated.stem
    return stem


@cache
def default_stem_cache() -> StemCache:
    """Return the process-wide stem cache (stems of a word never change)."""
    return StemCache()


@dataclass(frozen=True)
class Vocabulary:
    """The word lists of `lexicon`, as stems of the stemmer in use."""

    filler: frozenset[str]
    generic: frozenset[str]
    unit_kind: frozenset[str]
    staff: frozenset[str]
    support: frozenset[str]
    synonyms: dict[str, str]


def vocabulary(stems: StemCache | None = None) -> Vocabulary:
    """Return the lexicon's word lists stemmed (computed once per stem cache)."""
    stems = default_stem_cache() if stems is None else stems
    if stems.vocabulary is None:

        def stemmed(words: tuple[str, ...]) -> frozenset[str]:
            return frozenset(_stem_phrase(word, stems) for word in words)

        stems.vocabulary = Vocabulary(
            filler=stemmed(lexicon.FILLER_WORDS),
            generic=stemmed(lexicon.GENERIC_WORDS),
            unit_kind=stemmed(lexicon.UNIT_KIND_WORDS),
            staff=stemmed(lexicon.STAFF_WORDS),
            support=stemmed(lexicon.SUPPORT_WORDS),
            synonyms={
                _stem_phrase(word, stems): _stem_phrase(target, stems)
                for word, target in lexicon.SYNONYMS.items()
            },
        )
    return stems.vocabulary


def _stem_phrase(word: str, stems: StemCache) -> str:
    # A listed word may contain a hyphen ("perundang-undangan"); statements lose theirs in
    # normalize_text, so read the list the same way and keep the first part's stem.
    return stems.stem(normalize_text(word).split()[0])


@dataclass(frozen=True, slots=True)
class Analysis:
    """The content of one statement: stems in order, the words they came from, genericity."""

    stems: tuple[str, ...]
    surfaces: tuple[str, ...]
    is_generic: bool


# Flags of a kept word (see analyse).
_UNIT_KIND, _STAFF, _GENERIC, _SUPPORT = 1, 2, 4, 8
WordInfo = tuple[str, int] | None  # (stem, flags), or None for a dropped word


def _word_info(word: str, stems: StemCache, words: Vocabulary) -> WordInfo:
    """Return how `word` enters an analysis; cached per word in `stems`."""
    if word in stems.word_infos:
        return stems.word_infos[word]
    info: WordInfo = None
    if not (
        len(word) < 2 or word.isdigit() or _ROMAN.fullmatch(word) or word in lexicon.stopwords()
    ):
        stem = lexicon.SURFACE_KEEP.get(word)
        if stem is None:
            stem = stems.stem(word)
            stem = "" if stem in words.filler else stem
        stem = words.synonyms.get(stem, stem)
        if stem:
            flags = (
                (_UNIT_KIND if stem in words.unit_kind else 0)
                | (_STAFF if stem in words.staff else 0)
                | (_GENERIC if stem in words.generic else 0)
                | (_SUPPORT if stem in words.support else 0)
            )
            info = (stem, flags)
    stems.word_infos[word] = info
    return info


def analyse(text: str, stems: StemCache | None = None) -> Analysis:
    """Return the content stems of `text` and whether it is a generic duty.

    A statement is generic when its words before the name of its own unit are all
    self-administration (`lexicon.GENERIC_WORDS`), or — when it points at its own unit or
    staff ("… Dinas", "… bawahan") — self-administration or support functions
    (`lexicon.SUPPORT_WORDS`).
    """
    stems = default_stem_cache() if stems is None else stems
    words = vocabulary(stems)
    kept_stems: list[str] = []
    kept_surfaces: list[str] = []
    in_unit_name = False
    refers_to_itself = False
    has_substance = False
    has_other_than_support = False
    previous = ""
    for word in normalize_text(text).split():
        info = _word_info(word, stems, words)
        if info is not None:
            stem, flags = info
            if flags & _UNIT_KIND and previous not in lexicon.FIELD_MARKERS:
                in_unit_name = True
                refers_to_itself = True
            if flags & _STAFF:
                refers_to_itself = True
            if not in_unit_name and not flags & _GENERIC:
                has_substance = True
                if not flags & _SUPPORT:
                    has_other_than_support = True
            kept_stems.append(stem)
            kept_surfaces.append(word)
        previous = word
    is_generic = not has_substance or (refers_to_itself and not has_other_than_support)
    return Analysis(tuple(kept_stems), tuple(kept_surfaces), is_generic=is_generic)
