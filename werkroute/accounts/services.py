"""Writes in the accounts app: the functional administrator's settings of region and municipality.

Every function takes the acting user as keyword-only `actor`, checks that the actor administers
what is changed (views check first; this is the second lock) and runs in one transaction.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from werkroute.accounts.models import User
from werkroute.accounts.queries import administered_municipalities, administered_regions
from werkroute.core.models import Branding, Municipality, Region

# What an administrator may change from the settings pages; codes, slugs and places stay put.
BRANDING_FIELDS = frozenset(
    {"name", "primary_colour", "contact_email", "contact_phone", "website", "address"}
)


@dataclass(frozen=True)
class LogoUpload:
    """A checked logo file: its bytes and the image type read from them."""

    content: bytes
    content_type: str


def _apply_branding(
    owner: Branding, changes: Mapping[str, Any], logo: LogoUpload | None, remove_logo: bool
) -> None:
    for name, value in changes.items():
        if name in BRANDING_FIELDS:
            setattr(owner, name, value)
    if logo is not None:
        owner.logo = logo.content
        owner.logo_content_type = logo.content_type
    elif remove_logo:
        owner.logo = None
        owner.logo_content_type = ""
    owner.full_clean()
    owner.save()


@transaction.atomic
def update_region_settings(
    *,
    actor: User,
    region: Region,
    changes: Mapping[str, Any],
    logo: LogoUpload | None = None,
    remove_logo: bool = False,
) -> Region:
    if not administered_regions(actor).filter(pk=region.pk).exists():
        raise PermissionDenied
    _apply_branding(region, changes, logo, remove_logo)
    return region


@transaction.atomic
def update_municipality_settings(
    *,
    actor: User,
    municipality: Municipality,
    changes: Mapping[str, Any],
    logo: LogoUpload | None = None,
    remove_logo: bool = False,
) -> Municipality:
    if not administered_municipalities(actor).filter(pk=municipality.pk).exists():
        raise PermissionDenied
    _apply_branding(municipality, changes, logo, remove_logo)
    return municipality
