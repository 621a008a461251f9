"""The authorisation matrix: every URL of the project, for anonymous visitors and for staff of
one municipality reaching for the records of another.

The URLs are enumerated from the resolver, so a URL added later without an entry in the tables
below makes `test_every_url_has_an_expectation` fail with its name. What is checked:

1. Anonymous GET: a public page (PUBLIC_URL_NAMES) opens without a login; every other page
   answers a redirect to the login page (or what ANONYMOUS_NOT_REDIRECT states).
2. Every URL that takes an object id, built with an object of ANOTHER municipality (in another
   region, with its own organisation, campaign, saved search, ...), requested with GET and POST
   by staff of the first municipality: 404 (405 for a method the view does not take, 403 only
   where FORBIDDEN_FOR_ROLE says so), never 200 or 500; and the other municipality's records are
   unchanged afterwards.
"""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.casework.services import refer_job_seeker
from werkroute.casework.tests.factories import (
    ActionFactory,
    AppointmentFactory,
    ConversationFactory,
    GoalFactory,
    RouteStepFactory,
)
from werkroute.catalogue.models import SavedOffering, SavedSearch
from werkroute.catalogue.tests.factories import (
    LocationFactory,
    MunicipalityFactory,
    OfferingFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    make_partner,
)
from werkroute.jobseekers.models import Language, Obstacle
from werkroute.jobseekers.tests.factories import JobSeekerFactory, TeamFactory, make_staff
from werkroute.outreach.cohort import CohortCriteria
from werkroute.outreach.services import CampaignInput, create_campaign, start_campaign

# --- The tables ----------------------------------------------------------------------------------

# Open to anyone, with the status an anonymous GET answers in this test (object URLs are built
# with an id that does not exist, hence 404). Mirrors the second-factor middleware's open
# namespaces ("catalogue", "core") and OPEN_VIEWS.
PUBLIC_URL_NAMES: dict[str, int] = {
    "catalogue:search": 200,
    "catalogue:map": 200,
    "catalogue:map_points": 200,
    "catalogue:search_feed": 200,
    "catalogue:detail": 404,  # unknown offering id
    "catalogue:detail_calendar": 404,  # unknown offering id
    "catalogue:my_route": 200,
    "core:theme": 200,
    "core:logo": 404,  # no such region / municipality logo
    "core:manifest": 200,
    "core:service_worker": 200,
    "core:offline": 200,
    "core:about": 200,
    "core:accessibility": 200,
    "accounts:login": 200,
    "algorithm:matching": 200,
    "subsidies:list": 200,
    "subsidies:detail": 404,  # unknown scheme code
    "accounts:logout": 405,  # Django's LogoutView takes POST only
    "set_language": 302,  # Django's set_language: a GET just redirects back
    # DigiD login (mozilla-django-oidc); only mounted when WERKROUTE_DIGID_OIDC_ENABLED.
    "oidc_authentication_init": 302,
    "oidc_authentication_callback": 302,
    "oidc_logout": 405,  # POST only
    # eHerkenning login for employer staff: always mounted, 404 while switched off (the default).
    "accounts:eherkenning_init": 404,
    "accounts:eherkenning_callback": 404,
}
# Public URLs whose answer here is a redirect to the login page by design, not a login demand:
# the DigiD callback without a code sends the visitor back to the login with "digid=mislukt".
PUBLIC_BACK_TO_LOGIN = {"oidc_authentication_callback"}
# URL names that only exist under some settings; absent from the resolver is not an error.
OPTIONAL_URL_NAMES = {"oidc_authentication_init", "oidc_authentication_callback", "oidc_logout"}

# Behind the login, but an anonymous GET answers something other than a redirect to the login
# page. Every view puts @login_required outside its method check, so this is empty; a view
# that answers 405/404 to an anonymous visitor goes here, with the status.
ANONYMOUS_NOT_REDIRECT: dict[str, int] = {}

# Namespaces skipped as a block. "admin": Django's own admin, guarded by is_staff and (through
# the second-factor middleware) a verified second factor; its own tests are Django's.
# test_django_admin_redirects_anonymous_to_login checks the door.
SKIPPED_NAMESPACES = {"admin"}

