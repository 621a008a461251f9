"""Render form widgets with NL Design System classes and accessible error wiring."""

from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()

WIDGET_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.RadioSelect: "",
    forms.ClearableFileInput: "",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


@register.simple_tag
def styled_widget(bound_field: forms.BoundField) -> SafeString:
    widget = bound_field.field.widget
    css = next((c for kind, c in WIDGET_CLASSES.items() if isinstance(widget, kind)), TEXTBOX)
    attrs: dict[str, Any] = {}
    if css:
        attrs["class"] = css
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.id_for_label}-help")
    if bound_field.errors:
        described.append(f"{bound_field.id_for_label}-error")
        attrs["aria-invalid"] = "true"
        attrs["class"] = attrs.get("class", "") + " utrecht-textbox--invalid"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)
