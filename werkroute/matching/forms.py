from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkroute.matching.engine import PARTS
from werkroute.matching.models import MatchingSettings


class SettingsForm(forms.Form):
    enabled = forms.BooleanField(
        label=_("Matching staat aan voor deze gemeente"),
        required=False,
        help_text=_(
            "Zet u dit uit, dan ziet niemand in deze gemeente nog voorstellen: geen "
            "klantmanager, geen werkgeversadviseur en geen werkzoekende."
        ),
    )

    def __init__(self, *args: Any, instance_settings: MatchingSettings, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["enabled"].initial = instance_settings.enabled
        for part in PARTS:
            self.fields[f"weight_{part.code}"] = forms.FloatField(
                label=_("Gewicht: %(name)s") % {"name": part.name},
                min_value=0.0,
                max_value=1.0,
                initial=getattr(instance_settings, f"weight_{part.code}"),
                help_text=part.explains,
                error_messages={
                    "min_value": _("Een gewicht ligt tussen 0 en 1."),
                    "max_value": _("Een gewicht ligt tussen 0 en 1."),
                    "invalid": _("Vul een getal in, bijvoorbeeld 0,25."),
                },
                localize=True,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        weights = [data.get(f"weight_{p.code}") for p in PARTS]
        if all(w is not None for w in weights) and sum(weights) == 0:
            raise forms.ValidationError(
                _(
                    "Minstens één gewicht moet groter zijn dan 0. Wilt u geen voorstellen? Zet de matching dan uit."
                )
            )
        return data

    def weights(self) -> dict[str, float]:
        return {p.code: self.cleaned_data[f"weight_{p.code}"] for p in PARTS}