# Views that deliberately answer 403 to a role that may not use them at all, before they look
# at the object: (URL name, role). Everything else must answer 404 for another municipality's
# object.
FORBIDDEN_FOR_ROLE: set[tuple[str, str]] = set()

ROLES = ["case_manager", "team_lead", "partner_other_org", "policy_maker", "functional_admin"]


# --- Enumerating the URLs ------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    namespace: str  # the outermost namespace, "" for none
    name: str
    pattern: str
    converters: dict[str, str]  # kwarg name -> converter class name


def _walk(
    patterns: list[Any], namespace: str = "", prefix: str = "", converters: dict | None = None
) -> Iterator[Route]:
    converters = converters or {}
    for entry in patterns:
        own = dict(converters)
        own.update(getattr(entry.pattern, "converters", {}) or {})
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            full_ns = f"{namespace}{ns}:" if ns else namespace
            yield from _walk(entry.url_patterns, full_ns, prefix + str(entry.pattern), own)
        elif isinstance(entry, URLPattern):
            yield Route(
                namespace=namespace.split(":")[0],
                name=f"{namespace}{entry.name}" if entry.name else "",
                pattern=prefix + str(entry.pattern),
                converters={k: type(v).__name__ for k, v in own.items()},
            )


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns))


def checked_routes() -> list[Route]:
    return [r for r in all_routes() if r.namespace not in SKIPPED_NAMESPACES]


ROUTES = {r.name: r for r in checked_routes() if r.name}
OBJECT_ROUTES = sorted(name for name, r in ROUTES.items() if r.converters)


def _dummy(converter: str) -> str:
    if converter == "UUIDConverter":
        return str(uuid.uuid4())
    if converter == "IntConverter":
        return "999999"
    return "bestaat-niet"


def dummy_url(route: Route) -> str:
    kwargs = {k: _dummy(c) for k, c in route.converters.items()}
    return reverse(route.name, kwargs=kwargs)


def _is_login_redirect(response: Any) -> bool:
    login = reverse(django_settings.LOGIN_URL)
    return response.status_code == 302 and response["Location"].startswith(login)


# --- 0. The tables cover every URL -----------------------------------------------------------------


def test_every_url_has_an_expectation() -> None:
    routes = checked_routes()
    unnamed = [r.pattern for r in routes if not r.name]
    assert not unnamed, f"URL patterns without a name cannot be checked: {unnamed}"
    names = {r.name for r in routes}
    # Every name not public is login-required by default; but the object-id ones need an object
    # of the other municipality, which OTHER_WORLD_KWARGS must know how to build.
    missing_objects = sorted(
        n for n in OBJECT_ROUTES if n not in OTHER_WORLD_KWARGS and n not in PUBLIC_URL_NAMES
    )
    assert not missing_objects, (
        "URLs that take an object id without an entry in OTHER_WORLD_KWARGS "
        f"(add one, building it from another municipality's object): {missing_objects}"
    )
    unknown = sorted(
        n for n in names if n not in PUBLIC_URL_NAMES and n not in LOGIN_REQUIRED_URL_NAMES
    )
    assert not unknown, (
        "URLs without an entry in the authorisation matrix (add them to PUBLIC_URL_NAMES or "
        f"LOGIN_REQUIRED_URL_NAMES in tests/test_authorisation_matrix.py): {unknown}"
    )
    stale = sorted(
        n
        for n in set(PUBLIC_URL_NAMES) | LOGIN_REQUIRED_URL_NAMES | set(OTHER_WORLD_KWARGS)
        if n not in names and n not in OPTIONAL_URL_NAMES
    )
    assert not stale, f"The matrix names URLs that no longer exist: {stale}"


