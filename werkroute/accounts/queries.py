"""Who may do what: answers built from memberships, used by views and other apps."""

from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet

from django_otp.plugins.otp_totp.models import TOTPDevice

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.core.models import Municipality, Region


def administered_regions(user: User) -> QuerySet[Region]:
    """Regions whose settings this user may change: region-wide functional administrators."""
    if not user.is_authenticated:
        return Region.objects.none()
    if user.is_superuser:
        return Region.objects.all()
    return Region.objects.filter(
        memberships__user=user,
        memberships__role=Role.FUNCTIONAL_ADMIN,
        memberships__municipality__isnull=True,
    ).distinct()


def administered_municipalities(user: User) -> QuerySet[Municipality]:
    """Municipalities whose settings this user may change (directly or through the region)."""
    if not user.is_authenticated:
        return Municipality.objects.none()
    if user.is_superuser:
        return Municipality.objects.all()
    direct = Municipality.objects.filter(
        memberships__user=user, memberships__role=Role.FUNCTIONAL_ADMIN
    )
    via_region = Municipality.objects.filter(region__in=administered_regions(user))
    return (direct | via_region).distinct()


def is_staff_member(user: User, *, organisations_of: Callable[[User], QuerySet[Any]]) -> bool:
    """Whether this user works with residents' records: a municipal role other than job seeker,
    staff of an organisation (partner or employer), or access to the Django admin.

    `organisations_of` answers the user's organisations; it is passed in because organisations
    live in a higher app (catalogue).
    """
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    if user.memberships.exclude(role=Role.JOB_SEEKER).exists():
        return True
    return organisations_of(user).exists()


def is_verified(user: object) -> bool:
    """Whether this session's login was confirmed with a second factor (set by django-otp)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def has_app_device(user: User) -> bool:
    """Whether the user has a confirmed authenticator app (set up with a first code)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def may_reset_second_factor(
    actor: User, user: User, *, organisations_of: Callable[[User], QuerySet[Any]]
) -> bool:
    """Whether the actor may remove the user's second-factor devices (a colleague lost a phone).

    Superusers may for anyone. A functional administrator may for someone else who works in a
    municipality or region they administer, or for staff of an organisation in their region;
    never for themselves or for Django admin users.
    """
    if actor.is_superuser:
        return True
    if actor.pk == user.pk or user.is_staff or user.is_superuser:
        return False
    regions = administered_regions(actor)
    in_scope = Q(region__in=regions) | Q(municipality__in=administered_municipalities(actor))
    if user.memberships.filter(in_scope).exists():
        return True
    return organisations_of(user).filter(region__in=regions).exists()
