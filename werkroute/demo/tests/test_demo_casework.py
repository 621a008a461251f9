"""The demo's case-work world: job seekers, their case work, the campaign and the role logins."""

import datetime as dt
from collections import Counter, defaultdict
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test import Client
from django.utils import timezone

import pytest
from stdnum.nl import bsn as stdnum_bsn

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, Team, User
from werkroute.casework.constants import AppointmentStatus, RouteStepStatus
from werkroute.casework.models import Appointment, Conversation, Goal, RouteStep, Transition
from werkroute.catalogue.models import Offering
from werkroute.core.audit.crypto import decrypt_subject_id, subject_hash
from werkroute.core.models import PostcodeArea
from werkroute.demo.generator import SIZES, generate_demo
from werkroute.demo.generator.campaigns import CAMPAIGN_LABEL, MEMBER_LABEL, NAME
from werkroute.demo.generator.casework import APPOINTMENT_LABEL, ROUTE_STEP_LABEL
from werkroute.demo.generator.users import CASEWORK_USERNAMES, DEMO_PASSWORD, DEMO_USERNAMES
from werkroute.demo.models import DemoSize
from werkroute.jobseekers.constants import LONG_TERM_MONTHS, BenefitType
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.validation import check_profile
from werkroute.outreach import services as outreach_services
from werkroute.outreach.cohort import criteria_from_dict, select_cohort
from werkroute.outreach.constants import CampaignStatus, InvitationKind, MemberStatus
from werkroute.outreach.models import Campaign, CampaignMember, Invitation
from werkroute.outreach.queries import funnel

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)
SMALL = SIZES[DemoSize.SMALL]
M = MemberStatus


@pytest.fixture
def small_demo() -> None:
    generate_demo(seed=1, size=DemoSize.SMALL, today=TODAY)


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


# --- Job seekers ---------------------------------------------------------------------------


def test_bsns_are_valid_unique_and_stored_encrypted(small_demo: None) -> None:
    job_seekers = list(JobSeeker.objects.order_by("pk"))
    assert len(job_seekers) == SMALL.job_seekers
    bsns = [decrypt_subject_id(js.bsn_encrypted) for js in job_seekers]
    assert len(set(bsns)) == len(bsns)
    for job_seeker, bsn in zip(job_seekers, bsns, strict=True):
        assert stdnum_bsn.is_valid(bsn) and len(bsn) == 9
        assert job_seeker.bsn_hash == subject_hash(bsn)
    table = JobSeeker._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 -- the table name is from code
        rows = cursor.fetchall()
    stored = " ".join(str(value) for row in rows for value in row)
    assert not any(bsn in stored for bsn in bsns)


def test_every_job_seeker_has_a_case_manager_of_their_municipality(small_demo: None) -> None:
    for job_seeker in JobSeeker.objects.select_related("case_manager"):
        assert job_seeker.case_manager is not None
        assert Membership.objects.filter(
            user=job_seeker.case_manager,
            role=Role.CASE_MANAGER,
            municipality=job_seeker.municipality,
            team__municipality=job_seeker.municipality,
        ).exists()


def test_profiles_are_plausible_and_valid(small_demo: None) -> None:
    job_seekers = list(JobSeeker.objects.select_related("municipality"))
    for job_seeker in job_seekers:
        assert 18 <= job_seeker.age(TODAY) <= 67
        assert job_seeker.benefit_start is not None and job_seeker.benefit_start < TODAY
        if job_seeker.benefit_end:
            assert job_seeker.benefit_end < TODAY
        area = PostcodeArea.objects.get(pc4=job_seeker.postcode[:4])
        assert area.municipality_code == job_seeker.municipality.code
        assert not job_seeker.email or job_seeker.email.endswith("@demo.example")
        check_profile(
            {name: getattr(job_seeker, name) for name in ("date_of_birth", "benefit_start")},
            TODAY,
        )
        job_seeker.full_clean(validate_unique=False, validate_constraints=False)
        assert job_seeker.languages.filter(is_dutch=True).count() == 1
        assert job_seeker.ambitions.exists() and job_seeker.skills.exists()
    total = len(job_seekers)
    talked = JobSeeker.objects.filter(conversations__isnull=False).distinct().count()
    with_obstacles = JobSeeker.objects.filter(obstacles__isnull=False).distinct().count()
    non_native = JobSeeker.objects.filter(languages__is_dutch=True).exclude(languages__level="C2")
    assert 0.35 <= talked / total <= 0.8
    assert 0.4 <= with_obstacles / total <= 0.8
    assert 0.15 <= non_native.count() / total <= 0.55
    goals = Goal.objects.exclude(obstacle__isnull=True)
    assert not goals.exclude(obstacle__job_seeker_id=F("job_seeker_id")).exists()


