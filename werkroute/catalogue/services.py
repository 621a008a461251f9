"""Writes to the catalogue: partners keep their offerings and locations; stale offerings remind.

Every function that changes data takes the acting user as keyword-only `actor` and runs in one
transaction. Views check access first (queries.access_*); these functions check it again, so no
caller can write to another organisation's records by mistake.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkroute.accounts.models import User
from werkroute.catalogue.constants import OfferingStatus
from werkroute.catalogue.models import Location, Offering, OfferingQuerySet, Organisation
from werkroute.catalogue.queries import organisations_of
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
    return offering


@transaction.atomic
def publish_offering(*, actor: User, offering: Offering) -> Offering:
    _require_member(actor, offering.organisation)
    # A draft may predate today's rules (an import, the admin): publish only what is valid.
    offering.full_clean()
    offering.status = OfferingStatus.PUBLISHED
    offering.last_checked_on = timezone.localdate()
    offering.save(update_fields=["status", "last_checked_on", "updated_at"])
    return offering


@transaction.atomic
def archive_offering(*, actor: User, offering: Offering) -> Offering:
    _require_member(actor, offering.organisation)
    offering.status = OfferingStatus.ARCHIVED
    offering.save(update_fields=["status", "updated_at"])
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
