"""The partner portal over HTTP: access, the offering editor, actions and locations."""

import datetime as dt
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

import pytest

from werkroute.accounts.tests.helpers import verified_client
from werkroute.catalogue.constants import OfferingKind, OfferingStatus
from werkroute.catalogue.models import Location, Offering
from werkroute.catalogue.partner_forms import OfferingForm
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

pytestmark = pytest.mark.django_db

SCRIPT_TITLE = '<script>alert("x")</script> Sollicitatietraining'


def today() -> dt.date:
    return timezone.localdate()


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    """Logged in and past the second factor, as staff are after a real login."""
    return verified_client(user)


def page(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


def shows(response, message: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the page shows this text (as the template's escaping renders it)."""
    return escape(message) in page(response)


def offering_post(location: Location | None, /, **overrides: object) -> dict[str, object]:
    """What a partner's browser sends for a plain, valid course at one of their locations."""
    data: dict[str, object] = {
        "kind": OfferingKind.COURSE,
        "title": "Cursus solliciteren",
        "description": "Leer in vier lessen hoe u een goede brief schrijft.",
        "target_groups": ["everyone"],
        "languages": ["nl"],
        "cost": "free",
        "join_methods": ["sign_up"],
        "attendance_mode": "in_person",
        "location": str(location.pk) if location else "",
        "recurrence": "",
        "positions": "1",
        "publish_from": today().isoformat(),
    }
    data.update(overrides)
    return data


def urls_of_offering(offering: Offering) -> dict[str, str]:
    return {
        name: reverse(f"partner:{name}", args=[offering.public_id])
        for name in (
            "offering_edit",
            "offering_publish",
            "offering_archive",
            "offering_mark_checked",
        )
    }


# --- who gets in -------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page() -> None:
    offering = OfferingFactory()
    org_id = offering.organisation.public_id
    urls = [
        reverse("partner:home"),
        reverse("partner:offering_start"),
        reverse("partner:offering_create", args=[org_id]),
        reverse("partner:location_create", args=[org_id]),
        *urls_of_offering(offering).values(),
    ]
    client = Client()
    for url in urls:
        response = client.post(url) if "bewerken" not in url else client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login") + "?next="), url


def test_user_without_an_organisation_gets_a_friendly_explanation() -> None:
    client = client_for(UserFactory())

    for url in (reverse("partner:home"), reverse("partner:offering_start")):
        response = client.get(url)
        assert response.status_code == 200
        assert shows(response, "U heeft nog geen toegang tot het portaal voor organisaties")
        assert shows(response, "Zo krijgt u toegang")


def test_partner_of_a_gets_404_on_everything_of_b() -> None:
    mine = OfferingFactory()
    theirs = OfferingFactory(title="Van B", stale=True)
    client = client_for(make_partner(mine.organisation))
    before = (theirs.status, theirs.last_checked_on, theirs.title)

    urls = urls_of_offering(theirs)
    assert client.get(urls["offering_edit"]).status_code == 404
    assert client.post(urls["offering_edit"], offering_post(None)).status_code == 404
    for name in ("offering_publish", "offering_archive", "offering_mark_checked"):
        assert client.post(urls[name]).status_code == 404, name
    for name in ("offering_create", "location_create"):
        url = reverse(f"partner:{name}", args=[theirs.organisation.public_id])
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"name": "X", "postcode": "3511"}).status_code == 404, name

    theirs.refresh_from_db()
    assert (theirs.status, theirs.last_checked_on, theirs.title) == before
    assert Offering.objects.count() == 2
    assert not Location.objects.filter(name="X").exists()


def test_unknown_and_malformed_ids_are_404() -> None:
    client = client_for(make_partner())
    for bad in ("00000000-0000-0000-0000-000000000000", "niet-een-uuid"):
        assert client.get(reverse("partner:offering_edit", args=[bad])).status_code == 404
        assert client.get(reverse("partner:offering_create", args=[bad])).status_code == 404


def test_actions_only_accept_post() -> None:
    offering = OfferingFactory()
    client = client_for(make_partner(offering.organisation))
    response = client.get(reverse("partner:offering_publish", args=[offering.public_id]))
    assert response.status_code == 405
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.DRAFT


# --- the overview ------------------------------------------------------------


def test_home_lists_each_organisation_with_its_offerings() -> None:
    fresh = OfferingFactory(published=True, title="Taalcafé")
    stale = OfferingFactory(
        organisation=fresh.organisation, published=True, stale=True, title="Oude cursus"
    )
    second = OfferingFactory(title="Banenmarkt")
    stranger = OfferingFactory(title="Niet van mij")
    client = client_for(make_partner(fresh.organisation, second.organisation))

    response = client.get(reverse("partner:home"))

    assert response.status_code == 200
    html = page(response)
    for offering in (fresh, stale, second):
        assert escape(offering.title) in html
        assert reverse("partner:offering_edit", args=[offering.public_id]) in html
    assert stranger.title not in html
    assert fresh.organisation.name in html and second.organisation.name in html
    assert html.count("Let op: controleren") == 1
    assert reverse("partner:offering_mark_checked", args=[stale.public_id]) in html
    assert reverse("partner:offering_publish", args=[second.public_id]) in html
    assert reverse("partner:offering_create", args=[second.organisation.public_id]) in html
    assert html.count('name="csrfmiddlewaretoken"') >= 5


def test_several_organisations_choose_one_before_creating() -> None:
    first, second = OrganisationFactory(), OrganisationFactory()
    client = client_for(make_partner(first, second))

    response = client.get(reverse("partner:offering_start"))

    assert response.status_code == 200
    for organisation in (first, second):
        assert reverse("partner:offering_create", args=[organisation.public_id]) in page(response)


def test_one_organisation_goes_straight_to_the_form() -> None:
    organisation = OrganisationFactory()
    client = client_for(make_partner(organisation))

    response = client.get(reverse("partner:offering_start"))

    assert response.status_code == 302
    assert response["Location"] == reverse("partner:offering_create", args=[organisation.public_id])


# --- the editor --------------------------------------------------------------


def test_every_form_field_is_in_exactly_one_fieldset() -> None:
    form = OfferingForm(organisation=OrganisationFactory())
    names = [f.name for _legend, fields in form.fieldset_list() for f in fields]
    assert sorted(names) == sorted(form.fields)
    assert len(names) == len(set(names))
    assert [str(legend) for legend, _fields in form.fieldset_list()] == [
        "Wat en voor wie",
        "Waar en wanneer",
        "Aanmelden en contact",
        "Werk (alleen bij vacatures en werkplekken)",
        "Publicatie",
    ]


def test_create_form_offers_only_own_locations_and_the_regions_municipalities() -> None:
    location = LocationFactory()
    organisation = location.organisation
    elsewhere = LocationFactory(name="Locatie van een ander")
    outside = MunicipalityFactory(name="Buiten de regio")
    client = client_for(make_partner(organisation))

    response = client.get(reverse("partner:offering_create", args=[organisation.public_id]))

    assert response.status_code == 200
    html = page(response)
    assert location.name in html
    assert elsewhere.name not in html
    assert location.municipality.name in html
    assert outside.name not in html
    for legend in ("Wat en voor wie", "Waar en wanneer", "Publicatie"):
        assert legend in html


def test_create_valid_offering_saves_a_draft() -> None:
    location = LocationFactory()
    organisation = location.organisation
    second_place = LocationFactory(organisation=organisation)
    client = client_for(make_partner(organisation))

    response = client.post(
        reverse("partner:offering_create", args=[organisation.public_id]),
        offering_post(
            location,
            other_locations=[str(second_place.pk)],
            open_to=[str(location.municipality.pk)],
            themes=["applying", "learning"],
        ),
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("partner:home")
    offering = Offering.objects.get()
    assert offering.status == OfferingStatus.DRAFT
    assert offering.organisation == organisation
    assert offering.last_checked_on == today()
    assert offering.themes == ["applying", "learning"]
    assert list(offering.other_locations.all()) == [second_place]
    assert list(offering.open_to.all()) == [location.municipality]
    assert shows(response, "'Cursus solliciteren' is opgeslagen als concept.")


def test_create_event_with_date_and_time() -> None:
    location = LocationFactory()
    client = client_for(make_partner(location.organisation))

    client.post(
        reverse("partner:offering_create", args=[location.organisation.public_id]),
        offering_post(
            location,
            kind=OfferingKind.JOB_FAIR,
            starts_at="2031-03-04T10:00",
            ends_at="2031-03-04T15:30",
            salary_min="14,40",
        ),
    )

    offering = Offering.objects.get()
    starts = timezone.localtime(offering.starts_at)
    assert (starts.date(), starts.hour, starts.minute) == (dt.date(2031, 3, 4), 10, 0)
    assert offering.date_from == dt.date(2031, 3, 4)
    assert str(offering.salary_min) == "14.40"
    editor = page(client.get(reverse("partner:offering_edit", args=[offering.public_id])))
    assert 'value="2031-03-04T10:00"' in editor  # shown again in local time
    assert 'value="14,40"' in editor


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {
                "kind": OfferingKind.JOB_FAIR,
                "starts_at": "2031-03-04T10:00",
                "ends_at": "2031-03-04T09:00",
            },
            "ends_at",
            "Het einde ligt voor het begin. Kies een latere eindtijd.",
        ),
        (
            {"publish_from": "2031-03-04", "publish_until": "2031-03-01"},
            "publish_until",
            "'Zichtbaar tot' ligt voor 'zichtbaar vanaf'.",
        ),
        (
            {"kind": OfferingKind.JOB_FAIR},
            "starts_at",
            "Vul in wanneer de activiteit begint.",
        ),
        ({"location": ""}, "location", "Kies een locatie, of kies 'online'."),
        ({"title": ""}, "title", "Dit veld is verplicht."),
        ({"target_groups": []}, "target_groups", "Dit veld is verplicht."),
    ],
)
def test_invalid_offering_shows_dutch_messages_and_saves_nothing(
    overrides: dict[str, object], field: str, message: str
) -> None:
    location = LocationFactory()
    client = client_for(make_partner(location.organisation))

    response = client.post(
        reverse("partner:offering_create", args=[location.organisation.public_id]),
        offering_post(location, **overrides),
    )

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    html = page(response)
    assert "Controleer wat u heeft ingevuld" in html  # the summary at the top
    assert html.count(escape(message)) >= 2  # in the summary and next to the field
    assert f'id="id_{field}-error"' in html or f'id="id_{field}_0-error"' in html
    assert not Offering.objects.exists()


