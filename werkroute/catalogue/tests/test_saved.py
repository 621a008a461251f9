"""Saved searches and saved offerings: a resident keeps them in their account and gets e-mail."""

import datetime as dt
import io
import logging
import smtplib
from uuid import uuid4

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.catalogue import services
from werkroute.catalogue.constants import OfferingStatus
from werkroute.catalogue.models import (
    AlertFrequency,
    Location,
    Offering,
    SavedOffering,
    SavedSearch,
)
from werkroute.catalogue.tests.factories import (
    LocationFactory,
    MunicipalityFactory,
    OfferingFactory,
    PostcodeAreaFactory,
    UserFactory,
    make_partner,
)
from werkroute.core.models import Municipality

pytestmark = pytest.mark.django_db

POSTCODE = "3511 AB"
QUERY = "q=solliciteren&postcode=3511+AB&radius=20"
NORMALISED = "q=solliciteren&postcode=3511AB&radius=20"
SAVED_LIST = "/bewaard/"
SAVE_SEARCH = "/bewaard/zoekopdracht/"
# What must never show up in a subject, a log line or the command's output.
PRIVATE = ("inwoner@voorbeeld.example", "3511AB", "3511 AB", "3511+AB", "postcode=", "solliciteren")


@pytest.fixture(autouse=True)
def _links_to_testserver(settings) -> None:  # type: ignore[no-untyped-def]
    settings.WERKROUTE_BASE_URL = "http://testserver/"


@pytest.fixture
def municipality() -> Municipality:
    municipality = MunicipalityFactory(slug="utrecht", name="Utrecht")
    PostcodeAreaFactory(pc4="3511", municipality=municipality)
    return municipality


@pytest.fixture
def location(municipality: Municipality) -> Location:
    return LocationFactory(municipality=municipality)


def new_offering(location: Location, title: str, **fields) -> Offering:  # type: ignore[no-untyped-def]
    """A published course near the test postcode; its description has the word 'solliciteren'."""
    return OfferingFactory(
        published=True, title=title, organisation=location.organisation, location=location, **fields
    )


def backdate(offering: Offering, days: int) -> Offering:
    """Make the offering look as if it was created and made visible `days` ago."""
    then = timezone.now() - dt.timedelta(days=days)
    Offering.objects.filter(pk=offering.pk).update(created_at=then, publish_from=then.date())
    offering.refresh_from_db()
    return offering


@pytest.fixture
def resident() -> User:
    return UserFactory(email="inwoner@voorbeeld.example")


@pytest.fixture
def resident_client(resident: User) -> Client:
    client = Client()
    client.force_login(resident)
    return client


def saved_search(user: User, query: str = QUERY, **fields) -> SavedSearch:  # type: ignore[no-untyped-def]
    saved = services.save_search(
        actor=user,
        query_string=query,
        name=fields.pop("name", ""),
        frequency=fields.pop("frequency", AlertFrequency.DAILY),
    )
    if fields:
        SavedSearch.objects.filter(pk=saved.pk).update(**fields)
        saved.refresh_from_db()
    return saved


# --- Saving, listing and deleting searches ---------------------------------------------------


def test_resident_saves_lists_and_deletes_a_search(
    resident: User, resident_client: Client, location: Location
) -> None:
    response = resident_client.post(
        SAVE_SEARCH,
        {"query_string": QUERY, "name": "Werk in de buurt", "frequency": "weekly"},
        follow=True,
    )
    assert "Uw zoekopdracht is bewaard" in response.content.decode()
    saved = SavedSearch.objects.get(user=resident)
    assert (saved.name, saved.frequency, saved.query_string) == (
        "Werk in de buurt",
        AlertFrequency.WEEKLY,
        NORMALISED,
    )
    assert saved.last_notified_at is None

    page = resident_client.get(SAVED_LIST).content.decode()
    assert "Werk in de buurt" in page
    assert 'href="/?{}"'.format(NORMALISED.replace("&", "&amp;")) in page
    assert "elke week een e-mail" in page

    delete_url = reverse("saved:delete_search", args=[saved.public_id])
    assert delete_url == f"/bewaard/zoekopdracht/{saved.public_id}/verwijderen/"
    assert resident_client.get(delete_url).status_code == 405
    response = resident_client.post(delete_url)
    assert response.status_code == 302
    assert not SavedSearch.objects.exists()


