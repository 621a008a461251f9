"""Writes to the catalogue: partners keep their offerings and locations; stale offerings remind.

Every function that changes data takes the acting user as keyword-only `actor` and runs in one
transaction. Views check access first (queries.access_*); these functions check it again, so no
caller can write to another organisation's records by mistake.
"""

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkroute.accounts.models import User
from werkroute.catalogue.constants import OfferingStatus
from werkroute.catalogue.forms import SearchForm
from werkroute.catalogue.models import (
    SAVED_SEARCH_QUERY_MAX_LENGTH,
    AlertFrequency,
    Location,
    Offering,
    OfferingQuerySet,
    Organisation,
    SavedOffering,
    SavedSearch,
)
from werkroute.catalogue.queries import organisations_of
from werkroute.catalogue.search import search_offerings
from werkroute.core import geo
from werkroute.core.models import Municipality, Neighbourhood

# Relations that are saved after the offering itself (they need its primary key).
OFFERING_MANY_TO_MANY = ("other_locations", "open_to")
# Fields a partner never sets through a form: who owns it and where it is in its life.
OFFERING_PROTECTED = frozenset(
    {"organisation", "status", "last_checked_on", "last_reminded_on", "public_id"}
)
REMIND_AGAIN_AFTER_DAYS = 30


