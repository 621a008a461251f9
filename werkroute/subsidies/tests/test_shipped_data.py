"""The rule files that ship with Werkroute all read without an error, and cover the issue's list."""

from django.utils import timezone

from werkroute.subsidies.constants import vocabularies
from werkroute.subsidies.rules import read_catalogue
from werkroute.subsidies.services import DEFAULT_SCHEMES_DIR

REQUIRED = {
    "nl": {
        "loonkostensubsidie",
        "no-riskpolis",
        "proefplaatsing",
        "jobcoaching",
        "lkv-oudere-werknemer",
        "lkv-arbeidsgehandicapte-werknemer",
        "lkv-doelgroep-banenafspraak",
        "lkv-herplaatsen",
        "praktijkleren",
        "basisbaan",
        "beschut-werk",
        "proefplaatsing-uwv",
        "jobcoaching-uwv",
    },
    "be-vl": {
        "artikel-60",
        "doelgroepvermindering-zonder-recente-werkervaring",
        "doelgroepvermindering-oudere-werknemers",
        "vlaamse-ondersteuningspremie",
        "individuele-beroepsopleiding",
        "tijdelijke-werkervaring",
        "eerste-aanwervingen",
        "doelgroepvermindering-jongere-werknemers",
        "individueel-maatwerk",
        "collectief-maatwerk",
    },
}


def test_the_shipped_files_all_validate() -> None:
    catalogue, errors = read_catalogue(
        DEFAULT_SCHEMES_DIR, vocabularies(), today=timezone.localdate()
    )
    assert [str(e) for e in errors] == []
    for country, codes in REQUIRED.items():
        assert codes <= {s.code for s in catalogue.for_country(country)}, country


def test_every_shipped_scheme_names_its_source_and_date() -> None:
    catalogue, _ = read_catalogue(DEFAULT_SCHEMES_DIR, vocabularies())
    for scheme in catalogue.schemes:
        assert scheme.source.url.startswith("https://"), scheme.code
        assert scheme.source.title and scheme.amount.text and scheme.summary, scheme.code
        assert scheme.last_checked <= timezone.localdate(), scheme.code
        assert scheme.path == f"{scheme.country}/{scheme.code}.toml"