def test_the_same_search_typed_differently_is_kept_once(
    resident: User, resident_client: Client, location: Location
) -> None:
    for query, frequency in [
        ("radius=20&postcode=3511ab&q=++solliciteren", "daily"),
        ("q=solliciteren&postcode=3511%20AB&radius=20&page=3&sort=relevance", "never"),
    ]:
        resident_client.post(
            SAVE_SEARCH, {"query_string": query, "name": "", "frequency": frequency}
        )
    saved = SavedSearch.objects.get(user=resident)
    assert saved.query_string == NORMALISED
    assert saved.frequency == AlertFrequency.NEVER
    assert saved.name == "solliciteren"  # without a name, the words searched for
    resident_client.post(
        SAVE_SEARCH, {"query_string": QUERY, "name": " Mijn  buurt ", "frequency": "never"}
    )
    resident_client.post(SAVE_SEARCH, {"query_string": QUERY, "frequency": "weekly"})
    saved.refresh_from_db()
    assert (saved.name, saved.frequency) == ("Mijn buurt", AlertFrequency.WEEKLY)


def test_multiple_choices_are_normalised(resident: User, location: Location) -> None:
    saved = saved_search(
        resident, "theme=learning&kind=vacancy&kind=course&free=1&kind=course&theme=applying"
    )
    assert saved.query_string == "kind=course&kind=vacancy&theme=applying&theme=learning&free=on"
    assert services.search_form_for(saved.query_string).is_valid()


def test_an_invalid_search_is_refused_with_the_forms_message(
    resident: User, resident_client: Client, location: Location
) -> None:
    response = resident_client.post(
        SAVE_SEARCH, {"query_string": "radius=10", "frequency": "daily"}, follow=True
    )
    page = response.content.decode()
    assert "Deze zoekopdracht is niet bewaard." in page
    assert "Vul uw postcode in om op afstand te zoeken." in page
    assert not SavedSearch.objects.exists()


def test_a_bad_frequency_is_refused(resident: User, resident_client: Client) -> None:
    response = resident_client.post(
        SAVE_SEARCH, {"query_string": "q=zorg", "frequency": "hourly"}, follow=True
    )
    assert "Kies hoe vaak u een e-mail wilt krijgen." in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_at_most_twenty_searches(resident: User, resident_client: Client) -> None:
    for n in range(services.MAX_SAVED_SEARCHES):
        saved_search(resident, f"q=woord{n}")
    response = resident_client.post(
        SAVE_SEARCH, {"query_string": "q=nog+een", "frequency": "daily"}, follow=True
    )
    assert "U kunt maximaal 20 zoekopdrachten bewaren." in response.content.decode()
    assert SavedSearch.objects.filter(user=resident).count() == services.MAX_SAVED_SEARCHES
    # Changing a search already kept is still allowed at the limit.
    resident_client.post(SAVE_SEARCH, {"query_string": "q=woord3", "frequency": "never"})
    assert SavedSearch.objects.get(user=resident, query_string="q=woord3").frequency == "never"


def test_another_users_search_answers_404(resident_client: Client) -> None:
    theirs = saved_search(UserFactory(), "q=zorg")
    delete_theirs = reverse("saved:delete_search", args=[theirs.public_id])
    open_theirs = reverse("saved:open_search", args=[theirs.public_id])
    assert resident_client.post(delete_theirs).status_code == 404
    assert resident_client.get(open_theirs).status_code == 404
    assert resident_client.post(reverse("saved:delete_search", args=[uuid4()])).status_code == 404
    assert SavedSearch.objects.filter(pk=theirs.pk).exists()
    assert "zorg" not in resident_client.get(SAVED_LIST).content.decode()


def test_open_search_runs_the_saved_query(resident: User, resident_client: Client) -> None:
    saved = saved_search(resident, "q=zorg&free=on")
    response = resident_client.get(reverse("saved:open_search", args=[saved.public_id]))
    assert response.status_code == 302
    assert response["Location"] == "/?q=zorg&free=on"


def test_anonymous_visitors_are_sent_to_the_login(location: Location) -> None:
    offering = new_offering(location, "Cursus")
    client = Client()
    login = reverse("accounts:login")
    for method, url in [
        ("get", SAVED_LIST),
        ("post", SAVE_SEARCH),
        ("get", reverse("saved:open_search", args=[uuid4()])),
        ("post", reverse("saved:delete_search", args=[uuid4()])),
        ("post", reverse("saved:save_offering", args=[offering.public_id])),
        ("post", reverse("saved:unsave_offering", args=[offering.public_id])),
    ]:
        response = getattr(client, method)(url, {"query_string": "q=zorg", "frequency": "daily"})
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{login}?next="), url
    assert not SavedSearch.objects.exists()
    assert not SavedOffering.objects.exists()


