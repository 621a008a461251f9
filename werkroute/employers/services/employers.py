"""Employer records, contact persons, the contact history and work agreements."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from werkroute.catalogue.constants import OrganisationKind
from werkroute.catalogue.models import Organisation
from werkroute.core.audit.models import AccessAction
from werkroute.core.models import Region
from werkroute.employers import queries
from werkroute.employers.constants import AgreementStatus
from werkroute.employers.models import (
    ContactMoment,
    ContactPerson,
    EmployerProfile,
    FollowUpCheck,
    Placement,
    WorkAgreement,
)
from werkroute.employers.services._common import (
    AGREEMENT_OBJECT,
    EMPLOYER_OBJECT,
    record_employer_change,
)

KVK_PATTERN = re.compile(r"^\d{8}$")
ORGANISATION_FIELDS = (
    "name",
    "kvk_number",
    "sector",
    "website",
    "email",
    "phone",
    "description",
    "eherkenning_enabled",
)
PROFILE_FIELDS = ("sbi_code", "size", "account_manager", "notes")
AGREEMENT_FIELDS = (
    "title",
    "municipality",
    "starts_on",
    "ends_on",
    "status",
    "placements_target",
    "target_groups",
    "occupations_text",
    "learning_working_places",
    "job_coaching",
    "lasting_contracts",
    "pre_selection",
    "subsidies",
    "coaching",
    "notes",
    "signed_by_employer",
    "signed_by_municipality",
    "signed_on",
)


def clean_kvk_number(value: str) -> str:
    """A KvK number: exactly 8 digits (spaces and dots are left out)."""
    digits = re.sub(r"[\s.]", "", value or "")
    if not KVK_PATTERN.match(digits):
        count = sum(c.isdigit() for c in digits)
        raise ValidationError(
            _("Een KvK-nummer heeft precies 8 cijfers. U vulde %(count)s cijfers in.")
            % {"count": count},
            code="kvk",
        )
    return digits


def _require_adviser(actor: Any) -> None:
    if not queries.is_adviser(actor):
        raise PermissionDenied


def _require_employer(actor: Any, organisation: Organisation) -> None:
    if not queries.employers_visible_to(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied


def _clean_employer_data(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    if not (cleaned.get("name") or "").strip():
        raise ValidationError({"name": _("Vul de naam van de werkgever in.")})
    if cleaned.get("kvk_number"):
        try:
            cleaned["kvk_number"] = clean_kvk_number(cleaned["kvk_number"])
        except ValidationError as error:
            raise ValidationError({"kvk_number": error.messages}) from None
    return cleaned


def save_employer(
    *,
    actor: Any,
    data: Mapping[str, Any],
    organisation: Organisation | None = None,
    region: Region | None = None,
) -> Organisation:
    """Create an employer in the adviser's region, or change one; the profile comes along."""
    _require_adviser(actor)
    cleaned = _clean_employer_data(data)
    if organisation is None:
        if region is None or not queries.adviser_regions(actor).filter(pk=region.pk).exists():
            raise PermissionDenied
        organisation = Organisation(region=region, kinds=[OrganisationKind.EMPLOYER])
        action = AccessAction.CREATE
    else:
        _require_employer(actor, organisation)
        action = AccessAction.CHANGE
    for name in ORGANISATION_FIELDS:
        if name in cleaned:
            value = cleaned[name]
            # An empty text is "", an empty choice of sector is no sector.
            setattr(organisation, name, "" if value is None and name != "sector" else value)
    with transaction.atomic():
        organisation.full_clean()
        organisation.save()
        profile, _created = EmployerProfile.objects.get_or_create(organisation=organisation)
        for name in PROFILE_FIELDS:
            if name in cleaned:
                value = cleaned[name]
                setattr(
                    profile, name, value if value is not None or name == "account_manager" else ""
                )
        profile.full_clean()
        profile.save()
        record_employer_change(
            actor, action=action, obj_type=EMPLOYER_OBJECT, obj_id=organisation.public_id
        )
    return organisation


CONTACT_PERSON_FIELDS = ("name", "job_title", "email", "phone")
CONTACT_PERSON_OBJECT = "employers.contactperson"


def _contact_person_values(data: Mapping[str, Any]) -> dict[str, str]:
    values = {name: (data.get(name) or "").strip() for name in CONTACT_PERSON_FIELDS}
    if not values["name"]:
        raise ValidationError({"name": _("Vul de naam van de contactpersoon in.")})
    return values


def add_contact_person(
    *, actor: Any, organisation: Organisation, data: Mapping[str, Any]
) -> ContactPerson:
    _require_employer(actor, organisation)
    person = ContactPerson(organisation=organisation, **_contact_person_values(data))
    with transaction.atomic():
        person.full_clean()
        person.save()
        record_employer_change(
            actor,
            action=AccessAction.CREATE,
            obj_type=CONTACT_PERSON_OBJECT,
            obj_id=person.public_id,
        )
    return person