# --- Case work -----------------------------------------------------------------------------


def _transitions(label: str) -> dict:  # type: ignore[type-arg]
    chains = defaultdict(list)
    for row in Transition.objects.filter(model_label=label).order_by("at", "pk"):
        chains[row.object_id].append(row)
    return chains


def test_appointments_are_consistent_and_their_changes_logged(small_demo: None) -> None:
    chains = _transitions(APPOINTMENT_LABEL)
    start_of_today = _start_of(TODAY)
    forgotten = 0
    appointments = Appointment.objects.select_related("job_seeker", "case_manager")
    for appointment in appointments:
        job_seeker = appointment.job_seeker
        assert Membership.objects.filter(
            user=appointment.case_manager,
            role=Role.CASE_MANAGER,
            municipality=job_seeker.municipality_id,
        ).exists()
        chain = chains.get(appointment.public_id, [])
        if appointment.status == AppointmentStatus.PLANNED:
            assert chain == []
            if appointment.starts_at < start_of_today:
                forgotten += 1
            else:
                assert appointment.starts_at < _start_of(TODAY + dt.timedelta(days=32))
            if appointment.reminder_channel == "email":
                assert job_seeker.email
            if appointment.reminder_channel == "sms":
                assert job_seeker.phone
        else:
            assert appointment.starts_at < start_of_today
            assert [(t.from_state, t.to_state) for t in chain] == [
                (AppointmentStatus.PLANNED, appointment.status)
            ]
            assert chain[0].actor_id == appointment.case_manager_id
    statuses = Counter(a.status for a in appointments)
    assert {AppointmentStatus.HELD, AppointmentStatus.NO_SHOW, AppointmentStatus.PLANNED} <= set(
        statuses
    )
    assert forgotten <= 0.05 * sum(statuses.values())
    held = appointments.filter(status=AppointmentStatus.HELD)
    talked_on = set(Conversation.objects.values_list("job_seeker_id", "held_on"))
    for appointment in held:
        day = timezone.localdate(appointment.starts_at)
        assert (appointment.job_seeker_id, day) in talked_on


def test_route_steps_link_public_offerings_and_their_changes_are_logged(small_demo: None) -> None:
    chains = _transitions(ROUTE_STEP_LABEL)
    public = set(Offering.objects.public(TODAY).values_list("pk", flat=True))
    steps = list(RouteStep.objects.select_related("offering").order_by("job_seeker", "position"))
    assert steps and any(step.offering_id for step in steps)
    per_person: dict[int, list[int]] = defaultdict(list)
    for step in steps:
        per_person[step.job_seeker_id].append(step.position)
        if step.offering_id:
            assert step.offering_id in public
            assert step.offering.title in step.title
        path = [RouteStepStatus.PLANNED] + [t.to_state for t in chains.get(step.public_id, [])]
        assert path[-1] == step.status
        for source, row in zip(path, chains.get(step.public_id, []), strict=False):
            assert row.from_state == source
        if step.status == RouteStepStatus.STOPPED:
            assert step.status_reason and chains[step.public_id][-1].reason == step.status_reason
        if step.status in (RouteStepStatus.PLANNED, RouteStepStatus.BUSY):
            assert step.due_on >= TODAY
    for job_seeker_id, positions in per_person.items():
        assert positions == list(range(1, len(positions) + 1)) and len(positions) <= 5
        assert Conversation.objects.filter(job_seeker_id=job_seeker_id).exists()
    statuses = {step.status for step in steps}
    assert statuses == set(RouteStepStatus.values)


def test_conversations_are_held_by_a_case_manager_in_the_past(small_demo: None) -> None:
    conversations = Conversation.objects.select_related("job_seeker", "author")
    assert conversations.exists()
    for conversation in conversations:
        assert conversation.held_on < TODAY
        assert conversation.held_on >= conversation.job_seeker.benefit_start
        assert Membership.objects.filter(
            user=conversation.author,
            role=Role.CASE_MANAGER,
            municipality=conversation.job_seeker.municipality_id,
        ).exists()
    intakes = Counter(conversations.filter(kind="intake").values_list("job_seeker", flat=True))
    assert set(intakes.values()) == {1}


