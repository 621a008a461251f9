"""Occupation recognition: what people type becomes an occupation.

Pure Python with numpy, scipy and rapidfuzz, no Django: the importer, the typeahead, management
commands and the benchmark (``bench/occupation_recognition.py``) all build the same recogniser
from plain label rows ``(occupation key, label, kind)``.

How a text is compared (the same steps for labels and for queries):

1. ``werkroute.core.text.tokenize`` (lower case, no accents, no punctuation); Dutch stop words
   (van, en, de, ...) are dropped unless nothing else is left.
2. Gender forms become the form the labels use for men (or the neutral form): schoonmaakster ->
   schoonmaker, kokkin -> kok, masseuse -> masseur, directrice -> directeur, assistente ->
   assistent, lerares -> leraar, raadgeefster -> raadgever, technica -> technicus, audicienne
   -> audicien, voorvrouw -> voorman. A rule only fires when the result is a word
   of the label vocabulary (or a compound of such words), so "meester" stays "meester"; -vrouw
   always reads as -man (weervrouw -> weerman). Flemish, English and French spellings become
   the Dutch one where the labels use it: technieker -> technicus, analyst -> analist,
   assistant -> assistent, operateur -> operator, automatisatie -> automatisering.
3. Compounds are split into known words (heftruckchauffeur -> heftruck chauffeur), with the
   compound lexicon of ``werkroute.core.text`` plus every word that occurs on its own in a label,
   so "magazijn medewerker", "magazijnmedewerker" and "medewerker magazijn" look alike. A word
   the splitter cannot split but that ends in a known word is split before that head
   (stalmedewerker -> stal medewerker), in labels as in queries (gistmaker -> gist maker).
4. Features: character trigrams of every word (typos change only a few of them) and whole-word
   features (Dutch stem of every part and of every unsplit compound), weighted by TF-IDF over the
   labels and compared by cosine similarity (one sparse matrix product per query).
5. Each occupation is also one document of all its labels (same features, TF-IDF over the
   occupations), so a title whose words are spread over several of its labels still finds it.
6. Candidates (the best labels by cosine, and all labels of the best occupations by document
   cosine) are re-ranked with rapidfuzz: edit-distance ratios on the analysed text, word order
   free and with and without spaces. A label scores the mean of cosine and fuzzy ratio times a
   small weight for its kind (a preferred label beats an alternative label that reads the same).
   An occupation scores as its best label, plus a little for a second label that matches, mixed
   with its document cosine; a label that reads exactly like the query puts it ahead.
7. Word coverage: the IDF-weighted share of the query's words (stems, compound parts) that the
   labels of an occupation contain, where a word also covers in part through words used
   together with it in the labels of the same occupations (bewaking ~ beveiliging); it is
   mixed into the occupation score and brings its best occupations to the re-ranking. Optional
   evidence per occupation (ESCO description, skill labels) covers a word the labels lack at
   EVIDENCE_WEIGHT, so it only tips near ties and exact label hits still win.
8. Substitutions learned from the labels themselves: where two labels of one occupation differ
   only in a few words ("operator draadsnijmachine" / "bediener draadsnijmachine", "leerkracht X
   voortgezet onderwijs" / "onderwijsgevende X secundair onderwijs"), and the same swap occurs
   for at least two occupations, the query is also tried with that swap (counting a bit less).
9. Kinship: ESCO often gives one title to several occupations that it names alike
   ("magazijnbediende" is a label of "magazijnmedewerker" and of "pakhuismedewerker"). The
   kinship of two occupations is the cosine of their sets of analysed labels; the kin of the
   best occupation are lifted by kinship times its score (KIN_SHARE of their headroom), and
   kin that no other step found are scored too, so the other owner of a title comes close
   behind instead of after mere look-alikes.

For a typeahead, :meth:`OccupationRecogniser.suggest` also finds labels that start with what has
been typed so far ("heftr" -> heftruckchauffeur).

Figures (accuracy on held-out ESCO labels, speed): ``bench/occupation_recognition.py``.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from scipy import sparse

from werkroute.core.text import LEXICON_PATH, STOPWORDS, CompoundSplitter, stem, tokenize

__all__ = [
    "KIND_WEIGHTS",
    "LabelRow",
    "Match",
    "OccupationRecogniser",
    "analyse",
]

# How much a label of each kind counts: an exact preferred label wins a tie with an alternative.
KIND_WEIGHTS: dict[str, float] = {
    "preferred": 1.0,
    "female": 1.0,
    "synonym": 0.985,
    "alt": 0.975,
    "hidden": 0.95,
}
DEFAULT_KIND_WEIGHT = 0.95

NGRAM = 3  # character n-grams of every word
WORD_FEATURE_WEIGHT = 1.0  # a whole word (its stem) counts as much as one character trigram
COSINE_SHARE = 0.5  # label score = COSINE_SHARE * cosine + (1 - COSINE_SHARE) * fuzzy ratio
RERANK_LABELS = 80  # labels taken from the cosine ranking to the fuzzy re-ranking
RERANK_DOCUMENTS = 20  # occupations (all labels as one document) taken to the re-ranking
DOCUMENT_SHARE = 0.25  # occupation score = (1 - share) * best label + share * document cosine
EXACT_SPREAD = 0.05  # exact label matches score their kind's weight minus up to this
SUPPORT = 0.3  # share of the headroom below 1 that a second matching label of it fills
PREFIX_LABELS = 60  # labels taken from the prefix search (typeahead)
MIN_VOCABULARY_WORD = 3  # shortest label word that counts as a word
SPLIT_PART_MIN = 4  # shortest label word used as a compound part (the lexicon has its own)
SUFFIX_WORD_MIN = 5  # a gender form is known when it ends in a known word this long
SUBSTITUTE_SUPPORT = 2  # occupations in which two wordings must stand in for each other
MAX_SUBSTITUTE_FROM = 2  # words a substitution replaces
MAX_SUBSTITUTE_TO = 3  # words it puts in their place
MAX_VARIANTS = 8  # query variants with a part substituted
VARIANT_WEIGHT = 0.97  # a label found through a substitute counts a little less
COVERAGE_SHARE = 0.3  # share of the occupation score for the query words its labels cover
RERANK_COVERAGE = 20  # occupations (by word coverage) taken to the re-ranking
ASSOCIATION_SUPPORT = 2  # occupations that must use two words for them to be associated
MIN_ASSOCIATION = 0.1  # weakest association kept (cosine of the occupations using each word)
ASSOCIATION_WEIGHT = 1.0  # how far an associated word covers a query word, times its strength
EVIDENCE_WEIGHT = 0.3  # how far a word of the description or skills covers a query word
KIN_SHARE = 0.7  # how far kin of the best occupation are lifted (kin share labels with it)
KIN_FROM = 1  # best occupations whose kin are lifted
MIN_KIN = 0.1  # weakest kinship kept (cosine of the two occupations' sets of labels)


@dataclass(frozen=True, slots=True)
class LabelRow:
    """One way to name an occupation: its preferred label, a female form, a synonym, ..."""

    key: Hashable
    label: str
    kind: str = "preferred"


@dataclass(frozen=True, slots=True)
class Match:
    """An occupation (by key) that a text may mean, with the label that matched best."""

    key: Hashable
    label: str
    kind: str
    score: float


# ---------------------------------------------------------------------------
# Gender forms
# ---------------------------------------------------------------------------

_VOWELS = frozenset("aeiou")


def _undouble_vowel(stem_: str) -> str:
    """verkoop -> verkop, schoonmaak -> schoonmak: an open syllable drops the double vowel."""
    if (
        len(stem_) >= 3
        and stem_[-1] not in _VOWELS
        and stem_[-2] in _VOWELS
        and stem_[-3] == stem_[-2]
    ):
        return stem_[:-2] + stem_[-1]
    return stem_


def _double_vowel(stem_: str) -> str:
    """lerar -> leraar: the reverse, for lerares -> leraar."""
    if len(stem_) >= 2 and stem_[-1] not in _VOWELS and stem_[-2] in _VOWELS:
        return stem_[:-1] + stem_[-2] + stem_[-1]
    return stem_


def _short_closed(stem_: str) -> bool:
    """las, kap, bak: one short vowel and one consonant, which doubles before -er."""
    return (
        len(stem_) >= 3
        and stem_[-1] not in _VOWELS
        and stem_[-2] in _VOWELS
        and stem_[-3] not in _VOWELS
    )


def _voice(stem_: str) -> str:
    """raadgef -> raadgev, les -> lez: f and s become v and z before -er (geefster -> gever)."""
    voiced = {"f": "v", "s": "z"}.get(stem_[-1:]) if len(stem_) >= 3 else None
    return stem_[:-1] + voiced if voiced else stem_


def _gender_candidates(token: str) -> list[str]:
    """Readings of a female (or neutral) form as the form labels use, most likely first."""
    candidates: list[str] = []
    n = len(token)
    if token.endswith("vrouw") and n > 6:
        candidates.append(token[:-5] + "man")
    if token.endswith("vrouwen") and n > 8:
        candidates.append(token[:-7] + "mannen")
    if token.endswith("ster") and n > 6:
        base = token[:-4]
        doubled = base + base[-1] + "er"  # lasster -> lasser, kapster -> kapper
        candidates += [
            _undouble_vowel(base) + "er",
            _voice(_undouble_vowel(base)) + "er",  # raadgeefster -> raadgever
            *([doubled] if _short_closed(base) else []),
            base + "er",
            doubled,
            base + "der",
            base,
        ]
    if token.endswith("sters") and n > 7:
        base = token[:-5]
        candidates += [
            _undouble_vowel(base) + "ers",
            _voice(_undouble_vowel(base)) + "ers",
            base + "ers",
            base + "ders",
        ]
    if token.endswith("euse") and n > 5:
        candidates.append(token[:-4] + "eur")
    if token.endswith("trice") and n > 6:
        candidates += [token[:-5] + "teur", token[:-5] + "tor"]  # directrice, coordinatrice
    if token.endswith("ica") and n > 5:
        candidates.append(token[:-1] + "us")  # technica -> technicus
    if token.endswith("ienne") and n > 6:
        candidates.append(token[:-2])  # audicienne -> audicien
    if token.endswith("ess") and n > 6:
        candidates.append(token[:-3])  # stewardess -> steward
    if token.endswith("esse") and n > 6:
        candidates.append(token[:-4] + "is")
    if token.endswith("in") and n > 4:
        base = token[:-2]
        if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in _VOWELS:
            candidates.append(base[:-1])  # kokkin -> kok
        candidates.append(base)  # boerin -> boer
    if token.endswith("es") and n > 5:
        base = token[:-2]
        candidates += [base, _double_vowel(base)]  # zangeres -> zanger, lerares -> leraar
    if token.endswith("e") and n > 4:
        base = token[:-1]
        candidates += [base, _double_vowel(base)]  # assistente -> assistent, biologe -> bioloog
    return candidates


# Flemish, English and French spellings of a Dutch word ending (technieker, analyst, operateur).
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("ieker", "icus"),
    ("yst", "ist"),
    ("ant", "ent"),
    ("ateur", "ator"),
    ("isatie", "isering"),
)


def _spelling_variants(token: str) -> list[str]:
    """technieker -> technicus, analyst -> analist, automatisatie -> automatisering."""
    return [
        token[: -len(old)] + new
        for old, new in _SPELLINGS
        if token.endswith(old) and len(token) > len(old) + 2
    ]


# ---------------------------------------------------------------------------
# Analysis
# ---------------------------------------------------------------------------


class _Analyser:
    """Turns text into the words the recogniser compares, with a vocabulary from the labels."""

    def __init__(self, labels: Iterable[str]) -> None:
        self.vocabulary: set[str] = set()
        for label in labels:
            for token in tokenize(label):
                if len(token) >= MIN_VOCABULARY_WORD and token.isalpha() and token not in STOPWORDS:
                    self.vocabulary.add(token)
        lexicon = [
            line.split("#", 1)[0] for line in LEXICON_PATH.read_text(encoding="utf-8").splitlines()
        ]
        parts = (word for word in self.vocabulary if len(word) >= SPLIT_PART_MIN)
        self.splitter = CompoundSplitter([*lexicon, *parts])
        self._known = self.vocabulary | {
            word.strip() for word in lexicon if word.strip() and word.strip().isalpha()
        }
        # Words that other label words are compounded of stay whole (medewerker, verkoper).
        self._parts = {part for word in self.vocabulary for part in self.splitter.parts(word)}
        self._neutral: dict[str, str] = {}
        self._heads: dict[str, tuple[str, ...]] = {}

    def _is_word(self, word: str) -> bool:
        if word in self._known or self.splitter.parts(word):
            return True
        # A compound of an unknown word and a known one: meubelbekleder (bekleder).
        last_start = len(word) - SUFFIX_WORD_MIN + 1
        return any(word[i:] in self._known for i in range(MIN_VOCABULARY_WORD, last_start))

    def neutral(self, token: str) -> str:
        """The gender-neutral (usually male) form of a token, when the labels know it."""
        cached = self._neutral.get(token)
        if cached is not None:
            return cached
        result = token
        if token.isalpha():
            candidates = [c for c in _gender_candidates(token) if len(c) >= MIN_VOCABULARY_WORD]
            # A word the labels use as it is beats a compound that merely splits:
            # pijplasster is pijplasser, not pijp|laser.
            known = [c for c in candidates if c in self._known]
            if not known:  # technieker -> technicus, analyst -> analist: only to a label word
                known = [c for c in _spelling_variants(token) if c in self._known]
            if known:
                result = known[0]
            elif candidates and token.endswith(("vrouw", "vrouwen")):
                # weervrouw is weerman even where no label says weerman: labels and queries
                # are read alike, so the reading needs no known word to be safe.
                result = candidates[0]
            else:
                result = next((c for c in candidates if self._is_word(c)), token)
        self._neutral[token] = result
        return result

    def head_split(self, word: str) -> tuple[str, ...]:
        """A compound of an unknown modifier and a known head word: stal|medewerker.

        Dutch compounds put the head last ("...medewerker", "...monteur"), and the head says
        what the job is. When the compound splitter knows no split, the longest known word
        (at least SUFFIX_WORD_MIN letters) that ends the word is taken as its head, if at least
        MIN_VOCABULARY_WORD letters remain before it; those are split again where possible.
        Labels are split so too (gistmaker -> gist maker, as a query gistproducent -> gist
        producent), except words that other label words are compounded of (medewerker).
        """
        cached = self._heads.get(word)
        if cached is not None:
            return cached
        result: tuple[str, ...] = ()
        if word.isalpha() and word not in self._parts:
            last_start = len(word) - SUFFIX_WORD_MIN + 1
            for start in range(MIN_VOCABULARY_WORD, last_start):
                head = word[start:]
                if head in self._known:
                    modifier = word[:start]
                    result = (*(self.splitter.parts(modifier) or (modifier,)), head)
                    break
        self._heads[word] = result
        return result

    def words(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """(word, its compound parts) for each meaningful word of text; parts () if none."""
        tokens = tokenize(text)
        kept = [t for t in tokens if t not in STOPWORDS] or tokens
        out = []
        for token in kept:
            word = self.neutral(token)
            parts = self.splitter.parts(word) if word.isalpha() else ()
            parts = tuple(self.neutral(part) for part in parts) if parts else self.head_split(word)
            out.append((word, parts))
        return out


def _canonical(words: Sequence[tuple[str, tuple[str, ...]]]) -> str:
    """The analysed text as one string: compounds written as separate words."""
    return " ".join(" ".join(parts) if parts else word for word, parts in words)


def _features(words: Sequence[tuple[str, tuple[str, ...]]]) -> Counter[str]:
    features: Counter[str] = Counter()
    for word, parts in words:
        pieces = parts or (word,)
        for piece in pieces:
            padded = f"#{piece}#"
            for i in range(len(padded) - NGRAM + 1):
                features[padded[i : i + NGRAM]] += 1
            features["w:" + stem(piece)] += 1
        if parts:
            features["w:" + stem(word)] += 1
    return features


def analyse(text: str, analyser: _Analyser | None = None) -> str:
    """The canonical form of text, for tests and debugging (an empty vocabulary by default)."""
    analyser = analyser or _Analyser(())
    return _canonical(analyser.words(text))


# ---------------------------------------------------------------------------
# The recogniser
# ---------------------------------------------------------------------------


def _fuzzy(query: str, label: str) -> float:
    """Edit-distance likeness 0..1: word order free, and spaces between compound parts free."""
    return (
        max(
            fuzz.token_sort_ratio(query, label),
            fuzz.ratio(query.replace(" ", ""), label.replace(" ", "")),
        )
        / 100.0
    )


def _term_weight(feature: str, count: int) -> float:
    weight = 1.0 + math.log(count)
    return weight * WORD_FEATURE_WEIGHT if feature.startswith("w:") else weight


class _TfIdf:
    """Rows of features as L2-normalised TF-IDF vectors; cosine of a query against every row."""

    def __init__(self, rows: Sequence[Counter[str]]) -> None:
        vocabulary: dict[str, int] = {}
        document_frequency: Counter[int] = Counter()
        indices: list[int] = []
        indptr = [0]
        values: list[float] = []
        for features in rows:
            for feature, count in features.items():
                column = vocabulary.setdefault(feature, len(vocabulary))
                document_frequency[column] += 1
                indices.append(column)
                values.append(_term_weight(feature, count))
            indptr.append(len(indices))
        total = len(rows)
        idf = np.ones(len(vocabulary), dtype=np.float32)
        for column, frequency in document_frequency.items():
            idf[column] = math.log((total + 1) / (frequency + 1)) + 1.0
        matrix = sparse.csr_matrix(
            (np.array(values, dtype=np.float32), np.array(indices, dtype=np.int64), indptr),
            shape=(total, len(vocabulary)),
        )
        matrix = sparse.csr_matrix(matrix.multiply(idf[np.newaxis, :]))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        matrix = sparse.csr_matrix(sparse.diags(1.0 / norms).dot(matrix), dtype=np.float32)
        # Stored feature-major, so a query picks its few rows and adds them up.
        self._by_feature = matrix.T.tocsr()
        self._vocabulary = vocabulary
        self._idf = idf
        self._rows = total
        self._unseen_idf = math.log(total + 1) + 1.0  # rarer than any feature of the rows

    def __len__(self) -> int:
        return len(self._vocabulary)

    def cosine(self, features: Counter[str]) -> np.ndarray:
        columns: list[int] = []
        known: list[float] = []
        squared = 0.0
        for feature, count in features.items():
            column = self._vocabulary.get(feature)
            weight = _term_weight(feature, count)
            if column is None:  # an unseen feature still makes the query longer
                squared += (weight * self._unseen_idf) ** 2
                continue
            weight *= float(self._idf[column])
            squared += weight * weight
            columns.append(column)
            known.append(weight)
        if not columns:
            return np.zeros(self._rows, dtype=np.float32)
        block = self._by_feature[columns]
        vector = np.array(known, dtype=np.float32)
        return np.asarray(block.T.dot(vector)).ravel() / math.sqrt(squared)


def _top(values: np.ndarray, count: int) -> list[int]:
    """Indices of the largest positive values, at most count, in no particular order."""
    if count <= 0 or not len(values):
        return []
    if count < len(values):
        picked = np.argpartition(-values, count - 1)[:count]
    else:
        picked = np.arange(len(values))
    return [int(i) for i in picked if values[i] > 0]


def _terms(words: Sequence[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The stems of the words of an analysed text and of their compound parts."""
    terms: set[str] = set()
    for word, parts in words:
        terms.add(stem(word))
        terms.update(stem(part) for part in parts)
    return terms