def test_another_organisations_location_cannot_be_chosen() -> None:
    location = LocationFactory()
    foreign = LocationFactory()
    client = client_for(make_partner(location.organisation))

    response = client.post(
        reverse("partner:offering_create", args=[location.organisation.public_id]),
        offering_post(foreign),
    )

    assert response.status_code == 200
    assert "location" in response.context["form"].errors
    assert not Offering.objects.exists()


def test_edit_saves_changes_and_counts_as_a_check() -> None:
    offering = OfferingFactory(published=True, stale=True)
    client = client_for(make_partner(offering.organisation))
    url = reverse("partner:offering_edit", args=[offering.public_id])

    form_page = client.get(url)
    assert form_page.status_code == 200
    assert escape(offering.title) in page(form_page)

    response = client.post(url, offering_post(offering.location, title="Nieuwe titel"))

    assert response.status_code == 302
    offering.refresh_from_db()
    assert offering.title == "Nieuwe titel"
    assert offering.last_checked_on == today()
    assert offering.status == OfferingStatus.PUBLISHED


def test_invalid_edit_changes_nothing() -> None:
    offering = OfferingFactory(stale=True, title="Oud")
    checked = offering.last_checked_on
    client = client_for(make_partner(offering.organisation))

    response = client.post(
        reverse("partner:offering_edit", args=[offering.public_id]),
        offering_post(None, title="Nieuw"),
    )

    assert response.status_code == 200
    offering.refresh_from_db()
    assert (offering.title, offering.last_checked_on) == ("Oud", checked)