def test_staff_must_finish_their_second_factor_first(location: Location) -> None:
    offering = new_offering(location, "Cursus")
    partner = make_partner()
    client = Client()
    client.force_login(partner)
    verify = reverse("accounts:otp_verify")
    assert client.get(SAVED_LIST)["Location"].startswith(verify)
    response = client.post(SAVE_SEARCH, {"query_string": "q=zorg", "frequency": "daily"})
    assert response["Location"].startswith(verify)
    response = client.post(reverse("saved:save_offering", args=[offering.public_id]))
    assert response["Location"].startswith(verify)
    assert not SavedSearch.objects.exists()
    assert not SavedOffering.objects.exists()

    login_verified(client, partner)
    assert client.get(SAVED_LIST).status_code == 200
    client.post(SAVE_SEARCH, {"query_string": "q=zorg", "frequency": "daily"})
    assert SavedSearch.objects.filter(user=partner).count() == 1


# --- The route map's pages ---------------------------------------------------------------------


def test_search_page_offers_to_save_the_search(resident_client: Client, location: Location) -> None:
    page = resident_client.get("/?q=solliciteren&page=1").content.decode()
    assert "Bewaar deze zoekopdracht" in page
    assert 'action="/bewaard/zoekopdracht/"' in page
    assert 'name="query_string" value="q=solliciteren"' in page
    assert 'name="frequency"' in page
    assert 'href="/bewaard/"' in page  # the "Bewaard" link in the menu


def test_search_page_asks_anonymous_visitors_to_log_in(location: Location) -> None:
    page = Client().get("/?q=solliciteren").content.decode()
    assert (
        "Log in om deze zoekopdracht te bewaren en een e-mail te krijgen bij nieuw aanbod." in page
    )
    assert 'action="/bewaard/zoekopdracht/"' not in page
    assert 'href="/bewaard/"' not in page


def test_invalid_search_page_offers_no_save(resident_client: Client, location: Location) -> None:
    page = resident_client.get("/?radius=10").content.decode()
    assert 'action="/bewaard/zoekopdracht/"' not in page


# --- Saved offerings ---------------------------------------------------------------------------


def test_resident_saves_and_removes_an_offering(
    resident: User, resident_client: Client, location: Location
) -> None:
    offering = new_offering(location, "Sollicitatietraining in de bibliotheek")
    detail = reverse("catalogue:detail", args=[offering.public_id])
    page = resident_client.get(detail).content.decode()
    assert "Bewaar in mijn account" in page
    assert "Bewaar in mijn route" in page  # the browser-only button stays

    save_url = reverse("saved:save_offering", args=[offering.public_id])
    assert save_url == f"/bewaard/aanbod/{offering.public_id}/"
    response = resident_client.post(save_url, {"next": detail})
    assert response["Location"] == detail
    resident_client.post(save_url)  # twice is kept once
    assert SavedOffering.objects.filter(user=resident, offering=offering).count() == 1
    assert "Uit mijn account halen" in resident_client.get(detail).content.decode()

    page = resident_client.get(SAVED_LIST).content.decode()
    assert f'href="{detail}"' in page
    assert "Sollicitatietraining in de bibliotheek" in page
    assert "niet meer beschikbaar" not in page

    unsave_url = reverse("saved:unsave_offering", args=[offering.public_id])
    assert unsave_url == f"/bewaard/aanbod/{offering.public_id}/verwijderen/"
    assert resident_client.post(unsave_url)["Location"] == SAVED_LIST
    assert not SavedOffering.objects.exists()
    assert resident_client.post(unsave_url).status_code == 404


def test_anonymous_detail_page_has_only_the_browser_button(location: Location) -> None:
    offering = new_offering(location, "Cursus")
    page = Client().get(reverse("catalogue:detail", args=[offering.public_id])).content.decode()
    assert "Bewaar in mijn route" in page
    assert "Bewaar in mijn account" not in page


def test_offering_no_longer_public_is_shown_as_unavailable(
    resident: User, resident_client: Client, location: Location
) -> None:
    offering = new_offering(location, "Banenmarkt Zorg")
    services.save_offering(actor=resident, offering=offering)
    Offering.objects.filter(pk=offering.pk).update(status=OfferingStatus.ARCHIVED)
    page = resident_client.get(SAVED_LIST).content.decode()
    assert "Banenmarkt Zorg" in page
    assert "niet meer beschikbaar" in page
    assert f'href="{reverse("catalogue:detail", args=[offering.public_id])}"' not in page
    # It can still be removed, but not saved again.
    save_url = reverse("saved:save_offering", args=[offering.public_id])
    assert resident_client.post(save_url).status_code == 404
    resident_client.post(reverse("saved:unsave_offering", args=[offering.public_id]))
    assert not SavedOffering.objects.exists()


