"""Dutch text handling for full-text search: normalising, compound splitting, stemming.

Pure Python on purpose (no Django): the SQLite FTS5 index, the PostgreSQL query
builder and offline scripts all share it. The stemmer and stop words match
PostgreSQL's 'dutch' text search configuration so both back ends index alike.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from snowballstemmer import DutchPorterStemmer

__all__ = [
    "STOPWORDS",
    "CompoundSplitter",
    "default_splitter",
    "expand",
    "index_terms",
    "normalise",
    "search_terms",
    "split_compound",
    "stem",
    "tokenize",
]

# Snowball's Dutch stop-word list, in the order of PostgreSQL 15's
# tsearch_data/dutch.stop. Kept inline so nothing reads that file at run time,
# as a word block so it is easy to compare with that file.
_STOPWORD_BLOCK = """
de en van ik te dat die in een hij het niet zijn is was op aan met als voor
had er maar om hem dan zou of wat mijn men dit zo door over ze zich bij ook
tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal
me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt
wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_BLOCK.split())

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "compound_parts.txt"

MIN_PART_LENGTH = 3
MAX_PARTS = 3
# Linking morphemes between parts: werkervaring-s-plek, klant-en-service.
LINKERS: tuple[str, ...] = ("", "s", "e", "en")

_CACHE_SIZE = 1 << 18

# ---------------------------------------------------------------------------
# Normalising
# ---------------------------------------------------------------------------

_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# Letters NFKD leaves alone but that readers treat as Latin letters.
_EXTRA_FOLDS = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
}


def _fold_char(char: str) -> str:
    """Fold one character to a-z0-9, '' (combining mark) or ' ' (anything else)."""
    out = []
    for lowered in char.lower():
        decomposed = unicodedata.normalize("NFKD", _EXTRA_FOLDS.get(lowered, lowered))
        for part in decomposed:
            if part in _ALNUM:
                out.append(part)
            elif not unicodedata.combining(part):
                out.append(" ")
    return "".join(out)


class _FoldTable(dict[int, str]):
    """str.translate table that folds each code point once, on first sight.

    One C-level translate pass is much faster than per-character Python code,
    and the table stays small: it only holds characters actually seen.
    """

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable({codepoint: _fold_char(chr(codepoint)) for codepoint in range(128)})


def normalise(text: str) -> str:
    """Lowercase, strip diacritics, turn everything but a-z0-9 into single spaces."""
    return " ".join(text.translate(_FOLD_TABLE).split())


def tokenize(text: str) -> list[str]:
    """Split text into normalised tokens."""
    return text.translate(_FOLD_TABLE).split()


# ---------------------------------------------------------------------------
# Compound splitting
# ---------------------------------------------------------------------------


def _tail_bases(segment: str) -> Iterator[tuple[str, int]]:
    """Yield (base, stripped) readings of a final part, with plural endings removed.

    Only the last part of a compound carries the inflection
    (magazijnmedewerker-s, werkervaringsplek-ken, banenmarkt-en).
    """
    yield segment, 0
    if segment.endswith("s"):
        yield segment[:-1], 1
    if segment.endswith("en"):
        yield segment[:-1], 1  # verzorgenden -> verzorgende
        yield segment[:-2], 2  # banenmarkten -> banenmarkt
        if len(segment) > 4 and segment[-3] == segment[-4]:
            yield segment[:-3], 3  # doubled consonant: plekken -> plek


def _split_key(candidate: tuple[tuple[str, ...], int]) -> tuple[tuple[int, ...], int]:
    """Rank splits with equal part counts: longest first part, then next, then fewest extras."""
    parts, extra = candidate
    return tuple(-len(part) for part in parts), extra


