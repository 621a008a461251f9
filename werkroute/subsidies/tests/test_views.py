"""The pages: the public list and scheme pages, and the checker with its form."""

import html
import re
from pathlib import Path

from django.test import Client
from django.urls import reverse

import pytest

from werkroute.core.audit.models import AccessAuditEntry

CHECK = reverse("subsidies:check")

GOOD_POST = {
    "country": "nl",
    "age": "58",
    "benefit_type": "social_assistance",
    "benefit_months": "40",
    "in_target_group_register": "yes",
    "work_limiting_disability": "yes",
    "worked_for_employer_before": "no",
    "hours_per_week": "24,5",
    "contract_type": "temporary",
    "contract_months": "12",
    "wage_per_month": "2.300,50",
    "start_date": "2026-03-01",
}


def row(page: str, code: str) -> str:
    match = re.search(rf'<tr[^>]*data-scheme="{code}"[^>]*>.*?</tr>', page, re.S)
    assert match, f"no row for {code}"
    return match.group(0)


@pytest.mark.django_db
def test_the_list_is_public_with_source_and_date(client: Client) -> None:
    page = client.get(reverse("subsidies:list")).content.decode()
    assert "<h2" in page and "Nederland" in page and "Vlaanderen" in page
    assert "<caption" in page
    assert "Loonkostensubsidie" in page and "Artikel 60" in page
    assert "Participatiewet, artikel 10d" in page
    assert 'datetime="2026-12-06"' in page
    assert reverse("subsidies:detail", args=["nl", "loonkostensubsidie"]) in page
    assert CHECK not in page  # the checker is for advisers and employers


@pytest.mark.django_db
def test_a_scheme_page(client: Client) -> None:
    url = reverse("subsidies:detail", args=["nl", "lkv-oudere-werknemer"])
    page = client.get(url).content.decode()
    assert "Voorwaarden" in page
    assert "Leeftijd: 56 jaar of meer" in page
    assert "Begindatum van de baan: vóór 1 januari 2026" in page
    assert "Waar we niet zeker van zijn" in page
    assert "Controleer dit zelf" in page
    assert "wetten.overheid.nl/BWBR0037522" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args", [["nl", "bestaat-niet"], ["be-vl", "loonkostensubsidie"], ["fr", "artikel-60"]]
)
def test_an_unknown_scheme_is_404(client: Client, args: list[str]) -> None:
    assert client.get(reverse("subsidies:detail", args=args)).status_code == 404


def test_the_checker_asks_for_a_login(client: Client, db) -> None:  # type: ignore[no-untyped-def]
    response = client.get(CHECK)
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_a_job_seeker_may_not_use_the_checker(world) -> None:  # type: ignore[no-untyped-def]
    client = world.client_for(world.job_seeker_user)
    assert client.get(CHECK).status_code == 403


@pytest.mark.parametrize("who", ["case_manager", "employer"])
def test_the_form_has_labels_and_fieldsets(world, who: str) -> None:  # type: ignore[no-untyped-def]
    page = world.client_for(getattr(world, who)).get(CHECK).content.decode()
    assert "<h1" in page and "Welke regelingen passen?" in page
    assert page.count("<fieldset") >= 3
    assert "Over de kandidaat" in page and "Over de baan" in page
    for name in ("age", "benefit_months", "hours_per_week", "contract_months"):
        assert f'<label class="utrecht-form-label" for="id_{name}"' in page, name
    assert 'name="in_target_group_register" value=""' in page  # "weet ik niet" is a choice


def test_checking_shows_yes_no_and_maybe_with_reasons(world) -> None:  # type: ignore[no-untyped-def]
    client = world.client_for(world.case_manager)
    response = client.post(CHECK, GOOD_POST)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<caption" in page and "Uitkomst" in page
    no_risk = row(page, "no-riskpolis")
    assert 'data-answer="yes"' in no_risk
    assert "De kandidaat staat in het doelgroepregister" in no_risk
    oudere = row(page, "lkv-oudere-werknemer")
    assert 'data-answer="no"' in oudere
    assert "Voor een baan vanaf 1 januari 2026 bestaat dit loonkostenvoordeel niet meer" in oudere
    lks = row(page, "loonkostensubsidie")
    assert 'data-answer="maybe"' in lks
    assert "onbekend: loonwaarde" in lks
    # What was filled in stays in the form, ready to change.
    assert 'value="24,5"' in page or 'value="24,50"' in page
    assert (
        'name="in_target_group_register" value="yes" id="id_in_target_group_register_0" checked'
        in page
    )
    # Flemish schemes are not in a Dutch check.
    assert "artikel-60" not in page


