"""Small helpers the staff and self-service views share."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's refusal on the form: next to the field when the form has it, else on top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.message_dict.items():
        field = name if name in form.fields else None
        if name == NON_FIELD_ERRORS:
            field = None
        form.add_error(field, errors)
