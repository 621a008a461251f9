"""The catalogue's write services: offerings, locations and reminders about stale offerings."""

import datetime as dt
from io import StringIO

from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

import pytest

from werkroute.catalogue import services
from werkroute.catalogue.constants import AttendanceMode, OfferingKind, OfferingStatus
from werkroute.catalogue.models import Location, Offering
from werkroute.catalogue.tests.factories import (
    LocationFactory,
    MunicipalityFactory,
    NeighbourhoodFactory,
    OfferingFactory,
    OrganisationFactory,
    PostcodeAreaFactory,
    UserFactory,
    make_partner,
)
from werkroute.core import geo

pytestmark = pytest.mark.django_db


def today() -> dt.date:
    return timezone.localdate()


def days_ago(days: int) -> dt.date:
    return today() - dt.timedelta(days=days)


def offering_data(location: Location | None, **overrides: object) -> dict[str, object]:
    """What OfferingForm.cleaned_data holds for a plain, valid course."""
    data: dict[str, object] = {
        "kind": OfferingKind.COURSE,
        "title": "Cursus solliciteren",
        "description": "Leer in vier lessen hoe u een goede brief schrijft.",
        "target_groups": ["everyone"],
        "languages": ["nl"],
        "join_methods": ["sign_up"],
        "attendance_mode": AttendanceMode.IN_PERSON,
        "location": location,
        "other_locations": [],
        "open_to": [],
        "publish_from": today(),
    }
    data.update(overrides)
    return data


# --- offerings --------------------------------------------------------------


def test_create_offering_starts_as_a_checked_draft() -> None:
    location = LocationFactory()
    partner = make_partner(location.organisation)
    other_place = LocationFactory(organisation=location.organisation)
    municipality = MunicipalityFactory(region=location.organisation.region)

    offering = services.create_offering(
        actor=partner,
        organisation=location.organisation,
        data=offering_data(location, other_locations=[other_place], open_to=[municipality]),
    )

    offering.refresh_from_db()
    assert offering.status == OfferingStatus.DRAFT
    assert offering.last_checked_on == today()
    assert offering.organisation == location.organisation
    assert list(offering.other_locations.all()) == [other_place]
    assert list(offering.open_to.all()) == [municipality]
    assert (offering.lat, offering.lon) == (location.lat, location.lon)


def test_create_offering_ignores_status_and_owner_in_the_data() -> None:
    location = LocationFactory()
    partner = make_partner(location.organisation)
    data = offering_data(
        location, status=OfferingStatus.PUBLISHED, organisation=OrganisationFactory()
    )

    offering = services.create_offering(
        actor=partner, organisation=location.organisation, data=data
    )

    assert offering.status == OfferingStatus.DRAFT
    assert offering.organisation == location.organisation


def test_create_offering_refuses_someone_outside_the_organisation() -> None:
    location = LocationFactory()
    outsider = make_partner()  # staff of another organisation

    with pytest.raises(PermissionDenied):
        services.create_offering(
            actor=outsider, organisation=location.organisation, data=offering_data(location)
        )
    assert not Offering.objects.exists()


def test_create_offering_refuses_another_organisations_location() -> None:
    organisation = OrganisationFactory()
    partner = make_partner(organisation)
    foreign = LocationFactory()

    with pytest.raises(ValidationError):
        services.create_offering(
            actor=partner, organisation=organisation, data=offering_data(foreign)
        )
    with pytest.raises(ValidationError):
        services.create_offering(
            actor=partner,
            organisation=organisation,
            data=offering_data(None, attendance_mode="remote", other_locations=[foreign]),
        )
    assert not Offering.objects.exists()


def test_create_offering_checks_the_models_rules() -> None:
    location = LocationFactory()
    partner = make_partner(location.organisation)

    with pytest.raises(ValidationError) as caught:
        services.create_offering(
            actor=partner, organisation=location.organisation, data=offering_data(None)
        )

    assert "location" in caught.value.message_dict
    assert not Offering.objects.exists()


def test_update_offering_saves_and_counts_as_a_check() -> None:
    offering = OfferingFactory(stale=True, published=True)
    partner = make_partner(offering.organisation)

    services.update_offering(
        actor=partner,
        offering=offering,
        data=offering_data(offering.location, title="Nieuwe titel"),
    )

    offering.refresh_from_db()
    assert offering.title == "Nieuwe titel"
    assert offering.last_checked_on == today()
    assert offering.status == OfferingStatus.PUBLISHED


