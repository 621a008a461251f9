"""Who may do what: answers built from memberships, used by views and other apps."""

from django.db.models import QuerySet

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
