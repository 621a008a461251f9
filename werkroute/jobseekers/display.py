"""How the parts of a file read as text: in the change history, on pages and in the export."""

import datetime as dt
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkroute.core.fields import ChoiceSetField
from werkroute.jobseekers.models import (
    Ambition,
    JobSeeker,
    Language,
    Obstacle,
    Skill,
    WorkExperience,
)

# The order in which the file's own fields are shown.
PROFILE_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "phone",
    "postcode",
    "benefit_type",
    "benefit_start",
    "benefit_end",
    "education_level",
    "driving_licences",
    "certificates",
    "hours_min",
    "hours_max",
    "available_days",
    "shifts",
    "travel_radius_km",
    "travel_means",
    "in_target_group_register",
    "is_status_holder",
    "talents",
    "support_needed",
)
# The same fields in the groups people think in, for pages and forms.
PROFILE_SECTIONS: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (gettext_lazy("Persoon"), ("first_name", "last_name", "date_of_birth")),
    (gettext_lazy("Contact"), ("email", "phone", "postcode")),
    (gettext_lazy("Uitkering"), ("benefit_type", "benefit_start", "benefit_end")),
    (
        gettext_lazy("Opleiding en papieren"),
        ("education_level", "driving_licences", "certificates"),
    ),
    (
        gettext_lazy("Beschikbaar voor werk"),
        ("hours_min", "hours_max", "available_days", "shifts", "travel_radius_km", "travel_means"),
    ),
    (
        gettext_lazy("Verder"),
        ("in_target_group_register", "is_status_holder", "talents", "support_needed"),
    ),
)
# Names in the change history that are not model fields.
EXTRA_LABELS = {
    "bsn": gettext_lazy("BSN"),
    "file": gettext_lazy("dossier"),
    "case_manager": gettext_lazy("klantmanager"),
    "user": gettext_lazy("inlogaccount"),
    "languages": gettext_lazy("talen"),
    "experience": gettext_lazy("werkervaring"),
    "skills": gettext_lazy("vaardigheden"),
    "ambitions": gettext_lazy("ambities"),
    "obstacles": gettext_lazy("belemmeringen"),
    "consent": gettext_lazy("toestemming"),
    "corrections": gettext_lazy("correctieverzoeken"),
}


def field_label(name: str) -> str:
    if name in EXTRA_LABELS:
        return str(EXTRA_LABELS[name])
    try:
        return str(JobSeeker._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def yes_no(value: bool) -> str:
    return _("ja") if value else _("nee")


def value_text(name: str, value: Any) -> str:
    """One field's value as a person reads it: labels for codes, Dutch dates, ja/nee."""
    field = JobSeeker._meta.get_field(name)
    if value is None or value == "" or value == []:
        return ""
    if isinstance(field, ChoiceSetField):
        return ", ".join(field.label_of(code) for code in value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, dt.date):
        return formats.date_format(value, "j F Y")
    return str(value)


def profile_rows(job_seeker: JobSeeker) -> list[tuple[str, str]]:
    """(label, text) for every field of the file, in the order people expect."""
    return [
        (field_label(name), value_text(name, getattr(job_seeker, name))) for name in PROFILE_FIELDS
    ]


def profile_sections(
    job_seeker: JobSeeker, only: frozenset[str] | None = None
) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(section title, [(label, text), ...]), ...]; `only` keeps just those fields."""
    sections = []
    for title, names in PROFILE_SECTIONS:
        rows = [
            (field_label(name), value_text(name, getattr(job_seeker, name)))
            for name in names
            if only is None or name in only
        ]
        if rows:
            sections.append((str(title), rows))
    return sections


def describe(item: models.Model) -> str:
    """A one-line description of a part of the file, for the change history."""
    if isinstance(item, Language):
        return f"{item.language} ({item.level})" if item.level else item.language
    if isinstance(item, WorkExperience):
        what = item.occupation.name if item.occupation else item.description
        return _("%(what)s, %(years)s jaar") % {"what": what, "years": item.years}
    if isinstance(item, Skill):
        return item.name
    if isinstance(item, Ambition):
        parts = [
            item.occupation.name if item.occupation else "",
            item.field.name if item.field else "",
            item.note,
        ]
        return " – ".join(part for part in parts if part)
    if isinstance(item, Obstacle):
        return f"{item.get_kind_display()}: {item.impact}"
    return str(item)
