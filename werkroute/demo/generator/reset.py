"""Reset safety: the demo only ever replaces data it made itself."""

from werkroute.accounts.models import User
from werkroute.catalogue.models import Offering, Organisation
from werkroute.core.models import Municipality, PostcodeArea, Region
from werkroute.demo.generator.geography import REGION_CODE, demo_postcodes
from werkroute.demo.generator.users import DEMO_USERNAMES
from werkroute.demo.models import DemoRun
from werkroute.jobseekers.models import JobSeeker

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
        User.objects.filter(username__in=DEMO_USERNAMES)
        .order_by("username")
        .values_list("username", flat=True)
    )
    if taken:
        raise DemoRefused(TAKEN_USERNAMES.format(names=", ".join(taken)))


def delete_demo_data() -> None:
    """Remove everything a previous run made; call inside the generator's transaction."""
    region = Region.objects.filter(code=REGION_CODE).first()
    if region is not None:
        # Offerings protect their organisation and location, so they go first; only their keys
        # are loaded, which keeps removing the large demo (100,000 offerings) light on memory.
        Offering.objects.filter(organisation__region=region).only("pk").delete()
        Organisation.objects.filter(region=region).delete()  # locations and staff go along
    User.objects.filter(username__in=DEMO_USERNAMES).delete()
    if region is not None:
        # Files of (synthetic) job seekers protect their municipality; their case work goes along.
        JobSeeker.objects.filter(municipality__region=region).delete()
        Municipality.objects.filter(region=region).delete()  # neighbourhoods go along
        region.delete()  # memberships go along
    PostcodeArea.objects.filter(pc4__in=demo_postcodes()).delete()
    DemoRun.objects.all().delete()
