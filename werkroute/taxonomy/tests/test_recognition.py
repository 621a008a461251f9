"""Occupation recognition with the built-in list: the recogniser itself, the Django loader, the
typeahead view and the form field. (With ESCO imported: test_esco_import.py.)"""

from __future__ import annotations

import io
import json
from functools import cache

from django import forms
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest

from werkroute.accounts.models import User
from werkroute.taxonomy import builtin
from werkroute.taxonomy.forms import OccupationChoiceField
from werkroute.taxonomy.models import Occupation
from werkroute.taxonomy.queries import recognise_occupation
from werkroute.taxonomy.recognition import (
    LabelRow,
    OccupationRecogniser,
    _WordCoverage,
    analyse,
)

EXAMPLES = {
    "heftruckchauffeur": "forklift_driver",
    "schoonmaakster": "cleaner",
    "kok": "cook",
    "magazijn medewerker": "warehouse_worker",
    "verzorgende ig": "care_assistant_ig",
    "buschauffeur": "bus_driver",
}
TYPOS = {
    "heftruck chaufeur": "forklift_driver",
    "heftruckchaufeur": "forklift_driver",
    "schoonmaakser": "cleaner",
    "Schoonmaak-ster": "cleaner",
    "magazijnmedewerkster": "warehouse_worker",
    "medewerker magazijn": "warehouse_worker",
    "Verzorgende-IG": "care_assistant_ig",
    "bus chauffeur": "bus_driver",
    "buschauffeuse": "bus_driver",
    "kokkin": "cook",
    "KOK!": "cook",
}


@cache
def builtin_recogniser() -> OccupationRecogniser:
    rows: list[LabelRow] = []
    for row in builtin.read_occupations():
        rows.append(LabelRow(row.code, row.name, "preferred"))
        if row.name_female:
            rows.append(LabelRow(row.code, row.name_female, "female"))
        rows.extend(LabelRow(row.code, synonym, "synonym") for synonym in row.synonyms)
    return OccupationRecogniser(rows)


# --- the recogniser, without Django -------------------------------------------------------------


@pytest.mark.parametrize(("text", "code"), sorted({**EXAMPLES, **TYPOS}.items()))
def test_the_builtin_list_recognises_what_people_type(text: str, code: str) -> None:
    matches = builtin_recogniser().recognise(text, limit=3)
    assert matches[0].key == code, matches


def test_candidates_come_best_first_and_at_least_three() -> None:
    matches = builtin_recogniser().recognise("chauffeur", limit=5)
    assert len(matches) == 5
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)


def test_an_exact_label_scores_highest() -> None:
    best = builtin_recogniser().recognise("Heftruckchauffeur")[0]
    assert (best.key, best.label, best.kind) == (
        "forklift_driver",
        "Heftruckchauffeur",
        "preferred",
    )
    assert best.score > 0.95


def test_suggest_finds_titles_half_typed() -> None:
    assert builtin_recogniser().suggest("heftr", limit=3)[0].key == "forklift_driver"
    assert builtin_recogniser().suggest("schoonm", limit=3)[0].key in {
        "cleaner",
        "healthcare_cleaner",
        "transport_cleaner",
    }


def test_gender_forms_compounds_and_plurals_analyse_alike() -> None:
    recogniser = builtin_recogniser()
    words = recogniser._analyser
    assert analyse("schoonmaakster", words) == analyse("schoonmaker", words)
    assert analyse("magazijnmedewerker", words) == analyse("magazijn medewerker", words)
    assert analyse("Chauffeuse", words) == "chauffeur"
    assert analyse("meester", words) == "meester"
    # -vrouw is -man on both sides, also where no label says -man: a weervrouw finds the weerman.
    weather = OccupationRecogniser(
        [("weather", "weervrouw", "alt"), ("fire", "brandweerman", "alt")]
    )
    assert analyse("weervrouw", weather._analyser) == analyse("weerman", weather._analyser)
    assert weather.recognise("weerman")[0].key == "weather"


def test_nothing_to_recognise() -> None:
    assert builtin_recogniser().recognise("") == []
    assert builtin_recogniser().recognise("   ?!") == []
    assert builtin_recogniser().recognise("kok", limit=0) == []
    assert OccupationRecogniser([]).recognise("kok") == []