def update_contact_person(
    *, actor: Any, person: ContactPerson, data: Mapping[str, Any]
) -> ContactPerson:
    """Change a contact person's name, job title, e-mail address or phone number."""
    _require_employer(actor, person.organisation)
    for name, value in _contact_person_values(data).items():
        setattr(person, name, value)
    with transaction.atomic():
        person.full_clean()
        person.save()
        record_employer_change(
            actor,
            action=AccessAction.CHANGE,
            obj_type=CONTACT_PERSON_OBJECT,
            obj_id=person.public_id,
        )
    return person


def remove_contact_person(*, actor: Any, person: ContactPerson) -> None:
    """Remove a contact person who left (or was added by mistake); the audit row remains."""
    _require_employer(actor, person.organisation)
    public_id = person.public_id
    with transaction.atomic():
        person.delete()
        record_employer_change(
            actor, action=AccessAction.DELETE, obj_type=CONTACT_PERSON_OBJECT, obj_id=public_id
        )


def record_contact_moment(
    *, actor: Any, organisation: Organisation, data: Mapping[str, Any]
) -> ContactMoment:
    """A visit, call, e-mail or event the employer attended, in the employer's history."""
    _require_employer(actor, organisation)
    moment = ContactMoment(organisation=organisation, recorded_by=actor, **dict(data))
    with transaction.atomic():
        moment.full_clean()
        moment.save()
        record_employer_change(
            actor,
            action=AccessAction.CHANGE,
            obj_type=EMPLOYER_OBJECT,
            obj_id=organisation.public_id,
        )
    return moment


def _check_agreement(data: Mapping[str, Any]) -> None:
    starts, ends = data.get("starts_on"), data.get("ends_on")
    errors: dict[str, str] = {}
    if starts and ends and ends < starts:
        errors["ends_on"] = _(
            "Het akkoord eindigt voordat het begint. Kies een einddatum na de begindatum."
        )
    if data.get("status") == AgreementStatus.SIGNED and not data.get("signed_on"):
        errors["signed_on"] = _("Vul in wanneer het akkoord is getekend.")
    if errors:
        raise ValidationError(errors)


def save_work_agreement(
    *,
    actor: Any,
    data: Mapping[str, Any],
    organisation: Organisation | None = None,
    agreement: WorkAgreement | None = None,
) -> WorkAgreement:
    """Create (organisation given) or change (agreement given) a work agreement."""
    _check_agreement(data)
    if agreement is None:
        if organisation is None:
            raise ValueError("organisation or agreement")
        _require_employer(actor, organisation)
        agreement = WorkAgreement(organisation=organisation)
        action = AccessAction.CREATE
    else:
        _require_employer(actor, agreement.organisation)
        action = AccessAction.CHANGE
    municipality = data.get("municipality")
    if municipality is not None and municipality.region_id != agreement.organisation.region_id:
        raise ValidationError({"municipality": _("Deze gemeente hoort niet bij de regio.")})
    for name in AGREEMENT_FIELDS:
        if name in data:
            value = data[name]
            if value is None and name in {
                "occupations_text",
                "notes",
                "signed_by_employer",
                "signed_by_municipality",
            }:
                value = ""
            setattr(agreement, name, value)
    with transaction.atomic():
        agreement.full_clean()
        agreement.save()
        if "sectors" in data:
            agreement.sectors.set(data["sectors"] or [])
        record_employer_change(
            actor, action=action, obj_type=AGREEMENT_OBJECT, obj_id=agreement.public_id
        )
    return agreement


@dataclass(frozen=True)
class Progress:
    target: int
    placed: int
    lasting: int
    lasting_target: int

    @property
    def percentage(self) -> int:
        return min(100, round(100 * self.placed / self.target)) if self.target else 0


def agreement_placements(agreement: WorkAgreement) -> QuerySet[Placement]:
    """Real placements that count for this agreement: at this employer, starting in its period,
    of people of its municipality (any municipality of the region when it is region-wide)."""
    found = Placement.objects.active().filter(
        proposal__offering__organisation=agreement.organisation,
        start_date__gte=agreement.starts_on,
        start_date__lte=agreement.ends_on,
    )
    if agreement.municipality_id:
        found = found.filter(proposal__job_seeker__municipality_id=agreement.municipality_id)
    return found


def agreement_progress(agreement: WorkAgreement) -> Progress:
    placements = agreement_placements(agreement)
    gone = FollowUpCheck.objects.filter(still_employed=False).values("placement_id")
    lasting = (
        placements.filter(checks__months=6, checks__still_employed=True)
        .exclude(pk__in=gone)
        .distinct()
        .count()
    )
    return Progress(
        target=agreement.placements_target,
        placed=placements.count(),
        lasting=lasting,
        lasting_target=agreement.lasting_contracts,
    )
