"""Referrals to partners: consent, only the chosen data, the status machine, late referrals,
how partners respond, the pages of both sides, who gets in, and the audit trail."""

import datetime as dt
from dataclasses import dataclass
from io import StringIO
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.casework import queries, services
from werkroute.casework.constants import ReferralEventKind, ReferralStatus, SharedItem
from werkroute.casework.models import Referral, ReferralEvent
from werkroute.casework.tests.conftest import World, login
from werkroute.catalogue.constants import OrganisationKind
from werkroute.catalogue.models import Organisation
from werkroute.catalogue.tests.factories import OfferingFactory, OrganisationFactory, make_partner
from werkroute.core.audit.models import AccessAuditEntry
from werkroute.jobseekers.models import Obstacle

IMPACT = "Kan niet lang staan door rugklachten"


@dataclass
class Partners:
    welfare: Organisation
    school: Organisation
    welfare_staff: User
    school_staff: User


@pytest.fixture
def partners(world: World) -> Partners:
    region = world.municipality.region
    welfare = OrganisationFactory(
        region=region, name="Schuldhulp Noord", kinds=[OrganisationKind.WELFARE], phone="0201234"
    )
    school = OrganisationFactory(region=region, name="ROC Midden", kinds=[OrganisationKind.SCHOOL])
    Obstacle.objects.create(job_seeker=world.target, kind="health", impact=IMPACT)
    return Partners(
        welfare=welfare,
        school=school,
        welfare_staff=make_partner(welfare, first_name="Wim", last_name="Welzijn"),
        school_staff=make_partner(school),
    )


def refer(world: World, organisation: Organisation, **kwargs: Any) -> Referral:
    values: dict[str, Any] = {
        "actor": world.case_manager,
        "job_seeker": world.target,
        "organisation": organisation,
        "question": "Kunt u helpen met een plan voor de schulden?",
        "shared_items": [SharedItem.LANGUAGES],
        "consent_given_on": timezone.localdate(),
    }
    values.update(kwargs)
    return services.refer_job_seeker(**values)


def sent_days_ago(referral: Referral, days: int) -> Referral:
    """Move a referral back in time, deadlines included (working days from the new date)."""
    sent = timezone.now() - dt.timedelta(days=days)
    day = timezone.localdate(sent)
    Referral.objects.filter(pk=referral.pk).update(
        sent_at=sent,
        accept_due_on=services.add_working_days(day, 5),
        answer_due_on=services.add_working_days(day, 20),
    )
    referral.refresh_from_db()
    return referral


def partner_client(user: User) -> Client:
    return login_verified(Client(), user)


def last_entry() -> AccessAuditEntry:
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert entry is not None
    return entry


# --- Referring -----------------------------------------------------------------------------


def test_without_consent_nothing_is_sent(world: World, partners: Partners) -> None:
    with pytest.raises(ValidationError) as error:
        refer(world, partners.welfare, consent_given_on=None)
    assert "toestemming" in error.value.message_dict["consent_given_on"][0]
    assert not Referral.objects.exists()
    assert not ReferralEvent.objects.exists()


def test_a_referral_keeps_consent_chosen_data_deadlines_and_an_event(
    world: World, partners: Partners
) -> None:
    before = AccessAuditEntry.objects.count()
    referral = refer(world, partners.welfare)
    assert referral.status == ReferralStatus.SENT
    assert referral.shared_items == ["name", "contact", "languages"]
    assert referral.consent_recorded_by == world.case_manager
    assert referral.accept_due_on.weekday() < 5
    assert referral.accept_due_on > timezone.localdate()
    assert referral.answer_due_on > referral.accept_due_on
    event = referral.events.get()
    assert (event.kind, event.to_status, event.actor) == ("sent", "sent", world.case_manager)
    assert AccessAuditEntry.objects.count() == before + 1
    entry = last_entry()
    assert (entry.action, entry.role, entry.object_id) == (
        "share",
        Role.CASE_MANAGER,
        str(referral.public_id),
    )
    assert entry.processing_activity.code == "verwijzing"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"question": "  "}, "question", "Schrijf op wat u de partner vraagt"),
        ({"consent_given_on": dt.date(2999, 1, 1)}, "consent_given_on", "toekomst"),
        ({"shared_items": ["bsn"]}, "shared_items", "uit de lijst"),
        ({"organisation": None}, "organisation", "regio"),
    ],
)
def test_bad_input_gives_a_dutch_message_and_saves_nothing(
    world: World, partners: Partners, changes: dict, field: str, words: str
) -> None:
    changes = dict(changes)
    organisation = changes.pop("organisation", partners.welfare)
    with pytest.raises(ValidationError) as error:
        refer(world, organisation, **changes)
    assert words in " ".join(error.value.message_dict[field])
    assert not Referral.objects.exists()


