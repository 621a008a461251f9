"""Matching against the database: runs, updates, explanations, gaps and courses, the switch."""

import pytest

from werkroute.catalogue import services as catalogue_services
from werkroute.catalogue.constants import OfferingStatus, OrganisationKind
from werkroute.catalogue.models import OrganisationMembership
from werkroute.catalogue.tests.factories import LocationFactory, OrganisationFactory
from werkroute.core.audit.models import ProcessingLogEntry
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.matching import fairness, register, services
from werkroute.matching.engine import EXCLUDED_ATTRIBUTES, PARTS
from werkroute.matching.models import Match, MatchingSettings, MatchRun, RunStatus
from werkroute.matching.services import reading

from .conftest import NEAR, vacancy


def full_run(shard_size: int = 2, top_k: int = 3) -> MatchRun:
    run, shards = services.start_run(shard_size=shard_size, top_k=top_k)
    for first, last in shards:
        services.score_shard(run.pk, first, last)
    run.refresh_from_db()
    return run


def test_a_run_in_shards_stores_each_persons_best(market):
    run = full_run()
    assert run.status == RunStatus.DONE
    assert run.shards == 2 and run.shards_done == 2
    assert run.offerings == 4  # the four vacancies; courses are not matched
    assert Match.objects.filter(job_seeker=market.anna).count() == 3
    best = Match.objects.filter(job_seeker=market.anna).order_by("-score").first()
    assert best.offering == market.cook
    assert not Match.objects.filter(offering=market.forklift_course).exists()
    # Every person scored is in the processing log, by the keyed hash of the BSN.
    logged = set(
        ProcessingLogEntry.objects.filter(processing_activity__code="matching").values_list(
            "data_subject_hash", flat=True
        )
    )
    assert {market.anna.bsn_hash, market.dirk.bsn_hash} <= logged


def test_a_second_run_replaces_the_first(market):
    first = full_run()
    kept = set(Match.objects.filter(job_seeker=market.anna).values_list("offering_id", "pk"))
    # Her weakest match closes before the next run; another row stems from an update (no run).
    weakest = Match.objects.filter(job_seeker=market.anna).order_by("score").first()
    weakest.offering.status = OfferingStatus.ARCHIVED
    weakest.offering.save()
    Match.objects.filter(job_seeker=market.anna).exclude(pk=weakest.pk).update(run=None)
    second = full_run()
    rows = Match.objects.filter(job_seeker=market.anna)
    assert 0 < rows.count() <= 3
    assert set(rows.values_list("run_id", flat=True)) == {second.pk} != {first.pk}
    assert not rows.filter(offering=weakest.offering).exists()
    # A pair that stays among the best is updated in place, not deleted and inserted.
    assert set(rows.values_list("offering_id", "pk")) & kept


