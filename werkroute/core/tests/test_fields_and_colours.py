from django.core.exceptions import ValidationError

import pytest

from werkroute.catalogue.constants import OrganisationKind
from werkroute.catalogue.models import Organisation
from werkroute.core.colors import contrast_with_white
from werkroute.core.models import Region, validate_readable_colour


@pytest.fixture
def region(db) -> Region:  # type: ignore[no-untyped-def]
    return Region.objects.create(code="zk", name="Zuid-Kennemerland")


def test_contrast_of_black_and_white_is_twenty_one() -> None:
    assert contrast_with_white("#000000") == pytest.approx(21.0)


@pytest.mark.parametrize("colour", ["#ffff00", "#aaaaaa", "red", "#12345"])
def test_unreadable_or_malformed_colours_are_refused(colour: str) -> None:
    with pytest.raises(ValidationError):
        validate_readable_colour(colour)


def test_a_dark_colour_is_accepted() -> None:
    validate_readable_colour("#1f4e79")


@pytest.mark.django_db
def test_choice_sets_round_trip_in_vocabulary_order(region: Region) -> None:
    org = Organisation.objects.create(
        name="Wijkteam en werkgever", region=region, kinds=["employer", "neighbourhood_team"]
    )
    org.refresh_from_db()
    assert org.kinds == ["employer", "neighbourhood_team"]


@pytest.mark.django_db
def test_choice_set_lookups_match_whole_codes_only(region: Region) -> None:
    both = Organisation.objects.create(name="A", region=region, kinds=["employer", "school"])
    school = Organisation.objects.create(name="B", region=region, kinds=["school"])
    Organisation.objects.create(name="C", region=region, kinds=["union"])
    assert list(Organisation.objects.filter(kinds__has="employer")) == [both]
    assert set(Organisation.objects.filter(kinds__has_any=["school", "job_coach"])) == {
        both,
        school,
    }
    assert not Organisation.objects.filter(kinds__has="employ").exists()
    assert not Organisation.objects.filter(kinds__has_any=[]).exists()


@pytest.mark.django_db
def test_unknown_codes_fail_validation(region: Region) -> None:
    org = Organisation(name="X", region=region, kinds=["employer", "bank"])
    with pytest.raises(ValidationError, match="bank"):
        org.full_clean()
    assert OrganisationKind.EMPLOYER in org.kinds
