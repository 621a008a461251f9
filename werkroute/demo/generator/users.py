"""The demo logins: one per role someone wants to try, all with the same password.

Besides the printed logins, the case-work world needs a staff of case managers and team leads in
every municipality. They get generated usernames (GENERATED_PREFIXES) and an e-mail address on
DEMO_EMAIL_DOMAIN, which is how a reset recognises them.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Q

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, Team, User
from werkroute.catalogue.constants import OrganisationKind, OrganisationRole
from werkroute.catalogue.models import OrganisationMembership
from werkroute.core.models import Municipality
from werkroute.demo import texts
from werkroute.demo.generator.context import Context, SizeSpec
from werkroute.demo.generator.geography import Geography
from werkroute.demo.generator.organisations import Actor, Cast

DEMO_PASSWORD = "werkroute-demo"  # noqa: S105 -- printed on purpose: it only opens synthetic data
DEMO_EMAIL_DOMAIN = "demo.example"
CASEWORK_USERNAMES = (
    "klantmanager",
    "klantmanager2",
    "teamleider",
    "werkgeversadviseur",
    "beleid",
    "privacy",
    "werkzoekende",
    "werkzoekende2",
)
PORTAL_USERNAMES = (
    "beheerder",
    "beheer-haarlem",
    "partner-uwv",
    "partner-roc",
    "partner-wijkteam",
    "werkgever",
)
DEMO_USERNAMES = (*PORTAL_USERNAMES, *CASEWORK_USERNAMES)
# The rest of the staff: "klantmanager-velsen-2", "teamleider-haarlem-b".
CASE_MANAGER_USERNAME = "klantmanager-{municipality}-{number}"
TEAM_LEAD_USERNAME = "teamleider-{municipality}-{team}"
GENERATED_PREFIXES = ("klantmanager-", "teamleider-")
JOB_SEEKER_LOGINS = ("werkzoekende", "werkzoekende2")

SHOWCASE_MUNICIPALITY = "Haarlem"
TEAM_NAME = "Team {letter}"
TEAM_LETTERS = "ABC"
# Teams per municipality: Haarlem has three, the larger towns two, the others one.
TEAMS_IN_SHOWCASE = 3
LARGE_TOWN_INHABITANTS = 40_000
# So many case managers that their average caseload stays at or below this; in the city demo
# caseloads then lie between about 60 and 120.
MAX_AVERAGE_CASELOAD = 110

CASEWORK_ABILITIES: dict[str, str] = {
    "klantmanager": (
        "Klantmanager in Haarlem ({team}): eigen klanten, gesprekken, afspraken, routeplannen, "
        "passende vacatures en verwijzingen (/werk/)"
    ),
    "klantmanager2": "Klantmanager in Haarlem ({team}), met een eigen groep klanten (/werk/)",
    "teamleider": "Teamleider van {team} in Haarlem: het werk van het team (/werk/team/)",
    "werkgeversadviseur": (
        "Werkgeversadviseur voor de hele regio: werkgevers, werkakkoorden, voordrachten en "
        "controles (/werkgevers/), regelingen (/regelingen/)"
    ),
    "beleid": "Beleidsmedewerker voor de hele regio",
    "privacy": (
        "Privacyfunctionaris: verwerkingen en inzage in dossiers nakijken (/privacy/logboek/)"
    ),
    "werkzoekende": (
        "Werkzoekende {name} uit Haarlem: eigen dossier, routeplan, afspraken, toestemming en "
        "passende vacatures (/mijn/)"
    ),
    "werkzoekende2": "Werkzoekende {name} uit Haarlem: eigen dossier en routeplan (/mijn/)",
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    abilities: str


@dataclass
class Staff:
    """Who does the case work: case managers per municipality, teams and the named logins."""

    case_managers: dict[str, list[User]] = field(default_factory=dict)  # by municipality code
    workloads: dict[str, list[float]] = field(default_factory=dict)  # relative caseload sizes
    teams: list[Team] = field(default_factory=list)
    team_of: dict[int, Team] = field(default_factory=dict)  # by user pk
    named: dict[str, User] = field(default_factory=dict)  # by username

    def pick_case_manager(self, ctx: Context, municipality: Municipality) -> User:
        return ctx.pick_weighted(
            self.case_managers[municipality.code], self.workloads[municipality.code]
        )

    @property
    def all_case_managers(self) -> list[User]:
        return [user for users in self.case_managers.values() for user in users]


def _first(actors: list[Actor], kind: str, name_start: str = "") -> Actor:
    matching = [a for a in actors if kind in a.organisation.kinds]
    preferred = [a for a in matching if a.organisation.name.startswith(name_start)]
    return (preferred or matching)[0]


def _user(username: str, last_name: str, password_hash: str, *, admin: bool = False) -> User:
    user = User(
        username=username,
        email=f"{username}@{DEMO_EMAIL_DOMAIN}",
        first_name="Demo",
        last_name=last_name,
        is_staff=admin,
        is_superuser=admin,
    )
    user.password = password_hash
    user.save()
    return user


def shared_password_hash() -> str:
    """Hash the shared password once (Argon2 is slow on purpose) and give every login that hash."""
    probe = User()
    probe.set_password(DEMO_PASSWORD)
    return probe.password


def demo_users_q() -> Q:
    """Every user a demo run makes: the printed logins and the generated staff."""
    generated = Q()
    for prefix in GENERATED_PREFIXES:
        generated |= Q(username__startswith=prefix)
    return Q(username__in=DEMO_USERNAMES) | (
        generated & Q(email__iendswith=f"@{DEMO_EMAIL_DOMAIN}")
    )


def taken_usernames_q() -> Q:
    """Usernames a demo run would need; in a database without a demo, none may exist."""
    taken = Q(username__in=DEMO_USERNAMES)
    for prefix in GENERATED_PREFIXES:
        taken |= Q(username__startswith=prefix)
    return taken


def create_users(geo: Geography, cast: Cast, password_hash: str) -> list[DemoLogin]:
    """The logins for settings and the partner portal."""
    admin = _user("beheerder", "beheerder regio", password_hash, admin=True)
    Membership.objects.create(user=admin, role=Role.FUNCTIONAL_ADMIN, region=geo.region)
    haarlem = geo.municipality_named("Haarlem")
    local_admin = _user("beheer-haarlem", "beheerder Haarlem", password_hash)
    Membership.objects.create(
        user=local_admin, role=Role.FUNCTIONAL_ADMIN, region=geo.region, municipality=haarlem
    )
    staff = {
        "partner-uwv": _first(cast.partners, OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE),
        "partner-roc": _first(cast.partners, OrganisationKind.SCHOOL, "ROC"),
        "partner-wijkteam": _first(cast.partners, OrganisationKind.NEIGHBOURHOOD_TEAM),
        # The busiest employer, so its portal has plenty of vacancies to show.
        "werkgever": max(cast.employers, key=lambda actor: actor.volume),
    }
    for username, actor in staff.items():
        user = _user(username, username.split("-")[-1], password_hash)
        OrganisationMembership.objects.create(
            user=user, organisation=actor.organisation, role=OrganisationRole.STAFF
        )
    return [
        DemoLogin(
            username,
            DEMO_PASSWORD,
            texts.USER_ABILITIES[username].format(
                organisation=staff[username].organisation.name if username in staff else ""
            ),
        )
        for username in PORTAL_USERNAMES
    ]


# --- The case-work staff -------------------------------------------------------------------


def _team_count(geo: Geography, municipality: Municipality) -> int:
    if municipality.name == SHOWCASE_MUNICIPALITY:
        return TEAMS_IN_SHOWCASE
    inhabitants = geo.spec_by_code[municipality.code].inhabitants
    return 2 if inhabitants >= LARGE_TOWN_INHABITANTS else 1


def _expected_people(geo: Geography, municipality: Municipality, total: int) -> float:
    """Job seekers land in a municipality by its number of inhabitants (see jobseekers.py)."""
    inhabitants = sum(spec.inhabitants for spec in geo.specs)
    return total * geo.spec_by_code[municipality.code].inhabitants / inhabitants


def _staff_user(ctx: Context, username: str, password_hash: str) -> User:
    user = User(
        public_id=ctx.public_id(),
        username=username,
        email=f"{username}@{DEMO_EMAIL_DOMAIN}",
        first_name=ctx.fake.first_name(),
        last_name=ctx.fake.last_name(),
    )
    user.password = password_hash
    return user


def _case_manager_name(slug: str, number: int) -> str:
    """The first case managers of Haarlem's teams A and B are the printed logins."""
    if slug == "haarlem" and number == 1:
        return "klantmanager"
    if slug == "haarlem" and number == 2:
        return "klantmanager2"
    return CASE_MANAGER_USERNAME.format(municipality=slug, number=number)


