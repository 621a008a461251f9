"""A form field for choosing an occupation by typing it: a typeahead with JavaScript, and
server-side recognition of what was typed without it.

The widget renders a text box (the occupation's name) and a hidden box with the chosen
occupation's id. ``occupation-typeahead.js`` turns the text box into an ARIA combobox that asks
``taxonomy:occupation_search`` for suggestions and fills in the hidden id. Without JavaScript, or
when someone types a title and does not pick from the list, the field recognises the text
(``queries.recognise_occupation``); when that is not clear enough, the form asks to choose and
names the best candidates. A plain id in the text box (as an API client or an old form posts it)
is accepted too.
"""

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkroute.core.text import normalise
from werkroute.taxonomy.models import Occupation
from werkroute.taxonomy.queries import recognise_occupation

# A recognised occupation is taken without asking when it scores at least this much and the
# next candidate trails it by at least the margin: (score, margin) pairs, either will do.
ACCEPT = ((0.9, 0.02), (0.6, 0.15))
ID_SUFFIX = "_id"


def _label_key(text: str) -> str:
    return normalise(text).replace(" ", "")


def _labels_of(occupation: Occupation) -> set[str]:
    labels = [
        *occupation.all_labels,
        occupation.esco_label,
        *occupation.esco_alt_label_list,
    ]
    return {_label_key(label) for label in labels if label}


class OccupationTypeahead(forms.Widget):
    """A text box with typeahead for an occupation, plus a hidden box with its id."""

    template_name = "taxonomy/widgets/occupation_typeahead.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, str]:
        return {
            "text": (data.get(name) or "").strip(),
            "id": (data.get(name + ID_SUFFIX) or "").strip(),
        }

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and name + ID_SUFFIX not in data

    def format_value(self, value: Any) -> dict[str, str]:
        if isinstance(value, dict):
            return {"text": value.get("text", ""), "id": value.get("id", "")}
        if isinstance(value, Occupation):
            return {"text": value.name, "id": str(value.pk)}
        if value in (None, ""):
            return {"text": "", "id": ""}
        occupation = Occupation.objects.filter(pk=value).only("name").first()
        if occupation is None:
            return {"text": "", "id": ""}
        return {"text": occupation.name, "id": str(occupation.pk)}

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["id_name"] = name + ID_SUFFIX
        widget["source"] = reverse("taxonomy:occupation_search")
        return context


class OccupationChoiceField(forms.ModelChoiceField):
    """Choose an occupation by typing it; see the module docstring."""

    widget = OccupationTypeahead
    default_error_messages = {
        "invalid_choice": _("Kies een beroep uit de lijst."),
        "not_recognised": _("Geen beroep gevonden voor '%(text)s'. Probeer een ander woord."),
        "choose": _("Welk beroep bedoelt u met '%(text)s'? Bijvoorbeeld: %(suggestions)s."),
    }

    def __init__(self, queryset: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Beroep"))
        kwargs.setdefault(
            "help_text", _("Typ een beroep, bijvoorbeeld heftruckchauffeur of schoonmaker.")
        )
        super().__init__(queryset if queryset is not None else Occupation.objects.all(), **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return value
        return super().prepare_value(value)

    def to_python(self, value: Any) -> Occupation | None:
        if isinstance(value, dict):
            text, chosen = value.get("text", ""), value.get("id", "")
        else:
            text, chosen = ("" if value is None else str(value)).strip(), ""
        if not text:
            return None
        if text.isdigit():  # an id, as a client without the typeahead may post it
            return super().to_python(text)
        if chosen.isdigit():
            occupation = self.queryset.filter(pk=chosen).first()
            if occupation is not None and _label_key(text) in _labels_of(occupation):
                return occupation
        return self._recognise(text)

    def _recognise(self, text: str) -> Occupation:
        candidates = recognise_occupation(text, limit=3)
        if not candidates:
            raise forms.ValidationError(
                self.error_messages["not_recognised"], code="not_recognised", params={"text": text}
            )
        best = candidates[0]
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        margin = best.score - runner_up
        if any(best.score >= score and margin >= gap for score, gap in ACCEPT):
            occupation = self.queryset.filter(pk=best.occupation_id).first()
            if occupation is not None:
                return occupation
        suggestions = ", ".join(candidate.label for candidate in candidates)
        raise forms.ValidationError(
            self.error_messages["choose"],
            code="choose",
            params={"text": text, "suggestions": suggestions},
        )

    def has_changed(self, initial: Any, data: Any) -> bool:
        if self.disabled:
            return False
        initial_id = str(initial.pk if isinstance(initial, Occupation) else initial or "")
        if isinstance(data, dict):
            if not data.get("text"):
                return bool(initial_id)
            return data.get("id", "") != initial_id or not data.get("id")
        return str(data or "") != initial_id
