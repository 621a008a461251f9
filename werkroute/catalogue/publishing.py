"""What the route map publishes about an offering to other machines: schema.org JSON-LD and iCal."""

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils import timezone

from icalendar import Calendar, Event, vRecur

from werkroute.catalogue.constants import (
    AttendanceMode,
    ContractType,
    Cost,
    OfferingKind,
    Recurrence,
    SalaryPeriod,
)
from werkroute.catalogue.models import Location, Offering

SCHEMA_EMPLOYMENT_TYPE = {
    ContractType.PERMANENT: "FULL_TIME",
    ContractType.TEMPORARY: "TEMPORARY",
    ContractType.TEMP_AGENCY: "TEMPORARY",
    ContractType.ON_CALL: "PER_DIEM",
    ContractType.LEARNING_WORKING: "INTERN",
    ContractType.INTERNSHIP: "INTERN",
    ContractType.NONE: "VOLUNTEER",
}
SCHEMA_ATTENDANCE = {
    AttendanceMode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.REMOTE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
ICAL_FREQUENCY = {
    Recurrence.WEEKLY: {"FREQ": "WEEKLY"},
    Recurrence.BIWEEKLY: {"FREQ": "WEEKLY", "INTERVAL": 2},
    Recurrence.MONTHLY: {"FREQ": "MONTHLY"},
}


def _place(location: Location) -> dict[str, Any]:
    return {
        "@type": "Place",
        "name": location.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street_address,
            "postalCode": location.postcode,
            "addressLocality": location.city,
            "addressCountry": "NL",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": location.lat, "longitude": location.lon},
    }


def _organisation(offering: Offering) -> dict[str, Any]:
    org = offering.organisation
    data: dict[str, Any] = {"@type": "Organization", "name": org.name}
    if org.website:
        data["sameAs"] = org.website
    return data


def _job_posting(offering: Offering, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "JobPosting",
        "title": offering.title,
        "description": offering.description,
        "datePosted": offering.publish_from.isoformat(),
        "hiringOrganization": _organisation(offering),
        "url": url,
        "totalJobOpenings": offering.positions,
    }
    if offering.publish_until:
        data["validThrough"] = offering.publish_until.isoformat()
    if offering.contract_type:
        data["employmentType"] = SCHEMA_EMPLOYMENT_TYPE.get(offering.contract_type, "OTHER")
    if offering.location_id:
        data["jobLocation"] = _place(offering.location)
    if offering.attendance_mode == AttendanceMode.REMOTE:
        data["jobLocationType"] = "TELECOMMUTE"
    if offering.hours_min or offering.hours_max:
        data["workHours"] = (
            f"{offering.hours_min or offering.hours_max}–{offering.hours_max or offering.hours_min} uur per week"
        )
    if offering.salary_min:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": float(offering.salary_min),
                "maxValue": float(offering.salary_max or offering.salary_min),
                "unitText": "HOUR" if offering.salary_period == SalaryPeriod.HOUR else "MONTH",
            },
        }
    if offering.occupation_id:
        data["occupationalCategory"] = offering.occupation.isco08
    return data


def _event(offering: Offering, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Event",
        "name": offering.title,
        "description": offering.description,
        "organizer": _organisation(offering),
        "url": url,
        "eventAttendanceMode": SCHEMA_ATTENDANCE[AttendanceMode(offering.attendance_mode)],
        "eventStatus": "https://schema.org/EventScheduled",
        "isAccessibleForFree": offering.cost == Cost.FREE,
        "inLanguage": offering.languages,
    }
    if offering.starts_at:
        data["startDate"] = offering.starts_at.isoformat()
    if offering.ends_at:
        data["endDate"] = offering.ends_at.isoformat()
    if offering.location_id:
        data["location"] = _place(offering.location)
    elif offering.attendance_mode == AttendanceMode.REMOTE:
        data["location"] = {"@type": "VirtualLocation", "url": offering.signup_url or url}
    if offering.capacity:
        data["maximumAttendeeCapacity"] = offering.capacity
    return data


def _course(offering: Offering, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Course",
        "name": offering.title,
        "description": offering.description,
        "provider": _organisation(offering),
        "url": url,
        "isAccessibleForFree": offering.cost == Cost.FREE,
        "inLanguage": offering.languages,
    }
    if offering.starts_at:
        instance: dict[str, Any] = {
            "@type": "CourseInstance",
            "startDate": offering.starts_at.isoformat(),
            "courseMode": "online"
            if offering.attendance_mode == AttendanceMode.REMOTE
            else "onsite",
        }
        if offering.location_id:
            instance["location"] = _place(offering.location)
        data["hasCourseInstance"] = instance
    return data


def _service(offering: Offering, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Service",
        "name": offering.title,
        "description": offering.description,
        "provider": _organisation(offering),
        "url": url,
    }
    if offering.location_id:
        data["areaServed"] = offering.location.city
    return data


def json_ld(offering: Offering, url: str) -> dict[str, Any]:
    if offering.kind == OfferingKind.VACANCY or offering.kind in (
        OfferingKind.BASIC_JOB,
        OfferingKind.WORK_EXPERIENCE,
    ):
        data = _job_posting(offering, url)
    elif offering.is_event:
        data = _event(offering, url)
    elif offering.kind == OfferingKind.COURSE:
        data = _course(offering, url)
    else:
        data = _service(offering, url)
    return {"@context": "https://schema.org", **data}


def json_ld_script(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json"> block: '<', '>' and '&' are escaped so
    that no text typed by a partner (a title with '</script>') can end the block early."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def has_calendar_entry(offering: Offering) -> bool:
    return offering.starts_at is not None


def _vevent(offering: Offering, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"{offering.public_id}@werkroute")
    event.add("summary", offering.title)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", offering.starts_at)
    event.add("dtend", offering.ends_at or offering.starts_at + dt.timedelta(hours=2))
    url = base_url + reverse("catalogue:detail", args=[offering.public_id])
    event.add("url", url)
    event.add("description", f"{offering.description}\n\n{url}")
    if offering.location_id:
        event.add("location", f"{offering.location.name}, {offering.location.one_line}")
        event.add("geo", (offering.location.lat, offering.location.lon))
    elif offering.attendance_mode == AttendanceMode.REMOTE:
        event.add("location", "Online")
    if offering.recurrence:
        rule = dict(ICAL_FREQUENCY[Recurrence(offering.recurrence)])
        if offering.recurrence_until:
            rule["UNTIL"] = dt.datetime.combine(
                offering.recurrence_until, dt.time(23, 59), tzinfo=dt.UTC
            )
        event.add("rrule", vRecur(rule))
    event.add(
        "organizer",
        f"mailto:{offering.contact_email or 'info@werkroute.example'}",
        parameters={"CN": offering.organisation.name},
    )
    return event


def calendar(offerings: Iterable[Offering], base_url: str, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Werkroute//Routekaart//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for offering in offerings:
        if has_calendar_entry(offering):
            cal.add_component(_vevent(offering, base_url))
    return cal.to_ical()
