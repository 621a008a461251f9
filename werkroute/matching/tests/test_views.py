"""The matching pages: who sees what, and what the page says."""

from django.urls import reverse

from werkroute.core.audit.models import AccessAuditEntry
from werkroute.matching import services
from werkroute.matching.models import MatchingSettings, ShortlistEntry

from .conftest import vacancy


def test_a_case_manager_sees_the_matches_of_a_client(market):
    client = market.client_for("case_manager")
    response = client.get(reverse("matching:person", args=[market.anna.public_id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Passende vacatures voor" in page
    assert "Wil werken als kok" in page
    assert "Hoe werkt de matching?" in page
    # Opening the matches is an access to the file, and audited as matching.
    assert AccessAuditEntry.objects.filter(
        data_subject_hash=market.anna.bsn_hash, processing_activity__code="matching"
    ).exists()


def test_another_teams_case_manager_gets_404_and_the_attempt_is_audited(market):
    client = market.client_for("other_team")
    response = client.get(reverse("matching:person", args=[market.anna.public_id]))
    assert response.status_code == 404
    assert AccessAuditEntry.objects.filter(
        data_subject_hash=market.anna.bsn_hash, outcome="denied"
    ).exists()


def test_shortlisting_a_match(market):
    client = market.client_for("case_manager")
    url = reverse("matching:shortlist_add", args=[market.anna.public_id])
    response = client.post(url, {"offering": str(market.cook.public_id)})
    assert response.status_code == 302
    assert ShortlistEntry.objects.filter(job_seeker=market.anna, offering=market.cook).exists()
    page = client.get(reverse("matching:person", args=[market.anna.public_id])).content.decode()
    assert "Kortelijst" in page


def test_candidates_show_names_of_own_clients_only(market):
    client = market.client_for("employer_adviser")
    page = client.get(
        reverse("matching:candidates", args=[market.warehouse.public_id])
    ).content.decode()
    assert "Kandidaat" in page
    assert market.carla.last_name not in page
    client = market.client_for("case_manager")
    page = client.get(
        reverse("matching:candidates", args=[market.warehouse.public_id])
    ).content.decode()
    assert market.anna.last_name in page
    assert market.carla.last_name not in page


def test_a_policy_maker_may_not_look_for_candidates(market):
    client = market.client_for("policy_maker")
    response = client.get(reverse("matching:candidates", args=[market.warehouse.public_id]))
    assert response.status_code == 403


def test_the_job_seeker_sees_vacancies_that_fit(market):
    client = market.client_for("self")
    page = client.get(reverse("my_matching:matches")).content.decode()
    assert "Vacatures die bij jou passen" in page
    assert "Wil werken als kok" in page


def test_both_lists_say_how_many_more_an_employer_has(market):
    """Twelve fitting vacancies of one employer: ten are shown, the last says two more."""
    for _ in range(8):
        vacancy(market.cook.location, "cook", hours_min=24, hours_max=32)
    for url, who in (
        (reverse("matching:person", args=[market.anna.public_id]), "case_manager"),
        (reverse("my_matching:matches"), "self"),
    ):
        page = market.client_for(who).get(url).content.decode()
        assert page.count("Deze werkgever heeft nog 2 andere passende voorstellen.") == 1, who
        english = market.client_for(who).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "This employer has 2 more suitable suggestions." in english, who


def test_both_lists_show_all_of_one_employer_on_request(market):
    """The 'more' line links to the employer's own list, which has a way back to all."""
    for _ in range(8):
        vacancy(market.cook.location, "cook", hours_min=24, hours_max=32)
    employer = market.cook.organisation
    all_of_employer = services.matches_for_person(
        actor=None, job_seeker=market.anna, employer_id=employer.pk
    ).results
    assert len(all_of_employer) >= 9  # the nine cook vacancies at least
    for url, who in (
        (reverse("matching:person", args=[market.anna.public_id]), "case_manager"),
        (reverse("my_matching:matches"), "self"),
    ):
        client = market.client_for(who)
        page = client.get(url).content.decode()
        link = f'href="?werkgever={employer.public_id}"'
        assert link in page, who
        assert f"Bekijk alle voorstellen van {employer.name}" in page, who
        narrowed = client.get(url, {"werkgever": str(employer.public_id)}).content.decode()
        assert narrowed.count('class="wr-match wr-card"') == len(all_of_employer), who
        assert f"Alleen de voorstellen van {employer.name}." in narrowed, who
        assert f'href="{url}"' in narrowed and "Alle voorstellen tonen" in narrowed, who
        assert "andere passende voorstellen" not in narrowed, who
        if who == "case_manager":  # shortlisting from the narrowed list comes back to it
            response = client.post(
                reverse("matching:shortlist_add", args=[market.anna.public_id]),
                {"offering": str(all_of_employer[-1].offering.public_id), "werkgever": "1"},
            )
            assert response.url == f"{url}?werkgever={employer.public_id}"
        english = client.get(
            url, {"werkgever": str(employer.public_id)}, HTTP_ACCEPT_LANGUAGE="en"
        ).content.decode()
        assert f"Only the suggestions of {employer.name}." in english, who
        # An unknown or broken employer key: a clear notice above the full list.
        for bad in ("00000000-0000-0000-0000-000000000000", "not-a-key"):
            response = client.get(url, {"werkgever": bad})
            assert response.status_code == 200, who
            assert "Die werkgever kennen we niet (meer)." in response.content.decode(), who


def test_the_functional_admin_switches_matching_off(market):
    client = market.client_for("functional_admin")
    url = reverse("matching:settings")
    page = client.get(url).content.decode()
    assert "Uitkomsten per groep" in page
    data = {
        f"weight_{c}": "0,2"
        for c in ("occupation", "text", "distance", "hours", "requirements", "inclusion")
    }
    response = client.post(url, data)  # "enabled" unticked
    assert response.status_code == 302
    assert MatchingSettings.objects.get(municipality=market.municipality).enabled is False
    page = market.client_for("self").get(reverse("my_matching:matches")).content.decode()
    assert "De matching staat uit in deze gemeente" in page


def test_bad_weights_get_a_clear_message_and_change_nothing(market):
    client = market.client_for("functional_admin")
    data = {
        f"weight_{c}": "0"
        for c in ("occupation", "text", "distance", "hours", "requirements", "inclusion")
    }
    data["weight_text"] = "2"
    page = client.post(reverse("matching:settings"), data).content.decode()
    assert "Een gewicht ligt tussen 0 en 1." in page
    assert not MatchingSettings.objects.exists()


def test_a_case_manager_may_not_change_the_settings(market):
    response = market.client_for("case_manager").get(reverse("matching:settings"))
    assert response.status_code == 403


def test_the_algorithm_page_is_public(client, market):
    page = client.get(reverse("algorithm:matching")).content.decode()
    for heading in (
        "Doel en impact",
        "Menselijke tussenkomst",
        "Risicobeheer",
        "Wettelijke basis",
        "Impacttoetsen",
        "Gegevens",
        "Technische werking",
    ):
        assert heading in page


def test_a_vacancy_without_occupation_gets_a_clear_notice(market):
    market.warehouse.occupation = None
    market.warehouse.save()
    client = market.client_for("case_manager")
    page = client.get(
        reverse("matching:candidates", args=[market.warehouse.public_id])
    ).content.decode()
    assert "Deze vacature heeft geen beroep." in page
    assert market.anna.last_name in page
