"""Forms of the campaign pages. Each turns input into what one service takes; the service has
the last word on the rules, and its errors are shown on the same fields."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from werkroute.accounts.models import User
from werkroute.core.forms import ServiceErrorsMixin
from werkroute.core.models import Municipality
from werkroute.jobseekers.constants import BenefitType
from werkroute.outreach.cohort import (
    FLAGS,
    MAX_AGE,
    MAX_BENEFIT_MONTHS,
    MIN_AGE,
    CohortCriteria,
    criteria_from_dict,
)
from werkroute.outreach.constants import (
    DEFAULT_RESPOND_WITHIN_DAYS,
    MAX_RESPOND_WITHIN_DAYS,
    MIN_RESPOND_WITHIN_DAYS,
    Assignment,
    Channel,
    MemberStatus,
)
from werkroute.outreach.queries import MemberFilters
from werkroute.outreach.services import CampaignInput

CRITERIA_FIELDS = ("benefit_types", "benefit_months_min", "age_min", "age_max", *FLAGS)
WHOLE_NUMBER_ERRORS = {"invalid": _("Vul een heel getal in.")}
REFERENCE_MAX = 12


def _number(label: Any, low: int, high: int, help_text: Any = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        help_text=help_text,
        error_messages={
            **WHOLE_NUMBER_ERRORS,
            "min_value": _("Vul %(limit_value)s of meer in."),
            "max_value": _("Vul hoogstens %(limit_value)s in."),
        },
    )


class CampaignForm(ServiceErrorsMixin, forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Municipality.objects.none(), empty_label=None
    )
    name = forms.CharField(
        label=_("Naam van de campagne"),
        required=False,
        max_length=120,
        help_text=_("Bijvoorbeeld: Langer dan 18 maanden in de bijstand, voorjaar"),
    )
    description = forms.CharField(
        label=_("Waarom deze campagne?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen voor collega’s. Dit staat niet in de uitnodiging."),
    )
    benefit_types = forms.MultipleChoiceField(
        label=_("Uitkering"),
        required=False,
        choices=BenefitType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets gekozen: alle uitkeringen."),
    )
    benefit_months_min = _number(
        _("Uitkering minstens zoveel maanden"), 0, MAX_BENEFIT_MONTHS, _("Bijvoorbeeld 18")
    )
    age_min = _number(_("Leeftijd vanaf"), MIN_AGE, MAX_AGE, _("Bijvoorbeeld 18"))
    age_max = _number(_("Leeftijd tot en met"), MIN_AGE, MAX_AGE, _("Bijvoorbeeld 27"))
    below_start_qualification = forms.BooleanField(
        label=_("Zonder startkwalificatie (opleiding lager dan mbo 2)"), required=False
    )
    self_employed = forms.BooleanField(label=_("Zelfstandigen (Bbz of Tozo)"), required=False)
    status_holder = forms.BooleanField(label=_("Statushouders"), required=False)
    target_group_register = forms.BooleanField(
        label=_("In het doelgroepregister (banenafspraak)"), required=False
    )
    no_conversation = forms.BooleanField(label=_("Nog geen gesprek gehad"), required=False)
    channels = forms.MultipleChoiceField(
        label=_("Uitnodigen per"),
        required=False,
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    assignment = forms.ChoiceField(
        label=_("Wie nodigt uit?"),
        choices=Assignment.choices,
        initial=Assignment.OWN_CASE_MANAGER,
        widget=forms.RadioSelect,
    )
    case_managers = forms.ModelMultipleChoiceField(
        label=_("Verdelen over deze klantmanagers"),
        required=False,
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niemand gekozen: alle klantmanagers van de gemeente."),
    )
    proposal = forms.CharField(
        label=_("Voorstel voor een afspraak"),
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Dit staat in de uitnodiging. Bijvoorbeeld: dinsdag 3 juni om 10.00 uur op het "
            "Werkplein, Stationsplein 1. Leeg: de persoon belt of mailt zelf voor een afspraak."
        ),
    )
    respond_within_days = forms.IntegerField(
        label=_("Reageren binnen (dagen)"),
        min_value=MIN_RESPOND_WITHIN_DAYS,
        max_value=MAX_RESPOND_WITHIN_DAYS,
        initial=DEFAULT_RESPOND_WITHIN_DAYS,
        error_messages={
            **WHOLE_NUMBER_ERRORS,
            "required": _("Vul in binnen hoeveel dagen iemand moet reageren."),
            "min_value": _("Vul %(limit_value)s of meer in."),
            "max_value": _("Vul hoogstens %(limit_value)s in."),
        },
    )

    def __init__(
        self,
        *args: Any,
        municipalities: QuerySet[Municipality],
        case_managers: QuerySet[User],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["case_managers"].queryset = case_managers
        self.fields["case_managers"].label_from_instance = _manager_label
        if municipalities.count() == 1:
            self.fields["municipality"].initial = municipalities.first()
            self.fields["municipality"].widget = forms.HiddenInput()
        self.criteria: CohortCriteria | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        raw = {name: data.get(name) for name in CRITERIA_FIELDS if name in data}
        try:
            self.criteria = criteria_from_dict(raw)
        except ValidationError as error:
            self.add_service_errors(error)
        return data

    def to_input(self) -> CampaignInput:
        data = self.cleaned_data
        assert self.criteria is not None
        return CampaignInput(
            name=data["name"],
            description=data["description"],
            criteria=self.criteria,
            channels=tuple(data["channels"]),
            assignment=data["assignment"],
            case_managers=tuple(data["case_managers"]),
            proposal=data["proposal"],
            respond_within_days=data["respond_within_days"],
        )


def _manager_label(user: User) -> str:
    return user.get_full_name() or user.get_username()


class MemberFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle statussen")), *MemberStatus.choices],
    )
    assigned_to = forms.ModelChoiceField(
        label=_("Klantmanager"),
        required=False,
        queryset=User.objects.none(),
        empty_label=_("Alle klantmanagers"),
    )
    reference = forms.CharField(label=_("Kenmerk"), required=False, max_length=REFERENCE_MAX)

    def __init__(self, *args: Any, case_managers: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = case_managers
        self.fields["assigned_to"].label_from_instance = _manager_label

    def filters(self) -> MemberFilters:
        if not self.is_bound or not self.is_valid():
            return MemberFilters()
        data = self.cleaned_data
        manager = data["assigned_to"]
        return MemberFilters(
            status=data["status"],
            assigned_to=manager.pk if manager else None,
            reference=data["reference"],
        )


class MemberStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Wat is er gebeurd?"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices
