"""Rule files with an error are refused, with a Dutch message naming the file, the scheme and the
condition. One case per kind of error."""

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from werkroute.subsidies.constants import vocabularies
from werkroute.subsidies.rules import SchemeFileError, load_catalogue, read_catalogue

TODAY = dt.date(2026, 6, 1)

GOOD = """\
code = "proef"
name = "Proefregeling"
country = "nl"
kind = "subsidy"
summary = "Een regeling om te testen."
last_checked = 2026-01-15

[amount]
text = "€ 100 per maand."
value = 100
unit = "euro_per_month"

[source]
title = "Testwet, artikel 1"
url = "https://example.org/testwet"

[[conditions]]
fact = "age"
op = ">="
value = 18
yes = "meerderjarig"
no = "minderjarig"
"""


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def errors_for(root: Path) -> list[str]:
    _, errors = read_catalogue(root, vocabularies(), today=TODAY)
    return [str(e) for e in errors]


def with_condition(condition: str) -> str:
    return GOOD + "\n[[conditions]]\n" + textwrap.dedent(condition)


# (name, file text, the message expected, in full or the part after the place)
CASES = [
    (
        "toml-syntax",
        GOOD.replace('name = "Proefregeling"', "name = Proefregeling"),
        "nl/proef.toml: de TOML-opmaak klopt niet: Invalid value (regel 2, kolom 8)",
    ),
    (
        "unknown-fact",
        with_condition('fact = "leeftijd_jaren"\nop = ">="\nvalue = 56\n'),
        'nl/proef.toml, regeling "proef", voorwaarde 2: onbekend feit "leeftijd_jaren". '
        "Bekend zijn: age, benefit_type, benefit_months,",
    ),
    (
        "bad-operator",
        with_condition('fact = "age"\nop = "=>"\nvalue = 56\n'),
        'nl/proef.toml, regeling "proef", voorwaarde 2: operator "=>" bestaat niet en kan niet '
        "bij age. Kies uit: ==, !=, <, <=, >, >=, in, not in",
    ),
    (
        "operator-not-for-this-fact",
        with_condition('fact = "in_target_group_register"\nop = ">"\nvalue = true\n'),
        'voorwaarde 2: operator ">" kan niet bij in_target_group_register. Kies uit: ==, !=',
    ),
    (
        "whole-number-expected",
        with_condition('fact = "age"\nop = ">="\nvalue = "56"\n'),
        'voorwaarde 2: de waarde voor age moet een heel getal zijn (zoals 56), niet "56"',
    ),
    (
        "boolean-expected",
        with_condition('fact = "in_target_group_register"\nop = "=="\nvalue = "ja"\n'),
        "voorwaarde 2: de waarde voor in_target_group_register moet true of false zijn",
    ),
    (
        "unknown-vocabulary-value",
        with_condition('fact = "benefit_type"\nop = "=="\nvalue = "bijstand"\n'),
        'voorwaarde 2: de waarde voor benefit_type "bijstand" bestaat niet. Kies uit: '
        "social_assistance, ioaw",
    ),
    (
        "in-needs-a-list",
        with_condition('fact = "benefit_type"\nop = "in"\nvalue = "ioaw"\n'),
        'voorwaarde 2: bij "in" moet value een lijst zijn',
    ),
    (
        "date-as-text-in-condition",
        with_condition('fact = "start_date"\nop = "<"\nvalue = "2026-01-01"\n'),
        "voorwaarde 2: de waarde voor start_date moet een datum zijn zoals 2026-01-01",
    ),
    (
        "missing-value",
        with_condition('fact = "age"\nop = ">="\n'),
        'voorwaarde 2: verplicht veld "value" ontbreekt',
    ),
    (
        "unknown-key-in-condition",
        with_condition('fact = "age"\nop = ">="\nvalue = 1\nja = "x"\n'),
        'voorwaarde 2: onbekend veld "ja". Bekend zijn: fact, op, value, yes, no, unknown, otherwise',
    ),
    (
        "bad-otherwise",
        with_condition('fact = "age"\nop = ">="\nvalue = 1\notherwise = "soms"\n'),
        'voorwaarde 2: otherwise moet "no" of "maybe" zijn, niet "soms"',
    ),
    (
        "unknown-placeholder",
        with_condition('fact = "age"\nop = ">="\nvalue = 1\nyes = "is {valeu}"\n'),
        "voorwaarde 2: in de tekst bij yes: {valeu} bestaat niet. Je kunt gebruiken: "
        "{actual}, {value}",
    ),
    (
        "error-inside-a-group",
        GOOD
        + textwrap.dedent(
            """
            [[conditions]]
            any = [
              { fact = "age", op = ">=", value = 56 },
              { fact = "leeftijd", op = ">=", value = 56 },
            ]
            """
        ),
        'nl/proef.toml, regeling "proef", voorwaarde 2.2: onbekend feit "leeftijd"',
    ),
    (
        "empty-group",
        with_condition("any = []\n"),
        "voorwaarde 2: any moet een lijst met minstens één voorwaarde zijn",
    ),
    (
        "fact-and-group",
        with_condition('fact = "age"\nany = []\n'),
        "voorwaarde 2: een voorwaarde heeft óf fact, op en value, óf all, óf any",
    ),
    (
        "missing-field",
        GOOD.replace('name = "Proefregeling"\n', ""),
        'nl/proef.toml, regeling "proef": verplicht veld "name" ontbreekt',
    ),
    (
        "missing-code",
        GOOD.replace('code = "proef"\n', ""),
        'nl/proef.toml, regeling zonder code: verplicht veld "code" ontbreekt',
    ),
    (
        "bad-code",
        GOOD.replace('code = "proef"', 'code = "Proef Regeling"'),
        'regeling zonder code: code "Proef Regeling" kan niet',
    ),
    (
        "unknown-field",
        GOOD.replace("summary =", "sumary ="),
        'regeling "proef": onbekend veld "sumary". Bekend zijn: code, name,',
    ),
    (
        "bad-date",
        GOOD.replace("last_checked = 2026-01-15", 'last_checked = "15-01-2026"'),
        'regeling "proef": last_checked moet een datum zijn zoals 2026-01-15, zonder '
        'aanhalingstekens en zonder tijd (nu: "15-01-2026")',
    ),
    (
        "date-in-the-future",
        GOOD.replace("last_checked = 2026-01-15", "last_checked = 2026-07-01"),
        'regeling "proef": last_checked 2026-07-01 ligt in de toekomst',
    ),
    (
        "wrong-country-folder",
        GOOD.replace('country = "nl"', 'country = "be-vl"'),
        'regeling "proef": land (country) "be-vl" hoort niet bij de map "nl"',
    ),
    (
        "bad-kind",
        GOOD.replace('kind = "subsidy"', 'kind = "cadeau"'),
        'regeling "proef": soort (kind) "cadeau" bestaat niet. Kies uit: subsidy,',
    ),
    (
        "bad-unit",
        GOOD.replace('unit = "euro_per_month"', 'unit = "euro per maand"'),
        'regeling "proef": amount.unit "euro per maand" bestaat niet',
    ),
    (
        "amount-not-a-number",
        GOOD.replace("value = 100\n", 'value = "honderd"\n'),
        'regeling "proef": amount.value moet een getal zijn (zoals 6000), niet "honderd"',
    ),
    (
        "bad-url",
        GOOD.replace("https://example.org/testwet", "example.org/testwet"),
        'regeling "proef": source.url "example.org/testwet" is geen webadres',
    ),
    (
        "no-conditions",
        GOOD[: GOOD.index("[amount]")]
        + "conditions = []\n\n"
        + GOOD[GOOD.index("[amount]") : GOOD.index("[[conditions]]")],
        'regeling "proef": conditions moet minstens één voorwaarde hebben',
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_error_names_file_scheme_and_condition(tmp_path: Path, text: str, expected: str) -> None:
    write(tmp_path, "nl/proef.toml", text)
    errors = errors_for(tmp_path)
    assert any(expected in error for error in errors), errors
    assert all(error.startswith("nl/proef.toml") for error in errors), errors
    with pytest.raises(SchemeFileError) as raised:
        load_catalogue(tmp_path, vocabularies(), today=TODAY)
    assert expected in str(raised.value)


def test_a_good_file_reads(tmp_path: Path) -> None:
    write(tmp_path, "nl/proef.toml", GOOD)
    catalogue = load_catalogue(tmp_path, vocabularies(), today=TODAY)
    scheme = catalogue.get("nl", "proef")
    assert scheme is not None
    assert (scheme.amount.value, scheme.amount.unit_label) == (100, "euro per maand")
    assert scheme.path == "nl/proef.toml"
    assert scheme.last_checked == dt.date(2026, 1, 15)


def test_a_duplicate_code_names_both_files(tmp_path: Path) -> None:
    write(tmp_path, "nl/a.toml", GOOD)
    write(tmp_path, "nl/b.toml", GOOD)
    assert errors_for(tmp_path) == [
        'nl/b.toml, regeling "proef": deze code bestaat al, in nl/a.toml'
    ]


def test_every_error_is_reported_not_just_the_first(tmp_path: Path) -> None:
    write(tmp_path, "nl/a.toml", with_condition('fact = "leeftijd"\nop = ">="\nvalue = 1\n'))
    write(
        tmp_path,
        "be-vl/b.toml",
        GOOD.replace('"proef"', '"b"').replace("name = ", "naam = ").replace('"nl"', '"be-vl"'),
    )
    errors = errors_for(tmp_path)
    assert len(errors) == 3, errors
    assert errors[0].startswith('be-vl/b.toml, regeling "b"')
    assert errors[-1].startswith('nl/a.toml, regeling "proef", voorwaarde 2')


def test_files_outside_a_country_folder_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "proef.toml", GOOD)
    write(tmp_path, "fr/proef.toml", GOOD)
    write(tmp_path, "nl/README.md", "Geen regeling.")
    errors = errors_for(tmp_path)
    assert errors == [
        "proef.toml: een regeling hoort in een map per land (nl/, be-vl/)",
        'fr/: de map "fr" is geen land. Gebruik: nl, be-vl',
    ]


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    assert errors_for(tmp_path / "bestaat-niet") == [
        f"{tmp_path / 'bestaat-niet'}: de map met regelingen bestaat niet"
    ]


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "proef.toml").write_bytes(GOOD.encode("utf-16"))
    assert errors_for(tmp_path) == ["nl/proef.toml: het bestand is geen tekst in UTF-8"]