def test_only_partners_of_the_region_and_not_employers(world: World, partners: Partners) -> None:
    elsewhere = OrganisationFactory(kinds=[OrganisationKind.WELFARE])
    employer = OrganisationFactory(
        region=world.municipality.region, kinds=[OrganisationKind.EMPLOYER]
    )
    for organisation in (elsewhere, employer):
        with pytest.raises(ValidationError):
            refer(world, organisation)
    assert set(queries.partners_for(world.target)) == {partners.welfare, partners.school}


def test_one_open_referral_per_partner(world: World, partners: Partners) -> None:
    refer(world, partners.welfare)
    with pytest.raises(ValidationError) as error:
        refer(world, partners.welfare)
    assert "loopt al" in error.value.message_dict["organisation"][0]
    refer(world, partners.school)
    assert Referral.objects.count() == 2


def test_only_staff_of_the_person_may_refer(world: World, partners: Partners) -> None:
    for who in ("other_municipality", "self"):
        with pytest.raises(PermissionDenied):
            refer(world, partners.welfare, actor=world.users[who])
    assert not Referral.objects.exists()


# --- The status machine --------------------------------------------------------------------


def test_accept_answer_close_with_an_event_and_audit_entry_each(
    world: World, partners: Partners
) -> None:
    referral = refer(world, partners.welfare)
    staff = partners.welfare_staff
    services.accept_referral(actor=staff, referral=referral)
    assert last_entry().role == Role.PARTNER_STAFF
    services.answer_referral(actor=staff, referral=referral, answer="Intake op 3 maart.")
    services.close_referral(actor=staff, referral=referral)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.CLOSED
    assert referral.answer == "Intake op 3 maart."
    assert referral.handled_by == staff
    assert referral.responded_at and referral.answered_at and referral.closed_at
    kinds = list(referral.events.values_list("kind", "from_status", "to_status"))
    assert kinds == [
        ("sent", "", "sent"),
        ("accepted", "sent", "accepted"),
        ("answered", "accepted", "answered"),
        ("closed", "answered", "closed"),
    ]
    entries = AccessAuditEntry.objects.filter(object_id=str(referral.public_id))
    assert entries.count() == 4


def test_bad_transitions_are_refused_in_dutch(world: World, partners: Partners) -> None:
    referral = refer(world, partners.welfare)
    staff = partners.welfare_staff
    with pytest.raises(ValidationError) as error:
        services.answer_referral(actor=staff, referral=referral, answer="Al klaar")
    assert error.value.messages == ["Dit kan niet: de verwijzing is nu ‘verstuurd’."]
    with pytest.raises(ValidationError):
        services.close_referral(actor=staff, referral=referral)
    services.withdraw_referral(actor=world.case_manager, referral=referral, reason="Zelf opgelost")
    with pytest.raises(ValidationError) as error:
        services.accept_referral(actor=staff, referral=referral)
    assert "ingetrokken" in error.value.messages[0]
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN
    assert referral.events.count() == 2


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda r, p, cm: services.decline_referral(actor=p, referral=r, reason=" "), "afwijst"),
        (lambda r, p, cm: services.withdraw_referral(actor=cm, referral=r, reason=""), "intrekt"),
    ],
)
def test_declining_and_withdrawing_need_a_reason(
    world: World, partners: Partners, call: Any, words: str
) -> None:
    referral = refer(world, partners.welfare)
    with pytest.raises(ValidationError) as error:
        call(referral, partners.welfare_staff, world.case_manager)
    assert words in error.value.messages[0]
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_an_answer_needs_words(world: World, partners: Partners) -> None:
    referral = refer(world, partners.welfare)
    services.accept_referral(actor=partners.welfare_staff, referral=referral)
    with pytest.raises(ValidationError) as error:
        services.answer_referral(actor=partners.welfare_staff, referral=referral, answer="")
    assert error.value.message_dict["answer"] == ["Schrijf uw antwoord op."]