# Every URL behind the login; listed by hand so that a new URL is a conscious decision.
LOGIN_REQUIRED_URL_NAMES = {
    "accounts:otp_verify",
    "accounts:otp_enrol",
    "accounts:home",
    "partner:home",
    "partner:offering_start",
    "partner:offering_create",
    "partner:location_create",
    "partner:offering_edit",
    "partner:offering_publish",
    "partner:offering_archive",
    "partner:offering_mark_checked",
    "settings:home",
    "settings:region",
    "settings:municipality",
    "audit:log_search",
    "jobseekers:search",
    "jobseekers:register",
    "jobseekers:detail",
    "jobseekers:edit",
    "jobseekers:obstacle_resolve",
    "jobseekers:correction_handle",
    "jobseekers:part_add",
    "jobseekers:part_remove",
    "me:home",
    "me:details",
    "me:edit",
    "me:correction",
    "me:consent",
    "me:consent_give",
    "me:consent_withdraw",
    "me:export",
    "me:export_json",
    "me:access_log",
    "my_casework:route",
    "my_casework:appointments",
    "saved:saved_list",
    "saved:save_search",
    "saved:open_search",
    "saved:delete_search",
    "saved:save_offering",
    "saved:unsave_offering",
    "casework:caseload",
    "casework:team",
    "casework:situation",
    "casework:conversation_create",
    "casework:appointment_create",
    "casework:route_step_create",
    "casework:appointment_status",
    "casework:route_step_status",
    "casework:action_create",
    "casework:action_status",
    "casework:referral_list",
    "casework:partner_directory",
    "casework:referral_create",
    "casework:referral_detail",
    "partner_referrals:list",
    "partner_referrals:detail",
    "my_casework:referrals",
    "outreach:campaign_list",
    "outreach:campaign_create",
    "outreach:campaign_detail",
    "outreach:campaign_start",
    "outreach:campaign_close",
    "outreach:campaign_send",
    "outreach:member_detail",
    "outreach:member_pause",
    "outreach:member_resume",
    "outreach:member_resend",
    "outreach:member_letter",
    "taxonomy:occupation_search",
    "matching:person",
    "matching:shortlist_add",
    "matching:candidates",
    "matching:settings",
    "my_matching:matches",
    "employers:employer_list",
    "employers:employer_create",
    "employers:employer_detail",
    "employers:employer_edit",
    "employers:contact_person_add",
    "employers:contact_person_edit",
    "employers:contact_person_remove",
    "employers:contact_moment_add",
    "employers:agreement_create",
    "employers:agreement_detail",
    "employers:agreement_edit",
    "employers:proposal_create",
    "employers:proposal_list",
    "employers:proposal_detail",
    "employers:proposal_status",
    "employers:proposal_consent",
    "employers:placement_create",
    "employers:placement_edit",
    "employers:placement_cancel",
    "employers:check_list",
    "employers:check_record",
    "employers:review_list",
    "employers:review_decide",
    "employers:settings",
    "employer_portal:home",
    "employer_portal:proposal",
    "employer_portal:answer",
    "employer_portal:hire",
    "my_proposals:list",
    "my_proposals:detail",
    "my_proposals:consent_give",
    "my_proposals:consent_withdraw",
    "subsidies:check",
}


# --- 1. Anonymous visitors ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_anonymous_get(client: Client, name: str) -> None:
    url = dummy_url(ROUTES[name])
    response = client.get(url)
    if name in PUBLIC_URL_NAMES:
        assert name in PUBLIC_BACK_TO_LOGIN or not _is_login_redirect(response), (
            f"{name} ({url}) is public but asks for a login"
        )
        assert response.status_code == PUBLIC_URL_NAMES[name], (
            f"{name} ({url}): {response.status_code}"
        )
    elif name in ANONYMOUS_NOT_REDIRECT:
        assert response.status_code == ANONYMOUS_NOT_REDIRECT[name], (
            f"{name} ({url}): {response.status_code}"
        )
    else:
        assert _is_login_redirect(response), (
            f"{name} ({url}) should send an anonymous visitor to the login page, "
            f"answered {response.status_code} {response.get('Location', '')}"
        )


@pytest.mark.django_db
def test_django_admin_redirects_anonymous_to_login(client: Client) -> None:
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert "login" in response["Location"]