def test_publish_sets_published_and_checked_today() -> None:
    offering = OfferingFactory(stale=True)
    partner = make_partner(offering.organisation)

    services.publish_offering(actor=partner, offering=offering)

    offering.refresh_from_db()
    assert offering.status == OfferingStatus.PUBLISHED
    assert offering.last_checked_on == today()
    assert Offering.objects.public().filter(pk=offering.pk).exists()


def test_publish_refuses_an_incomplete_draft() -> None:
    offering = OfferingFactory(location=None)  # in person, but nowhere
    partner = make_partner(offering.organisation)

    with pytest.raises(ValidationError):
        services.publish_offering(actor=partner, offering=offering)

    offering.refresh_from_db()
    assert offering.status == OfferingStatus.DRAFT


def test_archive_hides_the_offering() -> None:
    offering = OfferingFactory(published=True)
    partner = make_partner(offering.organisation)

    services.archive_offering(actor=partner, offering=offering)

    offering.refresh_from_db()
    assert offering.status == OfferingStatus.ARCHIVED
    assert not Offering.objects.public().filter(pk=offering.pk).exists()


def test_mark_checked_sets_today() -> None:
    offering = OfferingFactory(published=True, stale=True)
    partner = make_partner(offering.organisation)
    assert offering.is_stale

    services.mark_offering_checked(actor=partner, offering=offering)

    offering.refresh_from_db()
    assert offering.last_checked_on == today()
    assert not offering.is_stale


@pytest.mark.parametrize(
    "action",
    [services.publish_offering, services.archive_offering, services.mark_offering_checked],
)
def test_actions_refuse_someone_outside_the_organisation(action) -> None:  # type: ignore[no-untyped-def]
    offering = OfferingFactory(stale=True)
    before = (offering.status, offering.last_checked_on)

    with pytest.raises(PermissionDenied):
        action(actor=make_partner(), offering=offering)

    offering.refresh_from_db()
    assert (offering.status, offering.last_checked_on) == before


# --- locations --------------------------------------------------------------


def test_create_location_takes_place_municipality_and_nearest_neighbourhood() -> None:
    organisation = OrganisationFactory()
    partner = make_partner(organisation)
    municipality = MunicipalityFactory(region=organisation.region, lat=52.0, lon=5.0)
    NeighbourhoodFactory(municipality=municipality, name="Noord", lat=52.10, lon=5.0)
    south = NeighbourhoodFactory(municipality=municipality, name="Zuid", lat=51.95, lon=5.0)
    NeighbourhoodFactory(name="Elders", lat=51.96, lon=5.0)  # nearer, but another municipality
    PostcodeAreaFactory(
        pc4="3511", lat=51.96, lon=5.0, place="Voorbeeldstad", municipality=municipality
    )
    place = geo.locate_postcode("3511 ab")

    location = services.create_location(
        actor=partner,
        organisation=organisation,
        data={"name": "Buurthuis", "street_address": "Plein 1", "city": "", "accessibility": ""},
        place=place,
    )

    location.refresh_from_db()
    assert location.postcode == "3511AB"
    assert location.city == "Voorbeeldstad"
    assert location.municipality == municipality
    assert location.neighbourhood == south
    assert (location.lat, location.lon) == (51.96, 5.0)


def test_create_location_outside_known_municipalities_has_no_municipality() -> None:
    organisation = OrganisationFactory()
    partner = make_partner(organisation)
    PostcodeAreaFactory(pc4="9999", place="Ergens", municipality_code="GM9998")

    location = services.create_location(
        actor=partner,
        organisation=organisation,
        data={"name": "Kantoor", "city": "Ergens"},
        place=geo.locate_postcode("9999"),
    )

    assert location.municipality is None
    assert location.neighbourhood is None


def test_create_location_refuses_someone_outside_the_organisation() -> None:
    organisation = OrganisationFactory()
    PostcodeAreaFactory(pc4="3511")

    with pytest.raises(PermissionDenied):
        services.create_location(
            actor=UserFactory(),
            organisation=organisation,
            data={"name": "Kantoor", "city": "Utrecht"},
            place=geo.locate_postcode("3511"),
        )
    assert not Location.objects.exists()


# --- reminders about stale offerings ----------------------------------------


