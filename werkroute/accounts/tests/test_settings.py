"""The functional administrator's settings of region and municipalities (/beheer/)."""

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

import pytest

from werkroute.accounts import services
from werkroute.accounts.forms import sniff_image_type
from werkroute.accounts.tests.helpers import verified_client
from werkroute.catalogue.tests.factories import (
    MunicipalityFactory,
    RegionFactory,
    UserFactory,
    make_functional_admin,
    make_partner,
)
from werkroute.core.models import LOGO_MAX_BYTES, Municipality, Region

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64
GIF = b"GIF89a" + b"\x00" * 64
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1f4e79"/></svg>'
TOO_LIGHT = "Deze kleur is te licht"


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    """Logged in and past the second factor, as staff are after a real login."""
    return verified_client(user)


def settings_post(owner: Region | Municipality, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": owner.name,
        "primary_colour": owner.primary_colour,
        "contact_email": owner.contact_email,
        "contact_phone": owner.contact_phone,
        "website": owner.website,
        "address": owner.address,
    }
    data.update(overrides)
    return data


def upload(content: bytes, name: str = "logo.png", content_type: str = "image/png"):  # type: ignore[no-untyped-def]
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def region() -> Region:
    return RegionFactory(name="Regio Voorbeeld", primary_colour="#1f4e79")


@pytest.fixture
def municipality(region: Region) -> Municipality:
    return MunicipalityFactory(region=region, name="Voorbeeldstad")


