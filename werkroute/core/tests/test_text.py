"""Tests for the pure-Python Dutch text module (no Django needed)."""

import time
from pathlib import Path

import pytest

from werkroute.core import text
from werkroute.core.text import (
    STOPWORDS,
    CompoundSplitter,
    expand,
    index_terms,
    normalise,
    search_terms,
    split_compound,
    stem,
    tokenize,
)

POSTGRES_DUTCH_STOP = Path("/usr/share/postgresql/15/tsearch_data/dutch.stop")


# --- normalise / tokenize ---------------------------------------------------


def test_normalise_lowercases_and_collapses_whitespace() -> None:
    assert normalise("  Magazijn\tMEDEWERKER \n gezocht!  ") == "magazijn medewerker gezocht"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Café", "cafe"),
        ("Reünie", "reunie"),
        ("naïef", "naief"),
        ("Façade", "facade"),
        ("coördinator", "coordinator"),
        ("e\u0301e\u0301n", "een"),  # already decomposed input
        ("ĳzer", "ijzer"),  # Dutch ij ligature
        ("Straße", "strasse"),
    ],
)
def test_normalise_strips_diacritics(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_turns_punctuation_into_spaces() -> None:
    assert normalise("taxi's, 24/7 & €10,-") == "taxi s 24 7 10"


def test_normalise_empty_and_blank() -> None:
    assert normalise("") == ""
    assert normalise(" \n\t—–") == ""


def test_tokenize_accents_and_hyphen() -> None:
    assert tokenize("Café-medewerker") == ["cafe", "medewerker"]


def test_tokenize_matches_normalise_split() -> None:
    sample = "Wij zoeken een Heftruck-chauffeur (m/v/x) voor onze magazijnen in Zoetermeer."
    assert tokenize(sample) == normalise(sample).split()


def test_long_input_is_fast() -> None:
    long_text = ("Schoonmaakmedewerker gezocht in Café Zeeën, één dag per week. " * 200)[:10_000]
    one_long_word = "a" * 10_000
    started = time.perf_counter()
    terms = index_terms(long_text)
    tokens = tokenize(one_long_word)
    parts = split_compound(one_long_word)
    assert time.perf_counter() - started < 0.5
    assert "schoonmaakmedewerker" in terms
    assert tokens == [one_long_word]
    assert parts == []


# --- compound splitting -----------------------------------------------------


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("magazijnmedewerker", ["magazijn", "medewerker"]),
        ("heftruckchauffeur", ["heftruck", "chauffeur"]),
        ("sollicitatietraining", ["sollicitatie", "training"]),
        ("banenmarkt", ["banen", "markt"]),
        ("zorgmedewerker", ["zorg", "medewerker"]),
        ("schoonmaakmedewerker", ["schoonmaak", "medewerker"]),
        ("productiemedewerker", ["productie", "medewerker"]),
        ("vrachtwagenchauffeur", ["vrachtwagen", "chauffeur"]),
        ("heftruckcertificaat", ["heftruck", "certificaat"]),
        ("taalcursus", ["taal", "cursus"]),
        ("werkervaringsplek", ["werkervaring", "plek"]),  # linking s
    ],
)
def test_split_compound_examples(word: str, parts: list[str]) -> None:
    assert split_compound(word) == parts


def test_single_lexicon_word_is_not_split() -> None:
    assert split_compound("orderpicker") == []
    # 'werker' is in the lexicon but 'mede' is not: medewerker stays whole.
    assert split_compound("medewerker") == []


@pytest.mark.parametrize("word", ["gemeente", "vacature", "enthousiast", "zoetermeer", "x", ""])
def test_non_compound_returns_empty(word: str) -> None:
    assert split_compound(word) == []


def test_words_with_digits_are_not_split() -> None:
    assert split_compound("magazijn24medewerker") == []


def test_plural_ending_on_last_part() -> None:
    assert split_compound("magazijnmedewerkers") == ["magazijn", "medewerker"]
    assert split_compound("werkervaringsplekken") == ["werkervaring", "plek"]
    assert split_compound("banenmarkten") == ["banen", "markt"]


def test_fewest_parts_win() -> None:
    splitter = CompoundSplitter(["mede", "werker", "medewerker", "magazijn"])
    assert splitter.split("magazijnmedewerker") == ["magazijn", "medewerker"]


def test_longest_first_part_wins() -> None:
    splitter = CompoundSplitter(["klant", "klanten", "service"])
    assert splitter.split("klantenservice") == ["klanten", "service"]


def test_linking_en_and_e() -> None:
    splitter = CompoundSplitter(["klant", "service", "gast", "huis"])
    assert splitter.split("klantenservice") == ["klant", "service"]
    assert splitter.split("gastehuis") == ["gast", "huis"]