def test_dry_run_plans_one_reminder_per_organisation_and_sends_nothing() -> None:
    first = OfferingFactory(published=True, stale=True, title="Taalcafé")
    OfferingFactory(
        published=True, stale=True, organisation=first.organisation, title="Budgetcursus"
    )
    other = OfferingFactory(published=True, stale=True, title="Banenmarkt Zuid")
    make_partner(first.organisation, email="medewerker@voorbeeld.example")

    reminders = services.remind_stale_offerings()

    assert len(mail.outbox) == 0
    assert {r.organisation for r in reminders} == {first.organisation, other.organisation}
    by_org = {r.organisation: r for r in reminders}
    assert [o.title for o in by_org[first.organisation].offerings] == ["Budgetcursus", "Taalcafé"]
    assert by_org[first.organisation].recipients == sorted(
        ["medewerker@voorbeeld.example", first.organisation.email]
    )
    assert not any(r.sent for r in reminders)
    assert not Offering.objects.filter(last_reminded_on__isnull=False).exists()


def test_send_mails_each_organisation_once_and_records_it() -> None:
    first = OfferingFactory(published=True, stale=True, title="Taalcafé")
    OfferingFactory(
        published=True, stale=True, organisation=first.organisation, title="Budgetcursus"
    )
    other = OfferingFactory(published=True, stale=True, title="Banenmarkt Zuid")

    reminders = services.remind_stale_offerings(dry_run=False)

    assert len(mail.outbox) == 2
    assert all(r.sent for r in reminders)
    message = next(m for m in mail.outbox if m.to == [first.organisation.email])
    assert message.subject == "Controleer uw aanbod op de routekaart"
    assert "Taalcafé" in message.body
    assert "Budgetcursus" in message.body
    assert "Banenmarkt Zuid" not in message.body
    assert "/partner/" in message.body
    assert next(m for m in mail.outbox if m.to == [other.organisation.email])
    assert set(Offering.objects.values_list("last_reminded_on", flat=True)) == {today()}


def test_no_second_reminder_within_thirty_days() -> None:
    offering = OfferingFactory(published=True, stale=True)
    services.remind_stale_offerings(dry_run=False)
    assert len(mail.outbox) == 1

    assert services.remind_stale_offerings(dry_run=False) == []
    Offering.objects.filter(pk=offering.pk).update(last_reminded_on=days_ago(29))
    assert services.remind_stale_offerings(dry_run=False) == []
    assert len(mail.outbox) == 1

    Offering.objects.filter(pk=offering.pk).update(last_reminded_on=days_ago(30))
    services.remind_stale_offerings(dry_run=False)
    assert len(mail.outbox) == 2


def test_only_public_stale_offerings_are_mentioned() -> None:
    organisation = OrganisationFactory()
    OfferingFactory(organisation=organisation, published=True)  # fresh
    OfferingFactory(organisation=organisation, stale=True)  # draft: nobody sees it
    OfferingFactory(organisation=organisation, stale=True, status=OfferingStatus.ARCHIVED)
    stale_days = settings.CATALOGUE_STALE_AFTER_DAYS
    OfferingFactory(organisation=organisation, published=True, last_checked_on=days_ago(stale_days))

    assert services.remind_stale_offerings(dry_run=False) == []
    assert len(mail.outbox) == 0


def test_organisation_without_an_address_is_reported_but_not_marked() -> None:
    offering = OfferingFactory(published=True, stale=True, organisation__email="")

    [reminder] = services.remind_stale_offerings(dry_run=False)

    assert reminder.recipients == []
    assert not reminder.sent
    assert len(mail.outbox) == 0
    offering.refresh_from_db()
    assert offering.last_reminded_on is None


def test_command_is_a_dry_run_by_default() -> None:
    offering = OfferingFactory(published=True, stale=True, title="Taalcafé")
    out = StringIO()

    call_command("remind_stale_offerings", stdout=out)

    assert len(mail.outbox) == 0
    assert offering.organisation.name in out.getvalue()
    assert "Taalcafé" in out.getvalue()
    assert "Proefrun" in out.getvalue()
    offering.refresh_from_db()
    assert offering.last_reminded_on is None


def test_command_send_mails_one_per_organisation() -> None:
    first = OfferingFactory(published=True, stale=True)
    OfferingFactory(published=True, stale=True, organisation=first.organisation)
    OfferingFactory(published=True, stale=True)
    out = StringIO()

    call_command("remind_stale_offerings", "--send", stdout=out)

    assert len(mail.outbox) == 2
    assert "2 e-mail(s) verstuurd" in out.getvalue()
    call_command("remind_stale_offerings", "--send", stdout=StringIO())
    assert len(mail.outbox) == 2
