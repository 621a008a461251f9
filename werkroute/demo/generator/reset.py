"""Reset safety: the demo only ever replaces data it made itself."""

from werkroute.accounts.models import Team, User
from werkroute.casework.models import Action, Appointment, Conversation, Goal, RouteStep, Transition
from werkroute.catalogue.models import Offering, Organisation
from werkroute.core.models import Municipality, PostcodeArea, Region
from werkroute.demo.generator.campaigns import delete_campaigns
from werkroute.demo.generator.casework import APPOINTMENT_LABEL, ROUTE_STEP_LABEL
from werkroute.demo.generator.employers import delete_employer_world
from werkroute.demo.generator.geography import REGION_CODE, demo_postcodes
from werkroute.demo.generator.users import demo_users_q, taken_usernames_q
from werkroute.demo.models import DemoRun
from werkroute.jobseekers.models import (
    Ambition,
    Consent,
    CorrectionRequest,
    FileChange,
    JobSeeker,
    Language,
    Obstacle,
    Skill,
    WorkExperience,
)

REAL_DATA = (
    "Deze database bevat echte gegevens: er staan regio's of organisaties in die niet door "
    "'werkroute demo' zijn gemaakt. Er is niets veranderd. Maak de demo in een lege database, "
    "bijvoorbeeld met DATABASE_URL=sqlite:////tmp/werkroute-demo.sqlite3."
)
TAKEN_USERNAMES = (
    "Deze database heeft al gebruikers met een naam die de demo nodig heeft: {names}. "
    "Er is niets veranderd. Maak de demo in een lege database."
)


class DemoRefused(Exception):
    """The database holds data the demo did not make; its message is fit for the operator."""


def is_demo_database() -> bool:
    return DemoRun.objects.exists()


def check_demo_database() -> None:
    """Raise DemoRefused unless the database is empty or was made by the demo."""
    if is_demo_database():
        return
    if Region.objects.exists() or Organisation.objects.exists():
        raise DemoRefused(REAL_DATA)
    taken = list(
        User.objects.filter(taken_usernames_q())
        .order_by("username")
        .values_list("username", flat=True)
    )
    if taken:
        raise DemoRefused(TAKEN_USERNAMES.format(names=", ".join(taken)))


# The case work and the parts of the files, what points at a record before the record itself.
CASEWORK_MODELS = (
    Action,
    Appointment,
    RouteStep,
    Goal,
    Conversation,
    Language,
    WorkExperience,
    Skill,
    Ambition,
    Obstacle,
    Consent,
    FileChange,
    CorrectionRequest,
)


def delete_casework(region: Region) -> None:
    """The case-work world of the region: campaigns, logged status changes, files, teams.

    What points at a record goes before the record, so Django has little to collect; only keys
    are loaded, which keeps removing the large demo (40,000 files) light on memory.
    """
    delete_campaigns(region)
    for label, model in ((APPOINTMENT_LABEL, Appointment), (ROUTE_STEP_LABEL, RouteStep)):
        ids = model.objects.filter(job_seeker__municipality__region=region).values("public_id")
        Transition.objects.filter(model_label=label, object_id__in=ids).delete()
    for model in CASEWORK_MODELS:
        lookup = "goal__job_seeker" if model is Action else "job_seeker"
        model.objects.filter(**{f"{lookup}__municipality__region": region}).only("pk").delete()
    JobSeeker.objects.filter(municipality__region=region).only("pk").delete()
    Team.objects.filter(municipality__region=region).delete()


def delete_demo_data() -> None:
    """Remove everything a previous run made; call inside the generator's transaction."""
    region = Region.objects.filter(code=REGION_CODE).first()
    if region is not None:
        # Files of (synthetic) job seekers and campaigns protect their municipality; route steps
        # point at offerings. So the case-work world goes first.
        delete_employer_world(region)  # placements hold on to proposals and job seekers
        delete_casework(region)
        # Offerings protect their organisation and location, so they go next; only their keys
        # are loaded, which keeps removing the large demo (100,000 offerings) light on memory.
        Offering.objects.filter(organisation__region=region).only("pk").delete()
        Organisation.objects.filter(region=region).delete()  # locations and staff go along
    User.objects.filter(demo_users_q()).delete()  # memberships go along
    if region is not None:
        Municipality.objects.filter(region=region).delete()  # neighbourhoods go along
        region.delete()
    PostcodeArea.objects.filter(pc4__in=demo_postcodes()).delete()
    DemoRun.objects.all().delete()
