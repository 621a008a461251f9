"""The route map finds the obvious offerings first in the city demo (the README's demo)."""

from django.core.management import call_command

import pytest

from werkroute.catalogue.constants import OfferingKind
from werkroute.catalogue.search import SearchParams, search_offerings

TOP = 10


def top(q: str) -> list:  # type: ignore[type-arg]
    return list(search_offerings(SearchParams(q=q)).queryset[:TOP])


def mentions(offering, *words: str) -> bool:  # type: ignore[no-untyped-def]
    text = f"{offering.title} {offering.occupation.name if offering.occupation else ''}".lower()
    return any(word in text for word in words)


@pytest.mark.django_db
def test_obvious_offerings_come_first_in_the_city_demo() -> None:
    call_command("demo", size="city", seed=1, verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115

    forklift = top("heftruck")
    assert len(forklift) == TOP
    assert all(mentions(o, "heftruck", "reachtruck") for o in forklift)

    warehouse = top("magazijn")
    assert len(warehouse) == TOP
    assert all(mentions(o, "magazijn") for o in warehouse)

    care = top("zorg")
    assert len(care) == TOP
    assert all(mentions(o, "zorg", "verzorg", "verpleeg") for o in care)

    trainings = top("sollicitatietraining")
    assert trainings and all(o.kind == OfferingKind.APPLICATION_TRAINING for o in trainings)

    fairs = top("banenmarkt Haarlem")
    assert fairs and all(o.kind == OfferingKind.JOB_FAIR for o in fairs[:5])
    assert all(o.municipality and o.municipality.name == "Haarlem" for o in fairs[:3])
