"""Forms of the partner portal: an organisation's offerings and locations."""

from typing import Any

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from werkroute.catalogue.models import Location, Offering, Organisation
from werkroute.core import geo
from werkroute.core.models import Municipality
from werkroute.taxonomy.forms import OccupationChoiceField

# The editor's sections, in the order a partner thinks about an offering.
OFFERING_FIELDSETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        _("Wat en voor wie"),
        (
            "kind",
            "title",
            "description",
            "target_groups",
            "themes",
            "languages",
            "cost",
            "cost_details",
        ),
    ),
    (
        _("Waar en wanneer"),
        (
            "attendance_mode",
            "location",
            "other_locations",
            "opening_hours",
            "starts_at",
            "ends_at",
            "recurrence",
            "recurrence_until",
            "capacity",
            "open_to",
        ),
    ),
    (
        _("Aanmelden en contact"),
        ("join_methods", "signup_url", "contact_email", "contact_phone"),
    ),
    (
        _("Werk (alleen bij vacatures en werkplekken)"),
        (
            "occupation",
            "sector",
            "hours_min",
            "hours_max",
            "contract_type",
            "salary_min",
            "salary_max",
            "salary_period",
            "positions",
            "driving_licences",
            "language_level",
            "education_level",
            "certificates",
            "inclusive_employer",
        ),
    ),
    (_("Publicatie"), ("publish_from", "publish_until")),
)
EMPTY_CHOICE = _("(geen keuze)")
CHOOSE = _("Maak een keuze")
DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
HELP_TEXTS = {
    "title": _("Kort en duidelijk. Bijvoorbeeld: Sollicitatietraining voor 55-plussers."),
    "description": _(
        "Vertel in gewone woorden wat het is, voor wie het is en wat iemand eraan heeft."
    ),
    "starts_at": _("Datum en begintijd. Verplicht bij een banenmarkt, training of bijeenkomst."),
    "ends_at": _("Datum en eindtijd."),
    "recurrence_until": _("Leeg laten als het steeds doorgaat."),
    "publish_from": _("Vanaf deze dag staat het aanbod op de routekaart, als het gepubliceerd is."),
    "publish_until": _("Leeg laten als het zichtbaar blijft tot het voorbij is."),
    "salary_min": _("Bruto, in euro's. Bijvoorbeeld 14,40."),
}


def _name_the_empty_choice(field: forms.Field) -> None:
    """Say in words what the empty option of a select means, where Django shows dashes."""
    label = CHOOSE if field.required else EMPTY_CHOICE
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = label
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if choices and list(choices[0]) == list(BLANK_CHOICE_DASH[0]):
            field.choices = [("", label), *choices[1:]]


class OfferingForm(forms.ModelForm):
    """Everything a partner fills in about one offering; the model's own rules check it."""

    fieldsets = OFFERING_FIELDSETS
    occupation = OccupationChoiceField(required=False)

    class Meta:
        model = Offering
        fields = [name for _legend, names in OFFERING_FIELDSETS for name in names]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
            ),
            "recurrence_until": forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
            "publish_from": forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
            "publish_until": forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
            "other_locations": forms.CheckboxSelectMultiple,
            "open_to": forms.CheckboxSelectMultiple,
            "contact_phone": forms.TextInput(attrs={"type": "tel"}),
            "salary_min": forms.TextInput(attrs={"inputmode": "decimal"}),
            "salary_max": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
        localized_fields = ["salary_min", "salary_max"]
        help_texts = HELP_TEXTS
        # Both are "aantal plekken" in the model; side by side in one form they need telling apart.
        labels = {
            "capacity": _("Maximaal aantal deelnemers"),
            "positions": _("Aantal vacatures of werkplekken"),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        own_locations = Location.objects.filter(organisation=organisation)
        self.fields["location"].queryset = own_locations
        self.fields["other_locations"].queryset = own_locations
        self.fields["open_to"].queryset = Municipality.objects.filter(region=organisation.region)
        for field in self.fields.values():
            field.label = capfirst(field.label)
            _name_the_empty_choice(field)
        self.fields["location"].empty_label = _("Geen locatie (alleen online)")

    def fieldset_list(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]


class LocationForm(forms.ModelForm):
    """A place where an organisation runs its offerings; the postcode puts it on the map."""

    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=8,
        help_text=_("Bijvoorbeeld 3511 AB"),
        error_messages={"max_length": _("Een postcode heeft 4 cijfers en 2 letters.")},
    )

    class Meta:
        model = Location
        fields = ["name", "street_address", "postcode", "city", "accessibility"]
        help_texts = {
            "city": _("Leeg laten om de plaats bij de postcode te gebruiken."),
            "accessibility": _(
                "Bijvoorbeeld: rolstoeltoegankelijk, lift aanwezig, "
                "ringleiding, parkeren voor de deur."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.place: geo.Place | None = None
        self.fields["city"].required = False
        for field in self.fields.values():
            field.label = capfirst(field.label)

    def clean_postcode(self) -> str:
        try:
            self.place = geo.locate_postcode(self.cleaned_data["postcode"])
        except geo.PostcodeError as exc:
            raise forms.ValidationError(str(exc)) from None
        return self.place.postcode

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("city") and self.place is not None:
            data["city"] = self.place.place
            if not data["city"]:
                self.add_error("city", _("Vul de plaats in."))
        return data