def test_another_partner_cannot_act(world: World, partners: Partners) -> None:
    referral = refer(world, partners.welfare)
    with pytest.raises(PermissionDenied):
        services.accept_referral(actor=partners.school_staff, referral=referral)
    with pytest.raises(PermissionDenied):
        services.withdraw_referral(actor=partners.welfare_staff, referral=referral, reason="x")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_working_days_skip_the_weekend() -> None:
    friday = dt.date(2026, 3, 6)
    assert services.add_working_days(friday, 1) == dt.date(2026, 3, 9)
    assert services.add_working_days(friday, 5) == dt.date(2026, 3, 13)


def test_the_deadline_setting_is_used(world: World, partners: Partners, settings: Any) -> None:
    settings.WERKROUTE_REFERRAL_ACCEPT_DAYS = 1
    friday = dt.datetime(2026, 3, 6, 12, tzinfo=dt.UTC)
    referral = refer(world, partners.welfare, now=friday, consent_given_on=dt.date(2026, 3, 6))
    assert referral.accept_due_on == dt.date(2026, 3, 9)


# --- Late referrals and how partners respond -----------------------------------------------


def test_late_referrals_are_flagged_once(world: World, partners: Partners) -> None:
    late = sent_days_ago(refer(world, partners.welfare), 14)
    refer(world, partners.school)
    assert late.overdue_kind() == "accept"
    dry = services.flag_overdue_referrals()
    assert [item.referral for item in dry] == [late]
    assert not ReferralEvent.objects.filter(kind=ReferralEventKind.OVERDUE).exists()
    services.flag_overdue_referrals(apply=True)
    again = services.flag_overdue_referrals(apply=True)
    assert not again[0].newly_flagged
    assert late.events.filter(kind=ReferralEventKind.OVERDUE).count() == 1
    assert last_entry().role == "system"


def test_an_accepted_referral_is_late_without_an_answer(world: World, partners: Partners) -> None:
    referral = refer(world, partners.welfare)
    services.accept_referral(actor=partners.welfare_staff, referral=referral)
    referral = sent_days_ago(referral, 40)
    assert referral.overdue_kind() == "answer"


def test_the_command_prints_public_ids_only(world: World, partners: Partners) -> None:
    late = sent_days_ago(refer(world, partners.welfare), 14)
    out = StringIO()
    call_command("flag_overdue_referrals", stdout=out)
    text = out.getvalue()
    assert str(late.public_id) in text and "Proefrun" in text
    for private in (world.target.first_name, world.target.last_name, "schulden", "Schuldhulp"):
        assert private not in text
    assert not ReferralEvent.objects.filter(kind=ReferralEventKind.OVERDUE).exists()
    call_command("flag_overdue_referrals", "--apply", stdout=StringIO())
    assert ReferralEvent.objects.filter(kind=ReferralEventKind.OVERDUE).count() == 1


