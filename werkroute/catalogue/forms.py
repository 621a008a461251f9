"""Forms of the route map: the public search and the partner portal's offering editor."""

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from werkroute.catalogue.constants import OfferingKind, SortOrder, TargetGroup, Theme
from werkroute.catalogue.search import SearchParams
from werkroute.core import geo
from werkroute.core.models import Municipality, Neighbourhood

MAX_QUERY_LENGTH = 200
MAX_DATE_SPAN_DAYS = 3 * 366


class SearchForm(forms.Form):
    """Validates the route map's query string; every search is a shareable URL."""

    q = forms.CharField(
        label=_("Zoek op woord"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Uw zoekvraag is te lang. Gebruik maximaal %(limit_value)d tekens.")
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.MultipleChoiceField(
        label=_("Soort"),
        required=False,
        choices=OfferingKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    group = forms.MultipleChoiceField(
        label=_("Voor wie"),
        required=False,
        choices=[c for c in TargetGroup.choices if c[0] != TargetGroup.EVERYONE],
        widget=forms.CheckboxSelectMultiple,
    )
    theme = forms.MultipleChoiceField(
        label=_("Onderwerp"),
        required=False,
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        required=False,
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        empty_label=_("Alle gemeenten"),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Wijk"),
        required=False,
        queryset=Neighbourhood.objects.select_related("municipality"),
        to_field_name="code",
        empty_label=_("Alle wijken"),
    )
    postcode = forms.CharField(
        label=_("Uw postcode"),
        required=False,
        max_length=8,
        help_text=_("Bijvoorbeeld 2011 of 2011 AB"),
        error_messages={"max_length": _("Een postcode heeft 4 cijfers en eventueel 2 letters.")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text"}),
    )
    radius = forms.IntegerField(
        label=_("Maximale afstand (km)"),
        required=False,
        min_value=1,
        max_value=settings.CATALOGUE_MAX_RADIUS_KM,
        error_messages={
            "min_value": _("Kies een afstand van minstens %(limit_value)s km."),
            "max_value": _("Kies een afstand van hoogstens %(limit_value)s km."),
            "invalid": _("Vul de afstand in als een heel getal, bijvoorbeeld 10."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    date_from = forms.DateField(
        label=_("Vanaf datum"),
        required=False,
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-12-01.")},
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_until = forms.DateField(
        label=_("Tot en met datum"),
        required=False,
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-12-31.")},
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    free = forms.BooleanField(label=_("Alleen gratis"), required=False)
    sort = forms.ChoiceField(
        label=_("Sorteren op"),
        required=False,
        choices=SortOrder.choices,
        initial=SortOrder.RELEVANCE,
    )

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean_postcode(self) -> geo.Place | None:
        raw = self.cleaned_data["postcode"].strip()
        if not raw:
            return None
        try:
            return geo.locate_postcode(raw)
        except geo.PostcodeError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_until")
        if start and end and end < start:
            self.add_error(
                "date_until", _("De einddatum ligt voor de begindatum. Kies een latere einddatum.")
            )
        elif start and end and (end - start) > dt.timedelta(days=MAX_DATE_SPAN_DAYS):
            self.add_error("date_until", _("Kies een periode van hoogstens drie jaar."))
        has_origin = bool(data.get("postcode")) or bool(self.data.get("postcode"))
        if data.get("radius") and not has_origin:
            self.add_error("postcode", _("Vul uw postcode in om op afstand te zoeken."))
        if data.get("sort") == SortOrder.DISTANCE and not has_origin:
            self.add_error("postcode", _("Vul uw postcode in om op afstand te sorteren."))
        return data

    def to_params(self) -> SearchParams:
        data = self.cleaned_data
        return SearchParams(
            q=data.get("q", ""),
            kinds=data.get("kind", []),
            target_groups=data.get("group", []),
            themes=data.get("theme", []),
            municipality=data.get("municipality"),
            neighbourhood=data.get("neighbourhood"),
            origin=data.get("postcode"),
            radius_km=data.get("radius"),
            date_from=data.get("date_from"),
            date_until=data.get("date_until"),
            free_only=bool(data.get("free")),
            sort=data.get("sort") or SortOrder.RELEVANCE,
        )

    @property
    def filter_count(self) -> int:
        """How many filters (beyond the words) are active: shown on the 'Filters' toggle."""
        if not self.is_bound:
            return 0
        names = (
            "kind",
            "group",
            "theme",
            "municipality",
            "neighbourhood",
            "radius",
            "date_from",
            "date_until",
            "free",
        )
        return sum(1 for name in names if self.data.getlist(name) and any(self.data.getlist(name)))
