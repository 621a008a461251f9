"""Rules of employers, work agreements, proposals and placements, with the Dutch messages."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from werkroute.core.audit.models import AccessAuditEntry, ProcessingLogEntry
from werkroute.employers import queries, services
from werkroute.employers.constants import AgreementStatus, ProposalStatus
from werkroute.employers.models import (
    ContactMoment,
    FollowUpCheck,
    Placement,
    Proposal,
    ProposalEvent,
    WorkAgreement,
)
from werkroute.employers.tests.conftest import World

TODAY = dt.date(2025, 3, 1)


def placement_data(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "start_date": timezone.localdate(),
        "contract_type": "temporary",
        "hours_per_week": 24,
        "wage": "2400.00",
        "wage_period": "month",
        "instruments": ["job_coach"],
        "outflow": "full",
    }
    data.update(overrides)
    return data


def ready_to_hire(world: World) -> Proposal:
    proposal = world.propose()
    anna = world.market.users["self"]
    services.give_proposal_consent(actor=anna, proposal=proposal)
    services.give_case_manager_consent(actor=world.users["case_manager"], proposal=proposal)
    services.change_proposal_status(
        actor=world.employer_staff, proposal=proposal, status="invited", as_employer=True
    )
    return proposal


# --- Employers -----------------------------------------------------------------------------


def test_kvk_number_with_seven_digits_is_refused_and_nothing_saved(world: World) -> None:
    adviser = world.users["employer_adviser"]
    before = world.employer.__class__.objects.count()
    with pytest.raises(ValidationError) as error:
        services.save_employer(
            actor=adviser,
            region=world.market.municipality.region,
            data={"name": "Bakkerij De Korst", "kvk_number": "1234567"},
        )
    assert "precies 8 cijfers" in str(error.value.message_dict["kvk_number"])
    assert "7 cijfers" in str(error.value.message_dict["kvk_number"])
    assert world.employer.__class__.objects.count() == before


def test_adviser_creates_employer_with_kvk_number(world: World) -> None:
    adviser = world.users["employer_adviser"]
    employer = services.save_employer(
        actor=adviser,
        region=world.market.municipality.region,
        data={"name": "Bakkerij De Korst", "kvk_number": "1234 5678", "size": "small"},
    )
    assert employer.kvk_number == "12345678"
    assert employer.employer_profile.size == "small"
    assert "employer" in employer.kinds


def test_employers_are_shared_across_the_region(world: World) -> None:
    # The region adviser works in the other municipality of the same region: the WSP shares.
    assert queries.employers_visible_to(world.region_adviser).filter(pk=world.employer.pk).exists()
    assert not queries.employers_visible_to(world.users["case_manager"]).exists()


def test_contact_history(world: World) -> None:
    services.record_contact_moment(
        actor=world.users["employer_adviser"],
        organisation=world.employer,
        data={"kind": "event", "date": TODAY, "subject": "Den Haag Werkt!"},
    )
    assert ContactMoment.objects.get().subject == "Den Haag Werkt!"


# --- Work agreements -----------------------------------------------------------------------


def agreement_data(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "title": "Werkakkoord keuken",
        "starts_on": dt.date(2025, 1, 1),
        "ends_on": dt.date(2026, 12, 31),
        "status": AgreementStatus.SIGNED,
        "placements_target": 5,
        "signed_on": dt.date(2024, 12, 15),
        "signed_by_employer": "E. Werkgever",
    }
    data.update(overrides)
    return data


def test_agreement_that_ends_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        services.save_work_agreement(
            actor=world.users["employer_adviser"],
            organisation=world.employer,
            data=agreement_data(ends_on=dt.date(2024, 12, 31)),
        )
    assert "eindigt voordat het begint" in str(error.value.message_dict["ends_on"])
    assert not WorkAgreement.objects.exists()


def test_agreement_progress_counts_real_placements(world: World) -> None:
    today = timezone.localdate()
    agreement = services.save_work_agreement(
        actor=world.users["employer_adviser"],
        organisation=world.employer,
        data=agreement_data(
            starts_on=today - dt.timedelta(days=30), ends_on=today + dt.timedelta(days=300)
        ),
    )
    assert services.agreement_progress(agreement).placed == 0
    proposal = ready_to_hire(world)
    services.hire_candidate(
        actor=world.employer_staff, proposal=proposal, data=placement_data(), as_employer=True
    )
    progress = services.agreement_progress(agreement)
    assert (progress.placed, progress.target, progress.percentage) == (1, 5, 20)


# --- Proposals -----------------------------------------------------------------------------


def test_propose_writes_event_and_audit(world: World) -> None:
    proposal = world.propose()
    assert proposal.status == ProposalStatus.PROPOSED
    assert ProposalEvent.objects.filter(proposal=proposal, to_status="proposed").exists()
    entry = AccessAuditEntry.objects.filter(object_type="employers.proposal").get()
    assert entry.processing_activity.code == "voordracht"
    assert ProcessingLogEntry.objects.filter(processing_activity__code="voordracht").exists()


def test_duplicate_proposal_gives_a_clear_message(world: World) -> None:
    world.propose()
    with pytest.raises(ValidationError) as error:
        world.propose()
    assert "al voorgedragen" in error.value.messages[0]
    assert Proposal.objects.count() == 1


def test_a_closed_proposal_may_be_made_again(world: World) -> None:
    first = world.propose()
    services.change_proposal_status(
        actor=world.users["case_manager"], proposal=first, status="withdrawn"
    )
    second = world.propose()
    assert second.pk != first.pk


def test_database_refuses_two_open_proposals(world: World) -> None:
    from django.db import IntegrityError, transaction

    first = world.propose()
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.create(job_seeker=first.job_seeker, offering=first.offering)


def test_only_people_in_the_pool_may_be_proposed(world: World) -> None:
    with pytest.raises(PermissionDenied):
        # Bram has not consented to share his profile and is not the adviser's client.
        world.propose(who="employer_adviser", person="bram")
    proposal = world.propose(who="employer_adviser", person="carla", vacancy="warehouse")
    assert proposal.proposed_by == world.users["employer_adviser"]


def test_status_machine(world: World) -> None:
    proposal = world.propose()
    with pytest.raises(ValidationError) as error:
        services.change_proposal_status(
            actor=world.users["case_manager"], proposal=proposal, status="interviewed"
        )
    assert "kan de voordracht niet" in str(error.value)
    # Anna has not consented yet: the employer does not even see the proposal.
    with pytest.raises(PermissionDenied):
        services.change_proposal_status(
            actor=world.employer_staff, proposal=proposal, status="declined", as_employer=True
        )
    services.give_proposal_consent(actor=world.market.users["self"], proposal=proposal)
    with pytest.raises(ValidationError) as error:
        services.change_proposal_status(
            actor=world.employer_staff, proposal=proposal, status="declined", as_employer=True
        )
    assert "reden" in str(error.value.message_dict["reason"])
    services.change_proposal_status(
        actor=world.employer_staff,
        proposal=proposal,
        status="declined",
        reason="hours",
        as_employer=True,
    )
    proposal.refresh_from_db()
    assert proposal.status == "declined"
    assert proposal.decline_reason == "hours"
    last = proposal.events.last()
    assert last.actor == world.employer_staff
    assert last.what.startswith("afgewezen")


def test_employer_may_not_withdraw(world: World) -> None:
    proposal = world.propose()
    services.give_proposal_consent(actor=world.market.users["self"], proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.change_proposal_status(
            actor=world.employer_staff, proposal=proposal, status="withdrawn", as_employer=True
        )


# --- Placements and checks -----------------------------------------------------------------


def test_placement_before_the_proposal_is_refused(world: World) -> None:
    proposal = ready_to_hire(world)
    with pytest.raises(ValidationError) as error:
        services.hire_candidate(
            actor=world.users["employer_adviser"],
            proposal=proposal,
            data=placement_data(start_date=proposal.proposed_on - dt.timedelta(days=1)),
        )
    assert "ligt voor de datum van de voordracht" in str(error.value.message_dict["start_date"])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.INVITED
    assert not Placement.objects.exists()


def test_hire_needs_consents_and_invitation(world: World) -> None:
    proposal = world.propose()
    services.change_proposal_status(
        actor=world.users["case_manager"], proposal=proposal, status="invited"
    )
    with pytest.raises(ValidationError) as error:
        services.hire_candidate(
            actor=world.users["case_manager"], proposal=proposal, data=placement_data()
        )
    assert "akkoord" in error.value.messages[0]


def test_follow_up_checks_are_planned_and_recorded(world: World) -> None:
    proposal = ready_to_hire(world)
    placement = services.hire_candidate(
        actor=world.employer_staff, proposal=proposal, data=placement_data(), as_employer=True
    )
    start = placement.start_date
    assert services.plan_follow_up_checks(today=start) == []
    six_months_on = placement.due_date(6)
    planned = services.plan_follow_up_checks(today=six_months_on - dt.timedelta(days=7))
    assert [c.months for c in planned] == [6]
    assert services.plan_follow_up_checks(today=six_months_on) == []  # idempotent
    check = FollowUpCheck.objects.get()
    assert check.adviser == world.users["case_manager"]  # who proposed, no account manager yet
    assert list(services.open_checks(world.users["case_manager"])) == [check]
    with pytest.raises(ValidationError):
        services.record_follow_up_check(
            actor=world.users["case_manager"], check=check, still_employed=None
        )
    services.record_follow_up_check(
        actor=world.users["case_manager"], check=check, still_employed=True, note="Gaat goed"
    )
    check.refresh_from_db()
    assert check.still_employed is True
    assert not services.open_checks(world.users["case_manager"]).exists()
    twelve = services.plan_follow_up_checks(today=placement.due_date(12))
    assert [c.months for c in twelve] == [12]


def test_command_plans_checks(world: World) -> None:
    from io import StringIO

    from django.core.management import call_command

    from werkroute.cli import to_command_name

    proposal = ready_to_hire(world)
    placement = services.hire_candidate(
        actor=world.employer_staff, proposal=proposal, data=placement_data(), as_employer=True
    )
    out = StringIO()
    name = to_command_name("plan-follow-up-checks")
    call_command(name, "--today", placement.due_date(6).isoformat(), stdout=out)
    assert out.getvalue().strip() == "1 controle(s) gepland."
    call_command(name, "--today", placement.due_date(6).isoformat(), stdout=out)
    assert FollowUpCheck.objects.count() == 1
