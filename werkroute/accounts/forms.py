import re
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from werkroute.accounts.services import APP_CODE_DIGITS, BACKUP_CODE_DIGITS, LogoUpload
from werkroute.core.models import LOGO_CONTENT_TYPES, LOGO_MAX_BYTES, Municipality, Region


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet. "
            "Let op hoofdletters en kleine letters."
        ),
        "inactive": _("Dit account is niet actief. Neem contact op met uw beheerder."),
    }


CODE_SEPARATORS = re.compile(r"[\s-]")
CODE_ATTRS = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "autocapitalize": "off",
    "spellcheck": "false",
}
CODE_LENGTHS = {"app": APP_CODE_DIGITS, "backup": BACKUP_CODE_DIGITS}
WRONG_APP_CODE = _("Deze code klopt niet. Kijk in de app en vul de code in die u nu ziet.")
WRONG_BACKUP_CODE = _("Deze reservecode klopt niet of is al gebruikt.")
TOO_SOON = _("U heeft te vaak een verkeerde code ingevuld. Wacht even en probeer het dan opnieuw.")


class OneTimeCodeForm(forms.Form):
    """The code the authenticator app shows now; `lengths` lists the accepted numbers of digits."""

    lengths: tuple[int, ...] = (APP_CODE_DIGITS,)
    format_error = _("Vul de code van %(app)s cijfers in die de app nu laat zien.")

    code = forms.CharField(
        label=_("Code uit de app"),
        max_length=32,
        widget=forms.TextInput(attrs=CODE_ATTRS),
    )

    def clean_code(self) -> str:
        code = CODE_SEPARATORS.sub("", self.cleaned_data["code"])
        if not (code.isascii() and code.isdigit() and len(code) in self.lengths):
            raise forms.ValidationError(self.format_error, params=CODE_LENGTHS)
        return code

    def refuse(self, *, too_soon: bool) -> None:
        """Show why the code was refused."""
        if too_soon:
            message = TOO_SOON
        elif len(self.cleaned_data["code"]) == APP_CODE_DIGITS:
            message = WRONG_APP_CODE
        else:
            message = WRONG_BACKUP_CODE
        self.add_error("code", message)


class VerifyCodeForm(OneTimeCodeForm):
    """At login: the app's code, or one of the backup codes."""

    lengths = (APP_CODE_DIGITS, BACKUP_CODE_DIGITS)
    format_error = _(
        "Vul de code van %(app)s cijfers uit de app in, of een reservecode van %(backup)s cijfers."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code")
        self.fields["code"].help_text = (
            _(
                "De %(app)s cijfers uit de app op uw telefoon. Telefoon niet bij de hand? "
                "Vul dan een reservecode van %(backup)s cijfers in."
            )
            % CODE_LENGTHS
        )


# What a file starts with tells its type; the name and the browser's claim can lie.
RASTER_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
# Anything in an SVG that could run code when the file is opened on its own.
SVG_ACTIVE_CONTENT = re.compile(
    r"<\s*script|[\s\"'/]on[a-z]+\s*=|javascript\s*:|<\s*foreignobject", re.IGNORECASE
)
SVG_ROOT = re.compile(r"<svg[\s>]", re.IGNORECASE)


def sniff_image_type(content: bytes) -> str | None:
    """The image type from the file's first bytes; None when it is no PNG, JPEG, WebP or SVG."""
    for signature, content_type in RASTER_SIGNATURES:
        if content.startswith(signature):
            return content_type
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return "image/svg+xml" if SVG_ROOT.search(text) else None


def read_logo(upload: UploadedFile) -> LogoUpload:
    """Check an uploaded logo and return its bytes and type; ValidationError in plain Dutch."""
    if upload.size is not None and upload.size > LOGO_MAX_BYTES:
        raise forms.ValidationError(
            _("Het logo is te groot (%(size)s). Het mag hoogstens %(limit)s zijn."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(LOGO_MAX_BYTES)},
        )
    content = upload.read(LOGO_MAX_BYTES + 1)
    if len(content) > LOGO_MAX_BYTES:
        raise forms.ValidationError(
            _("Het logo is te groot. Het mag hoogstens %(limit)s zijn."),
            params={"limit": filesizeformat(LOGO_MAX_BYTES)},
        )
    content_type = sniff_image_type(content)
    if content_type not in LOGO_CONTENT_TYPES:
        raise forms.ValidationError(
            _("Dit bestand kunnen we niet gebruiken. Kies een PNG, SVG, JPEG of WebP.")
        )
    if content_type == "image/svg+xml" and SVG_ACTIVE_CONTENT.search(content.decode("utf-8-sig")):
        raise forms.ValidationError(
            _(
                "Dit SVG-bestand bevat code (bijvoorbeeld een script). Dat is niet veilig. "
                "Kies een ander bestand of sla het logo op als PNG."
            )
        )
    return LogoUpload(content=content, content_type=content_type)


class BrandingForm(forms.ModelForm):
    """Name, logo, colour and contact details of a region or municipality."""

    logo = forms.FileField(
        label=_("Nieuw logo"),
        required=False,
        help_text=_("PNG, SVG, JPEG of WebP, hoogstens 200 kB. Het liefst vierkant."),
        widget=forms.FileInput(attrs={"accept": ",".join(LOGO_CONTENT_TYPES)}),
    )
    remove_logo = forms.BooleanField(label=_("Logo verwijderen"), required=False)

    branding_fields = [
        "name",
        "primary_colour",
        "contact_email",
        "contact_phone",
        "website",
        "address",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["primary_colour"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false"}
        )
        self.fields["contact_phone"].widget.input_type = "tel"
        for field in self.fields.values():
            field.label = capfirst(field.label)

    def clean_primary_colour(self) -> str:
        return self.cleaned_data["primary_colour"].strip().lower()

    def clean_logo(self) -> LogoUpload | None:
        upload = self.cleaned_data.get("logo")
        return read_logo(upload) if upload else None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("logo") and data.get("remove_logo"):
            self.add_error(
                "remove_logo", _("Kies een nieuw logo óf 'logo verwijderen', niet allebei.")
            )
        return data

    @property
    def changes(self) -> dict[str, Any]:
        """The plain fields to save (the logo goes separately)."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class RegionSettingsForm(BrandingForm):
    class Meta:
        model = Region
        fields = BrandingForm.branding_fields


class MunicipalitySettingsForm(BrandingForm):
    class Meta:
        model = Municipality
        fields = BrandingForm.branding_fields