# --- The campaign --------------------------------------------------------------------------


def test_the_running_campaign_and_its_funnel(small_demo: None) -> None:
    campaign = Campaign.objects.select_related("municipality").get()
    assert campaign.name == NAME and campaign.municipality.name == "Haarlem"
    assert campaign.status == CampaignStatus.RUNNING
    cohort = select_cohort(campaign.municipality, criteria_from_dict(campaign.criteria), TODAY)
    members = list(campaign.members.select_related("job_seeker"))
    assert {m.job_seeker_id for m in members} == set(cohort.values_list("pk", flat=True))
    statuses = Counter(m.status for m in members)
    assert len(statuses) >= 4
    assert statuses[M.INVITED] + statuses[M.NO_RESPONSE] > 0
    chains = _transitions(MEMBER_LABEL)
    for member in members:
        job_seeker = member.job_seeker
        assert job_seeker.benefit_type == BenefitType.SOCIAL_ASSISTANCE
        assert job_seeker.benefit_end is None
        assert job_seeker.benefit_months(TODAY) >= LONG_TERM_MONTHS
        _check_member(member, chains.get(member.public_id, []))
    assert Transition.objects.filter(
        model_label=CAMPAIGN_LABEL, object_id=campaign.public_id, to_state=CampaignStatus.RUNNING
    ).exists()
    numbers = funnel(campaign, now=_start_of(TODAY))
    assert numbers.total == len(members) and numbers.response_rate.denominator > 0


def _check_member(member: CampaignMember, chain: list[Transition]) -> None:
    if member.status == M.SELECTED:
        assert member.invited_at is None and not chain
        assert not member.invitations.exists()
        return
    assert chain[0].from_state == M.SELECTED and chain[0].to_state == M.INVITED
    assert chain[-1].to_state == member.status
    assert member.invitations.filter(kind=InvitationKind.INVITATION).exists()
    invited_on = timezone.localdate(member.invited_at)
    if member.status in (M.CONVERSATION_HELD, M.FOLLOW_UP_AGREED):
        assert member.job_seeker.conversations.filter(held_on__gte=invited_on).exists()
        assert member.invited_at <= member.responded_at <= member.conversation_at
    if member.status == M.RESPONDED:
        assert member.job_seeker.appointments.filter(status=AppointmentStatus.PLANNED).exists()


def test_campaign_dry_run_sends_nothing(small_demo: None) -> None:
    campaign = Campaign.objects.get()
    run = outreach_services.send_invitations(
        actor=_user("teamleider"), campaign=campaign, send=False, now=_start_of(TODAY)
    )
    waiting = campaign.members.filter(status=M.SELECTED, paused=False).count()
    assert len({d.member.pk for d in run.deliveries if d.kind == "invitation"}) == waiting
    before = Invitation.objects.count()
    assert not run.sent and Invitation.objects.count() == before


# --- Logins --------------------------------------------------------------------------------


def _membership(username: str) -> Membership:
    return Membership.objects.select_related("municipality", "team").get(user__username=username)


def test_every_role_has_a_login_with_the_right_membership(small_demo: None) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=CASEWORK_USERNAMES)}
    assert sorted(users) == sorted(CASEWORK_USERNAMES)
    assert all(user.check_password(DEMO_PASSWORD) for user in users.values())
    expected = {
        "klantmanager": (Role.CASE_MANAGER, "Haarlem", "Team A"),
        "klantmanager2": (Role.CASE_MANAGER, "Haarlem", "Team B"),
        "teamleider": (Role.TEAM_LEAD, "Haarlem", "Team A"),
        "werkgeversadviseur": (Role.EMPLOYER_ADVISER, None, None),
        "beleid": (Role.POLICY_MAKER, None, None),
        "privacy": (Role.PRIVACY_OFFICER, None, None),
        "werkzoekende": (Role.JOB_SEEKER, None, None),
        "werkzoekende2": (Role.JOB_SEEKER, None, None),
    }
    for username, (role, municipality, team) in expected.items():
        membership = _membership(username)
        assert membership.role == role
        assert (membership.municipality.name if membership.municipality else None) == municipality
        assert (membership.team.name if membership.team else None) == team
        membership.full_clean()
    assert Team.objects.filter(municipality__name="Haarlem").count() == 3
    assert JobSeeker.objects.filter(case_manager=users["klantmanager"]).count() >= 2
    assert JobSeeker.objects.filter(case_manager=users["klantmanager2"]).exists()