# --- 2. Another municipality's objects -----------------------------------------------------------


@dataclass
class Worlds:
    users: dict[str, User]  # the first municipality's staff, by role
    other: dict[str, Any]  # the other municipality's objects
    owners: dict[str, User]  # the other municipality's own people, for the control test


def _make_campaign(actor: User, municipality: Any) -> Any:
    data = CampaignInput(
        name="Langdurig in de bijstand",
        criteria=CohortCriteria(benefit_months_min=18),
        channels=("letter", "email", "sms"),
    )
    campaign = create_campaign(actor=actor, municipality=municipality, data=data)
    return start_campaign(actor=actor, campaign=campaign)


def _employer_world(region: Any, job_seeker: Any, vacancy: Any, cm: User) -> dict:
    """The other world's employer with a work agreement, a proposal, a placement and its check."""
    import datetime as dt

    from werkroute.employers.models import (
        ContactPerson,
        FollowUpCheck,
        Placement,
        Proposal,
        VacancyReview,
        WorkAgreement,
    )

    employer = OrganisationFactory(region=region, kinds=["employer"])
    agreement = WorkAgreement.objects.create(
        organisation=employer,
        title="Akkoord",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        placements_target=3,
    )
    proposal = Proposal.objects.create(job_seeker=job_seeker, offering=vacancy, proposed_by=cm)
    placement = Placement.objects.create(
        proposal=proposal,
        start_date=proposal.proposed_on,
        contract_type="temporary",
        hours_per_week=20,
    )
    check = FollowUpCheck.objects.create(placement=placement, months=6, due_on=proposal.proposed_on)
    VacancyReview.objects.create(offering=vacancy)
    contact = ContactPerson.objects.create(organisation=employer, name="Petra de Vries")
    return {
        "employer": employer,
        "agreement": agreement,
        "proposal": proposal,
        "check": check,
        "placement": placement,
        "contact": contact,
    }


@pytest.fixture
def worlds(db: Any, settings: Any) -> Worlds:
    settings.WERKROUTE_SENDERS = {
        channel: "werkroute.outreach.tests.senders.RecordingSender"
        for channel in ("letter", "email", "sms")
    }
    # The first municipality: the people who make the requests.
    region = RegionFactory()
    municipality = MunicipalityFactory(region=region)
    team = TeamFactory(municipality=municipality)
    own_organisation = OrganisationFactory(region=region)
    users = {
        "case_manager": make_staff(Role.CASE_MANAGER, municipality, team),
        "team_lead": make_staff(Role.TEAM_LEAD, municipality, team),
        "partner_other_org": make_partner(own_organisation),
        "policy_maker": make_staff(Role.POLICY_MAKER, municipality),
        "functional_admin": make_staff(Role.FUNCTIONAL_ADMIN, municipality),
    }
    # Give the first world a client of its own, so the staff have something of their own.
    JobSeekerFactory(municipality=municipality, case_manager=users["case_manager"])

    # The other municipality, in another region: a full world.
    other_region = RegionFactory()
    other_municipality = MunicipalityFactory(region=other_region)
    other_team = TeamFactory(municipality=other_municipality)
    other_cm = make_staff(Role.CASE_MANAGER, other_municipality, other_team)
    job_seeker = JobSeekerFactory(
        municipality=other_municipality, case_manager=other_cm, user=UserFactory()
    )
    Obstacle.objects.create(job_seeker=job_seeker, kind="health", impact="Rugklachten")
    language = Language.objects.create(job_seeker=job_seeker, language="Engels", level="B1")
    conversation = ConversationFactory(job_seeker=job_seeker, author=other_cm)
    appointment = AppointmentFactory(job_seeker=job_seeker, case_manager=other_cm)
    step = RouteStepFactory(job_seeker=job_seeker)
    goal = GoalFactory(job_seeker=job_seeker)
    action = ActionFactory(goal=goal)
    campaign = _make_campaign(other_cm, other_municipality)
    member = campaign.members.get()
    organisation = OrganisationFactory(region=other_region)
    location = LocationFactory(organisation=organisation, municipality=other_municipality)
    draft = OfferingFactory(organisation=organisation, location=location)
    published = OfferingFactory(organisation=organisation, location=location, published=True)
    other_user = make_partner(organisation)
    referral = refer_job_seeker(
        actor=other_cm,
        job_seeker=job_seeker,
        organisation=organisation,
        question="Hulp bij schulden",
        consent_given_on=job_seeker.created_at.date(),
    )
    saved_search = SavedSearch.objects.create(user=other_user, name="Koken", query_string="q=kok")
    employers = _employer_world(other_region, job_seeker, published, other_cm)
    SavedOffering.objects.create(user=other_user, offering=draft)
    other = {
        "region": other_region,
        "municipality": other_municipality,
        "job_seeker": job_seeker,
        "language": language,
        "conversation": conversation,
        "appointment": appointment,
        "step": step,
        "goal": goal,
        "action": action,
        "campaign": campaign,
        "member": member,
        "organisation": organisation,
        "location": location,
        "draft": draft,
        "published": published,
        "saved_search": saved_search,
        **employers,
        "referral": referral,
    }
    owners = {"case_manager": other_cm, "partner": other_user}
    return Worlds(users=users, other=other, owners=owners)


