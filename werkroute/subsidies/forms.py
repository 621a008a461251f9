"""The checker's form: the facts about a candidate and a job, filled in by hand. Every field may
stay empty ("weet ik niet"): the checker then answers "misschien" where a scheme needs it."""

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkroute.subsidies.constants import (
    BENEFIT_CHOICES,
    CONTRACT_CHOICES,
    EMPLOYER_SECTOR_CHOICES,
    REGION_CHOICES,
    SchemeCountry,
)
from werkroute.subsidies.rules import JobFacts, PersonFacts

UNKNOWN = ("", _("weet ik niet"))
YES_NO_CHOICES = [("yes", _("ja")), ("no", _("nee")), UNKNOWN]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _whole_number(label: Any, low: int, high: int, help_text: Any = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        help_text=help_text,
        error_messages={
            "invalid": _("Vul een heel getal in, zonder punt of komma."),
            "min_value": _("Vul %(limit_value)s of meer in."),
            "max_value": _("Vul hoogstens %(limit_value)s in."),
        },
    )


THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


class DutchDecimalField(forms.DecimalField):
    """Takes numbers as people write them here: 24,5 and 2.300,50 and 2300.50 and € 2.300."""

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            value = value.replace("€", "").replace(" ", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif THOUSANDS.match(value):
                value = value.replace(".", "")
        return super().to_python(value)


def _amount(label: Any, high: int, help_text: Any = "") -> forms.DecimalField:
    return DutchDecimalField(
        label=label,
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(high),
        decimal_places=2,
        max_digits=8,
        help_text=help_text,
        error_messages={
            "invalid": _("Vul een getal in, bijvoorbeeld 24 of 24,5."),
            "min_value": _("Vul %(limit_value)s of meer in."),
            "max_value": _("Vul hoogstens %(limit_value)s in."),
            "max_decimal_places": _("Gebruik hoogstens 2 cijfers na de komma."),
            "max_digits": _("Dit getal is te groot."),
        },
    )


def _yes_no(label: Any, help_text: Any = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        required=False,
        choices=YES_NO_CHOICES,
        coerce=lambda value: value == "yes",
        empty_value=None,
        initial="",
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"invalid_choice": _("Kies ja, nee of weet ik niet.")},
    )


def _choice(label: Any, choices: list[tuple[str, Any]], help_text: Any = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[UNKNOWN, *choices],
        help_text=help_text,
        error_messages={"invalid_choice": _("Kies een van de mogelijkheden uit de lijst.")},
    )


