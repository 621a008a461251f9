"""Forms of casework pages. Each turns input into what one service takes; the service has the
last word on the rules, and its errors are shown on the same fields (add_service_errors)."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from werkroute.casework.constants import (
    DEFAULT_APPOINTMENT_MINUTES,
    ActionStatus,
    AppointmentChannel,
    AppointmentKind,
    ConversationKind,
    Owner,
    ReminderChannel,
    TargetGroup,
)
from werkroute.casework.queries import CaseloadFilters
from werkroute.casework.services import ConversationInput, ObstacleInput
from werkroute.catalogue.models import Offering
from werkroute.core.forms import ServiceErrorsMixin
from werkroute.jobseekers.constants import ObstacleKind
from werkroute.jobseekers.models import Obstacle

MAX_BENEFIT_MONTHS = 600
MAX_QUERY_LENGTH = 200
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_ROWS = 3


def _textarea(label: Any, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": TEXT_ROWS}),
    )


# --- Caseload filters ----------------------------------------------------------------------


class CaseloadFilterForm(forms.Form):
    no_conversation = forms.BooleanField(label=_("Nog geen gesprek gehad"), required=False)
    follow_up_overdue = forms.BooleanField(label=_("Vervolgafspraak te laat"), required=False)
    obstacle = forms.ChoiceField(
        label=_("Belemmering"),
        required=False,
        choices=[("", _("Alle belemmeringen")), *ObstacleKind.choices],
    )
    benefit_months = forms.IntegerField(
        label=_("Uitkering minstens zoveel maanden"),
        required=False,
        min_value=0,
        max_value=MAX_BENEFIT_MONTHS,
        help_text=_("Bijvoorbeeld 18"),
        error_messages={
            "invalid": _("Vul een heel getal in, bijvoorbeeld 18."),
            "min_value": _("Vul 0 of meer in."),
            "max_value": _("Vul hoogstens %(limit_value)s in."),
        },
    )
    target_group = forms.ChoiceField(
        label=_("Doelgroep"),
        required=False,
        choices=[("", _("Alle doelgroepen")), *TargetGroup.choices],
    )

    def filters(self) -> CaseloadFilters:
        if not self.is_valid():
            return CaseloadFilters()
        data = self.cleaned_data
        return CaseloadFilters(
            no_conversation=data["no_conversation"],
            follow_up_overdue=data["follow_up_overdue"],
            obstacle_kind=data["obstacle"],
            benefit_months_min=data["benefit_months"],
            target_group=data["target_group"],
        )


# --- The conversation ----------------------------------------------------------------------


def impact_field(kind: str) -> str:
    return f"impact_{kind}"


def goal_field(kind: str) -> str:
    return f"goal_{kind}"


class ConversationForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort gesprek"), choices=ConversationKind.choices, widget=forms.RadioSelect
    )
    held_on = forms.DateField(label=_("Datum van het gesprek"), widget=DATE_WIDGET)
    talents = _textarea(_("Talenten"), _("Waar is de persoon goed in? Wat doet hij of zij graag?"))
    needs = _textarea(_("Wat is er nodig?"), _("Welke hulp of ondersteuning helpt?"))
    ambitions = _textarea(_("Ambities"), _("Welk werk wil de persoon doen? Wat is de droom?"))
    obstacle_kinds = forms.MultipleChoiceField(
        label=_("Wat staat werk in de weg?"),
        required=False,
        choices=ObstacleKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vink aan wat speelt. Schrijf daaronder op wat het betekent voor werk."),
    )
    obstacles_note = _textarea(_("Toelichting op de belemmeringen"))
    other_goal = forms.CharField(
        label=_("Ander doel"),
        required=False,
        max_length=300,
        help_text=_("Een doel dat niet bij een belemmering hoort."),
    )
    agreements = _textarea(_("Wat hebben we afgesproken?"))
    next_steps = _textarea(_("Wat zijn de volgende stappen?"))
    follow_up_on = forms.DateField(
        label=_("Volgend contact uiterlijk op"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Vul in wanneer u elkaar uiterlijk weer spreekt."),
    )

    def __init__(
        self, *args: Any, active_obstacles: Sequence[Obstacle] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in ObstacleKind.choices:
            self.fields[impact_field(kind)] = _textarea(
                capfirst(_("%(obstacle)s: wat betekent het voor werk?") % {"obstacle": label}),
                _("Geen diagnose of medische gegevens."),
            )
            self.fields[goal_field(kind)] = forms.CharField(
                label=capfirst(_("%(obstacle)s: doel") % {"obstacle": label}),
                required=False,
                max_length=300,
            )
        if not self.is_bound:
            self._set_initial(active_obstacles)

    def _set_initial(self, active_obstacles: Sequence[Obstacle]) -> None:
        self.initial.setdefault("held_on", timezone.localdate())
        self.initial["obstacle_kinds"] = [o.kind for o in active_obstacles]
        for obstacle in active_obstacles:
            self.initial[impact_field(obstacle.kind)] = obstacle.impact

    def obstacle_rows(self) -> list[tuple[str, Any, forms.BoundField, forms.BoundField]]:
        """Per obstacle kind: code, label, its impact field and its goal field."""
        return [
            (kind, label, self[impact_field(kind)], self[goal_field(kind)])
            for kind, label in ObstacleKind.choices
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        picked = set(data.get("obstacle_kinds") or [])
        for kind in ObstacleKind.values:
            # Text written under an obstacle that was not ticked still counts as ticked.
            if (data.get(impact_field(kind)) or "").strip():
                picked.add(kind)
            elif kind in picked:
                self.add_error(impact_field(kind), _("Schrijf op wat dit betekent voor werk."))
        data["obstacle_kinds"] = [k for k in ObstacleKind.values if k in picked]
        return data

    def to_input(self) -> ConversationInput:
        data = self.cleaned_data
        return ConversationInput(
            held_on=data["held_on"],
            kind=data["kind"],
            talents=data["talents"],
            needs=data["needs"],
            ambitions=data["ambitions"],
            obstacles=tuple(
                ObstacleInput(
                    kind=kind, impact=data[impact_field(kind)], goal=data[goal_field(kind)]
                )
                for kind in data["obstacle_kinds"]
            ),
            obstacles_note=data["obstacles_note"],
            agreements=data["agreements"],
            next_steps=data["next_steps"],
            follow_up_on=data["follow_up_on"],
            other_goal=data["other_goal"],
        )


class ActionForm(ServiceErrorsMixin, forms.Form):
    description = forms.CharField(label=_("Wat gaat er gebeuren?"), max_length=300)
    owner = forms.ChoiceField(label=_("Wie doet het?"), choices=Owner.choices)
    due_on = forms.DateField(label=_("Klaar op"), required=False, widget=DATE_WIDGET)


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices)


# --- Appointments --------------------------------------------------------------------------


class AppointmentForm(ServiceErrorsMixin, forms.Form):
    service_fields = {"starts_at": "date"}

    kind = forms.ChoiceField(
        label=_("Soort afspraak"),
        choices=AppointmentKind.choices,
        initial=AppointmentKind.FOLLOW_UP,
    )
    date = forms.DateField(
        label=_("Datum"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een datum in, bijvoorbeeld 24-11-2026."),
        },
    )
    time = forms.TimeField(
        label=_("Tijd"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Vul een tijd in."),
            "invalid": _("Vul een tijd in, bijvoorbeeld 10:30."),
        },
    )
    duration_minutes = forms.IntegerField(
        label=_("Duur in minuten"),
        initial=DEFAULT_APPOINTMENT_MINUTES,
        min_value=1,
        error_messages={"invalid": _("Vul een heel getal in, bijvoorbeeld 45.")},
    )
    channel = forms.ChoiceField(
        label=_("Hoe spreekt u af?"),
        choices=AppointmentChannel.choices,
        initial=AppointmentChannel.IN_PERSON,
        widget=forms.RadioSelect,
    )
    place = forms.CharField(
        label=_("Plaats"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld het adres of de kamer."),
    )
    reminder_channel = forms.ChoiceField(
        label=_("Herinnering sturen"),
        choices=ReminderChannel.choices,
        initial=ReminderChannel.NONE,
        widget=forms.RadioSelect,
        help_text=_("De herinnering gaat 1 à 2 dagen voor de afspraak weg."),
    )

    def starts_at(self) -> dt.datetime:
        data = self.cleaned_data
        naive = dt.datetime.combine(data["date"], data["time"])
        return timezone.make_aware(naive, timezone.get_current_timezone())


class StatusForm(forms.Form):
    """Choose the next status among those the state machine allows; a reason where asked."""

    status = forms.ChoiceField(label=_("Nieuwe status"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": TEXT_ROWS}),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices
        self.fields["status"].error_messages["required"] = _("Kies een nieuwe status.")


# --- Route steps ---------------------------------------------------------------------------


class OfferingSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Zoek aanbod op de routekaart"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Bijvoorbeeld: heftruck, banenmarkt of solliciteren"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class RouteStepForm(ServiceErrorsMixin, forms.Form):
    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, widget=forms.HiddenInput)
    offering = forms.ChoiceField(label=_("Kies aanbod"), required=False)
    title = forms.CharField(
        label=_("Of beschrijf de stap zelf"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: cv maken met hulp van de bibliotheek"),
    )
    owner = forms.ChoiceField(
        label=_("Wie doet het?"),
        choices=Owner.choices,
        initial=Owner.JOB_SEEKER,
        widget=forms.RadioSelect,
    )
    due_on = forms.DateField(label=_("Klaar op"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args: Any, offerings: list[Offering], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offerings = {str(o.public_id): o for o in offerings}
        self.fields["offering"].choices = [("", _("Geen"))] + [
            (key, o.title) for key, o in self.offerings.items()
        ]
        self.fields["offering"].error_messages["invalid_choice"] = _(
            "Dit aanbod staat niet meer in de lijst. Zoek opnieuw."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["offering_obj"] = self.offerings.get(data.get("offering") or "")
        has_title = bool((data.get("title") or "").strip())
        if not data["offering_obj"] and not has_title and "offering" not in self.errors:
            self.add_error("title", _("Kies aanbod of beschrijf de stap."))
        return data