# URL name -> how to build its kwargs from the other municipality's objects.
OTHER_WORLD_KWARGS: dict[str, Any] = {
    "catalogue:detail": lambda o: {"public_id": o["draft"].public_id},
    "catalogue:detail_calendar": lambda o: {"public_id": o["draft"].public_id},
    "core:logo": lambda o: {"kind": "gemeente", "code": o["municipality"].slug},
    # Schemes are not per municipality: a code that does not exist answers 404 for anyone.
    "subsidies:detail": lambda o: {"country": "nl", "code": "bestaat-niet"},
    "partner:offering_create": lambda o: {"organisation_id": o["organisation"].public_id},
    "partner:location_create": lambda o: {"organisation_id": o["organisation"].public_id},
    "partner:offering_edit": lambda o: {"public_id": o["published"].public_id},
    "partner:offering_publish": lambda o: {"public_id": o["draft"].public_id},
    "partner:offering_archive": lambda o: {"public_id": o["published"].public_id},
    "partner:offering_mark_checked": lambda o: {"public_id": o["published"].public_id},
    "settings:region": lambda o: {"code": o["region"].code},
    "settings:municipality": lambda o: {"slug": o["municipality"].slug},
    "jobseekers:detail": lambda o: {"public_id": o["job_seeker"].public_id},
    "jobseekers:edit": lambda o: {"public_id": o["job_seeker"].public_id},
    "jobseekers:obstacle_resolve": lambda o: {"public_id": o["job_seeker"].public_id},
    "jobseekers:correction_handle": lambda o: {"public_id": o["job_seeker"].public_id},
    "jobseekers:part_add": lambda o: {"public_id": o["job_seeker"].public_id, "kind": "talen"},
    "jobseekers:part_remove": lambda o: {
        "public_id": o["job_seeker"].public_id,
        "kind": "talen",
    },
    "saved:open_search": lambda o: {"public_id": o["saved_search"].public_id},
    "saved:delete_search": lambda o: {"public_id": o["saved_search"].public_id},
    "saved:save_offering": lambda o: {"public_id": o["draft"].public_id},
    "saved:unsave_offering": lambda o: {"public_id": o["draft"].public_id},
    "casework:situation": lambda o: {"job_seeker_id": o["job_seeker"].public_id},
    "matching:person": lambda o: {"public_id": o["job_seeker"].public_id},
    "matching:shortlist_add": lambda o: {"public_id": o["job_seeker"].public_id},
    # A public vacancy's candidates come from the user's own pool, whoever posted it; a draft
    # has none, for anyone.
    "matching:candidates": lambda o: {"public_id": o["draft"].public_id},
    "casework:conversation_create": lambda o: {"job_seeker_id": o["job_seeker"].public_id},
    "casework:appointment_create": lambda o: {"job_seeker_id": o["job_seeker"].public_id},
    "casework:route_step_create": lambda o: {"job_seeker_id": o["job_seeker"].public_id},
    "casework:appointment_status": lambda o: {"appointment_id": o["appointment"].public_id},
    "casework:route_step_status": lambda o: {"step_id": o["step"].public_id},
    "casework:action_create": lambda o: {"goal_id": o["goal"].public_id},
    "casework:action_status": lambda o: {"action_id": o["action"].public_id},
    "casework:referral_create": lambda o: {"job_seeker_id": o["job_seeker"].public_id},
    "casework:referral_detail": lambda o: {"referral_id": o["referral"].public_id},
    "partner_referrals:detail": lambda o: {"referral_id": o["referral"].public_id},
    "outreach:campaign_detail": lambda o: {"campaign_id": o["campaign"].public_id},
    "outreach:campaign_start": lambda o: {"campaign_id": o["campaign"].public_id},
    "outreach:campaign_close": lambda o: {"campaign_id": o["campaign"].public_id},
    "outreach:campaign_send": lambda o: {"campaign_id": o["campaign"].public_id},
    "outreach:member_detail": lambda o: {"member_id": o["member"].public_id},
    "outreach:member_pause": lambda o: {"member_id": o["member"].public_id},
    "outreach:member_resume": lambda o: {"member_id": o["member"].public_id},
    "outreach:member_resend": lambda o: {"member_id": o["member"].public_id},
    "outreach:member_letter": lambda o: {"member_id": o["member"].public_id},
    "employers:employer_detail": lambda o: {"public_id": o["employer"].public_id},
    "employers:employer_edit": lambda o: {"public_id": o["employer"].public_id},
    "employers:contact_person_add": lambda o: {"public_id": o["employer"].public_id},
    "employers:contact_person_edit": lambda o: {
        "public_id": o["employer"].public_id,
        "contact_id": o["contact"].public_id,
    },
    "employers:contact_person_remove": lambda o: {
        "public_id": o["employer"].public_id,
        "contact_id": o["contact"].public_id,
    },
    "employers:contact_moment_add": lambda o: {"public_id": o["employer"].public_id},
    "employers:agreement_create": lambda o: {"public_id": o["employer"].public_id},
    "employers:agreement_detail": lambda o: {"public_id": o["agreement"].public_id},
    "employers:agreement_edit": lambda o: {"public_id": o["agreement"].public_id},
    "employers:proposal_detail": lambda o: {"public_id": o["proposal"].public_id},
    "employers:proposal_status": lambda o: {"public_id": o["proposal"].public_id},
    "employers:proposal_consent": lambda o: {"public_id": o["proposal"].public_id},
    "employers:placement_create": lambda o: {"public_id": o["proposal"].public_id},
    "employers:placement_edit": lambda o: {"public_id": o["placement"].public_id},
    "employers:placement_cancel": lambda o: {"public_id": o["placement"].public_id},
    "employers:check_record": lambda o: {"public_id": o["check"].public_id},
    "employers:review_decide": lambda o: {"public_id": o["published"].public_id},
    "employer_portal:proposal": lambda o: {"public_id": o["proposal"].public_id},
    "employer_portal:answer": lambda o: {"public_id": o["proposal"].public_id},
    "employer_portal:hire": lambda o: {"public_id": o["proposal"].public_id},
    "my_proposals:detail": lambda o: {"public_id": o["proposal"].public_id},
    "my_proposals:consent_give": lambda o: {"public_id": o["proposal"].public_id},
    "my_proposals:consent_withdraw": lambda o: {"public_id": o["proposal"].public_id},
}