# --- publish, archive, check -------------------------------------------------


def test_publish_puts_it_on_the_route_map_and_archive_takes_it_off() -> None:
    location = LocationFactory()
    client = client_for(make_partner(location.organisation))
    client.post(
        reverse("partner:offering_create", args=[location.organisation.public_id]),
        offering_post(location, title="Taalcafé"),
    )
    offering = Offering.objects.get()
    detail = reverse("catalogue:detail", args=[offering.public_id])
    assert Client().get(detail).status_code == 404  # a draft is not public

    response = client.post(
        reverse("partner:offering_publish", args=[offering.public_id]), follow=True
    )
    assert shows(response, "'Taalcafé' is gepubliceerd.")
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.PUBLISHED
    assert offering.last_checked_on == today()
    public_page = Client().get(detail)
    assert public_page.status_code == 200
    assert "Taalcafé" in page(public_page)

    client.post(reverse("partner:offering_archive", args=[offering.public_id]))
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.ARCHIVED
    assert Client().get(detail).status_code == 404


def test_publishing_an_incomplete_offering_explains_what_to_do() -> None:
    offering = OfferingFactory(location=None, title="Zonder plek")
    client = client_for(make_partner(offering.organisation))

    response = client.post(
        reverse("partner:offering_publish", args=[offering.public_id]), follow=True
    )

    assert shows(response, "'Zonder plek' is nog niet compleet of klopt niet.")
    offering.refresh_from_db()
    assert offering.status == OfferingStatus.DRAFT


