"""Writes in the accounts app: the functional administrator's settings of region and municipality,
and the second factor of a staff login (enrolment, verification, reset).

Every function takes the acting user as keyword-only `actor`, checks that the actor may do what is
asked (views check first; this is the second lock) and runs in one transaction.
"""

import enum
import hashlib
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from django_otp import device_classes
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.queries import (
    administered_municipalities,
    administered_regions,
    has_app_device,
    is_staff_member,
    may_reset_second_factor,
)
from werkroute.core.audit.models import AccessAction, AccessOutcome
from werkroute.core.audit.services import record_access
from werkroute.core.models import Branding, Municipality, Region

logger = logging.getLogger(__name__)

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


# --- Second factor ---------------------------------------------------------------------------

APP_DEVICE_NAME = "Authenticator-app"
BACKUP_DEVICE_NAME = "Reservecodes"
APP_CODE_DIGITS = 6
BACKUP_CODE_DIGITS = 10
BACKUP_CODE_COUNT = 10


class CodeCheck(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    TOO_SOON = "too_soon"  # throttled after earlier wrong codes


class CodeRefused(Exception):
    """A one-time code was not accepted: wrong or already used, or tried again too soon."""

    def __init__(self, check: CodeCheck) -> None:
        super().__init__(check.value)
        self.too_soon = check is CodeCheck.TOO_SOON


@dataclass(frozen=True)
class Enrolment:
    """A new authenticator app waiting for its first code, and the backup codes that come with it."""

    device: TOTPDevice
    backup_codes: list[str]


@dataclass(frozen=True)
class Verification:
    device: Device
    backup_codes_left: int | None  # None when the code came from the app


def needs_second_factor(user: User) -> bool:
    """Whether this user must confirm a login with a code: staff, while the setting is on."""
    if not settings.WERKROUTE_REQUIRE_STAFF_2FA or not user.is_authenticated:
        return False
    from werkroute.catalogue.queries import organisations_of  # a higher app: imported late

    return is_staff_member(user, organisations_of=organisations_of)


def _new_backup_codes() -> list[str]:
    codes: set[str] = set()
    while len(codes) < BACKUP_CODE_COUNT:
        codes.add(f"{secrets.randbelow(10**BACKUP_CODE_DIGITS):0{BACKUP_CODE_DIGITS}d}")
    return sorted(codes)


def _check_code(device: Device, code: str) -> CodeCheck:
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        return CodeCheck.TOO_SOON
    return CodeCheck.ACCEPTED if device.verify_token(code) else CodeCheck.WRONG


@transaction.atomic
def start_enrolment(*, actor: User) -> Enrolment:
    """The actor's new app device and backup codes, unconfirmed until the first code.

    Every call before confirmation returns the same secret and codes, so a QR code scanned
    earlier keeps working after a reload. Someone who already has an app must verify instead:
    knowing the password is not enough to replace the phone.
    """
    User.objects.select_for_update().filter(pk=actor.pk).exists()  # one enrolment at a time
    if has_app_device(actor):
        raise PermissionDenied
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name=APP_DEVICE_NAME, confirmed=False)
    backup = StaticDevice.objects.filter(user=actor, confirmed=False).order_by("pk").first()
    if backup is None:
        backup = StaticDevice.objects.create(user=actor, name=BACKUP_DEVICE_NAME, confirmed=False)
        StaticToken.objects.bulk_create(
            StaticToken(device=backup, token=code) for code in _new_backup_codes()
        )
    codes = list(backup.token_set.order_by("token").values_list("token", flat=True))
    return Enrolment(device=device, backup_codes=codes)


def confirm_enrolment(*, actor: User, code: str) -> TOTPDevice:
    """Confirm the actor's new app with a first code; its backup codes become valid with it.

    A refused code raises CodeRefused after the transaction, so the throttling it records stays.
    """
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=actor, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None or has_app_device(actor):
            raise PermissionDenied
        check = _check_code(device, code)
        if check is CodeCheck.ACCEPTED:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            StaticDevice.objects.filter(user=actor, confirmed=True).delete()  # older codes
            StaticDevice.objects.filter(user=actor, confirmed=False).update(confirmed=True)
    if check is not CodeCheck.ACCEPTED:
        raise CodeRefused(check)
    return device


def verify_second_factor(*, actor: User, code: str) -> Verification:
    """Check a code from the actor's app (6 digits) or one of their backup codes (used up)."""
    from_app = len(code) == APP_CODE_DIGITS
    model = TOTPDevice if from_app else StaticDevice
    checks: list[CodeCheck] = []
    with transaction.atomic():
        devices = model.objects.devices_for_user(actor, confirmed=True)
        for device in devices.select_for_update().order_by("pk"):
            checks.append(_check_code(device, code))
            if checks[-1] is CodeCheck.ACCEPTED:
                break
    if CodeCheck.ACCEPTED not in checks:
        raise CodeRefused(CodeCheck.TOO_SOON if CodeCheck.TOO_SOON in checks else CodeCheck.WRONG)
    left = None
    if not from_app:
        left = StaticToken.objects.filter(device__user=actor, device__confirmed=True).count()
    return Verification(device=device, backup_codes_left=left)


