"""Checks on what is typed into a job seeker's file, with plain Dutch messages.

Pure functions: nothing here reads or writes the database. Each raises a ValidationError keyed by
field name, so forms can show the message next to the right input.
"""

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from stdnum.nl import bsn as stdnum_bsn

OLDEST_AGE_YEARS = 110
POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
MAX_HOURS_PER_WEEK = 60


def normalise_bsn(value: str) -> str:
    """Digits only: spaces, dots and dashes people type are dropped."""
    return stdnum_bsn.compact(value or "").replace("-", "")


def clean_bsn(value: str) -> str:
    """A valid BSN (nine digits that pass the elfproef), or a ValidationError on "bsn"."""
    digits = normalise_bsn(value)
    if not digits.isdigit() or len(digits) != 9 or not stdnum_bsn.is_valid(digits):
        raise ValidationError(
            {
                "bsn": _(
                    "Dit BSN klopt niet. Een BSN heeft 9 cijfers en moet de elfproef "
                    "doorstaan. Kijk het nummer nog eens na."
                )
            }
        )
    return digits


def mask_bsn(value: str) -> str:
    """Only the last four digits stay readable: *****1234."""
    digits = normalise_bsn(value)
    if len(digits) < 5:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def clean_postcode(value: str) -> str:
    """'1234 ab' becomes '1234AB'; empty stays empty."""
    compact = "".join((value or "").split()).upper()
    if compact and not POSTCODE.match(compact):
        raise ValidationError(
            {
                "postcode": _(
                    "Deze postcode klopt niet. Schrijf 4 cijfers en 2 letters, zoals 3511AB."
                )
            }
        )
    return compact


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def check_date_of_birth(value: dt.date | None, today: dt.date | None = None) -> None:
    if value is None:
        return
    today = today or timezone.localdate()
    if value > today:
        raise ValidationError(
            {"date_of_birth": _("De geboortedatum ligt in de toekomst. Kijk de datum nog eens na.")}
        )
    if value < _years_before(today, OLDEST_AGE_YEARS):
        raise ValidationError(
            {
                "date_of_birth": _(
                    "Deze geboortedatum is meer dan %(years)s jaar geleden. "
                    "Kijk het jaartal nog eens na."
                )
                % {"years": OLDEST_AGE_YEARS}
            }
        )


def _check_hours(values: Mapping[str, Any]) -> dict[str, str]:
    errors = {}
    low, high = values.get("hours_min"), values.get("hours_max")
    for name, hours in (("hours_min", low), ("hours_max", high)):
        if hours is not None and hours > MAX_HOURS_PER_WEEK:
            errors[name] = _("Vul hoogstens %(max)s uur per week in.") % {"max": MAX_HOURS_PER_WEEK}
    if low is not None and high is not None and low > high and "hours_max" not in errors:
        errors["hours_max"] = _("Het maximum aantal uren is lager dan het minimum.")
    return errors


def _check_benefit(values: Mapping[str, Any]) -> dict[str, str]:
    errors = {}
    start, end = values.get("benefit_start"), values.get("benefit_end")
    born = values.get("date_of_birth")
    if start and born and start < born:
        errors["benefit_start"] = _("De uitkering begint vóór de geboortedatum.")
    if start and end and end < start:
        errors["benefit_end"] = _("De uitkering stopt vóór de datum waarop ze begon.")
    return errors


def check_profile(values: Mapping[str, Any], today: dt.date | None = None) -> None:
    """The rules across fields of the file; raises one ValidationError with every problem."""
    errors: dict[str, Any] = {}
    try:
        check_date_of_birth(values.get("date_of_birth"), today)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    errors.update(_check_hours(values))
    errors.update(_check_benefit(values))
    if errors:
        raise ValidationError(errors)
