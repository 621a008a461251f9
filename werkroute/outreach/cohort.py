"""Who a campaign selects: the criteria as a small validated dict, and the matching people.

A cohort is drawn from the active files of one municipality whose benefit has not ended. Each
criterion narrows it; no criterion at all selects everyone in the municipality.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkroute.casework.models import Conversation
from werkroute.casework.queries import benefit_start_cutoff, years_before
from werkroute.core.models import Municipality
from werkroute.jobseekers.constants import BenefitType
from werkroute.jobseekers.models import JobSeeker
from werkroute.taxonomy.constants import EducationLevel

MIN_AGE, MAX_AGE = 15, 100
MAX_BENEFIT_MONTHS = 600
# Below a start qualification: no diploma at mbo 2 level or higher (startkwalificatie).
BELOW_START_QUALIFICATION = (EducationLevel.NONE, EducationLevel.VMBO)
FLAG_LABELS = {
    "below_start_qualification": gettext_lazy("Zonder startkwalificatie (lager dan mbo 2)"),
    "self_employed": gettext_lazy("Zelfstandigen (Bbz of Tozo)"),
    "status_holder": gettext_lazy("Statushouders"),
    "target_group_register": gettext_lazy("In het doelgroepregister"),
    "no_conversation": gettext_lazy("Nog geen gesprek gehad"),
}
FLAGS = tuple(FLAG_LABELS)


@dataclass(frozen=True)
class CohortCriteria:
    benefit_types: tuple[str, ...] = ()
    benefit_months_min: int | None = None
    age_min: int | None = None
    age_max: int | None = None
    below_start_qualification: bool = False
    self_employed: bool = False
    status_holder: bool = False
    target_group_register: bool = False
    no_conversation: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The stored form: only what narrows the cohort, lists as lists."""
        data = asdict(self)
        data["benefit_types"] = list(self.benefit_types)
        return {k: v for k, v in data.items() if v not in (None, False, [])}

    @property
    def is_empty(self) -> bool:
        return not self.to_dict()


def _whole_number(
    value: Any, name: str, low: int, high: int, errors: dict[str, list]
) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        message = _("Vul een heel getal in tussen %(low)d en %(high)d.")
        errors[name] = [message % {"low": low, "high": high}]
        return None
    return value


def _benefit_types(value: Any, errors: dict[str, list]) -> tuple[str, ...]:
    values = list(value or ())
    if any(v not in BenefitType.values for v in values):
        errors["benefit_types"] = [_("Kies een uitkering uit de lijst.")]
        return ()
    return tuple(v for v in BenefitType.values if v in values)


def criteria_from_dict(data: Mapping[str, Any]) -> CohortCriteria:
    """Validate a criteria dict (from a form or the database); raises ValidationError."""
    known = {"benefit_types", "benefit_months_min", "age_min", "age_max", *FLAGS}
    errors: dict[str, list] = {}
    unknown = sorted(set(data) - known)
    if unknown:
        errors["criteria"] = [_("Onbekende criteria: %(names)s") % {"names": ", ".join(unknown)}]
    months = _whole_number(
        data.get("benefit_months_min"), "benefit_months_min", 0, MAX_BENEFIT_MONTHS, errors
    )
    age_min = _whole_number(data.get("age_min"), "age_min", MIN_AGE, MAX_AGE, errors)
    age_max = _whole_number(data.get("age_max"), "age_max", MIN_AGE, MAX_AGE, errors)
    if age_min is not None and age_max is not None and age_min > age_max:
        errors["age_max"] = [_("De hoogste leeftijd moet gelijk zijn aan of hoger dan de laagste.")]
    for flag in FLAGS:
        if not isinstance(data.get(flag, False), bool):
            errors[flag] = [_("Kies ja of nee.")]
    benefit_types = _benefit_types(data.get("benefit_types"), errors)
    if errors:
        raise ValidationError(errors)
    return CohortCriteria(
        benefit_types=benefit_types,
        benefit_months_min=months,
        age_min=age_min,
        age_max=age_max,
        **{flag: bool(data.get(flag, False)) for flag in FLAGS},
    )


def _base(municipality: Municipality, today: dt.date) -> QuerySet[JobSeeker]:
    """Active files of the municipality whose benefit has not ended."""
    return JobSeeker.objects.filter(municipality=municipality, anonymised_at__isnull=True).filter(
        Q(benefit_end__isnull=True) | Q(benefit_end__gt=today)
    )


def _age_q(criteria: CohortCriteria, today: dt.date) -> Q:
    q = Q()
    if criteria.age_min is not None:
        q &= Q(date_of_birth__lte=years_before(today, criteria.age_min))
    if criteria.age_max is not None:
        q &= Q(date_of_birth__gt=years_before(today, criteria.age_max + 1))
    return q


def _flags_q(criteria: CohortCriteria) -> Q:
    q = Q()
    if criteria.below_start_qualification:
        q &= Q(education_level__in=BELOW_START_QUALIFICATION)
    if criteria.self_employed:
        q &= Q(benefit_type=BenefitType.SELF_EMPLOYED_SUPPORT)
    if criteria.status_holder:
        q &= Q(is_status_holder=True)
    if criteria.target_group_register:
        q &= Q(in_target_group_register=True)
    return q


def select_cohort(
    municipality: Municipality, criteria: CohortCriteria, today: dt.date
) -> QuerySet[JobSeeker]:
    """The people these criteria select, in a stable order (name, then id)."""
    qs = _base(municipality, today).filter(_age_q(criteria, today), _flags_q(criteria))
    if criteria.benefit_types:
        qs = qs.filter(benefit_type__in=criteria.benefit_types)
    if criteria.benefit_months_min is not None:
        cutoff = benefit_start_cutoff(today, criteria.benefit_months_min)
        qs = qs.filter(benefit_start__lte=cutoff)
    if criteria.no_conversation:
        qs = qs.filter(~Exists(Conversation.objects.filter(job_seeker=OuterRef("pk"))))
    return qs.order_by("last_name", "first_name", "pk")


def describe(data: Mapping[str, Any]) -> list[str]:
    """The stored criteria in words, one line each, for the campaign page."""
    criteria = criteria_from_dict(data)
    lines = []
    if criteria.benefit_types:
        labels = dict(BenefitType.choices)
        names = ", ".join(str(labels[code]) for code in criteria.benefit_types)
        lines.append(_("Uitkering: %(names)s") % {"names": names})
    if criteria.benefit_months_min is not None:
        lines.append(
            _("Uitkering minstens %(months)d maanden") % {"months": criteria.benefit_months_min}
        )
    if criteria.age_min is not None:
        lines.append(_("Vanaf %(age)d jaar") % {"age": criteria.age_min})
    if criteria.age_max is not None:
        lines.append(_("Tot en met %(age)d jaar") % {"age": criteria.age_max})
    lines += [str(FLAG_LABELS[flag]) for flag in FLAGS if getattr(criteria, flag)]
    return lines or [_("Iedereen met een uitkering in de gemeente")]
