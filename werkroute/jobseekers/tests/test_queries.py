"""Who sees which file: visible_to, staff_visible_to, access_job_seeker and the audit role."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

import pytest

from werkroute.accounts.constants import Role
from werkroute.catalogue.tests.factories import MembershipFactory, UserFactory
from werkroute.jobseekers import queries
from werkroute.jobseekers.tests.conftest import World
from werkroute.jobseekers.tests.factories import JobSeekerFactory, make_staff

pytestmark = pytest.mark.django_db

SEES_TARGET = {"case_manager", "colleague", "team_lead", "self"}
NEVER_SEES_TARGET = {
    "other_team",
    "other_municipality",
    "functional_admin",
    "policy_maker",
    "other_seeker",
}


@pytest.mark.parametrize("who", sorted(SEES_TARGET | NEVER_SEES_TARGET))
def test_visible_to_follows_caseload_team_and_municipality(world: World, who: str) -> None:
    user = world.users[who]
    assert queries.visible_to(user).filter(pk=world.target.pk).exists() is (who in SEES_TARGET)


def test_anonymous_sees_nothing(world: World) -> None:
    assert not queries.visible_to(AnonymousUser()).exists()
    assert not queries.staff_visible_to(AnonymousUser()).exists()


def test_superuser_sees_everyone(world: World) -> None:
    admin = UserFactory(is_superuser=True)
    assert set(queries.visible_to(admin)) == {world.target, world.other_seeker}


def test_job_seeker_sees_only_themselves_and_not_on_staff_pages(world: World) -> None:
    assert list(queries.visible_to(world.users["self"])) == [world.target]
    assert not queries.staff_visible_to(world.users["self"]).exists()


def test_team_lead_sees_every_caseload_of_the_team_but_not_other_teams(world: World) -> None:
    colleague_client = JobSeekerFactory(
        municipality=world.municipality, case_manager=world.users["colleague"]
    )
    visible = set(queries.visible_to(world.users["team_lead"]))
    assert {world.target, colleague_client} <= visible
    assert world.other_seeker not in visible


def test_a_case_manager_of_the_same_team_in_another_municipality_sees_nothing_here(
    world: World,
) -> None:
    """The team is of one municipality; a person moved elsewhere drops out of the scope."""
    moved = JobSeekerFactory(
        municipality=world.other_municipality, case_manager=world.users["case_manager"]
    )
    assert not queries.visible_to(world.users["colleague"]).filter(pk=moved.pk).exists()
    assert not queries.visible_to(world.users["case_manager"]).filter(pk=moved.pk).exists()


def test_region_wide_case_manager_membership_gives_no_person_access(world: World) -> None:
    user = UserFactory()
    MembershipFactory(user=user, role=Role.CASE_MANAGER, region=world.municipality.region)
    world.target.case_manager = user
    world.target.save()
    assert not queries.visible_to(user).exists()


def test_anonymised_files_are_out_of_sight(world: World) -> None:
    world.target.anonymised_at = timezone.now()
    world.target.save()
    assert not queries.visible_to(world.users["case_manager"]).filter(pk=world.target.pk).exists()
    with pytest.raises(Http404):
        queries.own_job_seeker(world.users["self"])


def test_access_answers_404_alike_for_absent_bad_and_not_yours(world: World) -> None:
    user = world.users["other_team"]
    for public_id in (world.target.public_id, "00000000-0000-0000-0000-000000000000", "1"):
        with pytest.raises(Http404):
            queries.access_job_seeker(user, public_id)


def test_access_for_write_or_as_staff_leaves_out_the_own_file(world: World) -> None:
    me = world.users["self"]
    assert queries.access_job_seeker(me, world.target.public_id) == world.target
    for kwargs in ({"for_write": True}, {"as_staff": True}):
        with pytest.raises(Http404):
            queries.access_job_seeker(me, world.target.public_id, **kwargs)


def test_own_job_seeker_is_404_for_staff(world: World) -> None:
    with pytest.raises(Http404):
        queries.own_job_seeker(world.users["case_manager"])
    assert queries.own_job_seeker(world.users["self"]) == world.target


@pytest.mark.parametrize(
    ("who", "role"),
    [
        ("case_manager", Role.CASE_MANAGER),
        ("colleague", Role.CASE_MANAGER),
        ("team_lead", Role.TEAM_LEAD),
        ("self", Role.JOB_SEEKER),
    ],
)
def test_role_for_names_the_role_acted_under(world: World, who: str, role: str) -> None:
    assert queries.role_for(world.users[who], world.target) == role


def test_a_lead_who_also_has_a_caseload_acts_as_case_manager_for_own_clients(
    world: World,
) -> None:
    lead = world.users["team_lead"]
    MembershipFactory(
        user=lead,
        role=Role.CASE_MANAGER,
        region=world.municipality.region,
        municipality=world.municipality,
    )
    own = JobSeekerFactory(municipality=world.municipality, case_manager=lead)
    assert queries.role_for(lead, own) == Role.CASE_MANAGER
    assert queries.role_for(lead, world.target) == Role.TEAM_LEAD


def test_casework_municipalities(world: World) -> None:
    assert list(queries.casework_municipalities(world.users["case_manager"])) == [
        world.municipality
    ]
    assert not queries.is_caseworker(world.users["policy_maker"])
    assert not queries.is_caseworker(world.users["self"])
    make_staff(Role.TEAM_LEAD, world.other_municipality)