def test_a_draft_cannot_be_saved(resident: User, location: Location) -> None:
    draft = OfferingFactory(location=location, organisation=location.organisation)
    with pytest.raises(ValidationError):
        services.save_offering(actor=resident, offering=draft)


# --- E-mail about new offerings ----------------------------------------------------------------


def test_new_matches_are_only_what_became_visible_since(resident: User, location: Location) -> None:
    since = timezone.now() - dt.timedelta(days=5)
    saved = saved_search(resident)
    backdate(new_offering(location, "Oud aanbod"), days=10)
    new_offering(location, "Nieuw aanbod")
    scheduled = backdate(new_offering(location, "Vanaf eergisteren zichtbaar"), days=10)
    Offering.objects.filter(pk=scheduled.pk).update(
        publish_from=timezone.localdate() - dt.timedelta(days=2)
    )
    far_away = LocationFactory(lat=53.2, lon=6.56, municipality=MunicipalityFactory())
    new_offering(far_away, "Te ver weg")
    new_offering(location, "Andere cursus", description="Leer koken.")

    titles = {o.title for o in services.new_matches(saved, since)}
    assert titles == {"Nieuw aanbod", "Vanaf eergisteren zichtbaar"}


def test_dry_run_sends_nothing(resident: User, location: Location) -> None:
    saved = saved_search(resident, last_notified_at=timezone.now() - dt.timedelta(days=2))
    new_offering(location, "Nieuw aanbod")
    alerts = services.send_saved_search_alerts(now=timezone.now())
    assert [(a.saved_search, a.total, a.sent) for a in alerts] == [(saved, 1, False)]
    assert mail.outbox == []
    saved.refresh_from_db()
    assert saved.last_notified_at < timezone.now() - dt.timedelta(days=1)


def test_send_mails_once_per_search_with_new_offerings(resident: User, location: Location) -> None:
    now = timezone.now()
    two_days_ago = now - dt.timedelta(days=2)
    with_news = saved_search(resident, name="Solliciteren", last_notified_at=two_days_ago)
    saved_search(resident, "q=koken", last_notified_at=two_days_ago)  # nothing new
    other = UserFactory(email="buur@voorbeeld.example")
    saved_search(other, "q=solliciteren", frequency="weekly")
    backdate(new_offering(location, "Van voor de vorige e-mail"), days=3)
    fresh = new_offering(location, "Sollicitatietraining")

    alerts = services.send_saved_search_alerts(now=now, send=True)

    assert sorted((a.saved_search.user.email, a.sent) for a in alerts) == [
        ("buur@voorbeeld.example", True),
        ("inwoner@voorbeeld.example", True),
    ]
    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == ["inwoner@voorbeeld.example"])
    html = message.alternatives[0][0]
    detail_url = "http://testserver" + reverse("catalogue:detail", args=[fresh.public_id])
    for body in (message.body, html):
        assert "Sollicitatietraining" in body
        assert "Van voor de vorige e-mail" not in body
        assert detail_url in body
        assert reverse("saved:open_search", args=[with_news.public_id]) in body
        assert "/bewaard/" in body
        assert "Solliciteren" in body  # the name the user gave the search
        assert "3511AB" not in body and "postcode=" not in body  # the query is not in the mail
    assert not any(secret in message.subject for secret in PRIVATE)
    assert message.subject == "Nieuw aanbod voor uw bewaarde zoekopdracht"
    with_news.refresh_from_db()
    assert with_news.last_notified_at == now

    # Run again at once: everything is already told.
    assert services.send_saved_search_alerts(now=timezone.now(), send=True) == []
    assert len(mail.outbox) == 2


def _today_start(now: dt.datetime) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(now), dt.time.min))


@pytest.mark.parametrize(
    ("frequency", "last_notified", "due"),
    [
        ("daily", lambda now: max(now - dt.timedelta(minutes=1), _today_start(now)), False),
        ("daily", lambda now: _today_start(now) - dt.timedelta(seconds=1), True),
        ("daily", lambda now: now - dt.timedelta(days=1), True),
        ("daily", lambda now: None, True),
        ("weekly", lambda now: now - dt.timedelta(days=3), False),
        ("weekly", lambda now: _today_start(now) - dt.timedelta(days=6), False),
        ("weekly", lambda now: _today_start(now) - dt.timedelta(days=6, seconds=1), True),
        ("weekly", lambda now: now - dt.timedelta(days=7), True),
        ("weekly", lambda now: None, True),
        ("never", lambda now: now - dt.timedelta(days=30), False),
        ("never", lambda now: None, False),
    ],
)
def test_daily_and_weekly_searches_wait_their_turn(
    resident: User, location: Location, frequency: str, last_notified, due: bool
) -> None:  # type: ignore[no-untyped-def]
    now = timezone.now()
    last = last_notified(now)
    saved = saved_search(resident, frequency=frequency)
    SavedSearch.objects.filter(pk=saved.pk).update(
        last_notified_at=last, created_at=now - dt.timedelta(days=60)
    )
    new_offering(location, "Nieuw aanbod")
    alerts = services.send_saved_search_alerts(now=now, send=True)
    assert len(mail.outbox) == (1 if due else 0)
    assert [a.sent for a in alerts] == ([True] if due else [])
    saved.refresh_from_db()
    assert saved.last_notified_at == (now if due else last)


