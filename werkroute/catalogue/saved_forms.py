"""Forms of a resident's saved searches and offerings (see views/saved.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from werkroute.catalogue.models import AlertFrequency, SavedSearch

# A route-map query string as the page sends it; the service normalises and checks it.
MAX_POSTED_QUERY_LENGTH = 4000


class SaveSearchForm(forms.Form):
    query_string = forms.CharField(
        required=False, max_length=MAX_POSTED_QUERY_LENGTH, widget=forms.HiddenInput
    )
    name = forms.CharField(
        label=_("Naam van de zoekopdracht"),
        required=False,
        max_length=SavedSearch._meta.get_field("name").max_length,
        help_text=_("Niet verplicht. Bijvoorbeeld: werk in de zorg"),
        error_messages={"max_length": _("Gebruik maximaal %(limit_value)d tekens voor de naam.")},
    )
    frequency = forms.ChoiceField(
        label=_("E-mail bij nieuw aanbod"),
        choices=AlertFrequency.choices,
        initial=AlertFrequency.WEEKLY,
        error_messages={"invalid_choice": _("Kies hoe vaak u een e-mail wilt krijgen.")},
    )