@transaction.atomic
def reset_second_factor(*, actor: User, user: User) -> int:
    """Remove all of a user's second-factor devices (a lost phone); they set up a new app at
    their next login, and sessions verified with the old devices must verify again.
    Returns how many devices were removed. The log names both users by public id only."""
    from werkroute.catalogue.queries import organisations_of  # a higher app: imported late

    if not may_reset_second_factor(actor, user, organisations_of=organisations_of):
        raise PermissionDenied
    removed = 0
    for model in device_classes():
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    logger.info(
        "second factor reset: %d device(s) of user %s removed by user %s",
        removed,
        user.public_id,
        actor.public_id,
    )
    return removed


# --- DigiD -----------------------------------------------------------------------------------


@transaction.atomic
def register_digid_user(*, lookup_key: str) -> User:
    """The resident's account for a DigiD login: found by its lookup key, or made without roles
    and without a password (DigiD is the only way in). No actor: the resident signs in themselves.
    The lookup key is a keyed hash of the BSN (see oidc.py); the BSN itself is not passed here."""
    user, created = User.objects.get_or_create(username=lookup_key)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


# --- eHerkenning -------------------------------------------------------------------------------

EHERKENNING_PREFIX = "eherkenning-"


class EmployerLoginRefusal(enum.Enum):
    """Why an eHerkenning login was refused; the value is the code on the login page's URL."""

    UNKNOWN_EMPLOYER = "onbekend"  # no employer with this KvK number
    EMPLOYER_DISABLED = "uit"  # the employer's staff may not log in with eHerkenning
    ACCOUNT_DISABLED = "account-uit"  # this person's account was switched off


class EmployerLoginRefused(Exception):
    def __init__(self, refusal: EmployerLoginRefusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


def eherkenning_lookup_key(*, kvk_number: str, person: str) -> str:
    """The username of an employer staff account: a hash of the KvK number and the person's
    pseudonym from eHerkenning. The same person acting for the same organisation finds the same
    account; the pseudonym itself is not stored, and the username stays short."""
    digest = hashlib.sha256(f"{kvk_number}\x00{person}".encode()).hexdigest()
    return EHERKENNING_PREFIX + digest


def _record_employer_login(user: User | None, organisation: Any, refusal: Any = None) -> None:
    record_access(
        actor=user,
        role=Role.PARTNER_STAFF,
        action=AccessAction.LOGIN_FAILED if refusal else AccessAction.LOGIN,
        obj_type="catalogue.organisation",
        obj_id=organisation.public_id if organisation is not None else None,
        subject=None,
        activity=None,
        outcome=AccessOutcome.DENIED if refusal else AccessOutcome.ALLOWED,
        reason=f"eHerkenning: {refusal.value}" if refusal else "eHerkenning",
    )


def _refuse(refusal: EmployerLoginRefusal, organisation: Any = None) -> EmployerLoginRefused:
    _record_employer_login(None, organisation, refusal)
    logger.info("eHerkenning login refused: %s", refusal.value)  # a code, no personal data
    return EmployerLoginRefused(refusal)


def sign_in_employer_staff(*, kvk_number: str, person: str) -> User:
    """The account of a person who logged in with eHerkenning for the organisation with this KvK
    number (eight digits, already checked): found, or made without roles or password, and a
    staff member of every employer record with that number whose staff may use eHerkenning.

    No actor: the person signs in themselves. Raises EmployerLoginRefused when no employer has
    this number, when none of them allows eHerkenning, or when the account was switched off;
    each refusal and each login leaves an access-audit row (by the employer's public id).
    """
    from werkroute.catalogue.constants import OrganisationKind  # a higher app: imported late
    from werkroute.catalogue.models import Organisation, OrganisationMembership

    employers = list(
        Organisation.objects.filter(
            kvk_number=kvk_number, kinds__has=OrganisationKind.EMPLOYER
        ).order_by("pk")
    )
    if not employers:
        raise _refuse(EmployerLoginRefusal.UNKNOWN_EMPLOYER)
    allowed = [employer for employer in employers if employer.eherkenning_enabled]
    if not allowed:
        raise _refuse(EmployerLoginRefusal.EMPLOYER_DISABLED, employers[0])
    username = eherkenning_lookup_key(kvk_number=kvk_number, person=person)
    with transaction.atomic():
        user, created = User.objects.select_for_update().get_or_create(username=username)
        if not created and not user.is_active:
            refused = True
        else:
            refused = False
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            for employer in allowed:
                OrganisationMembership.objects.get_or_create(user=user, organisation=employer)
            # An employer record that no longer allows eHerkenning loses this account.
            OrganisationMembership.objects.filter(
                user=user, organisation__in=[e for e in employers if e not in allowed]
            ).delete()
            _record_employer_login(user, allowed[0])
    if refused:
        raise _refuse(EmployerLoginRefusal.ACCOUNT_DISABLED, allowed[0])
    return user