def _incidence_matrix(
    documents: Sequence[set[str]], vocabulary: dict[str, int]
) -> sparse.csr_matrix:
    """Documents x terms, 1 where a document holds a term; new terms join the vocabulary."""
    rows: list[int] = []
    columns: list[int] = []
    for number, terms in enumerate(documents):
        for term in terms:
            rows.append(number)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
    shape = (len(documents), len(vocabulary))
    values = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((values, (rows, columns)), shape=shape)


def _set_cosine(sets: Sequence[set[str]], minimum: float) -> sparse.csr_matrix:
    """Sets x sets: the cosine of each two (shared members over the root of their sizes)."""
    incidence = _incidence_matrix(sets, {})
    shared = (incidence @ incidence.T).tocoo()
    sizes = np.asarray(incidence.sum(axis=1)).ravel()
    strength = shared.data / np.sqrt(sizes[shared.row] * sizes[shared.col])
    keep = (shared.row != shared.col) & (strength >= minimum)
    return sparse.csr_matrix(
        (strength[keep], (shared.row[keep], shared.col[keep])),
        shape=(len(sets), len(sets)),
        dtype=np.float32,
    )


class _WordCoverage:
    """Which share of a query's words (IDF-weighted) the labels of each occupation contain.

    Unlike the cosine of the occupation's document, coverage does not shrink as an occupation
    has more labels, and a rare word ("reptielen", "seh") weighs more than a common one
    ("verantwoordelijke", "medewerker").

    Words that keep company in the labels of the same occupations stand in for each other in
    part (bewaking and beveiliging, venter and verkoper): their association is the cosine of
    the sets of occupations using them, kept where at least ASSOCIATION_SUPPORT occupations
    use both and it reaches MIN_ASSOCIATION. A query word counts as covered by an occupation to
    the extent of its best-associated words there (itself: 1), at most 1.
    """

    def __init__(self, documents: Sequence[set[str]], evidence: Sequence[set[str]] = ()) -> None:
        vocabulary: dict[str, int] = {}
        incidence = _incidence_matrix(documents, vocabulary)
        evidence_matrix = _incidence_matrix(evidence, vocabulary) if any(evidence) else None
        shape = (len(documents), len(vocabulary))
        incidence.resize(shape)
        frequency = np.asarray(incidence.sum(axis=0)).ravel()
        total = len(documents)
        self._vocabulary = vocabulary
        self._idf = np.log((total + 1) / (frequency + 0.5))
        self._unseen_idf = math.log((total + 1) / 0.5)
        self._incidence = incidence.tocsc()
        self._association = self._associate(incidence, frequency)
        self._evidence = None
        if evidence_matrix is not None:
            evidence_matrix.resize(shape)
            self._evidence = (EVIDENCE_WEIGHT * evidence_matrix).tocsc()
        self._size = total

    @staticmethod
    def _associate(incidence: sparse.csr_matrix, frequency: np.ndarray) -> sparse.csr_matrix:
        together = (incidence.T @ incidence).tocoo()
        keep = (together.data >= ASSOCIATION_SUPPORT) & (together.row != together.col)
        row, column = together.row[keep], together.col[keep]
        strength = together.data[keep] / np.sqrt(frequency[row] * frequency[column])
        keep = strength >= MIN_ASSOCIATION
        size = len(frequency)
        association = sparse.csr_matrix(
            (ASSOCIATION_WEIGHT * strength[keep], (row[keep], column[keep])),
            shape=(size, size),
            dtype=np.float32,
        )
        return (association + sparse.identity(size, dtype=np.float32, format="csr")).tocsr()

    def coverage(self, terms: Iterable[str]) -> np.ndarray:
        columns: list[int] = []
        mass = 0.0
        for term in terms:
            column = self._vocabulary.get(term)
            if column is None:
                mass += self._unseen_idf
            else:
                columns.append(column)
                mass += float(self._idf[column])
        if not columns or not mass:
            return np.zeros(self._size, dtype=np.float32)
        expanded = self._association[columns]  # query words x vocabulary
        covered = (self._incidence @ expanded.T).toarray()  # occupations x query words
        np.minimum(covered, 1.0, out=covered)
        if self._evidence is not None:  # weaker: the description or a skill names the word
            np.maximum(covered, self._evidence[:, columns].toarray(), out=covered)
        return (covered @ self._idf[columns] / mass).astype(np.float32)