def test_responsiveness_figures_and_the_warning(world: World, partners: Partners) -> None:
    staff = partners.welfare_staff
    on_time = refer(world, partners.welfare)
    services.accept_referral(actor=staff, referral=on_time)
    figures = queries.responsiveness_of(partners.welfare)
    assert (figures.measured, figures.in_time, figures.percentage) == (1, 1, 100)
    assert not figures.is_unresponsive
    services.answer_referral(actor=staff, referral=on_time, answer="Gedaan")
    services.close_referral(actor=staff, referral=on_time)
    # Two more people, both left waiting past the deadline.
    for seeker in _more_clients(world, 2):
        sent_days_ago(refer(world, partners.welfare, job_seeker=seeker), 14)
    figures = queries.responsiveness_of(partners.welfare)
    assert (figures.measured, figures.in_time, figures.open_overdue) == (3, 1, 2)
    assert figures.percentage == 33
    assert figures.is_unresponsive
    assert queries.responsiveness_of(partners.school).percentage is None


def test_a_partner_that_answers_late_is_unresponsive(world: World, partners: Partners) -> None:
    for seeker in _more_clients(world, 2):
        referral = sent_days_ago(refer(world, partners.school, job_seeker=seeker), 14)
        services.accept_referral(actor=partners.school_staff, referral=referral)
    figures = queries.responsiveness_of(partners.school)
    assert (figures.measured, figures.in_time, figures.open_overdue) == (2, 0, 0)
    assert figures.is_unresponsive


def _more_clients(world: World, count: int) -> list[Any]:
    from werkroute.jobseekers.tests.factories import JobSeekerFactory

    return [
        JobSeekerFactory(municipality=world.municipality, case_manager=world.case_manager)
        for _ in range(count)
    ]


# --- What the partner sees -----------------------------------------------------------------


def test_the_partner_sees_only_the_chosen_parts(world: World, partners: Partners) -> None:
    referral = refer(world, partners.welfare, shared_items=[])
    titles = [s.title for s in queries.shared_sections(referral)]
    assert titles == ["Naam", "E-mailadres en telefoonnummer"]
    referral = refer(world, partners.school, shared_items=[SharedItem.OBSTACLES])
    rows = [row for s in queries.shared_sections(referral) for row in s.rows]
    assert ("Gezondheid", IMPACT) in rows or any(value == IMPACT for _, value in rows)