# --- the Django side: built-in list only --------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "code"), sorted({**EXAMPLES, **TYPOS}.items()))
def test_recognise_occupation_with_only_the_builtin_list(text: str, code: str) -> None:
    candidates = recognise_occupation(text)
    assert candidates[0].code == code
    assert candidates[0].esco_uri == ""
    assert candidates[0].isco == Occupation.objects.get(code=code).isco08


@pytest.mark.django_db
def test_the_recogniser_notices_a_new_occupation() -> None:
    assert recognise_occupation("ijsbeerfluisteraar")[0].code != "polar_bear_whisperer"
    Occupation.objects.create(
        code="polar_bear_whisperer",
        name="IJsbeerfluisteraar",
        isco08="5164",
        field=Occupation.objects.get(code="cook").field,
        is_builtin=False,
    )
    assert recognise_occupation("ijsbeerfluisteraar")[0].code == "polar_bear_whisperer"


@pytest.mark.django_db
def test_the_command_works_with_only_the_builtin_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("heftruck chaufeur\nschoonmaakster\n"))
    out = io.StringIO()
    call_command("recognise_occupation", "--json", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["text"] for r in records] == ["heftruck chaufeur", "schoonmaakster"]
    best = records[0]["candidates"][0]
    assert (best["label"], best["isco"], best["esco_uri"]) == ("Heftruckchauffeur", "8344", "")
    assert set(best) >= {"label", "esco_uri", "isco", "score"}
    assert len(records[1]["candidates"]) == 3


@pytest.mark.django_db
def test_the_command_without_json_prints_a_line_per_title() -> None:
    out = io.StringIO()
    call_command("recognise_occupation", "kok", stdout=out)
    assert out.getvalue().startswith("kok\tKok (5120, ")


# --- the typeahead view -------------------------------------------------------------------------


@pytest.fixture
def logged_in(client: Client, db: None) -> Client:
    user = User.objects.create_user(username="typeahead", password="geheim-en-lang-genoeg")
    client.force_login(user)
    return client


def test_the_typeahead_answers_json(logged_in: Client) -> None:
    response = logged_in.get(reverse("taxonomy:occupation_search"), {"q": "heftr"})
    assert response.status_code == 200
    data = response.json()
    assert 1 <= len(data) <= 10
    forklift = Occupation.objects.get(code="forklift_driver")
    assert {key: data[0][key] for key in ("id", "label", "isco")} == {
        "id": forklift.pk,
        "label": "Heftruckchauffeur",
        "isco": "8344",
    }
    assert data[0]["matched"] in {"", "heftrucker"}  # the label that matched, if not the name


def test_the_typeahead_names_the_synonym_that_matched(logged_in: Client) -> None:
    data = logged_in.get(reverse("taxonomy:occupation_search"), {"q": "orderpicker"}).json()
    assert data[0]["label"] == "Magazijnmedewerker"
    assert data[0]["matched"] == "orderpicker"


def test_the_typeahead_waits_for_two_letters(logged_in: Client) -> None:
    assert logged_in.get(reverse("taxonomy:occupation_search"), {"q": "k"}).json() == []
    assert logged_in.get(reverse("taxonomy:occupation_search")).json() == []


@pytest.mark.django_db
def test_the_typeahead_is_behind_the_login(client: Client) -> None:
    response = client.get(reverse("taxonomy:occupation_search"), {"q": "kok"})
    assert response.status_code == 302
    assert "/account/" in response["Location"]


# --- the form field -----------------------------------------------------------------------------


class OccupationForm(forms.Form):
    occupation = OccupationChoiceField(required=False)


