"""Forms of the referral pages: refer a person, act on a referral, filter the list.

The services have the last word on the rules; their errors land on these fields.
"""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkroute.casework.constants import ALWAYS_SHARED, ReferralStatus, SharedItem
from werkroute.casework.forms import DATE_WIDGET, TEXT_ROWS
from werkroute.catalogue.models import Organisation
from werkroute.core.forms import ServiceErrorsMixin

OPTIONAL_ITEMS = [(code, label) for code, label in SharedItem.choices if code not in ALWAYS_SHARED]


class ReferralForm(ServiceErrorsMixin, forms.Form):
    service_fields = {"consent_given_on": "consent"}

    organisation = forms.ChoiceField(
        label=_("Naar welke partner?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een partner."),
            "invalid_choice": _("Kies een partner uit de lijst."),
        },
    )
    question = forms.CharField(
        label=_("Wat vraagt u de partner?"),
        max_length=2000,
        help_text=_("Bijvoorbeeld: kunt u helpen met een plan voor de schulden?"),
        widget=forms.Textarea(attrs={"rows": TEXT_ROWS}),
        error_messages={
            "required": _("Schrijf op wat u de partner vraagt."),
            "max_length": _("Schrijf de vraag korter: hooguit %(limit_value)d tekens."),
        },
    )
    shared_items = forms.MultipleChoiceField(
        label=_("Welke gegevens heeft de partner nodig?"),
        required=False,
        choices=OPTIONAL_ITEMS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Naam, e-mailadres en telefoonnummer gaan altijd mee. "
            "Kies alleen wat de partner echt nodig heeft."
        ),
        error_messages={"invalid_choice": _("Kies alleen gegevens uit de lijst.")},
    )
    consent = forms.BooleanField(
        label=_("De werkzoekende geeft toestemming om deze gegevens met de partner te delen."),
        required=False,
    )
    consent_given_on = forms.DateField(
        label=_("Toestemming gegeven op"),
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 12-03-2026.")},
    )
    confirm_unresponsive = forms.BooleanField(
        label=_("Ik weet dat deze partner vaak laat reageert, en verwijs toch door."),
        required=False,
    )

    def __init__(self, *args: Any, partners: list[Organisation], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("consent_given_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.partners = {str(p.public_id): p for p in partners}
        self.fields["organisation"].choices = [(key, p.name) for key, p in self.partners.items()]

    def chosen_partner(self) -> Organisation | None:
        return self.partners.get(self.cleaned_data.get("organisation") or "")

    def consent_date(self) -> Any:
        """The date of consent, or None without the tick (the service then refuses)."""
        if not self.cleaned_data.get("consent"):
            return None
        return self.cleaned_data.get("consent_given_on") or timezone.localdate()


class ReferralActionForm(ServiceErrorsMixin, forms.Form):
    """One action on a referral, with a text where the action needs one."""

    service_fields = {"reason": "text", "answer": "text"}

    action = forms.ChoiceField(
        label=_("Wat wilt u doen?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wat u wilt doen."),
            "invalid_choice": _("Dit kan nu niet. Kies een van de mogelijkheden."),
        },
    )
    text = forms.CharField(
        label=_("Toelichting of antwoord"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": TEXT_ROWS + 2}),
        help_text=_("Nodig bij beantwoorden, afwijzen en intrekken."),
        error_messages={"max_length": _("Schrijf het korter: hooguit %(limit_value)d tekens.")},
    )

    def __init__(self, *args: Any, actions: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = actions


class ReferralFilterForm(forms.Form):
    overdue = forms.BooleanField(label=_("Alleen verwijzingen die te laat zijn"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle statussen")), *ReferralStatus.choices],
    )
