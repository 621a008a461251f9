"""Forms of the job seeker's file, for staff and for the job seeker.

The profile forms are plain forms built from the model's fields, not ModelForms: a ModelForm would
change the file in memory while it validates, and the service needs the old values for the
history. The services check everything again; the forms give the first, friendly answer.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from werkroute.core.models import Municipality
from werkroute.jobseekers import display, services
from werkroute.jobseekers.models import (
    Ambition,
    CorrectionRequest,
    JobSeeker,
    Obstacle,
    WorkExperience,
)
from werkroute.jobseekers.validation import normalise_bsn
from werkroute.taxonomy.constants import LanguageLevel
from werkroute.taxonomy.forms import OccupationChoiceField
from werkroute.taxonomy.models import OccupationalField

DATE_FORMAT = "%Y-%m-%d"
EMPTY_CHOICE = _("(geen keuze)")
CHOOSE = _("Maak een keuze")
WIDGETS: dict[str, forms.Widget] = {
    "date_of_birth": forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    "benefit_start": forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    "benefit_end": forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    "email": forms.EmailInput(attrs={"autocomplete": "email"}),
    "postcode": forms.TextInput(attrs={"autocomplete": "postal-code", "size": 7}),
    "talents": forms.Textarea(attrs={"rows": 3}),
    "support_needed": forms.Textarea(attrs={"rows": 3}),
}
HELP_TEXTS = {
    "postcode": _("4 cijfers en 2 letters, bijvoorbeeld 3511AB."),
    "talents": _("Waar is deze persoon goed in? Wat doet hij of zij graag?"),
    "support_needed": _("Wat is nodig om aan het werk te gaan? Bijvoorbeeld een jobcoach."),
    "travel_radius_km": _("Hoe ver wil of kan iemand reizen naar werk, in kilometers."),
}
STAFF_FIELDSETS: tuple[tuple[Any, tuple[str, ...]], ...] = tuple(
    (title, (*names, "bsn") if names[0] == "first_name" else names)
    for title, names in display.PROFILE_SECTIONS
)
SELF_FIELDSETS: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (_("Contact"), ("email", "phone")),
    (_("Wanneer kunt u werken?"), ("hours_min", "hours_max", "available_days", "shifts")),
    (_("Reizen"), ("travel_radius_km", "travel_means")),
    (_("Waar bent u goed in?"), ("talents",)),
)


def _name_empty_choice(field: forms.Field) -> None:
    """Say in words what the empty option of a select means, where Django shows dashes."""
    label = CHOOSE if field.required else EMPTY_CHOICE
    if isinstance(field, forms.ModelChoiceField) and not isinstance(
        field, forms.ModelMultipleChoiceField
    ):
        field.empty_label = label
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        choices = list(field.choices)
        if choices and list(choices[0]) == list(BLANK_CHOICE_DASH[0]):
            field.choices = [("", label), *choices[1:]]


def _bsn_field(*, required: bool) -> forms.CharField:
    return forms.CharField(
        label=_("BSN"),
        max_length=14,
        required=required,
        help_text=(
            _("9 cijfers.")
            if required
            else _("Alleen invullen als het BSN moet veranderen. Nu: %(masked)s")
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 12}),
    )


class FieldsetMixin:
    fieldsets: tuple[tuple[Any, tuple[str, ...]], ...] = ()

    def fieldset_list(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [
            (legend, [self[name] for name in names if name in self.fields])  # type: ignore[index,attr-defined]
            for legend, names in self.fieldsets
        ]


class RegisterForm(FieldsetMixin, forms.Form):
    """The first facts of a new file; the rest is filled in on the edit page."""

    fieldsets = (
        (_("Persoon"), ("municipality", "first_name", "last_name", "bsn", "date_of_birth")),
        (_("Contact"), ("email", "phone", "postcode")),
        (_("Uitkering"), ("benefit_type", "benefit_start")),
    )

    def __init__(self, *args: Any, municipalities: QuerySet[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = list(municipalities.order_by("name")[:2])
        # With one municipality there is nothing to choose: it is filled in by clean().
        self.only_municipality = choices[0] if len(choices) == 1 else None
        if self.only_municipality is None:
            self.fields["municipality"] = forms.ModelChoiceField(
                queryset=municipalities.order_by("name"), label=_("Gemeente")
            )
        self.fields["bsn"] = _bsn_field(required=True)
        self.fields.update(
            fields_for_model(
                JobSeeker,
                fields=services.REGISTRATION_FIELDS,
                widgets=WIDGETS,
                help_texts=HELP_TEXTS,
            )
        )
        for field in self.fields.values():
            _name_empty_choice(field)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.only_municipality is not None:
            data["municipality"] = self.only_municipality
        return data


class ProfileForm(FieldsetMixin, forms.Form):
    """Fields of the file, filled with the current values."""

    field_names: tuple[str, ...] = ()

    def __init__(self, *args: Any, job_seeker: JobSeeker, **kwargs: Any) -> None:
        initial = {name: getattr(job_seeker, name) for name in self.field_names}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields.update(
            fields_for_model(
                JobSeeker, fields=self.field_names, widgets=WIDGETS, help_texts=HELP_TEXTS
            )
        )
        for field in self.fields.values():
            _name_empty_choice(field)


class StaffProfileForm(ProfileForm):
    fieldsets = STAFF_FIELDSETS
    field_names = display.PROFILE_FIELDS

    def __init__(self, *args: Any, job_seeker: JobSeeker, **kwargs: Any) -> None:
        super().__init__(*args, job_seeker=job_seeker, **kwargs)
        bsn = _bsn_field(required=False)
        bsn.help_text = bsn.help_text % {"masked": services.masked_bsn(job_seeker)}
        self.fields["bsn"] = bsn


class SelfProfileForm(ProfileForm):
    fieldsets = SELF_FIELDSETS
    field_names = tuple(
        name for name in display.PROFILE_FIELDS if name in services.SELF_EDITABLE_FIELDS
    )


class SearchForm(forms.Form):
    query = forms.CharField(
        label=_("Naam of BSN"),
        max_length=100,
        help_text=_("Een BSN moet helemaal kloppen. Bij een naam mag u een deel typen."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "type": "search"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        query = (data.get("query") or "").strip()
        digits = normalise_bsn(query)
        data["bsn"] = digits if digits.isdigit() else ""
        data["name"] = "" if data["bsn"] else query
        return data


class ObstacleForm(forms.ModelForm):
    class Meta:
        model = Obstacle
        fields = ["kind", "impact"]
        widgets = {"impact": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _name_empty_choice(self.fields["kind"])


class LanguageForm(forms.Form):
    language = forms.CharField(
        label=_("Taal"), max_length=40, help_text=_("Bijvoorbeeld Nederlands, Arabisch, Pools.")
    )
    level = forms.ChoiceField(
        label=_("Niveau"),
        required=False,
        choices=[("", EMPTY_CHOICE), *LanguageLevel.choices],
        help_text=_("Het niveau volgens het Europees Referentiekader (NT2 voor Nederlands)."),
    )


class ExperienceForm(forms.ModelForm):
    occupation = OccupationChoiceField(required=False)

    class Meta:
        model = WorkExperience
        fields = ["occupation", "description", "years"]
        help_texts = {"description": _("Als het beroep niet in de lijst staat.")}


class SkillForm(forms.Form):
    name = forms.CharField(label=_("Vaardigheid"), max_length=120)


class AmbitionForm(forms.ModelForm):
    occupation = OccupationChoiceField(required=False)

    class Meta:
        model = Ambition
        fields = ["occupation", "field", "note"]
        labels = {"field": _("Werkveld")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = OccupationalField.objects.order_by("name")
        _name_empty_choice(self.fields["field"])


class ItemChoiceForm(forms.Form):
    """Which part of this file a button is about; only parts of this file can be chosen."""

    item = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)

    def __init__(self, *args: Any, queryset: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = queryset  # type: ignore[attr-defined]


class HandleCorrectionForm(ItemChoiceForm):
    ACCEPT, REJECT = "accept", "reject"
    decision = forms.ChoiceField(choices=[(ACCEPT, _("Aangepast")), (REJECT, _("Niet aangepast"))])
    answer = forms.CharField(
        label=_("Antwoord aan de werkzoekende"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = CorrectionRequest
        fields = ["field", "proposed_value", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"] = forms.ChoiceField(
            label=_("Wat klopt er niet?"),
            choices=[
                ("", CHOOSE),
                *((name, display.field_label(name)) for name in services.CORRECTABLE_FIELDS),
            ],
        )
        self.fields["explanation"].help_text = _(
            "Bijvoorbeeld waarom het anders is. U hoeft geen bewijs te sturen."
        )