class OccupationRecogniser:
    """Recognises occupations in short texts such as job titles; build once, query often."""

    def __init__(
        self,
        rows: Iterable[LabelRow | tuple[Hashable, str, str]],
        evidence: Mapping[Hashable, Iterable[str]] | None = None,
    ) -> None:
        raw = [row if isinstance(row, LabelRow) else LabelRow(*row) for row in rows]
        raw = [row for row in raw if row.label and row.label.strip()]
        self._analyser = _Analyser(row.label for row in raw)
        position: dict[tuple[Hashable, str], int] = {}
        self._rows: list[LabelRow] = []
        self._canonicals: list[str] = []
        label_features: list[Counter[str]] = []
        label_terms: list[set[str]] = []
        for row in raw:
            words = self._analyser.words(row.label)
            canonical = _canonical(words)
            if not canonical:
                continue
            seen = position.get((row.key, canonical))
            if seen is None:  # one entry per occupation and analysed label: the best kind
                position[(row.key, canonical)] = len(self._rows)
                self._rows.append(row)
                self._canonicals.append(canonical)
                label_features.append(_features(words))
                label_terms.append(_terms(words))
            elif self._weight(row.kind) > self._weight(self._rows[seen].kind):
                self._rows[seen] = row
        self._weights = np.array([self._weight(r.kind) for r in self._rows], dtype=np.float32)
        self._labels = _TfIdf(label_features)
        # Every occupation also as one document of all its labels: a title whose words are
        # spread over several labels of one occupation still finds it.
        self._keys: list[Hashable] = []
        self._key_index: dict[Hashable, int] = {}
        self._label_key: list[int] = []
        self._key_labels: list[list[int]] = []
        documents: list[Counter[str]] = []
        for index, row in enumerate(self._rows):
            number = self._key_index.get(row.key)
            if number is None:
                number = self._key_index[row.key] = len(self._keys)
                self._keys.append(row.key)
                self._key_labels.append([])
                documents.append(Counter())
            self._label_key.append(number)
            self._key_labels[number].append(index)
            documents[number].update(label_features[index])
        self._documents = _TfIdf(documents)
        self._coverage = _WordCoverage(
            [set().union(*(label_terms[i] for i in indices)) for indices in self._key_labels],
            self._evidence_terms(evidence or {}),
        )
        self._substitutes = self._learn_substitutes()
        self._kin = self._learn_kin()
        compact = sorted((c.replace(" ", ""), i) for i, c in enumerate(self._canonicals))
        self._prefix_keys = [c for c, _ in compact]
        self._prefix_rows = [i for _, i in compact]

    def _evidence_terms(self, evidence: Mapping[Hashable, Iterable[str]]) -> list[set[str]]:
        """The words of what else is known of each occupation (description, skill labels)."""
        analysed: dict[str, set[str]] = {}
        documents: list[set[str]] = [set() for _ in self._keys]
        for key, texts in evidence.items():
            number = self._key_index.get(key)
            if number is None:
                continue
            for text in texts:
                terms = analysed.get(text)
                if terms is None:
                    terms = analysed[text] = _terms(self._analyser.words(text))
                documents[number] |= terms
        return documents

    @staticmethod
    def _weight(kind: str) -> float:
        return KIND_WEIGHTS.get(kind, DEFAULT_KIND_WEIGHT)

    def __len__(self) -> int:
        """The number of distinct (occupation, analysed label) pairs."""
        return len(self._rows)

    @property
    def keys(self) -> set[Hashable]:
        return set(self._keys)

    def describe(self) -> dict[str, Any]:
        return {
            "labels": len(self._rows),
            "occupations": len(self._keys),
            "features": len(self._labels),
            "substitutes": len(self._substitutes),
        }

    # --- learning from the labels -----------------------------------------------------------

    def _learn_substitutes(self) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
        """Words that stand in for each other in the labels of one occupation.

        ESCO names one occupation "operator draadsnijmachine" and "bediener draadsnijmachine",
        another "leerkracht ... voortgezet onderwijs" and "onderwijsgevende ... secundair
        onderwijs", a third "docent muziek hoger onderwijs" and "lector muziek". Two labels of one
        occupation that share a word and differ in a few others make a substitution (one or two
        words for one to three); substitutions seen in at least SUBSTITUTE_SUPPORT occupations
        are kept, indexed by a word of the part they replace.
        """
        support: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
        for label_indices in self._key_labels:
            bags = [Counter(self._canonicals[i].split()) for i in label_indices]
            found: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
            for i, first in enumerate(bags):
                for second in bags[i + 1 :]:
                    if not first & second:
                        continue
                    only_first = tuple(sorted((first - second).elements()))
                    only_second = tuple(sorted((second - first).elements()))
                    if not only_first or not only_second:
                        continue
                    for old, new in ((only_first, only_second), (only_second, only_first)):
                        if len(old) <= MAX_SUBSTITUTE_FROM and len(new) <= MAX_SUBSTITUTE_TO:
                            found.add((old, new))
            support.update(found)
        rules: dict[str, list[tuple[int, tuple[str, ...], tuple[str, ...]]]] = {}
        for (old, new), count in support.items():
            if count >= SUBSTITUTE_SUPPORT:
                rules.setdefault(old[0], []).append((count, old, new))
        return {
            word: [(old, new) for _count, old, new in sorted(found, reverse=True)]
            for word, found in rules.items()
        }

    def _learn_kin(self) -> sparse.csr_matrix:
        """Occupations that ESCO names alike: the cosine of their sets of analysed labels.

        "pakhuismedewerker" and "magazijnmedewerker" share six labels: a title that is a label
        of one of them is likely a name of the other too, whichever one it was given to.
        """
        labels = [{self._canonicals[i] for i in indices} for indices in self._key_labels]
        return _set_cosine(labels, MIN_KIN)

    def _substitutions(self, query: str) -> list[tuple[int, str]]:
        """(rank, the query with one learned substitution applied), best supported first."""
        words = query.split()
        bag = Counter(words)
        found: list[tuple[int, str]] = []
        for order, word in enumerate(dict.fromkeys(words)):
            for rank, (old, new) in enumerate(self._substitutes.get(word, ())):
                if Counter(old) - bag:
                    continue  # the query lacks a word of the part to replace
                rest = list((bag - Counter(old)).elements())
                found.append((rank * 10 + order, " ".join([*rest, *new])))
        return sorted(found)

    def _variants(self, query: str) -> list[str]:
        """The query with one part replaced by a learned substitute, most supported first."""
        variants = dict.fromkeys(v for _rank, v in self._substitutions(query) if v != query)
        return list(variants)[:MAX_VARIANTS]

    # --- ranking ------------------------------------------------------------------------------

    def _label_scores(
        self, query: str, cosine: np.ndarray, candidates: Iterable[int], weight: float
    ) -> dict[int, float]:
        scores: dict[int, float] = {}
        for index in candidates:
            fuzzy = _fuzzy(query, self._canonicals[index])
            score = COSINE_SHARE * float(cosine[index]) + (1.0 - COSINE_SHARE) * fuzzy
            scores[index] = score * float(self._weights[index]) * weight
        return scores

    def _prefix_scores(self, query: str) -> dict[int, float]:
        compact = query.replace(" ", "")
        if len(compact) < 2:
            return {}
        start = bisect.bisect_left(self._prefix_keys, compact)
        found: dict[int, float] = {}
        for position in range(start, min(start + PREFIX_LABELS, len(self._prefix_keys))):
            key = self._prefix_keys[position]
            if not key.startswith(compact):
                break
            index = self._prefix_rows[position]
            found[index] = (0.8 + 0.2 * len(compact) / len(key)) * float(self._weights[index])
        return found

    def _rank(self, text: str, limit: int, *, prefix: bool) -> list[Match]:
        if limit <= 0 or not self._rows:
            return []
        words = self._analyser.words(text)
        query = _canonical(words)
        if not query:
            return []
        features = _features(words)
        label_cosine = self._labels.cosine(features)
        document_cosine = self._documents.cosine(features)
        candidates = set(_top(label_cosine, RERANK_LABELS))
        coverage = self._coverage.coverage(_terms(words))
        for number in _top(document_cosine, RERANK_DOCUMENTS):
            candidates.update(self._key_labels[number])
        for number in _top(coverage, RERANK_COVERAGE):
            candidates.update(self._key_labels[number])
        scores = self._label_scores(query, label_cosine, candidates, 1.0)
        for variant in self._variants(query):
            variant_features = _features([(word, ()) for word in variant.split()])
            variant_cosine = self._labels.cosine(variant_features)
            found = self._label_scores(
                variant, variant_cosine, _top(variant_cosine, RERANK_LABELS), VARIANT_WEIGHT
            )
            for index, score in found.items():
                if score > scores.get(index, 0.0):
                    scores[index] = score
        if prefix:
            for index, score in self._prefix_scores(query).items():
                if score > scores.get(index, 0.0):
                    scores[index] = score
        occupations = self._occupation_scores(query, scores, document_cosine, coverage)
        kin = self._kin_lift(occupations)
        missing = [
            i for number in kin if number not in occupations for i in self._key_labels[number]
        ]
        if missing:
            scores.update(self._label_scores(query, label_cosine, missing, 1.0))
            occupations = self._occupation_scores(query, scores, document_cosine, coverage)
        ranked: list[tuple[float, str, int, int]] = []
        for number, (score, index) in occupations.items():
            score += KIN_SHARE * kin.get(number, 0.0) * (1.0 - score)
            ranked.append((-score, self._canonicals[index], number, index))
        ranked.sort()
        return [
            Match(
                key=self._keys[number],
                label=self._rows[index].label,
                kind=self._rows[index].kind,
                score=round(min(-negative, 1.0), 4),
            )
            for negative, _canonical_label, number, index in ranked[:limit]
        ]

    def _occupation_scores(
        self,
        query: str,
        label_scores: Mapping[int, float],
        document_cosine: np.ndarray,
        coverage: np.ndarray,
    ) -> dict[int, tuple[float, int]]:
        """Per occupation: its score and its best label, from the scores of its labels."""
        by_key: dict[int, list[tuple[float, int]]] = {}
        for index, score in label_scores.items():
            by_key.setdefault(self._label_key[index], []).append((score, index))
        occupations: dict[int, tuple[float, int]] = {}
        for number, found in by_key.items():
            found.sort(reverse=True)
            score, index = found[0]
            if len(found) > 1:  # more labels of the same occupation look alike: more evidence
                score += SUPPORT * found[1][0] * (1.0 - score)
            document = float(document_cosine[number])
            score = (
                (1.0 - DOCUMENT_SHARE - COVERAGE_SHARE) * score
                + DOCUMENT_SHARE * document
                + COVERAGE_SHARE * float(coverage[number])
            )
            exact = [i for _s, i in found if self._canonicals[i] == query]
            if exact:  # said exactly so: ahead of mere look-alikes
                index = max(exact, key=lambda i: self._weights[i])
                weight = float(self._weights[index])
                score = max(score, weight - EXACT_SPREAD * (1.0 - document))
            occupations[number] = (score, index)
        return occupations

    def _kin_lift(self, occupations: Mapping[int, tuple[float, int]]) -> dict[int, float]:
        """For the kin of the best occupations: kinship times that occupation's score."""
        best = sorted(occupations.items(), key=lambda item: -item[1][0])[:KIN_FROM]
        lift: dict[int, float] = {}
        for number, (score, _index) in best:
            row = self._kin.getrow(number)
            for other, strength in zip(row.indices, row.data, strict=True):
                value = float(strength) * score
                if value > lift.get(int(other), 0.0):
                    lift[int(other)] = value
        return lift

    def recognise(self, text: str, limit: int = 5) -> list[Match]:
        """The occupations a whole title may mean, best first."""
        return self._rank(text, limit, prefix=False)

    def suggest(self, text: str, limit: int = 10) -> list[Match]:
        """Like recognise(), but also for a title still being typed (labels starting with it)."""
        return self._rank(text, limit, prefix=True)
