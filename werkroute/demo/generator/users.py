"""The demo logins: one per role someone wants to try, all with the same password."""

from dataclasses import dataclass

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, User
from werkroute.catalogue.constants import OrganisationKind, OrganisationRole
from werkroute.catalogue.models import OrganisationMembership
from werkroute.demo import texts
from werkroute.demo.generator.geography import Geography
from werkroute.demo.generator.organisations import Actor, Cast

DEMO_PASSWORD = "werkroute-demo"  # noqa: S105 -- printed on purpose: it only opens synthetic data
DEMO_USERNAMES = (
    "beheerder",
    "beheer-haarlem",
    "partner-uwv",
    "partner-roc",
    "partner-wijkteam",
    "werkgever",
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    abilities: str


def _first(actors: list[Actor], kind: str, name_start: str = "") -> Actor:
    matching = [a for a in actors if kind in a.organisation.kinds]
    preferred = [a for a in matching if a.organisation.name.startswith(name_start)]
    return (preferred or matching)[0]


def _user(username: str, last_name: str, password_hash: str, *, admin: bool = False) -> User:
    user = User(
        username=username,
        email=f"{username}@demo.example",
        first_name="Demo",
        last_name=last_name,
        is_staff=admin,
        is_superuser=admin,
    )
    user.password = password_hash
    user.save()
    return user


def _shared_password_hash() -> str:
    """Hash the shared password once (Argon2 is slow on purpose) and give every login that hash."""
    probe = User()
    probe.set_password(DEMO_PASSWORD)
    return probe.password


def create_users(geo: Geography, cast: Cast) -> list[DemoLogin]:
    password_hash = _shared_password_hash()
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
        for username in DEMO_USERNAMES
    ]