def _team_lead_name(slug: str, letter: str) -> str:
    if slug == "haarlem" and letter == "A":
        return "teamleider"
    return TEAM_LEAD_USERNAME.format(municipality=slug, team=letter.lower())


@dataclass
class _Planned:
    user: User
    role: str
    municipality: Municipality | None = None
    team: Team | None = None


def _plan_municipality(
    ctx: Context,
    geo: Geography,
    municipality: Municipality,
    total: int,
    password_hash: str,
) -> tuple[list[Team], list[_Planned]]:
    """Teams and their people; case managers go round the teams, so team A has the first one."""
    teams = [
        Team(municipality=municipality, name=TEAM_NAME.format(letter=letter))
        for letter in TEAM_LETTERS[: _team_count(geo, municipality)]
    ]
    expected = _expected_people(geo, municipality, total)
    count = max(len(teams), math.ceil(expected / MAX_AVERAGE_CASELOAD))
    planned = [
        _Planned(
            _staff_user(ctx, _case_manager_name(municipality.slug, number), password_hash),
            Role.CASE_MANAGER,
            municipality,
            teams[(number - 1) % len(teams)],
        )
        for number in range(1, count + 1)
    ]
    planned += [
        _Planned(
            _staff_user(ctx, _team_lead_name(municipality.slug, team.name[-1]), password_hash),
            Role.TEAM_LEAD,
            municipality,
            team,
        )
        for team in teams
    ]
    return teams, planned


