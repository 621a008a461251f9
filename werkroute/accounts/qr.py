"""How a new authenticator app is shown: a QR code drawn on the server, and the secret in
readable groups for people who type it in (or cannot scan)."""

from base64 import b32encode

from django.utils.safestring import SafeString, mark_safe

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

QR_SCALE = 5


def qr_svg(text: str, *, title: str) -> SafeString:
    """An inline SVG QR code of `text`; drawn here, so no script and no outside service."""
    code = segno.make(text, error="m", micro=False)
    svg = code.svg_inline(scale=QR_SCALE, title=title, svgclass="wr-qr", lineclass=None)
    return mark_safe(svg)  # noqa: S308 -- segno writes path data and escapes the title


def in_groups(text: str, size: int) -> str:
    """'ABCDEFGH' -> 'ABCD EFGH': easier to read aloud and to type over."""
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def secret_for_typing(device: TOTPDevice) -> str:
    """The device's secret as the apps expect it typed in: base32, in groups of four."""
    return in_groups(b32encode(device.bin_key).decode("ascii").rstrip("="), 4)