@pytest.mark.django_db
def test_the_field_takes_the_chosen_id_when_the_text_fits() -> None:
    cook = Occupation.objects.get(code="cook")
    form = OccupationForm({"occupation": "Kok", "occupation_id": str(cook.pk)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["occupation"] == cook


@pytest.mark.django_db
def test_the_field_recognises_typed_text_when_the_id_no_longer_fits() -> None:
    cook = Occupation.objects.get(code="cook")
    form = OccupationForm({"occupation": "heftruckchauffeur", "occupation_id": str(cook.pk)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["occupation"].code == "forklift_driver"


@pytest.mark.django_db
def test_the_field_takes_a_plain_id_and_nothing() -> None:
    bus = Occupation.objects.get(code="bus_driver")
    form = OccupationForm({"occupation": str(bus.pk)})
    assert form.is_valid() and form.cleaned_data["occupation"] == bus
    form = OccupationForm({"occupation": ""})
    assert form.is_valid() and form.cleaned_data["occupation"] is None


@pytest.mark.django_db
def test_the_field_asks_when_it_is_not_sure() -> None:
    form = OccupationForm({"occupation": "medewerker"})
    assert not form.is_valid()
    assert "Welk beroep bedoelt u met 'medewerker'?" in form.errors["occupation"][0]
    form = OccupationForm({"occupation": "qqqqqq"})
    assert not form.is_valid()


@pytest.mark.django_db
def test_the_widget_renders_a_textbox_with_the_name_and_a_hidden_id() -> None:
    cook = Occupation.objects.get(code="cook")
    html = str(OccupationForm(initial={"occupation": cook.pk})["occupation"])
    assert 'value="Kok"' in html
    assert f'name="occupation_id" value="{cook.pk}"' in html
    assert "data-occupation-typeahead" in html
    assert reverse("taxonomy:occupation_search") in html
    assert "occupation-typeahead.js" in html


@pytest.mark.django_db
def test_the_job_seeker_forms_use_the_typeahead() -> None:
    from werkroute.jobseekers.forms import AmbitionForm, ExperienceForm

    form = ExperienceForm({"occupation": "heftruck chaufeur", "description": "", "years": "2"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["occupation"].code == "forklift_driver"
    assert "data-occupation-typeahead" in str(AmbitionForm()["occupation"])


# --- improvements measured on held-out ESCO labels (bench/occupation_recognition.py) ----------


def test_an_unknown_modifier_before_a_known_head_is_split_off() -> None:
    """stal|medewerker: 'stal' is no label word, 'medewerker' is, and it says what the job is."""
    recogniser = OccupationRecogniser(
        [
            ("livestock", "medewerker veeteelt", "preferred"),
            ("livestock", "stalknecht", "alt"),
            ("statistics", "statistisch medewerker", "preferred"),
        ]
    )
    assert analyse("stalmedewerker", recogniser._analyser) == "stal medewerker"
    assert analyse("magazijnmedewerker", recogniser._analyser) == "magazijn medewerker"


def test_labels_are_split_before_a_known_head_like_queries() -> None:
    """gistmaker (a label) and gistproducent (typed) share the word 'gist' once both are split.

    The effect on recognition is measured by bench/occupation_recognition.py.
    """
    recogniser = OccupationRecogniser(
        [
            ("yeast", "gistdistilleerder", "preferred"),
            ("yeast", "gistmaker", "alt"),
            ("film", "filmproducent", "preferred"),
            ("film", "producent video", "alt"),
            ("maker", "maker", "preferred"),
            ("sales", "verkoper", "preferred"),
            ("car_sales", "autoverkoper", "preferred"),
            ("koper", "koper", "preferred"),
        ]
    )
    assert analyse("gistmaker", recogniser._analyser) == "gist maker"
    assert analyse("gistproducent", recogniser._analyser) == "gist producent"
    # A word that other labels are compounded of stays whole: verkoper is no ver|koper.
    assert analyse("verkoper", recogniser._analyser) == "verkoper"
    assert analyse("autoverkoper", recogniser._analyser) == "auto verkoper"


def test_words_used_together_in_labels_stand_in_for_each_other() -> None:
    """bewaking and beveiliging name the same occupations: one covers the other in part."""
    documents = [
        {"bewak", "beveilig", "agent"},
        {"bewak", "beveilig", "luchthaven"},
        {"chef", "beveilig"},
        {"chef", "kok"},
        {"kok", "keuken"},
    ]
    coverage = _WordCoverage(documents).coverage({"chef", "bewak"})
    assert coverage[3] < coverage[2] < 1.0  # chef|beveilig: chef fully, bewak in part
    assert coverage[0] == coverage[1]


def test_descriptions_and_skills_break_a_tie_but_labels_win() -> None:
    rows = [
        LabelRow("phlebotomist", "medewerker bloedafname"),
        LabelRow("lab", "medewerker laboratorium"),
    ]
    evidence = {
        "phlebotomist": ["Zij nemen bloed af door venapunctie.", "venapunctie uitvoeren"],
        "lab": ["Zij analyseren monsters."],
    }
    recogniser = OccupationRecogniser(rows, evidence)
    with_evidence = recogniser.recognise("medewerker venapunctie")
    without = OccupationRecogniser(rows).recognise("medewerker venapunctie")
    assert with_evidence[0].key == "phlebotomist"
    # Without it the word is unknown: only "medewerker" separates them, which both have.
    margin = with_evidence[0].score - with_evidence[1].score
    assert margin > without[0].score - without[1].score + 0.05
    # An exact label still wins over an occupation whose description names the words.
    assert recogniser.recognise("medewerker laboratorium")[0].key == "lab"


def test_a_female_form_prefers_a_label_word_to_a_compound_that_merely_splits() -> None:
    """pijplasster is pijplasser (a label), not pijp|laser (two words that happen to exist)."""
    recogniser = OccupationRecogniser(
        [
            ("pipe_welder", "pijplasser", "preferred"),
            ("laser_welder", "laserlasser", "preferred"),
            ("hairdresser", "kapper", "preferred"),
        ]
    )
    assert recogniser._analyser.neutral("pijplasster") == "pijplasser"
    # As the label itself, it is then read as pijp|lasser (a known head), never as pijp|laser.
    assert analyse("pijplasster", recogniser._analyser) == "pijp lasser"
    assert analyse("kapster", recogniser._analyser) == "kapper"
    assert recogniser.recognise("pijplasster")[0].key == "pipe_welder"


def test_female_forms_with_a_voiced_stem_or_a_latin_or_french_ending() -> None:
    """raadgeefster -> raadgever (f becomes v), leesster -> lezer, technica -> technicus."""
    recogniser = OccupationRecogniser(
        [
            ("adviser", "financieel raadgever", "preferred"),
            ("reader", "lezer", "preferred"),
            ("technician", "textieltechnicus", "preferred"),
            ("audio", "audicien", "preferred"),
        ]
    )
    words = recogniser._analyser
    assert analyse("financieel raadgeefster", words) == "financieel raadgever"
    assert analyse("leesster", words) == "lezer"
    assert analyse("textieltechnica", words) == analyse("textieltechnicus", words)
    assert analyse("audicienne", words) == "audicien"
    assert recogniser.recognise("raadgeefster")[0].key == "adviser"


def test_flemish_and_english_spellings_read_as_the_dutch_label_word() -> None:
    """technieker is technicus in Flanders; analyst and assistant are English spellings."""
    recogniser = OccupationRecogniser(
        [
            ("car", "autotechnicus", "preferred"),
            ("analyst", "marktanalist", "preferred"),
            ("hr", "hr-assistent", "preferred"),
            ("tech", "technicus", "preferred"),
        ]
    )
    words = recogniser._analyser
    assert analyse("technieker", words) == "technicus"
    assert analyse("autotechnieker", words) == analyse("autotechnicus", words)
    assert analyse("marktanalyst", words) == analyse("marktanalist", words)
    assert analyse("hr assistant", words) == "hr assistent"
    # Only towards a word the labels use: "consultant" stays as it is.
    assert analyse("consultant", words) == "consultant"
    assert recogniser.recognise("autotechnieker")[0].key == "car"


def test_an_occupation_that_shares_labels_with_the_best_one_comes_close_behind() -> None:
    """ESCO names two occupations alike: a title that one of them owns may mean the other."""
    rows = [
        ("warehouse", "magazijnmedewerker", "preferred"),
        ("warehouse", "magazijnbediende", "alt"),
        ("warehouse", "magazijnhulp", "alt"),
        ("warehouse", "loodsmedewerker", "alt"),
        ("storehouse", "pakhuismedewerker", "preferred"),
        ("storehouse", "magazijnbediende", "alt"),
        ("storehouse", "magazijnhulp", "alt"),
        ("storehouse", "loodsmedewerker", "alt"),
        ("clothing", "magazijnmedewerker kleding", "preferred"),
        ("leather", "magazijnmedewerker lederwaren", "preferred"),
        ("intake", "medewerker ontvangst", "preferred"),
    ]
    keys = [match.key for match in OccupationRecogniser(rows).recognise("magazijnmedewerker")]
    assert keys[:2] == ["warehouse", "storehouse"]
    # Kinship lifts, it does not replace: the occupation that owns the title stays first.
    assert OccupationRecogniser(rows).recognise("pakhuismedewerker")[0].key == "storehouse"