class CompoundSplitter:
    """Splits Dutch compounds into words from a lexicon.

    Preference: fewest parts, then the longest first part (then second part),
    then the fewest linking or plural letters. Results are memoised per
    instance; adding words clears the memo.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._words: set[str] = set()
        self._max_length = 0
        self._cached_split = lru_cache(maxsize=_CACHE_SIZE)(self._compute)
        self.add_words(words)

    @classmethod
    def from_file(cls, path: Path) -> CompoundSplitter:
        """Build a splitter from a word list: one word per line, '#' starts a comment."""
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls(line.split("#", 1)[0] for line in lines)

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __len__(self) -> int:
        return len(self._words)

    def add_words(self, words: Iterable[str]) -> None:
        """Register lexicon words (normalised here); multi-word entries add each word."""
        added = False
        for entry in words:
            for word in tokenize(entry):
                if len(word) >= MIN_PART_LENGTH and word.isalpha() and word not in self._words:
                    self._words.add(word)
                    self._max_length = max(self._max_length, len(word))
                    added = True
        if added:
            self._cached_split.cache_clear()

    def split(self, word: str) -> list[str]:
        """Return the parts of a compound, or [] when it is no compound of known words."""
        return list(self._cached_split(word))

    def parts(self, word: str) -> tuple[str, ...]:
        """Like split() but returns the memoised tuple itself (no copy) for hot loops."""
        return self._cached_split(word)

    def _compute(self, word: str) -> tuple[str, ...]:
        word = normalise(word)
        # Longest possible compound: MAX_PARTS parts plus linkers and a plural ending.
        longest = MAX_PARTS * (self._max_length + 2) + 3
        if len(word) < 2 * MIN_PART_LENGTH or len(word) > longest or not word.isalpha():
            return ()
        for count in range(2, MAX_PARTS + 1):
            candidates = list(self._splits(word, count))
            if candidates:
                return min(candidates, key=_split_key)[0]
        return ()

    def _splits(self, segment: str, count: int) -> Iterator[tuple[tuple[str, ...], int]]:
        """Yield (parts, extra letters) for every split of segment into exactly count parts."""
        if count == 1:
            for base, stripped in _tail_bases(segment):
                if len(base) >= MIN_PART_LENGTH and base in self._words:
                    yield (base,), stripped
            return
        room = len(segment) - (count - 1) * MIN_PART_LENGTH
        for end in range(min(self._max_length, room), MIN_PART_LENGTH - 1, -1):
            head = segment[:end]
            if head not in self._words:
                continue
            for linker in LINKERS:
                if not segment.startswith(linker, end):
                    continue
                rest = segment[end + len(linker) :]
                for tail, extra in self._splits(rest, count - 1):
                    yield (head, *tail), extra + len(linker)


_default: CompoundSplitter | None = None
_default_lock = threading.Lock()


def default_splitter() -> CompoundSplitter:
    """The shared splitter built from compound_parts.txt, loaded once on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = CompoundSplitter.from_file(LEXICON_PATH)
    return _default


def split_compound(word: str) -> list[str]:
    """Split a normalised Dutch compound with the default lexicon; [] if it is none."""
    return default_splitter().split(word)


def expand(text: str) -> list[str]:
    """Tokens of text, each compound followed by its parts."""
    parts = default_splitter().parts
    terms: list[str] = []
    for token in tokenize(text):
        terms.append(token)
        terms.extend(parts(token))
    return terms


# ---------------------------------------------------------------------------
# Stemming and index/query terms
# ---------------------------------------------------------------------------

# Snowball stemmer objects keep state while stemming, so each thread gets its own.
_stemmers = threading.local()


def _stemmer() -> DutchPorterStemmer:
    stemmer = getattr(_stemmers, "dutch", None)
    if stemmer is None:
        # 'dutch_porter' is the algorithm PostgreSQL's 'dutch' config still uses;
        # snowballstemmer's plain 'dutch' is the newer, different algorithm.
        stemmer = DutchPorterStemmer()
        _stemmers.dutch = stemmer
    return stemmer


@lru_cache(maxsize=_CACHE_SIZE)
def stem(word: str) -> str:
    """Stem a normalised word the way PostgreSQL's 'dutch' configuration does."""
    return _stemmer().stemWord(word)


def index_terms(text: str) -> list[str]:
    """Stemmed terms for an SQLite FTS5 index: tokens plus compound parts, no stop words."""
    return [stem(term) for term in expand(text) if term not in STOPWORDS]


def search_terms(text: str, max_terms: int = 20) -> list[tuple[str, list[str]]]:
    """Unstemmed (token, compound parts) pairs for a user query, deduplicated and capped."""
    seen: set[str] = set()
    tokens: list[str] = []
    for token in tokenize(text):
        if len(tokens) >= max_terms:
            break
        if token in STOPWORDS or token in seen:
            continue
        seen.add(token)
        tokens.append(token)
    return [(token, split_compound(token)) for token in tokens]
