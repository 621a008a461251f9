"""What an employer sees of a candidate: never who it is before both consents and an invitation,
never another employer's proposals, and nothing more once the candidate withdraws consent."""

from django.core.exceptions import PermissionDenied

import pytest

from werkroute.core.audit.models import AccessAuditEntry
from werkroute.employers import queries, services
from werkroute.employers.tests.conftest import World
from werkroute.jobseekers.models import Skill


def _as_employer(world: World, proposal):  # type: ignore[no-untyped-def]
    return services.view_proposal_as_employer(actor=world.employer_staff, proposal=proposal)


def _identifying(world: World) -> list[str]:
    anna = world.market.anna
    return [anna.first_name, anna.last_name, anna.postcode, str(anna.date_of_birth.year)]


def test_employer_does_not_see_a_proposal_before_any_consent(world: World) -> None:
    proposal = world.propose()  # Anna has not consented to anything
    assert not queries.proposals_for_employer(world.employer_staff).exists()
    with pytest.raises(PermissionDenied):
        _as_employer(world, proposal)


def test_anonymised_profile_until_both_consents_and_invitation(world: World) -> None:
    Skill.objects.create(job_seeker=world.market.anna, name="HACCP")
    proposal = world.propose()
    anna_user = world.market.users["self"]
    services.give_proposal_consent(actor=anna_user, proposal=proposal)
    view = _as_employer(world, proposal)
    assert not view.identified
    assert view.name == view.email == view.phone == ""
    assert view.skills == ["HACCP"]
    assert view.occupations and view.distance
    assert any("proefplaatsing" in flag for flag in view.support_flags)
    # Invited, but the case manager has not agreed yet: still anonymous.
    services.change_proposal_status(
        actor=world.employer_staff, proposal=proposal, status="invited", as_employer=True
    )
    assert not _as_employer(world, proposal).identified
    services.give_case_manager_consent(actor=world.users["case_manager"], proposal=proposal)
    view = _as_employer(world, proposal)
    assert view.identified
    assert view.name == world.market.anna.full_name


def test_both_consents_without_invitation_stay_anonymous(world: World) -> None:
    proposal = world.propose()
    services.give_proposal_consent(actor=world.market.users["self"], proposal=proposal)
    services.give_case_manager_consent(actor=world.users["case_manager"], proposal=proposal)
    assert not _as_employer(world, proposal).identified


def test_every_employer_read_is_audited(world: World) -> None:
    proposal = world.propose()
    services.give_proposal_consent(actor=world.market.users["self"], proposal=proposal)
    _as_employer(world, proposal)
    entry = AccessAuditEntry.objects.filter(user_id=world.employer_staff.pk).get()
    assert entry.action == "view"
    assert entry.processing_activity.code == "voordracht"
    assert "geanonimiseerd" in entry.reason


def test_another_employer_never_sees_the_proposal(world: World) -> None:
    proposal = world.propose()
    services.give_proposal_consent(actor=world.market.users["self"], proposal=proposal)
    assert not queries.proposals_for_employer(world.rival_staff).exists()
    with pytest.raises(PermissionDenied):
        services.view_proposal_as_employer(actor=world.rival_staff, proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.change_proposal_status(
            actor=world.rival_staff, proposal=proposal, status="invited", as_employer=True
        )


def test_withdrawing_consent_hides_the_candidate_again(world: World) -> None:
    proposal = world.propose()
    anna_user = world.market.users["self"]
    services.give_proposal_consent(actor=anna_user, proposal=proposal)
    services.give_case_manager_consent(actor=world.users["case_manager"], proposal=proposal)
    services.change_proposal_status(
        actor=world.employer_staff, proposal=proposal, status="invited", as_employer=True
    )
    assert _as_employer(world, proposal).identified
    services.withdraw_proposal_consent(actor=anna_user, proposal=proposal)
    proposal.refresh_from_db()
    assert not queries.reveals_identity(proposal)
    assert not queries.proposals_for_employer(world.employer_staff).exists()
    with pytest.raises(PermissionDenied):
        _as_employer(world, proposal)


def test_only_the_job_seeker_consents_for_themselves(world: World) -> None:
    proposal = world.propose()
    with pytest.raises(PermissionDenied):
        services.give_proposal_consent(actor=world.users["case_manager"], proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.give_case_manager_consent(actor=world.users["employer_adviser"], proposal=proposal)