def test_a_new_search_only_mails_about_what_is_new_after_it(
    resident: User, location: Location
) -> None:
    new_offering(location, "Er al")
    saved_search(resident)
    assert services.send_saved_search_alerts(now=timezone.now(), send=True) == []
    assert mail.outbox == []


def test_turning_email_on_starts_from_now(resident: User, location: Location) -> None:
    saved = saved_search(resident, frequency="never")
    SavedSearch.objects.filter(pk=saved.pk).update(
        created_at=timezone.now() - dt.timedelta(days=90)
    )
    new_offering(location, "Al een tijd bekend")
    saved = saved_search(resident, frequency="daily")
    assert saved.last_notified_at is not None
    assert services.send_saved_search_alerts(now=timezone.now(), send=True) == []


def test_searches_that_no_longer_work_and_users_without_email_get_nothing(
    resident: User, location: Location, municipality: Municipality
) -> None:
    week_ago = timezone.now() - dt.timedelta(days=8)
    saved_search(resident, "q=solliciteren&municipality=utrecht", last_notified_at=week_ago)
    no_email = UserFactory(email="")
    saved_search(no_email, last_notified_at=week_ago)
    inactive = UserFactory(is_active=False)
    saved_search(inactive, last_notified_at=week_ago)
    new_offering(location, "Nieuw aanbod")
    # The municipality leaves the region: the saved search no longer passes the form.
    SavedSearch.objects.filter(user=resident).update(
        query_string="q=solliciteren&municipality=verdwenen"
    )
    assert services.send_saved_search_alerts(now=timezone.now(), send=True) == []
    assert mail.outbox == []


def test_many_new_offerings_are_cut_short(resident: User, location: Location) -> None:
    saved_search(resident, last_notified_at=timezone.now() - dt.timedelta(days=2))
    for n in range(services.MAX_OFFERINGS_PER_ALERT + 3):
        new_offering(location, f"Training {n}")
    [alert] = services.send_saved_search_alerts(now=timezone.now(), send=True)
    assert alert.total == services.MAX_OFFERINGS_PER_ALERT + 3
    assert len(alert.offerings) == services.MAX_OFFERINGS_PER_ALERT
    assert "En nog 3 andere resultaten." in mail.outbox[0].body


def test_a_failed_mail_is_tried_again_and_logs_no_personal_data(
    resident: User, location: Location, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:  # type: ignore[no-untyped-def]
    last = timezone.now() - dt.timedelta(days=2)
    saved = saved_search(resident, last_notified_at=last)
    new_offering(location, "Nieuw aanbod")

    def refuse(self, fail_silently: bool = False) -> int:  # type: ignore[no-untyped-def]
        raise smtplib.SMTPRecipientsRefused({})

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    with caplog.at_level(logging.DEBUG):
        [alert] = services.send_saved_search_alerts(now=timezone.now(), send=True)
    assert not alert.sent
    saved.refresh_from_db()
    assert saved.last_notified_at == last
    assert str(saved.public_id) in caplog.text
    assert not any(secret in caplog.text for secret in PRIVATE)


def test_command_dry_run_and_send(resident: User, location: Location) -> None:
    saved = saved_search(resident, last_notified_at=timezone.now() - dt.timedelta(days=2))
    new_offering(location, "Nieuw aanbod")

    out = io.StringIO()
    call_command("send_saved_search_alerts", stdout=out)
    printed = out.getvalue()
    assert "Proefrun" in printed
    assert str(saved.public_id) in printed
    assert "Nieuw aanbod" in printed
    assert not any(secret in printed for secret in PRIVATE)
    assert mail.outbox == []

    out = io.StringIO()
    call_command("send_saved_search_alerts", "--send", stdout=out)
    assert "1 e-mail(s) verstuurd." in out.getvalue()
    assert len(mail.outbox) == 1
