"""Read access to the catalogue: what a visitor or a user may see."""

import uuid

from django.db.models import QuerySet
from django.http import Http404

from werkroute.catalogue.models import Offering, Organisation


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def access_public_offering(public_id: str) -> Offering:
    offering = (
        Offering.objects.public()
        .select_related("organisation", "location", "occupation", "municipality", "sector")
        .filter(public_id=_uuid_or_404(public_id))
        .first()
    )
    if offering is None:
        raise Http404
    return offering


def organisations_of(user) -> QuerySet[Organisation]:  # type: ignore[no-untyped-def]
    """Organisations whose offerings this user keeps (through an organisation membership)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct()


def offerings_editable_by(user) -> QuerySet[Offering]:  # type: ignore[no-untyped-def]
    return Offering.objects.filter(organisation__in=organisations_of(user))


def access_editable_offering(user, public_id: str) -> Offering:  # type: ignore[no-untyped-def]
    """An offering of one of the user's organisations; 404 alike for 'absent' and 'not yours'."""
    offering = (
        offerings_editable_by(user)
        .select_related("organisation", "location")
        .filter(public_id=_uuid_or_404(public_id))
        .first()
    )
    if offering is None:
        raise Http404
    return offering


def access_organisation(user, public_id: str) -> Organisation:  # type: ignore[no-untyped-def]
    organisation = organisations_of(user).filter(public_id=_uuid_or_404(public_id)).first()
    if organisation is None:
        raise Http404
    return organisation
