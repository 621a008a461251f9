"""Cohort criteria select the right people; an empty cohort is refused and saves nothing."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from werkroute.casework.tests.factories import ConversationFactory
from werkroute.core.audit.models import AccessAuditEntry, ProcessingLogEntry
from werkroute.jobseekers.constants import BenefitType
from werkroute.outreach.cohort import CohortCriteria, criteria_from_dict, describe, select_cohort
from werkroute.outreach.models import Campaign, CampaignMember
from werkroute.outreach.services import CampaignInput, create_campaign, preview_cohort
from werkroute.outreach.tests.conftest import World, make_campaign

EMPTY = "Deze selectie vindt niemand. Pas de criteria aan."


def _selected(world: World, **criteria: object) -> set[str]:
    chosen = select_cohort(world.municipality, criteria_from_dict(criteria), timezone.localdate())
    names = {js.pk: key for key, js in world.people.items()}
    return {names[js.pk] for js in chosen}


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, {"long_term", "short_term", "youth", "self_employed", "other_team"}),
        ({"benefit_months_min": 18}, {"long_term", "self_employed", "other_team"}),
        ({"benefit_months_min": 24}, {"long_term", "other_team"}),
        ({"benefit_months_min": 25}, {"other_team"}),
        ({"self_employed": True}, {"self_employed"}),
        ({"benefit_types": ["self_employed_support"]}, {"self_employed"}),
        (
            {"benefit_types": ["social_assistance"]},
            {"long_term", "short_term", "youth", "other_team"},
        ),
        ({"age_min": 18, "age_max": 27}, {"youth"}),
        ({"age_min": 18, "age_max": 27, "below_start_qualification": True}, {"youth"}),
        ({"below_start_qualification": True}, {"youth"}),
        ({"age_min": 55}, {"other_team"}),
        ({"age_max": 40}, {"long_term", "youth", "self_employed"}),
        ({"age_max": 39}, {"youth", "self_employed"}),
        ({"status_holder": True}, {"self_employed"}),
        ({"target_group_register": True}, {"other_team"}),
        ({"benefit_months_min": 18, "status_holder": True}, {"self_employed"}),
    ],
)
def test_each_criterion_selects_the_right_people(
    world: World, criteria: dict, expected: set[str]
) -> None:
    assert _selected(world, **criteria) == expected


def test_no_conversation_leaves_out_who_had_one(world: World) -> None:
    ConversationFactory(job_seeker=world.people["long_term"])
    assert "long_term" not in _selected(world, no_conversation=True)
    assert "short_term" in _selected(world, no_conversation=True)


def test_anonymised_files_and_other_municipalities_are_never_selected(world: World) -> None:
    world.people["youth"].anonymised_at = timezone.now()
    world.people["youth"].save()
    assert "youth" not in _selected(world)
    assert not select_cohort(world.other_municipality, CohortCriteria(), timezone.localdate())


@pytest.mark.parametrize(
    "bad",
    [
        {"age_min": 30, "age_max": 20},
        {"age_min": 3},
        {"benefit_months_min": -1},
        {"benefit_months_min": "18"},
        {"benefit_types": ["pension"]},
        {"self_employed": "yes"},
        {"favourite_colour": "blue"},
    ],
)
def test_bad_criteria_are_refused(bad: dict) -> None:
    with pytest.raises(ValidationError):
        criteria_from_dict(bad)


def test_criteria_round_trip_through_the_stored_dict() -> None:
    criteria = CohortCriteria(
        benefit_types=(BenefitType.SOCIAL_ASSISTANCE,), benefit_months_min=18, no_conversation=True
    )
    stored = criteria.to_dict()
    assert stored == {
        "benefit_types": ["social_assistance"],
        "benefit_months_min": 18,
        "no_conversation": True,
    }
    assert criteria_from_dict(stored) == criteria
    assert describe(stored) == [
        "Uitkering: bijstand (Participatiewet)",
        "Uitkering minstens 18 maanden",
        "Nog geen gesprek gehad",
    ]


def test_the_preview_counts_who_each_channel_reaches(world: World) -> None:
    preview = preview_cohort(
        actor=world.case_manager,
        municipality=world.municipality,
        criteria=CohortCriteria(benefit_months_min=18),
    )
    assert (preview.total, preview.with_email, preview.with_phone, preview.with_postcode) == (
        3,
        1,
        2,
        3,
    )
    assert preview.without_case_manager == 1


def test_an_empty_preview_says_so_in_dutch(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        preview_cohort(
            actor=world.case_manager,
            municipality=world.municipality,
            criteria=CohortCriteria(age_min=90),
        )
    assert caught.value.messages == [EMPTY]


def test_an_empty_cohort_is_refused_and_nothing_is_saved(world: World) -> None:
    audit_before = AccessAuditEntry.objects.count()
    log_before = ProcessingLogEntry.objects.count()
    data = CampaignInput(name="Niemand", criteria=CohortCriteria(age_min=90), channels=("email",))
    with pytest.raises(ValidationError) as caught:
        create_campaign(actor=world.case_manager, municipality=world.municipality, data=data)
    assert caught.value.messages == [EMPTY]
    assert not Campaign.objects.exists()
    assert not CampaignMember.objects.exists()
    assert AccessAuditEntry.objects.count() == audit_before
    assert ProcessingLogEntry.objects.count() == log_before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"channels": ()}, "channels"),
        ({"channels": ("pigeon",)}, "channels"),
        ({"respond_within_days": 1}, "respond_within_days"),
        ({"assignment": "lottery"}, "assignment"),
    ],
)
def test_bad_campaign_input_is_refused_on_its_field(
    world: World, changes: dict, field: str
) -> None:
    values = {"name": "Test", "criteria": CohortCriteria(), "channels": ("email",), **changes}
    with pytest.raises(ValidationError) as caught:
        create_campaign(
            actor=world.case_manager, municipality=world.municipality, data=CampaignInput(**values)
        )
    assert field in caught.value.message_dict
    assert not Campaign.objects.exists()


def test_only_caseworkers_of_the_municipality_create_campaigns(world: World) -> None:
    data = CampaignInput(name="Test", criteria=CohortCriteria(), channels=("email",))
    for who in ("other_municipality", "policy_maker", "functional_admin", "job_seeker"):
        with pytest.raises(PermissionDenied):
            create_campaign(actor=world.user(who), municipality=world.municipality, data=data)
    assert not Campaign.objects.exists()


def test_members_go_to_their_own_case_manager_and_the_rest_in_turn(world: World) -> None:
    chosen = (world.user("colleague"),)
    campaign = make_campaign(world, start=False, case_managers=chosen)
    assigned = {m.job_seeker_id: m.assigned_to for m in campaign.members.all()}
    people = world.people
    assert assigned[people["long_term"].pk] == world.case_manager
    assert assigned[people["other_team"].pk] == world.user("other_team")
    assert assigned[people["self_employed"].pk] == world.user("colleague")


def test_round_robin_shares_members_out_evenly(world: World) -> None:
    managers = (world.case_manager, world.user("colleague"))
    campaign = make_campaign(
        world, CohortCriteria(), start=False, assignment="round_robin", case_managers=managers
    )
    counts = [campaign.members.filter(assigned_to=m).count() for m in managers]
    assert sorted(counts) == [2, 3]


def test_creating_writes_an_audit_entry_per_person(world: World) -> None:
    before = AccessAuditEntry.objects.count()
    campaign = make_campaign(world, start=False)
    members = list(campaign.members.all())
    entries = AccessAuditEntry.objects.filter(sequence__gt=before, action="create")
    assert {e.object_id for e in entries} == {str(m.public_id) for m in members}
    assert all(e.processing_activity.code == "outreach-campagne" for e in entries)
    assert {m.reference[4] for m in members} == {"-"}