def test_the_job_seeker_logins_open_a_full_file(small_demo: None) -> None:
    own = JobSeeker.objects.get(user__username="werkzoekende")
    assert own.case_manager.username == "klantmanager"
    assert own.user.get_full_name() == own.full_name
    assert own.conversations.count() >= 2
    assert own.appointments.filter(status=AppointmentStatus.PLANNED).exists()
    assert own.appointments.filter(status=AppointmentStatus.HELD).exists()
    assert own.route_steps.count() >= 4
    assert own.consents.filter(withdrawn_at__isnull=True).exists()
    other = JobSeeker.objects.get(user__username="werkzoekende2")
    assert other.case_manager.username == "klantmanager2"
    assert other.route_steps.exists()
    assert not other.consents.filter(withdrawn_at__isnull=True).exists()


def test_pages_of_the_logins_work(small_demo: None, settings: Any) -> None:
    settings.WERKROUTE_REQUIRE_STAFF_2FA = False
    pages = {
        "klantmanager": ("/werk/", 200),
        "teamleider": ("/werk/team/", 200),
        "privacy": ("/privacy/logboek/", 200),
        "werkzoekende": ("/mijn/route/", 200),
        "werkzoekende2": ("/mijn/", 200),
    }
    for username, (url, status) in pages.items():
        client = Client()
        client.force_login(_user(username))
        response = client.get(url)
        assert response.status_code == status, (username, url)
    client = Client()
    client.force_login(_user("klantmanager"))
    text = client.get("/werk/").content.decode()
    own = JobSeeker.objects.filter(case_manager__username="klantmanager").order_by(
        "last_name", "first_name"
    )
    assert any(person.last_name in text for person in own)
    client.force_login(_user("werkzoekende"))
    route = client.get("/mijn/route/").content.decode()
    step = RouteStep.objects.filter(job_seeker__user__username="werkzoekende").first()
    assert step is not None and step.title.split()[0] in route


# --- Determinism and reruns ----------------------------------------------------------------


def _people() -> list[tuple[str, str, str]]:
    return list(JobSeeker.objects.order_by("pk").values_list("first_name", "last_name", "bsn_hash"))


def _work() -> list[tuple[str, str]]:
    return list(RouteStep.objects.order_by("pk").values_list("title", "status"))


def test_same_seed_gives_the_same_people_and_case_work() -> None:
    generate_demo(seed=5, size=DemoSize.SMALL, today=TODAY)
    people, work = _people(), _work()
    members = list(CampaignMember.objects.order_by("pk").values_list("reference", "status"))
    generate_demo(seed=5, size=DemoSize.SMALL, today=TODAY)
    assert _people() == people and _work() == work
    assert list(CampaignMember.objects.order_by("pk").values_list("reference", "status")) == (
        members
    )
    generate_demo(seed=6, size=DemoSize.SMALL, today=TODAY)
    assert _people() != people


def test_rerun_replaces_the_case_work_world(small_demo: None) -> None:
    generate_demo(seed=2, size=DemoSize.SMALL, today=TODAY)
    assert JobSeeker.objects.count() == SMALL.job_seekers
    assert Campaign.objects.count() == 1
    assert Team.objects.count() == 12
    assert set(DEMO_USERNAMES) <= set(User.objects.values_list("username", flat=True))
    assert not User.objects.exclude(email__endswith="@demo.example").exists()
    known = set(Appointment.objects.values_list("public_id", flat=True))
    known |= set(RouteStep.objects.values_list("public_id", flat=True))
    known |= set(CampaignMember.objects.values_list("public_id", flat=True))
    known |= set(Campaign.objects.values_list("public_id", flat=True))
    assert set(Transition.objects.values_list("object_id", flat=True)) <= known
    staff = Membership.objects.filter(role__in=[Role.CASE_MANAGER, Role.TEAM_LEAD])
    assert staff.count() == User.objects.filter(memberships__in=staff).distinct().count()


def test_command_prints_the_new_logins_and_counts() -> None:
    out = StringIO()
    call_command("demo", size=DemoSize.SMALL, seed=1, stdout=out)
    text = out.getvalue()
    for username in CASEWORK_USERNAMES:
        assert f"  {username} " in text
    assert "Werkzoekenden: 60" in text and "Campagne: Werkoffensief" in text