# --- who gets in -------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(
    region: Region, municipality: Municipality
) -> None:
    client = Client()
    for url in (
        reverse("settings:home"),
        reverse("settings:region", args=[region.code]),
        reverse("settings:municipality", args=[municipality.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login") + "?next="), url


def test_users_who_administer_nothing_get_404(region: Region, municipality: Municipality) -> None:
    for user in (UserFactory(), make_partner()):
        client = client_for(user)
        assert client.get(reverse("settings:home")).status_code == 404
        assert client.get(reverse("settings:region", args=[region.code])).status_code == 404
        url = reverse("settings:municipality", args=[municipality.slug])
        assert client.get(url).status_code == 404
        assert client.post(url, settings_post(municipality, name="Gekaapt")).status_code == 404
    municipality.refresh_from_db()
    assert municipality.name == "Voorbeeldstad"


def test_region_admin_sees_the_region_and_all_its_municipalities(
    region: Region, municipality: Municipality
) -> None:
    second = MunicipalityFactory(region=region, name="Tweede Gemeente")
    elsewhere = MunicipalityFactory(name="Gemeente Elders")
    client = client_for(make_functional_admin(region))

    response = client.get(reverse("settings:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("settings:region", args=[region.code]) in html
    for m in (municipality, second):
        assert reverse("settings:municipality", args=[m.slug]) in html
    assert elsewhere.name not in html
    assert client.get(reverse("settings:municipality", args=[second.slug])).status_code == 200
    assert client.get(reverse("settings:municipality", args=[elsewhere.slug])).status_code == 404
    assert client.get(reverse("settings:region", args=[elsewhere.region.code])).status_code == 404


def test_municipality_admin_edits_only_their_own_municipality(
    region: Region, municipality: Municipality
) -> None:
    neighbour = MunicipalityFactory(region=region, name="Buurgemeente")
    client = client_for(make_functional_admin(region, municipality))

    home = client.get(reverse("settings:home"))
    assert home.status_code == 200
    assert reverse("settings:municipality", args=[municipality.slug]) in home.content.decode()
    assert reverse("settings:region", args=[region.code]) not in home.content.decode()

    region_url = reverse("settings:region", args=[region.code])
    assert client.get(region_url).status_code == 404
    assert client.post(region_url, settings_post(region, name="Gekaapt")).status_code == 404
    neighbour_url = reverse("settings:municipality", args=[neighbour.slug])
    assert client.get(neighbour_url).status_code == 404
    assert client.post(neighbour_url, settings_post(neighbour, name="Gekaapt")).status_code == 404

    response = client.post(
        reverse("settings:municipality", args=[municipality.slug]),
        settings_post(municipality, primary_colour="#8B0000", contact_phone="030 123 45 67"),
    )
    assert response.status_code == 302
    municipality.refresh_from_db()
    assert municipality.primary_colour == "#8b0000"
    assert municipality.contact_phone == "030 123 45 67"
    region.refresh_from_db()
    neighbour.refresh_from_db()
    assert region.name == "Regio Voorbeeld"
    assert neighbour.name == "Buurgemeente"


def test_services_refuse_what_the_actor_does_not_administer(
    region: Region, municipality: Municipality
) -> None:
    neighbour = MunicipalityFactory(region=region)
    admin = make_functional_admin(region, municipality)

    with pytest.raises(PermissionDenied):
        services.update_region_settings(actor=admin, region=region, changes={"name": "X"})
    with pytest.raises(PermissionDenied):
        services.update_municipality_settings(
            actor=admin, municipality=neighbour, changes={"name": "X"}
        )


# --- the region's settings ---------------------------------------------------


def test_region_admin_changes_name_colour_and_contact(region: Region) -> None:
    client = client_for(make_functional_admin(region))
    url = reverse("settings:region", args=[region.code])
    form_page = client.get(url)
    assert form_page.status_code == 200
    assert 'enctype="multipart/form-data"' in form_page.content.decode()

    response = client.post(
        url,
        settings_post(
            region,
            name="Arbeidsmarktregio Midden",
            primary_colour="#0B3A5E",
            contact_email="werk@regio.example",
            contact_phone="+31 30 123 4567",
            website="regio.example",
            address="Stadsplein 1, 3511 AB Utrecht",
        ),
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("settings:home")
    assert "De instellingen van Arbeidsmarktregio Midden zijn opgeslagen." in (
        response.content.decode()
    )
    region.refresh_from_db()
    assert region.name == "Arbeidsmarktregio Midden"
    assert region.primary_colour == "#0b3a5e"
    assert region.contact_email == "werk@regio.example"
    assert region.website == "https://regio.example"
    assert region.address == "Stadsplein 1, 3511 AB Utrecht"


def test_a_too_light_colour_is_refused_and_nothing_changes(region: Region) -> None:
    client = client_for(make_functional_admin(region))

    response = client.post(
        reverse("settings:region", args=[region.code]),
        settings_post(region, name="Nieuwe naam", primary_colour="#ffff00"),
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["primary_colour"]
    assert error.startswith(TOO_LIGHT)
    assert "Kies een donkerdere kleur." in error
    html = response.content.decode()
    assert "Controleer wat u heeft ingevuld" in html
    assert html.count(escape(error)) == 2  # in the summary and next to the field
    assert 'aria-invalid="true"' in html
    region.refresh_from_db()
    assert (region.name, region.primary_colour) == ("Regio Voorbeeld", "#1f4e79")


@pytest.mark.parametrize("colour", ["blauw", "#12345", "#gggggg"])
def test_a_malformed_colour_is_refused(region: Region, colour: str) -> None:
    client = client_for(make_functional_admin(region))

    response = client.post(
        reverse("settings:region", args=[region.code]),
        settings_post(region, primary_colour=colour),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["primary_colour"] == [
        "Geef een kleur als #RRGGBB, bijvoorbeeld #1f4e79."
    ]


def test_the_colour_may_be_left_empty(region: Region) -> None:
    client = client_for(make_functional_admin(region))

    client.post(
        reverse("settings:region", args=[region.code]),
        settings_post(region, primary_colour=""),
    )

    region.refresh_from_db()
    assert region.primary_colour == ""


# --- logos -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "claimed", "stored"),
    [
        (PNG, "logo.png", "image/png", "image/png"),
        (JPEG, "logo.jpg", "image/jpeg", "image/jpeg"),
        (WEBP, "logo.webp", "image/webp", "image/webp"),
        (SVG, "logo.svg", "image/svg+xml", "image/svg+xml"),
        (PNG, "logo.bin", "application/octet-stream", "image/png"),  # the bytes decide
    ],
)
def test_a_good_logo_is_stored_and_served(
    region: Region, content: bytes, name: str, claimed: str, stored: str
) -> None:
    client = client_for(make_functional_admin(region))

    response = client.post(
        reverse("settings:region", args=[region.code]),
        {**settings_post(region), "logo": upload(content, name, claimed)},
    )

    assert response.status_code == 302
    region.refresh_from_db()
    assert bytes(region.logo) == content
    assert region.logo_content_type == stored
    served = Client().get(reverse("core:logo", args=["regio", region.code]))
    assert served.status_code == 200
    assert served["Content-Type"] == stored


def test_a_logo_over_the_limit_is_refused(region: Region) -> None:
    client = client_for(make_functional_admin(region))
    big = PNG + b"\x00" * (LOGO_MAX_BYTES + 1 - len(PNG))

    response = client.post(
        reverse("settings:region", args=[region.code]),
        {**settings_post(region, name="Nieuwe naam"), "logo": upload(big)},
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["logo"]
    assert error.startswith("Het logo is te groot")
    region.refresh_from_db()
    assert not region.has_logo
    assert region.name == "Regio Voorbeeld"


def test_a_logo_at_the_limit_is_accepted(region: Region) -> None:
    client = client_for(make_functional_admin(region))
    exact = PNG + b"\x00" * (LOGO_MAX_BYTES - len(PNG))

    client.post(
        reverse("settings:region", args=[region.code]),
        {**settings_post(region), "logo": upload(exact)},
    )

    region.refresh_from_db()
    assert len(bytes(region.logo)) == LOGO_MAX_BYTES


@pytest.mark.parametrize(
    ("content", "name", "claimed"),
    [
        (GIF, "logo.gif", "image/gif"),
        (b"%PDF-1.7 not an image", "logo.png", "image/png"),  # the name and type lie
        (b"Gewoon wat tekst", "logo.svg", "image/svg+xml"),
        (b"", "leeg.png", "image/png"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused(
    region: Region, content: bytes, name: str, claimed: str
) -> None:
    client = client_for(make_functional_admin(region))

    response = client.post(
        reverse("settings:region", args=[region.code]),
        {**settings_post(region), "logo": upload(content, name, claimed)},
    )

    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    region.refresh_from_db()
    assert not region.has_logo


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT type="text/javascript">x()</SCRIPT></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" onClick = "x()"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
    ],
)
def test_an_svg_with_code_in_it_is_refused(region: Region, svg: bytes) -> None:
    client = client_for(make_functional_admin(region))

    response = client.post(
        reverse("settings:region", args=[region.code]),
        {**settings_post(region), "logo": upload(svg, "logo.svg", "image/svg+xml")},
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["logo"]
    assert error.startswith("Dit SVG-bestand bevat code")
    region.refresh_from_db()
    assert not region.has_logo


def test_the_logo_can_be_removed(municipality: Municipality) -> None:
    municipality.logo, municipality.logo_content_type = PNG, "image/png"
    municipality.save()
    client = client_for(make_functional_admin(municipality.region))
    url = reverse("settings:municipality", args=[municipality.slug])
    assert "Huidig logo van Voorbeeldstad" in client.get(url).content.decode()

    client.post(url, {**settings_post(municipality), "remove_logo": "on"})

    municipality.refresh_from_db()
    assert not municipality.has_logo
    assert municipality.logo_content_type == ""


def test_a_new_logo_and_remove_logo_together_is_refused(municipality: Municipality) -> None:
    client = client_for(make_functional_admin(municipality.region))

    response = client.post(
        reverse("settings:municipality", args=[municipality.slug]),
        {**settings_post(municipality), "remove_logo": "on", "logo": upload(PNG)},
    )

    assert response.status_code == 200
    assert "remove_logo" in response.context["form"].errors
    municipality.refresh_from_db()
    assert not municipality.has_logo


def test_saving_without_a_new_logo_keeps_the_old_one(region: Region) -> None:
    region.logo, region.logo_content_type = PNG, "image/png"
    region.save()
    client = client_for(make_functional_admin(region))

    client.post(reverse("settings:region", args=[region.code]), settings_post(region, name="Nieuw"))

    region.refresh_from_db()
    assert region.name == "Nieuw"
    assert bytes(region.logo) == PNG


def test_sniff_image_type_reads_the_first_bytes() -> None:
    assert sniff_image_type(PNG) == "image/png"
    assert sniff_image_type(JPEG) == "image/jpeg"
    assert sniff_image_type(WEBP) == "image/webp"
    assert sniff_image_type(b"\xef\xbb\xbf" + SVG) == "image/svg+xml"
    assert sniff_image_type(GIF) is None
    assert sniff_image_type(b"\xff\xfe\x00") is None