def test_the_flemish_check(world) -> None:  # type: ignore[no-untyped-def]
    client = world.client_for(world.employer)
    data = {"country": "be-vl", "benefit_type": "leefloon", "age": "30", "lives_in": "be-vl"}
    page = client.post(CHECK, {**data, "hours_per_week": "38"}).content.decode()
    assert 'data-answer="yes"' in row(page, "artikel-60")
    assert "loonkostensubsidie" not in page


def test_bad_input_gets_a_dutch_message_per_field_and_nothing_is_lost(world) -> None:  # type: ignore[no-untyped-def]
    client = world.client_for(world.case_manager)
    bad = {
        **GOOD_POST,
        "age": "achtenvijftig",
        "hours_per_week": "veel",
        "benefit_months": "-3",
        "start_date": "31-02-2026",
        "contract_type": "internship",
        "contract_months": "6",
        "benefit_type": "bestaat-niet",
    }
    response = client.post(CHECK, bad)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Controleer wat u heeft ingevuld" in page
    assert "Vul een heel getal in, zonder punt of komma." in page
    assert "Vul een getal in, bijvoorbeeld 24 of 24,5." in page
    assert "Vul 0 of meer in." in page
    assert "Vul een datum in, bijvoorbeeld 1-3-2026." in page
    assert "Bij stage of vrijwilligerswerk is er geen arbeidscontract." in page
    assert "Kies een van de mogelijkheden uit de lijst." in page
    assert 'aria-invalid="true"' in page
    for kept in ('value="achtenvijftig"', 'value="veel"', 'value="-3"', 'value="31-02-2026"'):
        assert kept in page, kept
    assert "Uitkomst" not in page  # no answers from a form with errors


def test_the_checker_prefills_from_a_job_seeker_and_a_vacancy(world) -> None:  # type: ignore[no-untyped-def]
    client = world.client_for(world.case_manager)
    url = f"{CHECK}?werkzoekende={world.anna.public_id}&aanbod={world.vacancy.public_id}"
    page = client.get(url).content.decode()
    assert "Ingevuld uit het dossier van Anna" in page
    assert 'name="age" value="58"' in page
    assert 'name="benefit_months" value="40"' in page
    assert 'name="hours_per_week" value="32"' in page
    assert 'value="yes" id="id_in_target_group_register_0" checked' in page
    assert AccessAuditEntry.objects.filter(
        data_subject_hash=world.anna.bsn_hash, outcome="allowed"
    ).exists()


def test_someone_elses_job_seeker_is_404_and_audited(world) -> None:  # type: ignore[no-untyped-def]
    client = world.client_for(world.case_manager)
    response = client.get(f"{CHECK}?werkzoekende={world.stranger.public_id}")
    assert response.status_code == 404
    assert AccessAuditEntry.objects.filter(
        data_subject_hash=world.stranger.bsn_hash, outcome="denied"
    ).exists()
    # An employer sees no files at all.
    employer = world.client_for(world.employer)
    assert employer.get(f"{CHECK}?werkzoekende={world.anna.public_id}").status_code == 404


def test_a_broken_rule_file_shows_the_errors_not_half_a_list(
    world, tmp_path: Path, settings, client: Client
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "kapot.toml").write_text('code = "kapot"\n', encoding="utf-8")
    settings.WERKROUTE_SCHEMES_DIR = str(tmp_path)
    response = client.get(reverse("subsidies:list"))
    assert response.status_code == 503
    assert 'nl/kapot.toml, regeling "kapot": verplicht veld' in html.unescape(
        response.content.decode()
    )
    checker = world.client_for(world.case_manager).post(CHECK, GOOD_POST)
    assert checker.status_code == 503


def test_an_employer_prefills_from_its_own_vacancy(world) -> None:  # type: ignore[no-untyped-def]
    client = world.client_for(world.employer)
    page = client.get(f"{CHECK}?aanbod={world.vacancy.public_id}").content.decode()
    assert "Ingevuld uit de vacature Medewerker groenonderhoud" in page
    assert 'name="hours_per_week" value="32"' in page
    assert client.get(f"{CHECK}?aanbod=geen-id").status_code == 404
