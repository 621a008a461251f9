"""Model fields shared by the domain apps."""

from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Lookup
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"


class ChoiceSetField(models.TextField):
    """A set of codes from a fixed vocabulary, stored as ``|a|b|``.

    Both SQLite and PostgreSQL can filter it with the ``has`` and ``has_any`` lookups (a LIKE on
    ``|code|``), so multi-valued enumerations such as target groups need no join table and
    behave the same on both databases. Values come back as a list in vocabulary order.
    """

    description = "A set of choice codes"

    def __init__(self, *args: Any, item_choices: Sequence[tuple[str, Any]] = (), **kwargs: Any):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    @property
    def codes(self) -> list[str]:
        return [code for code, _label in self.item_choices]

    def _ordered(self, values: Iterable[str]) -> list[str]:
        wanted = set(values)
        return [code for code in self.codes if code in wanted]

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> list[str]:
        return self.to_python(value)

    def to_python(self, value: Any) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [code for code in value.split(SEPARATOR) if code]
        return list(value)

    def get_prep_value(self, value: Any) -> str:
        codes = self.to_python(value)
        if not codes:
            return ""
        return SEPARATOR + SEPARATOR.join(self._ordered(codes)) + SEPARATOR

    def validate(self, value: Any, model_instance: Any) -> None:
        codes = self.to_python(value)
        unknown = sorted(set(codes) - set(self.codes))
        if unknown:
            raise ValidationError(
                _("Onbekende waarde: %(values)s"), params={"values": ", ".join(unknown)}
            )
        if not codes and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def value_to_string(self, obj: models.Model) -> str:
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs: Any) -> forms.Field:
        defaults: dict[str, Any] = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.item_choices,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("max_length", "empty_value", "choices_form_class", "coerce"):
            defaults.pop(key, None)
        return form_class(**defaults)

    def label_of(self, code: str) -> str:
        return str(dict(self.item_choices).get(code, code))


@ChoiceSetField.register_lookup
class Has(Lookup):
    """``target_groups__has="youth"``: the set contains this code."""

    lookup_name = "has"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} LIKE %s", [*lhs_params, f"%{SEPARATOR}{self.rhs}{SEPARATOR}%"]


@ChoiceSetField.register_lookup
class HasAny(Lookup):
    """``themes__has_any=["work", "money"]``: the set contains at least one of these codes."""

    lookup_name = "has_any"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        codes = list(self.rhs)
        if not codes:
            return "1 = 0", []
        clause = " OR ".join(f"{lhs} LIKE %s" for _code in codes)
        params: list[Any] = []
        for code in codes:
            params.extend([*lhs_params, f"%{SEPARATOR}{code}{SEPARATOR}%"])
        return f"({clause})", params