class CheckForm(forms.Form):
    PERSON_FIELDS = (
        "age",
        "benefit_type",
        "benefit_months",
        "months_without_work",
        "registered_as_jobseeker",
        "in_target_group_register",
        "work_limiting_disability",
        "wage_value_percent",
        "sheltered_work_indication",
        "lives_in",
    )
    JOB_FIELDS = (
        "start_date",
        "hours_per_week",
        "contract_type",
        "contract_months",
        "wage_per_month",
        "work_region",
        "worked_for_employer_before",
        "employer_recognised_training_company",
        "employer_sector",
        "hire_number",
    )

    country = forms.ChoiceField(
        label=_("Regelingen van"),
        choices=SchemeCountry.choices,
        initial=SchemeCountry.NETHERLANDS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies Nederland of Vlaanderen."),
            "invalid_choice": _("Kies Nederland of Vlaanderen."),
        },
    )
    age = _whole_number(_("Leeftijd (jaren)"), 15, 100)
    benefit_type = _choice(_("Uitkering"), BENEFIT_CHOICES)
    benefit_months = _whole_number(
        _("Hoe lang al een uitkering (maanden)"), 0, 600, _("Bijvoorbeeld 18")
    )
    months_without_work = _whole_number(
        _("Hoe lang zonder werk (maanden)"),
        0,
        600,
        _("Ingeschreven als werkzoekende zonder werk. Telt mee in Vlaanderen."),
    )
    registered_as_jobseeker = _yes_no(_("Ingeschreven als werkzoekende zonder werk (UWV of VDAB)"))
    in_target_group_register = _yes_no(_("In het doelgroepregister (banenafspraak)"))
    work_limiting_disability = _yes_no(
        _("Arbeidsbeperking vastgesteld"),
        _("In Vlaanderen: arbeidshandicap erkend door VDAB."),
    )
    wage_value_percent = _whole_number(
        _("Loonwaarde (procent van het minimumloon)"),
        0,
        100,
        _("Alleen als de loonwaarde gemeten is. Bijvoorbeeld 60."),
    )
    sheltered_work_indication = _yes_no(_("Indicatie beschut werk (advies van UWV)"))
    lives_in = _choice(_("Woont in"), REGION_CHOICES)

    start_date = forms.DateField(
        label=_("Begindatum van de baan"),
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 1-3-2026.")},
    )
    hours_per_week = _amount(_("Uren per week"), 60, _("Bijvoorbeeld 24 of 24,5"))
    contract_type = _choice(_("Soort contract"), CONTRACT_CHOICES)
    contract_months = _whole_number(
        _("Duur van het contract (maanden)"), 1, 600, _("Laat leeg bij een vast contract.")
    )
    wage_per_month = _amount(
        _("Brutoloon per maand (euro)"), 100_000, _("Bijvoorbeeld 2300 of 2.300,50")
    )
    work_region = _choice(_("Werkplek in"), REGION_CHOICES)
    worked_for_employer_before = _yes_no(_("Werkte het afgelopen half jaar al bij deze werkgever"))
    employer_recognised_training_company = _yes_no(_("Werkgever is een erkend leerbedrijf (SBB)"))
    employer_sector = _choice(_("Soort werkgever"), EMPLOYER_SECTOR_CHOICES)
    hire_number = _whole_number(
        _("De hoeveelste werknemer is dit voor de werkgever?"),
        1,
        10_000,
        _("1 = de eerste werknemer ooit. Telt mee in België (eerste aanwervingen)."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start_date"].initial = timezone.localdate()

    def fieldset_list(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [
            (_("Over de kandidaat"), [self[name] for name in self.PERSON_FIELDS]),
            (_("Over de baan"), [self[name] for name in self.JOB_FIELDS]),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        contract_type, months = data.get("contract_type"), data.get("contract_months")
        if contract_type in ("none", "internship") and months:
            self.add_error(
                "contract_months",
                _("Bij stage of vrijwilligerswerk is er geen arbeidscontract. Laat dit leeg."),
            )
        return data

    def person(self) -> PersonFacts:
        data = self.cleaned_data
        return PersonFacts(
            **{
                name: data.get(name) if data.get(name) != "" else None
                for name in self.PERSON_FIELDS
            }
        )

    def job(self) -> JobFacts:
        data = self.cleaned_data
        values = {
            name: data.get(name) if data.get(name) != "" else None for name in self.JOB_FIELDS
        }
        for name in ("hours_per_week", "wage_per_month"):
            if values[name] is not None:
                values[name] = float(values[name])
        return JobFacts(**values)


def initial_from_facts(person: PersonFacts, job: JobFacts, country: str) -> dict[str, Any]:
    """Form values from facts (e.g. built from a job seeker and a vacancy), for a prefilled form."""

    def shown(value: Any) -> Any:
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, dt.date):
            return value
        if isinstance(value, float):
            return int(value) if value.is_integer() else str(value).replace(".", ",")
        return "" if value is None else value

    values = {**person.as_dict(), **{k: getattr(job, k) for k in CheckForm.JOB_FIELDS}}
    fields = (*CheckForm.PERSON_FIELDS, *CheckForm.JOB_FIELDS)
    initial = {name: shown(values.get(name)) for name in fields}
    initial["country"] = country
    return initial
