"""Form helpers shared by the apps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


class ServiceErrorsMixin:
    """Put a service's ValidationError on the form's own fields (or above the form).

    service_fields maps a service's field name to the form's, where they differ.
    """

    service_fields: dict[str, str] = {}
    result: Any = None

    def add_service_errors(self, error: ValidationError) -> None:
        form: forms.Form = self  # type: ignore[assignment]
        if not hasattr(error, "error_dict"):
            form.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            target = self.service_fields.get(name, name)
            form.add_error(target if target in form.fields else None, errors)

    def submit(self, save: Callable[[dict[str, Any]], Any]) -> bool:
        """Hand valid data to a service; True when it saved (its return value in .result).

        A refusal (ValidationError) shows on the form, and nothing is saved.
        """
        form: forms.Form = self  # type: ignore[assignment]
        if not form.is_valid():
            return False
        try:
            self.result = save(form.cleaned_data)
        except ValidationError as error:
            self.add_service_errors(error)
            return False
        return True