def test_a_new_vacancy_updates_matches_without_a_run(market, django_capture_on_commit_callbacks):
    full_run(top_k=2)
    runs = MatchRun.objects.count()
    adviser = market.users["employer_adviser"]
    OrganisationMembership.objects.create(user=adviser, organisation=market.cook.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        new = catalogue_services.create_offering(
            actor=adviser,
            organisation=market.cook.organisation,
            data={
                "kind": "vacancy",
                "title": "Kok",
                "description": "Wij zoeken een kok.",
                "location": market.cook.location,
                "target_groups": ["everyone"],
                "languages": ["nl"],
                "join_methods": ["sign_up"],
                "occupation": market.cook.occupation,
                "hours_min": 24,
                "hours_max": 32,
                "inclusive_employer": True,  # so it beats the kitchen job Anna already has
            },
        )
        catalogue_services.publish_offering(actor=adviser, offering=new)
    assert MatchRun.objects.count() == runs
    assert Match.objects.filter(job_seeker=market.anna, offering=new).exists()
    assert Match.objects.filter(job_seeker=market.anna).count() == 2  # trimmed to top_k
    with django_capture_on_commit_callbacks(execute=True):
        catalogue_services.archive_offering(actor=adviser, offering=new)
    assert not Match.objects.filter(offering=new).exists()


def texts(explained):
    return [r.text for r in explained.reasons]


def test_explanations_in_plain_dutch(market):
    found = services.matches_for_person(actor=None, job_seeker=market.anna, limit=4)
    first = found.results[0]
    assert first.offering == market.cook
    assert "Wil werken als kok" in texts(first)
    assert "Woont 3,0 km van het werk (past bij 10 km)" in texts(first)
    assert "Uren passen" in texts(first)
    warehouse = next(r for r in found.results if r.offering == market.warehouse)
    assert "Heeft 3 jaar ervaring als magazijnmedewerker" in texts(warehouse)
    assert "Werkgever staat open voor mensen met afstand tot werk" in texts(warehouse)
    far = next(r for r in found.results if r.offering == market.far_cook)
    assert any(t.startswith("Woont 1") and "verder dan de 10 km die past" in t for t in texts(far))
    assert found.notices == []


def test_gaps_come_with_courses_that_close_them(market):
    found = services.matches_for_person(actor=None, job_seeker=market.bram, limit=4)
    forklift = next(r for r in found.results if r.offering == market.forklift)
    assert "Mist rijbewijs B" in texts(forklift)
    assert "Mist heftruckcertificaat" in texts(forklift)
    courses = {g.text: [c.title for c in g.courses] for g in forklift.gaps}
    assert courses == {
        "Mist rijbewijs B": ["Rijbewijs B voor je werk"],
        "Mist heftruckcertificaat": ["Heftruckcertificaat halen"],
    }
    assert forklift.parts["requirements"] == -1.0


def test_a_person_without_postcode_or_ambitions_gets_a_clear_notice(market):
    found = services.matches_for_person(actor=None, job_seeker=market.dirk)
    assert any("geen beroepen" in n for n in found.notices)
    assert any("geen (bekende) postcode" in n for n in found.notices)
    assert all("Afstand onbekend" in texts(r)[1] for r in found.results)


def test_candidates_only_among_the_people_the_caller_may_see(market):
    adviser = market.users["employer_adviser"]
    pool = jobseeker_queries.candidate_pool(adviser)
    found = services.candidates_for_offering(actor=adviser, offering=market.warehouse, people=pool)
    assert [c.job_seeker for c in found] == [market.carla]  # she alone consents
    case_manager = market.users["case_manager"]
    pool = jobseeker_queries.candidate_pool(case_manager)
    found = services.candidates_for_offering(
        actor=case_manager, offering=market.warehouse, people=pool
    )
    assert {c.job_seeker for c in found} == {market.anna, market.bram, market.dirk}
    assert found[0].job_seeker == market.anna  # three years in a warehouse


@pytest.mark.parametrize("probe", [0, 1, 2])
def test_candidates_are_the_same_whether_found_by_probing_or_from_the_whole_pool(
    market, monkeypatch, probe
):
    # The best-scored people are checked against the pool first, then the whole pool is read:
    # a probe too small to fill the list must change nothing.
    case_manager = market.users["case_manager"]
    pool = jobseeker_queries.candidate_pool(case_manager)
    expected = services.candidates_for_offering(
        actor=case_manager, offering=market.warehouse, people=pool, limit=2
    )
    monkeypatch.setattr(reading, "PROBE", probe)
    found = services.candidates_for_offering(
        actor=case_manager, offering=market.warehouse, people=pool, limit=2
    )
    assert [c.job_seeker for c in found] == [c.job_seeker for c in expected]
    assert len(found) == 2


def test_a_vacancy_that_is_not_open_has_no_candidates(market):
    market.cook.status = OfferingStatus.ARCHIVED
    market.cook.save()
    case_manager = market.users["case_manager"]
    with pytest.raises(Exception, match="niet \\(meer\\) open"):
        services.candidates_for_offering(
            actor=case_manager,
            offering=market.cook,
            people=jobseeker_queries.candidate_pool(case_manager),
        )


def test_switching_matching_off_stops_every_suggestion(market):
    MatchingSettings.objects.create(municipality=market.municipality, enabled=False)
    with pytest.raises(services.MatchingOff):
        services.matches_for_person(actor=None, job_seeker=market.anna)
    full_run()
    assert not Match.objects.filter(job_seeker__municipality=market.municipality).exists()
    case_manager = market.users["case_manager"]
    found = services.candidates_for_offering(
        actor=case_manager,
        offering=market.cook,
        people=jobseeker_queries.candidate_pool(case_manager),
    )
    assert found == []


def test_municipal_weights_are_used(market):
    before = services.matches_for_person(actor=None, job_seeker=market.anna).results[0].score
    admin = market.users["functional_admin"]
    services.update_settings(
        actor=admin,
        municipality=market.municipality,
        enabled=True,
        weights={
            "occupation": 1.0,
            "text": 0.0,
            "distance": 0.0,
            "hours": 0.0,
            "requirements": 0.0,
            "inclusion": 0.0,
        },
    )
    after = services.matches_for_person(actor=None, job_seeker=market.anna).results[0]
    assert after.score == pytest.approx(1.0)
    assert after.score != pytest.approx(before)


def test_only_a_functional_administrator_changes_the_settings(market):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.update_settings(
            actor=market.users["case_manager"],
            municipality=market.municipality,
            enabled=False,
            weights={p.code: 0.5 for p in PARTS},
        )


def test_fairness_monitor_counts_groups_and_hides_small_ones(market):
    full_run()
    monitor = fairness.monitor(market.municipality)
    assert monitor.people == 4
    assert monitor.with_matches == 4
    assert all(row.suppressed for row in monitor.rows)  # every group is smaller than 10


def test_the_public_description_follows_the_configuration(market):
    MatchingSettings.objects.create(municipality=market.municipality, weight_text=0.42)
    entry = register.entry()
    fields = {f.key: f for section in entry for f in section.fields}
    for key in (
        "goal_and_impact",
        "human_intervention",
        "risk_management",
        "legal_basis",
        "impacttoetsen",
        "source_data",
        "methods_and_models",
    ):
        assert key in fields
    risk = " ".join(fields["risk_management"].lines)
    for label in ("leeftijd", "geslacht", "nationaliteit", "afkomst", "gezondheid"):
        assert label in risk
    assert len(EXCLUDED_ATTRIBUTES) == 5
    method = " ".join(fields["methods_and_models"].lines)
    for part in PARTS:
        assert part.name in method
    assert "tekst 0.42" in method
    assert "hoogstens 2 voorstellen van dezelfde werkgever" in method


def test_one_employer_does_not_fill_a_persons_whole_list(market, settings):
    """Three more cook vacancies at the same employer score best; another employer still shows."""
    for _ in range(3):
        vacancy(market.cook.location, "cook", hours_min=24, hours_max=32)
    other_employer = OrganisationFactory(
        region=market.cook.organisation.region, kinds=[OrganisationKind.EMPLOYER]
    )
    elsewhere = LocationFactory(
        organisation=other_employer,
        municipality=market.cook.location.municipality,
        lat=NEAR[0] - 0.02,  # a little further from Anna than the first employer's kitchen
        lon=NEAR[1],
    )
    other_cook = vacancy(elsewhere, "cook", hours_min=24, hours_max=32)

    settings.MATCHING_MAX_PER_EMPLOYER = 0  # as before: the best three, all of one employer
    plain = services.matches_for_person(actor=None, job_seeker=market.anna, limit=3).results
    assert {r.offering.organisation_id for r in plain} == {market.cook.organisation_id}
    assert all(r.more_at_employer == 0 for r in plain)

    settings.MATCHING_MAX_PER_EMPLOYER = 2
    spread = services.matches_for_person(actor=None, job_seeker=market.anna, limit=3).results
    assert len(spread) == 3
    assert other_cook in [r.offering for r in spread]
    assert sum(r.offering.organisation_id == market.cook.organisation_id for r in spread) == 2
    scores = [r.score for r in spread]
    assert scores == sorted(scores, reverse=True)  # still best first
    # The last one shown of the first employer says how many of its others were left out.
    first_employer = [
        r for r in spread if r.offering.organisation_id == market.cook.organisation_id
    ]
    assert first_employer[0].more_at_employer == 0
    assert first_employer[-1].more_at_employer >= 3  # at least the other cook vacancies
    assert next(r for r in spread if r.offering == other_cook).more_at_employer == 0


def test_a_persons_list_narrowed_to_one_employer_holds_all_it_left_out(market, settings):
    """'Bekijk alle voorstellen van ...': the ones shown and the ones counted as more, no others.

    A list of three picks from the best fifteen. Eight cook vacancies of another employer next
    door and twenty of the first employer a little further: the narrowed list holds the first
    employer's offerings among those fifteen, as counted, not its best fifteen of all.
    """
    further = LocationFactory(
        organisation=market.cook.organisation,
        municipality=market.cook.location.municipality,
        lat=NEAR[0] - 0.02,
        lon=NEAR[1],
    )
    for _ in range(20):
        vacancy(further, "cook", hours_min=24, hours_max=32)
    other_employer = OrganisationFactory(
        region=market.cook.organisation.region, kinds=[OrganisationKind.EMPLOYER]
    )
    next_door = LocationFactory(
        organisation=other_employer,
        municipality=market.cook.location.municipality,
        lat=NEAR[0],
        lon=NEAR[1],
    )
    for _ in range(8):
        vacancy(next_door, "cook", hours_min=24, hours_max=32)
    settings.MATCHING_MAX_PER_EMPLOYER = 2
    spread = services.matches_for_person(actor=None, job_seeker=market.anna, limit=3).results
    employer_id = market.cook.organisation_id
    shown = [r for r in spread if r.offering.organisation_id == employer_id]
    narrowed = services.matches_for_person(
        actor=None, job_seeker=market.anna, limit=3, employer_id=employer_id
    ).results
    assert {r.offering.organisation_id for r in narrowed} == {employer_id}
    assert len(narrowed) == len(shown) + shown[-1].more_at_employer < 3 * reading.SPREAD_POOL
    assert [r.offering for r in shown] == [r.offering for r in narrowed[: len(shown)]]
    scores = [r.score for r in narrowed]
    assert all(a >= b - 1e-9 for a, b in zip(scores, scores[1:], strict=False))  # best first
    assert all(r.more_at_employer == 0 for r in narrowed)
    # An employer without open offerings gives an empty list, not an error.
    nobody = OrganisationFactory(region=market.cook.organisation.region)
    assert (
        services.matches_for_person(
            actor=None, job_seeker=market.anna, employer_id=nobody.pk
        ).results
        == []
    )


def test_spreading_over_employers_keeps_order_and_length() -> None:
    columns = [10, 11, 12, 13, 14, 15]
    employers = ["a", "a", "a", "b", "a", None]
    assert reading.spread_over_employers(columns, employers, 2, 4) == [10, 11, 13, 15]
    # Too few others: held-back columns fill the list, in their own place.
    assert reading.spread_over_employers(columns, employers, 2, 5) == [10, 11, 12, 13, 15]
    assert reading.spread_over_employers(columns[:3], employers[:3], 2, 3) == [10, 11, 12]
