"""The privacy officer's search form for the two logs."""

import datetime as dt
import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkroute.core.audit.crypto import DataSubject, is_valid_bsn
from werkroute.core.audit.models import ProcessingActivity
from werkroute.core.audit.services import HEX_TRACE_ID, LogSearch

MAX_REASON_LENGTH = 500


def _start_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def parse_subject(value: str) -> DataSubject:
    """A BSN (nine digits, eleven test) or an internal id (a UUID)."""
    digits = "".join(value.split()).replace(".", "")
    if digits.isdigit():
        if not is_valid_bsn(digits):
            raise forms.ValidationError(
                _("Dit is geen geldig BSN. Een BSN heeft 9 cijfers en klopt met de elfproef.")
            )
        return DataSubject.bsn(digits)
    try:
        return DataSubject.internal(uuid.UUID(value.strip()))
    except ValueError:
        raise forms.ValidationError(
            _(
                "Vul een BSN (9 cijfers) of een intern nummer in, zoals 1b4e28ba-2fa1-11d2-883f-0016d3cca427."
            )
        ) from None


class LogSearchForm(forms.Form):
    subject = forms.CharField(
        label=_("BSN of intern nummer van de betrokkene"),
        required=False,
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    trace_id = forms.CharField(
        label=_("Trace-id"),
        required=False,
        max_length=32,
        help_text=_("32 tekens, cijfers en de letters a tot en met f."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    activity = forms.ModelChoiceField(
        label=_("Verwerkingsactiviteit"),
        required=False,
        queryset=ProcessingActivity.objects.all(),
        to_field_name="code",
        empty_label=_("Alle verwerkingsactiviteiten"),
    )
    user = forms.CharField(
        label=_("Medewerker (gebruikersnaam of gebruikersnummer)"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    date_from = forms.DateField(
        label=_("Vanaf datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_until = forms.DateField(
        label=_("Tot en met datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=_("Reden van deze zoekopdracht"),
        required=False,
        max_length=MAX_REASON_LENGTH,
        help_text=_("Bijvoorbeeld het kenmerk van een inzageverzoek. Dit wordt vastgelegd."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_subject(self) -> DataSubject | None:
        value = self.cleaned_data["subject"].strip()
        return parse_subject(value) if value else None

    def clean_trace_id(self) -> str:
        value = self.cleaned_data["trace_id"].strip().lower()
        if value and not HEX_TRACE_ID.match(value):
            raise forms.ValidationError(
                _("Een trace-id heeft 32 tekens: cijfers en de letters a tot en met f.")
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_until")
        if start and end and end < start:
            self.add_error("date_until", _("Deze datum ligt vóór de 'vanaf'-datum."))
        return data

    def to_search(self) -> LogSearch:
        data = self.cleaned_data
        until = data.get("date_until")
        return LogSearch(
            subject=data.get("subject"),
            trace_id=data.get("trace_id", ""),
            activity=data.get("activity"),
            user=data.get("user", "").strip(),
            start=_start_of_day(data["date_from"]) if data.get("date_from") else None,
            end=_start_of_day(until + dt.timedelta(days=1)) if until else None,
        )