def test_mark_checked_sets_today() -> None:
    offering = OfferingFactory(published=True, stale=True)
    client = client_for(make_partner(offering.organisation))

    response = client.post(reverse("partner:offering_mark_checked", args=[offering.public_id]))

    assert response.status_code == 302
    offering.refresh_from_db()
    assert offering.last_checked_on == today()


# --- text is shown as typed, never run ---------------------------------------


def test_html_in_a_title_is_stored_as_typed_and_shown_escaped() -> None:
    location = LocationFactory()
    client = client_for(make_partner(location.organisation))
    client.post(
        reverse("partner:offering_create", args=[location.organisation.public_id]),
        offering_post(location, title=SCRIPT_TITLE, description="<b>vet</b> & <i>schuin</i>"),
    )
    offering = Offering.objects.get()
    assert offering.title == SCRIPT_TITLE
    assert offering.description == "<b>vet</b> & <i>schuin</i>"

    portal = page(client.get(reverse("partner:home")))
    assert "<script>alert" not in portal
    assert escape(SCRIPT_TITLE) in portal
    editor = page(client.get(reverse("partner:offering_edit", args=[offering.public_id])))
    assert "<script>alert" not in editor

    client.post(reverse("partner:offering_publish", args=[offering.public_id]))
    detail = page(Client().get(reverse("catalogue:detail", args=[offering.public_id])))
    # The page itself (title element and body); the JSON-LD block has its own test below.
    title_element = re.search(r"<title>.*?</title>", detail, re.DOTALL)
    body = detail.split("<body", 1)[1]
    for visible in (title_element.group(0) if title_element else "", body):
        assert "<script>alert" not in visible
        assert "<b>vet</b>" not in visible
    assert escape(SCRIPT_TITLE) in body


def test_html_in_a_title_cannot_break_out_of_the_json_ld() -> None:
    offering = OfferingFactory(published=True, title="</script><script>alert(1)</script>")

    detail = page(Client().get(reverse("catalogue:detail", args=[offering.public_id])))

    assert "<script>alert(1)" not in detail
    assert "\\u003c/script\\u003e" in detail


# --- locations ---------------------------------------------------------------


def test_add_location_by_postcode() -> None:
    organisation = OrganisationFactory()
    municipality = MunicipalityFactory(region=organisation.region)
    neighbourhood = NeighbourhoodFactory(municipality=municipality, lat=52.1, lon=5.1)
    PostcodeAreaFactory(pc4="3511", lat=52.1, lon=5.1, place="Utrecht", municipality=municipality)
    client = client_for(make_partner(organisation))
    url = reverse("partner:location_create", args=[organisation.public_id])
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "name": "Wijkcentrum <De Pijler>",
            "street_address": "Plein 1",
            "postcode": "3511 ab",
            "city": "",
            "accessibility": "Rolstoeltoegankelijk",
        },
        follow=True,
    )

    location = Location.objects.get()
    assert location.organisation == organisation
    assert location.name == "Wijkcentrum <De Pijler>"
    assert (location.postcode, location.city) == ("3511AB", "Utrecht")
    assert location.municipality == municipality
    assert location.neighbourhood == neighbourhood
    assert escape("Wijkcentrum <De Pijler>") in page(response)
    assert "<De Pijler>" not in page(response)


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("12345", "Dit is geen geldige postcode."),
        ("9999 ZZ", "Postcode 9999ZZ kennen we niet."),
        ("", "Dit veld is verplicht."),
    ],
)
def test_location_with_a_bad_postcode_is_refused(postcode: str, message: str) -> None:
    organisation = OrganisationFactory()
    client = client_for(make_partner(organisation))

    response = client.post(
        reverse("partner:location_create", args=[organisation.public_id]),
        {"name": "Kantoor", "postcode": postcode, "city": "Utrecht"},
    )

    assert response.status_code == 200
    assert any(m.startswith(message) for m in response.context["form"].errors["postcode"])
    assert "Controleer wat u heeft ingevuld" in page(response)
    assert not Location.objects.exists()
