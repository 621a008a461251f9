"""When a municipality wants it, an employer's vacancy waits for the WSP's review."""

from django.urls import reverse

from werkroute.catalogue import services as catalogue_services
from werkroute.catalogue.constants import OfferingStatus
from werkroute.catalogue.tests.factories import OfferingFactory
from werkroute.employers import services
from werkroute.employers.models import EmployerSettings
from werkroute.employers.tests.conftest import World


def test_vacancy_waits_for_review_then_is_published(world: World) -> None:
    location = world.market.cook.location
    EmployerSettings.objects.create(municipality=location.municipality, review_vacancies=True)
    draft = OfferingFactory(
        kind="vacancy", organisation=world.employer, location=location, title="Kok"
    )
    client = world.client_for(world.employer_staff)
    response = client.post(reverse("partner:offering_publish", args=[draft.public_id]), follow=True)
    assert "wacht op beoordeling" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == OfferingStatus.PENDING_REVIEW
    adviser = world.client_for(world.users["employer_adviser"])
    assert "Kok" in adviser.get(reverse("employers:review_list")).content.decode()
    adviser.post(
        reverse("employers:review_decide", args=[draft.public_id]), {"decision": "approve"}
    )
    draft.refresh_from_db()
    assert draft.status == OfferingStatus.PUBLISHED


def test_without_the_setting_publishing_is_immediate(world: World) -> None:
    draft = OfferingFactory(
        kind="vacancy", organisation=world.employer, location=world.market.cook.location
    )
    catalogue_services.publish_offering(actor=world.employer_staff, offering=draft)
    assert draft.status == OfferingStatus.PUBLISHED


def test_only_administrators_change_the_setting(world: World) -> None:
    from django.core.exceptions import PermissionDenied

    import pytest

    with pytest.raises(PermissionDenied):
        services.update_employer_settings(
            actor=world.users["employer_adviser"],
            municipality=world.market.municipality,
            review_vacancies=True,
        )
    services.update_employer_settings(
        actor=world.users["functional_admin"],
        municipality=world.market.municipality,
        review_vacancies=True,
    )
    assert EmployerSettings.objects.get().review_vacancies