def _require_member(actor: User, organisation: Organisation) -> None:
    if not organisations_of(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied


def _require_own_locations(organisation: Organisation, data: Mapping[str, Any]) -> None:
    """Only the organisation's own locations may be linked to its offerings."""
    chosen = [data.get("location"), *(data.get("other_locations") or [])]
    if any(loc is not None and loc.organisation_id != organisation.pk for loc in chosen):
        raise ValidationError({"location": _("Kies een locatie van uw eigen organisatie.")})


def _apply(offering: Offering, data: Mapping[str, Any]) -> None:
    for name, value in data.items():
        if name in OFFERING_PROTECTED or name in OFFERING_MANY_TO_MANY:
            continue
        setattr(offering, name, value)


def _save_relations(offering: Offering, data: Mapping[str, Any]) -> None:
    for name in OFFERING_MANY_TO_MANY:
        if name in data:
            getattr(offering, name).set(data[name] or [])


# Called with an offering's id after it was created, changed, published or archived (after the
# commit); higher apps register here (matching updates the vacancy's matches).
OfferingHook = Callable[[int], None]
OFFERING_HOOKS: list[OfferingHook] = []


def register_offering_hook(hook: OfferingHook) -> None:
    if hook not in OFFERING_HOOKS:
        OFFERING_HOOKS.append(hook)


def _offering_changed(offering: Offering) -> None:
    for hook in OFFERING_HOOKS:
        hook(offering.pk)


# Asked when an offering is about to be published: a gate answers the status to give it instead
# of "published" (the employers app: "pending_review" while the employer service point reviews a
# vacancy), or None to let it through. Higher apps register here; catalogue imports none of them.
PublishGate = Callable[[Offering], str | None]
PUBLISH_GATES: list[PublishGate] = []


def register_publish_gate(gate: PublishGate) -> None:
    if gate not in PUBLISH_GATES:
        PUBLISH_GATES.append(gate)


def _publish_status(offering: Offering) -> str:
    for gate in PUBLISH_GATES:
        status = gate(offering)
        if status:
            return status
    return OfferingStatus.PUBLISHED


@transaction.atomic
def create_offering(
    *, actor: User, organisation: Organisation, data: Mapping[str, Any]
) -> Offering:
    """A new offering starts as a draft: nobody sees it until someone publishes it."""
    _require_member(actor, organisation)
    _require_own_locations(organisation, data)
    offering = Offering(organisation=organisation, status=OfferingStatus.DRAFT)
    _apply(offering, data)
    offering.last_checked_on = timezone.localdate()
    offering.full_clean()
    offering.save()
    _save_relations(offering, data)
    _offering_changed(offering)
    return offering


@transaction.atomic
def update_offering(*, actor: User, offering: Offering, data: Mapping[str, Any]) -> Offering:
    """Save changes; whoever edits an offering has looked at it, so this counts as a check."""
    _require_member(actor, offering.organisation)
    _require_own_locations(offering.organisation, data)
    _apply(offering, data)
    offering.last_checked_on = timezone.localdate()
    offering.full_clean()
    offering.save()
    _save_relations(offering, data)
    _offering_changed(offering)
    return offering


@transaction.atomic
def publish_offering(*, actor: User, offering: Offering) -> Offering:
    _require_member(actor, offering.organisation)
    # A draft may predate today's rules (an import, the admin): publish only what is valid.
    offering.full_clean()
    offering.status = _publish_status(offering)
    offering.last_checked_on = timezone.localdate()
    offering.save(update_fields=["status", "last_checked_on", "updated_at"])
    _offering_changed(offering)
    return offering


@transaction.atomic
def archive_offering(*, actor: User, offering: Offering) -> Offering:
    _require_member(actor, offering.organisation)
    offering.status = OfferingStatus.ARCHIVED
    offering.save(update_fields=["status", "updated_at"])
    _offering_changed(offering)
    return offering


@transaction.atomic
def mark_offering_checked(*, actor: User, offering: Offering) -> Offering:
    _require_member(actor, offering.organisation)
    offering.last_checked_on = timezone.localdate()
    offering.save(update_fields=["last_checked_on", "updated_at"])
    return offering


def nearest_neighbourhood(municipality: Municipality, point: geo.Point) -> Neighbourhood | None:
    """The municipality's district (wijk) or neighbourhood whose centre is closest to the point."""
    candidates = list(Neighbourhood.objects.filter(municipality=municipality))
    if not candidates:
        return None
    return min(candidates, key=lambda n: geo.planar_km(point, n.lat, n.lon))


@transaction.atomic
def create_location(
    *, actor: User, organisation: Organisation, data: Mapping[str, Any], place: geo.Place
) -> Location:
    """A new location, placed on the map by its postcode (the centre of its 4-digit area)."""
    _require_member(actor, organisation)
    municipality = Municipality.objects.filter(code=place.municipality_code).first()
    location = Location(
        organisation=organisation,
        name=data["name"],
        street_address=data.get("street_address", ""),
        postcode=place.postcode,
        city=data.get("city") or place.place,
        accessibility=data.get("accessibility", ""),
        municipality=municipality,
        neighbourhood=nearest_neighbourhood(municipality, place.point) if municipality else None,
        lat=place.point.lat,
        lon=place.point.lon,
    )
    location.full_clean()
    location.save()
    return location


@dataclass(frozen=True)
class Reminder:
    """One e-mail to one organisation about its offerings that nobody checked for too long."""

    organisation: Organisation
    recipients: list[str]
    offerings: list[Offering]
    sent: bool = False


def offerings_due_for_reminder(today: dt.date | None = None) -> OfferingQuerySet:
    """Public offerings nobody checked for too long, not mentioned in a reminder lately."""
    today = today or timezone.localdate()
    recently = today - dt.timedelta(days=REMIND_AGAIN_AFTER_DAYS)
    return (
        Offering.objects.public(today)
        .stale(today)
        .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lte=recently))
        .order_by("organisation__name", "organisation_id", "title")
    )