# A POST body that would change something if a view got as far as its form.
POST_DATA = {
    "status": "cancelled",
    "item": "1",
    "language": "Duits",
    "level": "A1",
    "first_name": "Gewijzigd",
    "last_name": "Gewijzigd",
    "title": "Gewijzigd",
    "description": "Gewijzigd",
    "name": "Gewijzigd",
    "note": "Gewijzigd",
}

# What must not change when the first municipality's staff reach for the other's records.
SNAPSHOT_APPS = ("core", "accounts", "catalogue", "jobseekers", "casework", "outreach", "employers")
SNAPSHOT_SKIP = {
    "core.processingactivity",
    "core.processinglogentry",
    "core.accessauditentry",
    "accounts.user",  # last_login moves with every login
}


def _snapshot() -> dict[str, list[dict]]:
    state = {}
    for label in SNAPSHOT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label_lower in SNAPSHOT_SKIP:
                continue
            state[model._meta.label_lower] = list(model.objects.order_by("pk").values())
    return state


def _diff(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> list[str]:
    changes = []
    for table, rows in before.items():
        if rows != after[table]:
            changes.append(f"{table}: {len(rows)} -> {len(after[table])} rows, or a row changed")
    return changes


def _client_for(user: User) -> Client:
    """Every role here is staff (partners too), so it has passed its second factor."""
    return login_verified(Client(), user)


@pytest.mark.parametrize("role", ROLES)
def test_other_municipality_objects_are_out_of_reach(worlds: Worlds, role: str) -> None:
    client = _client_for(worlds.users[role])
    before = _snapshot()
    failures = []
    names = sorted(OBJECT_ROUTES)
    for name in names:
        url = reverse(name, kwargs=OTHER_WORLD_KWARGS[name](worlds.other))
        allowed = {404}
        if (name, role) in FORBIDDEN_FOR_ROLE:
            allowed.add(403)
        answers = {}
        for method in ("get", "post"):
            response = client.post(url, POST_DATA) if method == "post" else client.get(url)
            answers[method] = response.status_code
            if response.status_code == 405:
                continue  # the view does not take this method; the other one is checked
            if response.status_code not in allowed:
                failures.append(
                    f"{name} {method.upper()} {url} as {role}: {response.status_code} "
                    f"(expected {sorted(allowed)}) {response.get('Location', '')}"
                )
        if set(answers.values()) == {405}:
            failures.append(f"{name} {url} as {role}: 405 for both GET and POST")
    changes = _diff(before, _snapshot())
    report = failures + [f"changed by {role}: {change}" for change in changes]
    assert not report, f"{len(report)} problem(s):\n" + "\n".join(report)


# Control: the other municipality's own people do reach these URLs, so the 404s above come
# from the access rules and not from an id the matrix built wrongly.
OWNER_CONTROL = {
    "jobseekers:detail": "case_manager",
    "jobseekers:edit": "case_manager",
    "jobseekers:part_add": "case_manager",
    "casework:situation": "case_manager",
    "casework:conversation_create": "case_manager",
    "casework:appointment_create": "case_manager",
    "casework:route_step_create": "case_manager",
    "casework:appointment_status": "case_manager",
    "casework:route_step_status": "case_manager",
    "casework:action_create": "case_manager",
    "casework:referral_create": "case_manager",
    "casework:referral_detail": "case_manager",
    "partner_referrals:detail": "partner",
    "outreach:campaign_detail": "case_manager",
    "outreach:member_detail": "case_manager",
    "partner:offering_create": "partner",
    "partner:location_create": "partner",
    "partner:offering_edit": "partner",
    "saved:open_search": "partner",
}


def test_the_other_municipality_reaches_its_own_objects(worlds: Worlds) -> None:
    other = worlds.other
    assert other["campaign"].members.count() == 1
    assert other["job_seeker"].municipality_id == other["municipality"].pk
    assert other["draft"].organisation.region_id == other["region"].pk
    clients = {who: login_verified(Client(), user) for who, user in worlds.owners.items()}
    failures = []
    for name, who in OWNER_CONTROL.items():
        url = reverse(name, kwargs=OTHER_WORLD_KWARGS[name](other))
        response = clients[who].get(url)
        expected = 302 if name == "saved:open_search" else 200  # opens the route map
        if response.status_code != expected or "inloggen" in response.get("Location", ""):
            failures.append(f"{name} GET {url} as the other {who}: {response.status_code}")
    assert not failures, "\n".join(failures)