def test_three_parts_at_most() -> None:
    splitter = CompoundSplitter(["leer", "werk", "traject", "plan"])
    assert splitter.split("leerwerktraject") == ["leer", "werk", "traject"]
    assert splitter.split("leerwerktrajectplan") == []


def test_parts_shorter_than_three_letters_are_ignored() -> None:
    splitter = CompoundSplitter(["ab", "cd", "werk", "plek"])
    assert splitter.split("abwerk") == []
    assert "ab" not in splitter
    assert splitter.split("werkplek") == ["werk", "plek"]


def test_add_words_makes_new_split_possible() -> None:
    splitter = CompoundSplitter(["medewerker"])
    assert splitter.split("drukkerijmedewerker") == []  # memoised miss
    splitter.add_words(["Drukkerij"])
    assert "drukkerij" in splitter
    assert splitter.split("drukkerijmedewerker") == ["drukkerij", "medewerker"]


def test_add_words_splits_multi_word_entries() -> None:
    splitter = CompoundSplitter()
    splitter.add_words(["Medewerker Klantenservice"])
    assert "medewerker" in splitter
    assert "klantenservice" in splitter
    assert len(splitter) == 2


def test_split_returns_a_fresh_list() -> None:
    first = split_compound("taalcursus")
    first.append("mutated")
    assert split_compound("taalcursus") == ["taal", "cursus"]


def test_from_file_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    word_list = tmp_path / "words.txt"
    word_list.write_text("# comment\n\nTaal  # inline comment\ncursus\n", encoding="utf-8")
    splitter = CompoundSplitter.from_file(word_list)
    assert len(splitter) == 2
    assert splitter.split("taalcursus") == ["taal", "cursus"]


def test_lexicon_file_is_normalised() -> None:
    lines = text.LEXICON_PATH.read_text(encoding="utf-8").splitlines()
    words = [line.split("#", 1)[0].strip() for line in lines]
    words = [word for word in words if word]
    assert len(words) > 300
    for word in words:
        assert word == normalise(word) and word.isalpha() and len(word) >= 3, word
        assert word not in STOPWORDS, word
    assert len(words) == len(set(words)), "duplicate words in compound_parts.txt"


def test_default_splitter_is_shared() -> None:
    assert text.default_splitter() is text.default_splitter()


# --- expand / stem / index_terms ---------------------------------------------


def test_expand_puts_parts_after_their_compound() -> None:
    assert expand("Magazijnmedewerker gezocht") == [
        "magazijnmedewerker",
        "magazijn",
        "medewerker",
        "gezocht",
    ]


def test_expand_keeps_order() -> None:
    assert expand("Taalcursus voor de heftruckchauffeur") == [
        "taalcursus",
        "taal",
        "cursus",
        "voor",
        "de",
        "heftruckchauffeur",
        "heftruck",
        "chauffeur",
    ]


def test_stem_matches_postgres_dutch() -> None:
    # to_tsvector('dutch', 'trainingen banenmarkten gemeente') on PostgreSQL 15
    assert [stem(w) for w in ["trainingen", "banenmarkten", "gemeente"]] == [
        "training",
        "banenmarkt",
        "gemeent",
    ]


def test_index_terms_drops_stop_words_and_stems() -> None:
    terms = index_terms("De trainingen van de gemeente en een banenmarkt")
    assert terms == ["training", "gemeent", "banenmarkt", "ban", "markt"]
    assert not STOPWORDS.intersection(terms)


# --- search_terms -------------------------------------------------------------


def test_search_terms_drops_stop_words_dedupes_and_splits() -> None:
    assert search_terms("de Heftruckchauffeur en een taalcursus, taalcursus!") == [
        ("heftruckchauffeur", ["heftruck", "chauffeur"]),
        ("taalcursus", ["taal", "cursus"]),
    ]


def test_search_terms_caps_at_max_terms() -> None:
    query = " ".join(f"woord{i}" for i in range(50))
    assert len(search_terms(query)) == 20
    capped = search_terms(query, max_terms=3)
    assert capped == [("woord0", []), ("woord1", []), ("woord2", [])]
    assert search_terms(query, max_terms=0) == []


def test_search_terms_only_stop_words() -> None:
    assert search_terms("de en van") == []


# --- stop words ----------------------------------------------------------------


def test_stopwords_are_normalised() -> None:
    assert all(normalise(word) == word for word in STOPWORDS)
    assert len(STOPWORDS) == 101


@pytest.mark.skipif(
    not POSTGRES_DUTCH_STOP.exists(),
    reason=f"PostgreSQL 15 stop-word file {POSTGRES_DUTCH_STOP} is not installed here",
)
def test_stopwords_equal_postgres_dutch_stop_file() -> None:
    lines = POSTGRES_DUTCH_STOP.read_text(encoding="utf-8").splitlines()
    assert frozenset(line.strip() for line in lines if line.strip()) == STOPWORDS
