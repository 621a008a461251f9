"""Template filters that show labels instead of codes on the employers pages."""

from typing import Any

from django import template

from werkroute.employers import labels

register = template.Library()


@register.filter
def choice_labels(instance: Any, field_name: str) -> list[str]:
    """{{ agreement|choice_labels:"target_groups"|join:", " }}"""
    if instance is None:
        return []
    return labels.choice_labels(instance, field_name)


@register.filter
def sbi_label(code: str) -> str:
    """{{ profile.sbi_code|sbi_label }}: the code with the name of its SBI section."""
    return labels.sbi_label(code)