def test_partner_detail_page_shows_shared_fields_and_nothing_else(
    world: World, partners: Partners
) -> None:
    referral = refer(world, partners.welfare, shared_items=[SharedItem.LANGUAGES])
    client = partner_client(partners.welfare_staff)
    before = AccessAuditEntry.objects.count()
    response = client.get(reverse("partner_referrals:detail", args=[referral.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert world.target.first_name in html and "fatima@example.org" in html
    assert "0612345678" in html
    assert IMPACT not in html
    assert world.target.date_of_birth.strftime("%Y") not in html
    assert world.target.postcode not in html or not world.target.postcode
    assert AccessAuditEntry.objects.count() == before + 1
    entry = last_entry()
    assert (entry.role, entry.action, entry.object_id) == (
        Role.PARTNER_STAFF,
        "view",
        str(referral.public_id),
    )
    assert str(world.target.public_id) not in response.request["PATH_INFO"]


def test_after_withdrawal_the_partner_sees_no_personal_data(
    world: World, partners: Partners
) -> None:
    referral = refer(world, partners.welfare)
    services.withdraw_referral(actor=world.case_manager, referral=referral, reason="Verhuisd")
    client = partner_client(partners.welfare_staff)
    html = client.get(reverse("partner_referrals:detail", args=[referral.public_id])).content
    listing = client.get(reverse("partner_referrals:list")).content
    for page in (html.decode(), listing.decode()):
        assert world.target.last_name not in page
        assert "fatima@example.org" not in page


def test_a_partner_never_reaches_another_partners_referral(
    world: World, partners: Partners
) -> None:
    referral = refer(world, partners.welfare)
    client = partner_client(partners.school_staff)
    url = reverse("partner_referrals:detail", args=[referral.public_id])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "accept"}).status_code == 404
    assert last_entry().outcome == "denied"
    listing = client.get(reverse("partner_referrals:list")).content.decode()
    assert world.target.last_name not in listing
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_staff_of_another_municipality_get_404(world: World, partners: Partners) -> None:
    referral = refer(world, partners.welfare)
    client = world.client_for("other_municipality")
    for url in (
        reverse("casework:referral_detail", args=[referral.public_id]),
        reverse("casework:referral_create", args=[world.target.public_id]),
        reverse("partner_referrals:detail", args=[referral.public_id]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "withdraw", "text": "x"}).status_code == 404
    listing = client.get(reverse("casework:referral_list")).content.decode()
    assert world.target.last_name not in listing


# --- Pages of the partner ------------------------------------------------------------------


def test_partner_accepts_and_answers_on_the_page(world: World, partners: Partners) -> None:
    referral = refer(world, partners.welfare)
    client = partner_client(partners.welfare_staff)
    url = reverse("partner_referrals:detail", args=[referral.public_id])
    listing = client.get(reverse("partner_referrals:list"))
    assert world.target.last_name in listing.content.decode()
    assert client.post(url, {"action": "accept"}).status_code == 302
    response = client.post(url, {"action": "answer", "text": ""})
    assert response.status_code == 200
    assert "Schrijf uw antwoord op." in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    client.post(url, {"action": "answer", "text": "Welkom op dinsdag."})
    client.post(url, {"action": "close"})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.CLOSED
    html = client.get(url).content.decode()
    assert "fatima@example.org" not in html  # closed: no personal data anymore
    staff_view = world.client_for("case_manager").get(
        reverse("casework:referral_detail", args=[referral.public_id])
    )
    assert "Welkom op dinsdag." in staff_view.content.decode()
    assert "afgesloten" in staff_view.content.decode()


def test_partner_cannot_choose_an_action_of_another_status(
    world: World, partners: Partners
) -> None:
    referral = refer(world, partners.welfare)
    client = partner_client(partners.welfare_staff)
    url = reverse("partner_referrals:detail", args=[referral.public_id])
    response = client.post(url, {"action": "close"})
    assert response.status_code == 200
    assert "Dit kan nu niet" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_someone_without_an_organisation_gets_the_no_access_page(world: World) -> None:
    response = world.client_for("case_manager").get(reverse("partner_referrals:list"))
    assert response.status_code == 200
    assert "nog geen toegang" in response.content.decode()


# --- Pages of the case manager -------------------------------------------------------------


def test_situation_page_links_to_referring(world: World, partners: Partners) -> None:
    client = world.client_for("case_manager")
    html = client.get(reverse("casework:situation", args=[world.target.public_id])).content
    assert reverse("casework:referral_create", args=[world.target.public_id]) in html.decode()


def test_referring_on_the_page(world: World, partners: Partners) -> None:
    client = world.client_for("case_manager")
    url = reverse("casework:referral_create", args=[world.target.public_id])
    response = client.get(url)
    assert response.status_code == 200
    assert "Schuldhulp Noord" in response.content.decode()
    data = {
        "organisation": str(partners.welfare.public_id),
        "question": "Hulp bij schulden",
        "shared_items": ["languages", "obstacles"],
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Zonder toestemming" in response.content.decode()
    assert not Referral.objects.exists()
    response = client.post(url, {**data, "consent": "on"})
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:referral_detail", args=[referral.public_id])
    assert referral.shared_items == ["name", "contact", "languages", "obstacles"]
    assert referral.consent_given_on == timezone.localdate()
    detail = client.get(response["Location"])
    assert "verstuurd" in detail.content.decode()
    assert last_entry().processing_activity.code == "verwijzing"


def test_a_warning_before_referring_to_an_unresponsive_partner(
    world: World, partners: Partners
) -> None:
    for seeker in _more_clients(world, 2):
        sent_days_ago(refer(world, partners.school, job_seeker=seeker), 14)
    client = world.client_for("case_manager")
    url = reverse("casework:referral_create", args=[world.target.public_id])
    assert "laat verwijzingen vaak liggen" in client.get(url).content.decode()
    data = {
        "organisation": str(partners.school.public_id),
        "question": "Opleiding",
        "consent": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Verwijs toch door?" in response.content.decode()
    assert not Referral.objects.filter(job_seeker=world.target).exists()
    response = client.post(url, {**data, "confirm_unresponsive": "on"})
    assert response.status_code == 302
    assert Referral.objects.filter(job_seeker=world.target).count() == 1


def test_referral_list_flags_late_ones(world: World, partners: Partners) -> None:
    sent_days_ago(refer(world, partners.welfare), 14)
    refer(world, partners.school)
    client = world.client_for("case_manager")
    html = client.get(reverse("casework:referral_list")).content.decode()
    assert "Te laat: nog niet geaccepteerd" in html
    assert "2 verwijzingen" in html
    late_only = client.get(reverse("casework:referral_list"), {"overdue": "on"}).content.decode()
    assert "1 verwijzing" in late_only and "ROC Midden" not in late_only


def test_case_manager_withdraws_on_the_page(world: World, partners: Partners) -> None:
    referral = refer(world, partners.welfare)
    client = world.client_for("colleague")
    url = reverse("casework:referral_detail", args=[referral.public_id])
    response = client.post(url, {"action": "withdraw", "text": ""})
    assert "Schrijf op waarom u de verwijzing intrekt." in response.content.decode()
    client.post(url, {"action": "withdraw", "text": "Werk gevonden"})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN
    assert referral.events.last().actor == world.users["colleague"]


def test_partner_directory(world: World, partners: Partners) -> None:
    OfferingFactory(organisation=partners.welfare, published=True, title="Geldcafé")
    html = world.client_for("case_manager").get(reverse("casework:partner_directory")).content
    text = html.decode()
    assert "Schuldhulp Noord" in text and "ROC Midden" in text
    assert "Welzijn" in text  # the contact person
    assert "Geldcafé" in text
    assert "0201234" in text
    assert "welzijnsorganisatie" in text.lower()


def test_directory_and_list_are_for_case_workers_only(world: World, partners: Partners) -> None:
    client = partner_client(partners.welfare_staff)
    assert client.get(reverse("casework:partner_directory")).status_code == 404
    assert client.get(reverse("casework:referral_list")).status_code == 404


# --- The job seeker ------------------------------------------------------------------------


def test_the_job_seeker_sees_their_referrals(world: World, partners: Partners) -> None:
    refer(world, partners.welfare)
    client = login(Client(), world.users["self"])
    html = client.get(reverse("my_casework:referrals")).content.decode()
    assert "Schuldhulp Noord" in html and "verstuurd" in html and "talen" in html
    other = login(Client(), world.users["other_seeker"])
    assert "Schuldhulp Noord" not in other.get(reverse("my_casework:referrals")).content.decode()


# --- The demo ------------------------------------------------------------------------------


def test_demo_referrals_cover_every_status_and_an_unresponsive_partner(
    world: World, partners: Partners
) -> None:
    from werkroute.demo.generator.context import Context
    from werkroute.demo.generator.referrals import add_referrals
    from werkroute.jobseekers.tests.factories import JobSeekerFactory

    region = world.municipality.region
    uwv = OrganisationFactory(region=region, kinds=[OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE])
    make_partner(uwv, username="partner-uwv")
    for _ in range(12):
        JobSeekerFactory(municipality=world.municipality, case_manager=world.case_manager)
    made = add_referrals(Context.create(3), region)
    assert made == Referral.objects.count() >= 12
    assert set(Referral.objects.filter(organisation=uwv).values_list("status", flat=True)) == set(
        ReferralStatus.values
    )
    for referral in Referral.objects.all():
        events = list(referral.events.order_by("at", "id"))
        assert events[0].kind == "sent" and events[-1].to_status == referral.status
        assert referral.consent_given_on and referral.shared_items[:2] == ["name", "contact"]
    slow = [o for o in (partners.welfare, partners.school) if o.referrals.exists()]
    assert any(queries.responsiveness_of(o).is_unresponsive for o in slow)
    uwv_figures = queries.responsiveness_of(uwv)
    assert uwv_figures.open_overdue == 1 and not uwv_figures.is_unresponsive