def _plan_region_logins(ctx: Context, password_hash: str) -> list[_Planned]:
    roles = {
        "werkgeversadviseur": Role.EMPLOYER_ADVISER,
        "beleid": Role.POLICY_MAKER,
        "privacy": Role.PRIVACY_OFFICER,
    }
    planned = [
        _Planned(_staff_user(ctx, username, password_hash), role)
        for username, role in roles.items()
    ]
    # Names follow the file these logins are linked to (jobseekers.py).
    for username in JOB_SEEKER_LOGINS:
        user = _staff_user(ctx, username, password_hash)
        planned.append(_Planned(user, Role.JOB_SEEKER))
    return planned


def create_casework_staff(
    ctx: Context, geo: Geography, size: SizeSpec, password_hash: str
) -> Staff:
    """Teams, case managers and team leads per municipality, and the region-wide logins."""
    teams: list[Team] = []
    planned: list[_Planned] = []
    for municipality in geo.municipalities:
        municipal_teams, people = _plan_municipality(
            ctx, geo, municipality, size.job_seekers, password_hash
        )
        teams += municipal_teams
        planned += people
    planned += _plan_region_logins(ctx, password_hash)
    Team.objects.bulk_create(teams)
    User.objects.bulk_create([item.user for item in planned], batch_size=1000)
    Membership.objects.bulk_create(
        [
            Membership(
                user=item.user,
                role=item.role,
                region=geo.region,
                municipality=item.municipality,
                team=item.team,
            )
            for item in planned
        ],
        batch_size=1000,
    )
    return _staff(ctx, teams, planned)


def _staff(ctx: Context, teams: list[Team], planned: list[_Planned]) -> Staff:
    staff = Staff(teams=teams)
    for item in planned:
        if item.user.username in CASEWORK_USERNAMES:
            staff.named[item.user.username] = item.user
        if item.team is not None:
            staff.team_of[item.user.pk] = item.team
        if item.role != Role.CASE_MANAGER or item.municipality is None:
            continue
        code = item.municipality.code
        staff.case_managers.setdefault(code, []).append(item.user)
        # Some carry more than others: part-timers, newcomers, old hands.
        staff.workloads.setdefault(code, []).append(ctx.rng.uniform(0.85, 1.15))
    return staff


def name_job_seeker_login(user: User, first_name: str, last_name: str) -> None:
    """A job seeker's login carries the name of their file."""
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])


def casework_logins(staff: Staff) -> list[DemoLogin]:
    """The printed logins of the case-work world, in the order of CASEWORK_USERNAMES."""
    logins = []
    for username in CASEWORK_USERNAMES:
        user = staff.named[username]
        team = staff.team_of.get(user.pk)
        abilities = CASEWORK_ABILITIES[username].format(
            team=team.name if team else "", name=user.get_full_name()
        )
        logins.append(DemoLogin(username, DEMO_PASSWORD, abilities))
    return logins
