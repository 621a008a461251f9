"""Editing and removing contact persons; correcting and cancelling placements.

Each change is audited, bad input gives a Dutch message and saves nothing, and a user without
access gets 404 (pages) or PermissionDenied (services).
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from werkroute.core.audit.models import AccessAuditEntry
from werkroute.employers import services
from werkroute.employers.constants import ProposalStatus
from werkroute.employers.models import ContactPerson, FollowUpCheck, Placement, ProposalEvent
from werkroute.employers.tests.conftest import World
from werkroute.employers.tests.test_services import agreement_data, placement_data, ready_to_hire

CONTACT = {"name": "Petra de Vries", "job_title": "HR", "email": "petra@example.org", "phone": ""}


def add_contact(world: World) -> ContactPerson:
    return services.add_contact_person(
        actor=world.users["employer_adviser"], organisation=world.employer, data=CONTACT
    )


def hired(world: World) -> Placement:
    proposal = ready_to_hire(world)
    return services.hire_candidate(
        actor=world.users["employer_adviser"], proposal=proposal, data=placement_data()
    )


def contact_url(name: str, person: ContactPerson) -> str:
    return reverse(f"employers:{name}", args=[person.organisation.public_id, person.public_id])


# --- Contact persons: services ---------------------------------------------------------------


def test_update_contact_person_saves_and_audits(world: World) -> None:
    person = add_contact(world)
    services.update_contact_person(
        actor=world.users["employer_adviser"],
        person=person,
        data={**CONTACT, "job_title": "Bedrijfsleider", "phone": "0301234567"},
    )
    person.refresh_from_db()
    assert (person.job_title, person.phone) == ("Bedrijfsleider", "0301234567")
    entry = AccessAuditEntry.objects.filter(object_id=str(person.public_id)).latest("id")
    assert (entry.action, entry.object_type) == ("change", "employers.contactperson")


def test_contact_person_without_a_name_is_refused_and_nothing_saved(world: World) -> None:
    person = add_contact(world)
    with pytest.raises(ValidationError) as error:
        services.update_contact_person(
            actor=world.users["employer_adviser"],
            person=person,
            data={**CONTACT, "name": "  ", "job_title": "Anders"},
        )
    assert "naam van de contactpersoon" in str(error.value.message_dict["name"])
    person.refresh_from_db()
    assert (person.name, person.job_title) == ("Petra de Vries", "HR")


def test_remove_contact_person_deletes_and_audits(world: World) -> None:
    person = add_contact(world)
    public_id = str(person.public_id)
    services.remove_contact_person(actor=world.users["employer_adviser"], person=person)
    assert not ContactPerson.objects.filter(public_id=public_id).exists()
    entry = AccessAuditEntry.objects.filter(object_id=public_id).latest("id")
    assert entry.action == "delete"


@pytest.mark.parametrize("who", ["case_manager", "policy_maker"])
def test_contact_person_services_refuse_users_without_access(world: World, who: str) -> None:
    person = add_contact(world)
    with pytest.raises(PermissionDenied):
        services.update_contact_person(
            actor=world.users[who], person=person, data={**CONTACT, "name": "X"}
        )
    with pytest.raises(PermissionDenied):
        services.remove_contact_person(actor=world.users[who], person=person)
    person.refresh_from_db()
    assert person.name == "Petra de Vries"


# --- Contact persons: pages -------------------------------------------------------------------


def test_adviser_edits_and_removes_a_contact_person_through_the_pages(world: World) -> None:
    person = add_contact(world)
    client = world.client_for(world.users["employer_adviser"])
    detail = client.get(reverse("employers:employer_detail", args=[world.employer.public_id]))
    assert contact_url("contact_person_edit", person) in detail.content.decode()
    page = client.get(contact_url("contact_person_edit", person))
    assert page.status_code == 200 and "Petra de Vries" in page.content.decode()
    bad = client.post(contact_url("contact_person_edit", person), {**CONTACT, "email": "geen"})
    assert bad.status_code == 200
    person.refresh_from_db()
    assert person.email == "petra@example.org"
    response = client.post(
        contact_url("contact_person_edit", person), {**CONTACT, "name": "Petra Jansen"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Petra Jansen"
    assert client.get(contact_url("contact_person_remove", person)).status_code == 200
    assert ContactPerson.objects.filter(pk=person.pk).exists()  # a GET removes nothing
    assert client.post(contact_url("contact_person_remove", person)).status_code == 302
    assert not ContactPerson.objects.filter(pk=person.pk).exists()


def test_contact_person_pages_answer_404_without_access(world: World) -> None:
    person = add_contact(world)
    for who in ("case_manager", "policy_maker"):
        client = world.client_for(world.users[who])
        for name in ("contact_person_edit", "contact_person_remove"):
            assert client.get(contact_url(name, person)).status_code == 404
            assert client.post(contact_url(name, person), CONTACT).status_code == 404
    # Employer staff of the employer itself do not manage the adviser's contact list either.
    staff = world.client_for(world.employer_staff)
    assert staff.post(contact_url("contact_person_remove", person)).status_code == 404
    assert ContactPerson.objects.filter(pk=person.pk, name="Petra de Vries").exists()


def test_a_contact_person_of_another_employer_is_not_found(world: World) -> None:
    other = services.add_contact_person(
        actor=world.users["employer_adviser"], organisation=world.rival, data=CONTACT
    )
    client = world.client_for(world.users["employer_adviser"])
    url = reverse("employers:contact_person_edit", args=[world.employer.public_id, other.public_id])
    assert client.get(url).status_code == 404


# --- Placements: services ---------------------------------------------------------------------


def test_update_placement_changes_fields_writes_history_and_audit(world: World) -> None:
    placement = hired(world)
    adviser = world.users["employer_adviser"]
    services.update_placement(
        actor=adviser,
        placement=placement,
        data=placement_data(hours_per_week=32, instruments=["wage_subsidy"], wage=None),
    )
    placement.refresh_from_db()
    assert (placement.hours_per_week, placement.instruments, placement.wage) == (
        32,
        ["wage_subsidy"],
        None,
    )
    event = ProposalEvent.objects.filter(proposal=placement.proposal).latest("id")
    assert event.what.startswith("plaatsing gewijzigd")
    assert "uren per week" in event.what
    entry = AccessAuditEntry.objects.filter(object_id=str(placement.public_id)).latest("id")
    assert (entry.action, entry.object_type) == ("change", "employers.placement")


def test_placement_correction_before_the_proposal_is_refused_and_nothing_saved(
    world: World,
) -> None:
    placement = hired(world)
    proposal = placement.proposal
    events = ProposalEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        services.update_placement(
            actor=world.users["employer_adviser"],
            placement=placement,
            data=placement_data(
                start_date=proposal.proposed_on - dt.timedelta(days=1), hours_per_week=30
            ),
        )
    assert "ligt voor de datum van de voordracht" in str(error.value.message_dict["start_date"])
    placement.refresh_from_db()
    assert placement.hours_per_week == 24
    assert ProposalEvent.objects.count() == events


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours_per_week", 61, "1 tot 60"),
        ("hours_per_week", 0, "1 tot 60"),
        ("contract_type", "zzp", "soort contract"),
        ("instruments", ["magic"], "instrumenten uit de lijst"),
    ],
)
def test_placement_correction_rules(world: World, field: str, value: object, message: str) -> None:
    placement = hired(world)
    with pytest.raises(ValidationError) as error:
        services.update_placement(
            actor=world.users["employer_adviser"],
            placement=placement,
            data=placement_data(**{field: value}),
        )
    assert message in str(error.value.message_dict[field])


def test_open_checks_follow_a_corrected_start_date_done_checks_do_not(world: World) -> None:
    placement = hired(world)
    services.plan_follow_up_checks(today=placement.due_date(12))
    six, twelve = FollowUpCheck.objects.order_by("months")
    services.record_follow_up_check(
        actor=world.users["case_manager"], check=six, still_employed=True
    )
    old_six_due = six.due_on
    new_start = placement.start_date + dt.timedelta(days=31)
    services.update_placement(
        actor=world.users["employer_adviser"],
        placement=placement,
        data=placement_data(start_date=new_start),
    )
    six.refresh_from_db()
    twelve.refresh_from_db()
    placement.refresh_from_db()
    assert six.due_on == old_six_due
    assert twelve.due_on == placement.due_date(12)


def agreement(world: World):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    return services.save_work_agreement(
        actor=world.users["employer_adviser"],
        organisation=world.employer,
        data=agreement_data(
            starts_on=today - dt.timedelta(days=30), ends_on=today + dt.timedelta(days=60)
        ),
    )


def test_agreement_progress_follows_a_corrected_start_date(world: World) -> None:
    deal = agreement(world)
    placement = hired(world)
    assert services.agreement_progress(deal).placed == 1
    services.update_placement(
        actor=world.users["employer_adviser"],
        placement=placement,
        data=placement_data(start_date=deal.ends_on + dt.timedelta(days=1)),
    )
    assert services.agreement_progress(deal).placed == 0


def test_cancel_placement_keeps_history_and_leaves_the_agreement(world: World) -> None:
    deal = agreement(world)
    placement = hired(world)
    services.plan_follow_up_checks(today=placement.due_date(6))
    assert services.agreement_progress(deal).placed == 1
    assert services.open_checks(world.users["case_manager"]).exists()
    services.cancel_placement(
        actor=world.users["employer_adviser"],
        placement=placement,
        reason="Bij de verkeerde voordracht vastgelegd.",
    )
    placement.refresh_from_db()
    assert placement.is_cancelled and placement.cancelled_by == world.users["employer_adviser"]
    assert Placement.objects.filter(pk=placement.pk).exists()  # kept, not deleted
    assert services.agreement_progress(deal).placed == 0
    assert not services.open_checks(world.users["case_manager"]).exists()
    proposal = placement.proposal
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.INVITED
    event = proposal.events.latest("id")
    assert (event.from_status, event.to_status) == ("hired", "invited")
    assert "verkeerde voordracht" in event.what
    entry = AccessAuditEntry.objects.filter(object_id=str(placement.public_id)).latest("id")
    assert entry.action == "change" and "schrappen" in entry.reason
    # The correct hire can be recorded afterwards; it counts again.
    again = services.hire_candidate(
        actor=world.users["employer_adviser"],
        proposal=proposal,
        data=placement_data(contract_type="permanent"),
    )
    assert again.pk == placement.pk and not again.is_cancelled
    assert services.agreement_progress(deal).placed == 1


def test_cancel_needs_a_reason_and_happens_once(world: World) -> None:
    placement = hired(world)
    adviser = world.users["employer_adviser"]
    with pytest.raises(ValidationError) as error:
        services.cancel_placement(actor=adviser, placement=placement, reason=" ")
    assert "waarom" in str(error.value.message_dict["reason"])
    placement.refresh_from_db()
    assert not placement.is_cancelled
    services.cancel_placement(actor=adviser, placement=placement, reason="Vergissing")
    with pytest.raises(ValidationError):
        services.cancel_placement(actor=adviser, placement=placement, reason="Nog eens")
    with pytest.raises(ValidationError):
        services.update_placement(actor=adviser, placement=placement, data=placement_data())


def test_placement_services_refuse_users_without_access(world: World) -> None:
    placement = hired(world)
    for user in (world.users["policy_maker"], world.rival_staff):
        with pytest.raises(PermissionDenied):
            services.update_placement(
                actor=user, placement=placement, data=placement_data(hours_per_week=10)
            )
        with pytest.raises(PermissionDenied):
            services.cancel_placement(actor=user, placement=placement, reason="Vergissing")
    placement.refresh_from_db()
    assert placement.hours_per_week == 24 and not placement.is_cancelled


# --- Placements: pages --------------------------------------------------------------------------


def form_data(**overrides: object) -> dict[str, object]:
    data = placement_data(**overrides)
    data["start_date"] = data["start_date"].isoformat()  # type: ignore[union-attr]
    if data["wage"] is None:
        data["wage"] = ""
    return data


def test_adviser_corrects_and_cancels_a_placement_through_the_pages(world: World) -> None:
    placement = hired(world)
    client = world.client_for(world.users["employer_adviser"])
    proposal_url = reverse("employers:proposal_detail", args=[placement.proposal.public_id])
    edit_url = reverse("employers:placement_edit", args=[placement.public_id])
    cancel_url = reverse("employers:placement_cancel", args=[placement.public_id])
    assert edit_url in client.get(proposal_url).content.decode()
    page = client.get(edit_url)
    assert page.status_code == 200 and 'value="24"' in page.content.decode()
    early = placement.proposal.proposed_on - dt.timedelta(days=3)
    bad = client.post(edit_url, form_data(start_date=early, hours_per_week=12))
    assert "ligt voor de datum van de voordracht" in bad.content.decode()
    placement.refresh_from_db()
    assert placement.hours_per_week == 24
    assert client.post(edit_url, form_data(hours_per_week=12, wage="2500")).status_code == 302
    placement.refresh_from_db()
    assert (placement.hours_per_week, placement.wage) == (12, Decimal("2500.00"))
    empty = client.post(cancel_url, {"reason": ""})
    assert "Schrijf op waarom" in empty.content.decode()
    assert client.post(cancel_url, {"reason": "Vergissing"}).status_code == 302
    placement.refresh_from_db()
    assert placement.is_cancelled
    # A cancelled placement is no longer edited or cancelled again.
    assert client.get(edit_url).status_code == 404
    assert client.get(cancel_url).status_code == 404
    assert "geschrapt" in client.get(proposal_url).content.decode()


def test_placement_pages_answer_404_without_access(world: World) -> None:
    placement = hired(world)
    edit_url = reverse("employers:placement_edit", args=[placement.public_id])
    cancel_url = reverse("employers:placement_cancel", args=[placement.public_id])
    for user in (world.users["policy_maker"], world.rival_staff, world.employer_staff):
        client = world.client_for(user)
        assert client.get(edit_url).status_code == 404
        assert client.post(edit_url, form_data(hours_per_week=10)).status_code == 404
        assert client.post(cancel_url, {"reason": "Vergissing"}).status_code == 404
    placement.refresh_from_db()
    assert placement.hours_per_week == 24 and not placement.is_cancelled