def reminder_recipients(organisation: Organisation) -> list[str]:
    """The organisation's staff with an e-mail address, and the organisation's own address."""
    addresses = set(
        organisation.memberships.filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if organisation.email:
        addresses.add(organisation.email)
    return sorted(addresses)


def plan_reminders(today: dt.date | None = None) -> list[Reminder]:
    grouped: dict[int, list[Offering]] = {}
    for offering in offerings_due_for_reminder(today).select_related("organisation"):
        grouped.setdefault(offering.organisation_id, []).append(offering)
    return [
        Reminder(
            offerings[0].organisation, reminder_recipients(offerings[0].organisation), offerings
        )
        for offerings in grouped.values()
    ]


def _reminder_message(reminder: Reminder) -> tuple[str, str]:
    base_url = getattr(settings, "WERKROUTE_BASE_URL", "").rstrip("/")
    with translation.override("nl"):
        subject = _("Controleer uw aanbod op de routekaart")
        body = render_to_string(
            "partner/reminder_email.txt",
            {
                "organisation": reminder.organisation,
                "offerings": reminder.offerings,
                "stale_after_days": settings.CATALOGUE_STALE_AFTER_DAYS,
                "portal_url": base_url + reverse("partner:home"),
            },
        )
    return subject, body


@transaction.atomic
def _send_reminder(reminder: Reminder, today: dt.date) -> Reminder:
    if not reminder.recipients:
        return reminder
    # Lock and re-read, so two runs at the same time never mail about the same offering twice.
    due = list(
        offerings_due_for_reminder(today)
        .filter(pk__in=[o.pk for o in reminder.offerings])
        .order_by("pk")
        .select_for_update(of=("self",))
    )
    if not due:
        return replace(reminder, offerings=[])
    reminder = replace(reminder, offerings=sorted(due, key=lambda o: o.title), sent=True)
    subject, body = _reminder_message(reminder)
    send_mail(subject, body, None, reminder.recipients)
    Offering.objects.filter(pk__in=[o.pk for o in due]).update(last_reminded_on=today)
    return reminder


def remind_stale_offerings(*, dry_run: bool = True) -> list[Reminder]:
    """Mail each organisation once about its public offerings not checked for too long.

    An offering is mentioned again at the earliest REMIND_AGAIN_AFTER_DAYS later. A dry run
    sends nothing and returns what would be sent; otherwise each returned reminder says whether
    it was sent (not when the organisation has no e-mail address at all).
    """
    today = timezone.localdate()
    planned = plan_reminders(today)
    if dry_run:
        return planned
    return [_send_reminder(reminder, today) for reminder in planned]


# --- Saved searches and saved offerings ------------------------------------------------------
# A logged-in resident keeps route-map searches and offerings in their account, and may get an
# e-mail when new offerings match a saved search. A saved query may hold the user's postcode: it
# is their own data, shown only to them, and neither the query nor the address is ever logged.

MAX_SAVED_SEARCHES = 20
MAX_OFFERINGS_PER_ALERT = 20
WEEKLY_ALERT_DAYS = 7

alert_logger = logging.getLogger(__name__)


def _require_login(actor: User) -> None:
    if not actor.is_authenticated:
        raise PermissionDenied


def search_form_for(query_string: str) -> SearchForm:
    """The route map's search form, bound to a (saved) query string."""
    return SearchForm(QueryDict(query_string))


def _query_values(field: forms.Field, value: Any) -> list[str]:
    """How one cleaned search value is written in a normalised query string."""
    if value in (None, "", [], False) or (field.initial is not None and value == field.initial):
        return []
    if isinstance(field, forms.ModelChoiceField):
        return [str(getattr(value, field.to_field_name or "pk"))]
    if isinstance(field, forms.MultipleChoiceField):
        return sorted(set(value))
    if isinstance(field, forms.BooleanField):
        return ["on"]
    if isinstance(value, geo.Place):
        return [value.postcode]
    if isinstance(value, dt.date):
        return [value.isoformat()]
    return [str(value)]


def normalised_query(form: SearchForm) -> str:
    """The canonical query string of a valid search: fixed order, no empty or default values.

    Two ways of typing the same search ('2011 ab' or '2011AB', filters in any order) give the
    same string, so a user cannot save one search twice.
    """
    pairs = [
        (name, value)
        for name, field in form.fields.items()
        for value in _query_values(field, form.cleaned_data.get(name))
    ]
    return urlencode(pairs)


def search_errors(form: SearchForm) -> list[str]:
    return [str(message) for messages in form.errors.values() for message in messages]


def _default_search_name(form: SearchForm) -> str:
    words = form.cleaned_data.get("q", "")
    return words[: SavedSearch._meta.get_field("name").max_length] or _("Mijn zoekopdracht")


@transaction.atomic
def save_search(
    *, actor: User, query_string: str, name: str = "", frequency: str = AlertFrequency.WEEKLY
) -> SavedSearch:
    """Keep a route-map search for the user; saving the same search again updates it.

    The query must pass the route map's own search form; its Dutch messages refuse it otherwise.
    Turning on e-mail for a search starts from now: the first mail is about what is new after it.
    """
    _require_login(actor)
    form = search_form_for(query_string)
    if not form.is_valid():
        raise ValidationError(search_errors(form))
    query = normalised_query(form)
    if len(query) > SAVED_SEARCH_QUERY_MAX_LENGTH:
        raise ValidationError(
            _("Deze zoekopdracht is te lang om te bewaren. Gebruik minder filters.")
        )
    if frequency not in AlertFrequency.values:
        raise ValidationError(_("Kies hoe vaak u een e-mail wilt krijgen."))
    # One save at a time per user, so two quick clicks cannot pass the limit together.
    User.objects.select_for_update().filter(pk=actor.pk).first()
    saved = SavedSearch.objects.filter(user=actor, query_string=query).first()
    if saved is None:
        if SavedSearch.objects.filter(user=actor).count() >= MAX_SAVED_SEARCHES:
            raise ValidationError(
                _("U kunt maximaal %(max)d zoekopdrachten bewaren.") % {"max": MAX_SAVED_SEARCHES}
            )
        saved = SavedSearch(user=actor, query_string=query)
    elif saved.frequency == AlertFrequency.NEVER and frequency != AlertFrequency.NEVER:
        saved.last_notified_at = timezone.now()
    saved.name = " ".join(name.split()) or saved.name or _default_search_name(form)
    saved.frequency = frequency
    saved.full_clean()
    saved.save()
    return saved


@transaction.atomic
def delete_search(*, actor: User, saved_search: SavedSearch) -> None:
    if saved_search.user_id != actor.pk:
        raise PermissionDenied
    saved_search.delete()


@transaction.atomic
def save_offering(*, actor: User, offering: Offering) -> SavedOffering:
    """Keep a public offering in the user's account; saving it twice keeps it once."""
    _require_login(actor)
    if not Offering.objects.public().filter(pk=offering.pk).exists():
        raise ValidationError(_("Dit aanbod is niet meer beschikbaar."))
    saved, _created = SavedOffering.objects.get_or_create(user=actor, offering=offering)
    return saved


@transaction.atomic
def unsave_offering(*, actor: User, offering: Offering) -> None:
    """Remove an offering from the user's account, also when it is no longer public."""
    _require_login(actor)
    SavedOffering.objects.filter(user=actor, offering=offering).delete()


@dataclass(frozen=True)
class SearchAlert:
    """One e-mail to one user about the new offerings of one saved search."""

    saved_search: SavedSearch
    offerings: list[Offering]  # the first MAX_OFFERINGS_PER_ALERT, in the search's own order
    total: int
    sent: bool = False


def new_matches(saved_search: SavedSearch, since: dt.datetime) -> OfferingQuerySet:
    """Public offerings matching the saved search that became visible after `since`.

    An offering becomes visible when it is created or on its 'visible from' date, whichever is
    later; a search that no longer passes the form (a removed municipality) matches nothing.
    """
    form = search_form_for(saved_search.query_string)
    if not form.is_valid():
        return Offering.objects.none()
    outcome = search_offerings(form.to_params())
    return outcome.queryset.filter(
        Q(created_at__gt=since) | Q(publish_from__gt=timezone.localdate(since))
    )


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _due(now: dt.datetime) -> Q:
    """Daily searches mail at most once a calendar day, weekly ones once in seven days."""
    today = timezone.localdate(now)
    daily_before = _local_midnight(today)
    weekly_before = _local_midnight(today - dt.timedelta(days=WEEKLY_ALERT_DAYS - 1))
    never_sent = Q(last_notified_at__isnull=True)
    daily = Q(frequency=AlertFrequency.DAILY) & (never_sent | Q(last_notified_at__lt=daily_before))
    weekly = Q(frequency=AlertFrequency.WEEKLY) & (
        never_sent | Q(last_notified_at__lt=weekly_before)
    )
    return daily | weekly


def saved_searches_due(now: dt.datetime) -> QuerySet[SavedSearch]:
    return (
        SavedSearch.objects.filter(_due(now), user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )


def _alert_for(saved_search: SavedSearch) -> SearchAlert | None:
    since = saved_search.last_notified_at or saved_search.created_at
    matches = new_matches(saved_search, since)
    total = matches.count()
    if not total:
        return None
    return SearchAlert(saved_search, list(matches[:MAX_OFFERINGS_PER_ALERT]), total)


def plan_saved_search_alerts(now: dt.datetime) -> list[SearchAlert]:
    alerts = (_alert_for(saved_search) for saved_search in saved_searches_due(now))
    return [alert for alert in alerts if alert is not None]


def _absolute(path: str) -> str:
    return getattr(settings, "WERKROUTE_BASE_URL", "").rstrip("/") + path


def _alert_message(alert: SearchAlert) -> EmailMultiAlternatives:
    saved = alert.saved_search
    context = {
        "name": saved.name,
        "offerings": [
            {"offering": o, "url": _absolute(reverse("catalogue:detail", args=[o.public_id]))}
            for o in alert.offerings
        ],
        "total": alert.total,
        "more": alert.total - len(alert.offerings),
        # The search's own URL may hold the postcode; the mail links to it by the saved id.
        "search_url": _absolute(reverse("saved:open_search", args=[saved.public_id])),
        "manage_url": _absolute(reverse("saved:saved_list")),
        "frequency": saved.frequency,
    }
    with translation.override("nl"):
        subject = _("Nieuw aanbod voor uw bewaarde zoekopdracht")
        text_body = render_to_string("catalogue/saved_search_email.txt", context)
        html_body = render_to_string("catalogue/saved_search_email.html", context)
    message = EmailMultiAlternatives(subject, text_body, None, [saved.user.email])
    message.attach_alternative(html_body, "text/html")
    return message


def _send_alert(alert: SearchAlert, now: dt.datetime) -> SearchAlert:
    try:
        with transaction.atomic():
            # Lock and re-check, so two runs at the same time never send the same mail twice.
            saved = (
                saved_searches_due(now)
                .filter(pk=alert.saved_search.pk)
                .select_for_update(of=("self",))
                .first()
            )
            fresh = _alert_for(saved) if saved is not None else None
            if fresh is None:
                return replace(alert, offerings=[], total=0)
            _alert_message(fresh).send()
            SavedSearch.objects.filter(pk=saved.pk).update(last_notified_at=now)
            return replace(fresh, sent=True)
    except OSError:  # smtplib's errors and a mail server that cannot be reached
        # Name the search by its id only: never the query (it may hold a postcode) or address.
        alert_logger.warning("Saved-search alert %s not sent", alert.saved_search.public_id)
        return alert


def send_saved_search_alerts(*, now: dt.datetime, send: bool = False) -> list[SearchAlert]:
    """E-mail each due saved search's owner about offerings that are new since the last mail.

    A dry run (the default) sends nothing and returns what would be sent; with send=True each
    returned alert says whether its mail went out, and a sent one moves last_notified_at to now.
    """
    planned = plan_saved_search_alerts(now)
    if not send:
        return planned
    return [_send_alert(alert, now) for alert in planned]
