"""Forms of the employers pages. Each turns input into what one service takes; the service has
the last word on the rules, and its errors land on the same fields (add_service_errors)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkroute.catalogue.constants import ContractType, TargetGroup
from werkroute.core.forms import ServiceErrorsMixin
from werkroute.core.models import Municipality
from werkroute.employers import services
from werkroute.employers.constants import (
    AgreementStatus,
    CompanySize,
    ContactKind,
    DeclineReason,
    Instrument,
    Outflow,
    ProposalStatus,
    WagePeriod,
)
from werkroute.taxonomy.models import Sector

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_ROWS = 3


def _textarea(label: Any, required: bool = False, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": TEXT_ROWS}),
    )


class EmployerForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Naam van de werkgever"), max_length=200)
    kvk_number = forms.CharField(
        label=_("KvK-nummer"), max_length=12, required=False, help_text=_("8 cijfers.")
    )
    sbi_code = forms.CharField(
        label=_("Branche (SBI-code)"),
        max_length=5,
        required=False,
        help_text=_("Bijvoorbeeld 56101."),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("Kies een sector"),
    )
    size = forms.ChoiceField(
        label=_("Grootte"), choices=[("", _("Onbekend")), *CompanySize.choices], required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)
    notes = _textarea(_("Notities"))
    eherkenning_enabled = forms.BooleanField(
        label=_("Medewerkers mogen inloggen met eHerkenning"),
        required=False,
        initial=True,
        help_text=_("Alleen als eHerkenning voor uw gemeente aan staat."),
    )

    def clean_kvk_number(self) -> str:
        value = self.cleaned_data["kvk_number"]
        return services.clean_kvk_number(value) if value else ""


class ContactPersonForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=150)
    job_title = forms.CharField(label=_("Functie"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)


class ContactMomentForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Soort contact"), choices=ContactKind.choices)
    date = forms.DateField(label=_("Datum"), widget=DATE_WIDGET)
    subject = forms.CharField(
        label=_("Onderwerp"),
        max_length=200,
        help_text=_("Bijvoorbeeld: bezoek aan Den Haag Werkt!"),
    )
    notes = _textarea(_("Verslag"))


class WorkAgreementForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField(label=_("Naam van het akkoord"), max_length=200)
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("De hele regio"),
    )
    starts_on = forms.DateField(label=_("Begint op"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Eindigt op"), widget=DATE_WIDGET)
    status = forms.ChoiceField(label=_("Status"), choices=AgreementStatus.choices)
    placements_target = forms.IntegerField(
        label=_("Aantal plaatsingen dat de werkgever belooft"), min_value=1, max_value=10000
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Voor wie"),
        choices=[c for c in TargetGroup.choices if c[0] != TargetGroup.EVERYONE],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectoren"), queryset=Sector.objects.all(), required=False
    )
    occupations_text = forms.CharField(label=_("Beroepen"), max_length=300, required=False)
    learning_working_places = forms.IntegerField(
        label=_("Leerwerkplekken"), min_value=0, max_value=10000, initial=0
    )
    lasting_contracts = forms.IntegerField(
        label=_("Contracten van minstens een jaar"), min_value=0, max_value=10000, initial=0
    )
    job_coaching = forms.BooleanField(
        label=_("Werkgever zorgt voor begeleiding op de werkvloer"), required=False
    )
    pre_selection = forms.BooleanField(
        label=_("Gemeente selecteert kandidaten vooraf"), required=False, initial=True
    )
    subsidies = forms.BooleanField(label=_("Gemeente regelt subsidies"), required=False)
    coaching = forms.BooleanField(label=_("Gemeente regelt jobcoaching"), required=False)
    notes = _textarea(_("Afspraken in eigen woorden"))
    signed_by_employer = forms.CharField(
        label=_("Getekend namens de werkgever door"), max_length=150, required=False
    )
    signed_by_municipality = forms.CharField(
        label=_("Getekend namens de gemeente door"), max_length=150, required=False
    )
    signed_on = forms.DateField(label=_("Getekend op"), widget=DATE_WIDGET, required=False)

    def __init__(self, *args: Any, region: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if region is not None:
            self.fields["municipality"].queryset = Municipality.objects.filter(region=region)  # type: ignore[attr-defined]


class ProposalForm(forms.Form):
    motivation = _textarea(
        _("Waarom past deze kandidaat?"),
        help_text=_("De werkgever leest dit. Schrijf geen naam, adres, leeftijd of gezondheid op."),
    )


class StatusForm(ServiceErrorsMixin, forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), widget=forms.RadioSelect)
    reason = forms.ChoiceField(
        label=_("Reden (bij afwijzen)"),
        choices=[("", _("Kies een reden")), *DeclineReason.choices],
        required=False,
    )
    explanation = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (code, ProposalStatus(code).label) for code in allowed
        ]


class PlacementForm(ServiceErrorsMixin, forms.Form):
    start_date = forms.DateField(label=_("Startdatum"), widget=DATE_WIDGET)
    contract_type = forms.ChoiceField(
        label=_("Soort contract"), choices=[("", _("Kies een contract")), *ContractType.choices]
    )
    hours_per_week = forms.IntegerField(label=_("Uren per week"), min_value=1, max_value=60)
    wage = forms.DecimalField(
        label=_("Loon (bruto, in euro)"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        required=False,
    )
    wage_period = forms.ChoiceField(label=_("Loon per"), choices=WagePeriod.choices)
    instruments = forms.MultipleChoiceField(
        label=_("Ingezette instrumenten"),
        choices=Instrument.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    outflow = forms.ChoiceField(
        label=_("Uitstroom"), choices=Outflow.choices, widget=forms.RadioSelect
    )


class CancelPlacementForm(ServiceErrorsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Waarom schrapt u deze plaatsing?"),
        max_length=300,
        help_text=_(
            "Bijvoorbeeld: bij de verkeerde voordracht vastgelegd. Schrijf geen gezondheid op."
        ),
        error_messages={"required": _("Schrijf op waarom u de plaatsing schrapt.")},
    )


class FollowUpForm(ServiceErrorsMixin, forms.Form):
    still_employed = forms.TypedChoiceField(
        label=_("Werkt de persoon nog bij deze werkgever?"),
        choices=[("ja", _("Ja, werkt nog")), ("nee", _("Nee, werkt er niet meer"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            ("approve", _("Goedkeuren en publiceren")),
            ("reject", _("Afwijzen, terug naar concept")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class EmployerSettingsForm(forms.Form):
    review_vacancies = forms.BooleanField(
        label=_("Vacatures van werkgevers eerst laten beoordelen door het werkgeversservicepunt"),
        required=False,
    )
