"""Everything the municipality holds about one job seeker, as one plain dictionary.

Used for the JSON download and the readable page of the self-service (AVG art. 15 and 20). Staff
appear only by username and role. Build it through services.export_file, which audits the export;
this module only reads.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.catalogue.models import SavedOffering, SavedSearch
from werkroute.core.audit.crypto import decrypt_subject_id
from werkroute.core.audit.models import (
    AccessAction,
    AccessAuditEntry,
    AccessOutcome,
    ProcessingLogEntry,
)
from werkroute.jobseekers import display, queries
from werkroute.jobseekers.models import JobSeeker

# Higher apps (case work, ...) add their part of the file here from their AppConfig.ready, so the
# export stays complete without this app importing them.
ExportSection = Callable[[JobSeeker], dict[str, Any]]
EXPORT_SECTIONS: list[ExportSection] = []


def register_export_section(section: ExportSection) -> None:
    if section not in EXPORT_SECTIONS:
        EXPORT_SECTIONS.append(section)


def _saved_by_the_user(job_seeker: JobSeeker) -> dict[str, Any]:
    if job_seeker.user_id is None:
        return {"saved_searches": [], "saved_offerings": []}
    searches = SavedSearch.objects.filter(user_id=job_seeker.user_id).order_by("created_at")
    saved = SavedOffering.objects.filter(user_id=job_seeker.user_id).select_related("offering")
    return {
        "saved_searches": [
            {"name": s.name, "search": s.query_string, "e-mail": s.frequency, "since": s.created_at}
            for s in searches
        ],
        "saved_offerings": [
            {
                "title": o.offering.title,
                "offering": str(o.offering.public_id),
                "since": o.created_at,
            }
            for o in saved.order_by("created_at")
        ],
    }


FORMAT = "werkroute-dossier"
FORMAT_VERSION = 1
SUPERUSER_ROLE = "superuser"


def role_label(code: str) -> str:
    if code in Role.values:
        return str(Role(code).label)
    if code == SUPERUSER_ROLE:
        return _("beheerder")
    return code


def _usernames(ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {pk for pk in ids if pk}
    return dict(User.objects.filter(pk__in=wanted).values_list("pk", "username"))


def _profile(job_seeker: JobSeeker) -> dict[str, Any]:
    data: dict[str, Any] = {
        "public_id": str(job_seeker.public_id),
        "bsn": decrypt_subject_id(job_seeker.bsn_encrypted) if job_seeker.bsn_encrypted else "",
        "municipality": job_seeker.municipality.name,
    }
    data.update({name: getattr(job_seeker, name) for name in display.PROFILE_FIELDS})
    data["benefit_months"] = job_seeker.benefit_months()
    data["case_manager"] = job_seeker.case_manager.get_username() if job_seeker.case_manager else ""
    data["created_at"] = job_seeker.created_at
    data["updated_at"] = job_seeker.updated_at
    return data


def _parts(job_seeker: JobSeeker) -> dict[str, list[dict[str, Any]]]:
    return {
        "languages": [
            {"language": item.language, "level": item.level, "is_dutch": item.is_dutch}
            for item in job_seeker.languages.order_by("pk")
        ],
        "work_experience": [
            {
                "occupation": item.occupation.name if item.occupation else "",
                "description": item.description,
                "years": item.years,
            }
            for item in job_seeker.experience.select_related("occupation").order_by("pk")
        ],
        "skills": [{"name": item.name} for item in job_seeker.skills.order_by("pk")],
        "ambitions": [
            {
                "occupation": item.occupation.name if item.occupation else "",
                "occupational_field": item.field.name if item.field else "",
                "note": item.note,
            }
            for item in job_seeker.ambitions.select_related("occupation", "field").order_by("pk")
        ],
        "obstacles": [
            {
                "kind": item.kind,
                "kind_label": item.get_kind_display(),
                "impact": item.impact,
                "is_active": item.is_active,
                "created_at": item.created_at,
            }
            for item in job_seeker.obstacles.order_by("pk")
        ],
    }


def _consents(job_seeker: JobSeeker) -> list[dict[str, Any]]:
    return [
        {
            "kind": item.kind,
            "kind_label": item.get_kind_display(),
            "given_at": item.given_at,
            "withdrawn_at": item.withdrawn_at,
        }
        for item in job_seeker.consents.order_by("given_at", "pk")
    ]


def _corrections(job_seeker: JobSeeker) -> list[dict[str, Any]]:
    items = list(job_seeker.correction_requests.order_by("created_at", "pk"))
    names = _usernames(item.handled_by_id for item in items)
    return [
        {
            "field": item.field,
            "field_label": display.field_label(item.field),
            "proposed_value": item.proposed_value,
            "explanation": item.explanation,
            "status": item.status,
            "status_label": item.get_status_display(),
            "answer": item.answer,
            "handled_by": names.get(item.handled_by_id or 0, ""),
            "created_at": item.created_at,
            "updated_at": item.updated_at,
        }
        for item in items
    ]


def _history(job_seeker: JobSeeker) -> list[dict[str, Any]]:
    changes = list(job_seeker.changes.all())
    names = _usernames(change.actor_id for change in changes)
    return [
        {
            "field": change.field,
            "field_label": display.field_label(change.field),
            "old_value": change.old_value,
            "new_value": change.new_value,
            "changed_at": change.changed_at,
            "changed_by": names.get(change.actor_id or 0, ""),
        }
        for change in changes
    ]


def access_entry_row(entry: AccessAuditEntry) -> dict[str, Any]:
    """One access-audit entry as the person may see it: no internal ids, no trace ids."""
    activity = entry.processing_activity
    return {
        "timestamp": entry.timestamp,
        "username": entry.username,
        "role": entry.role,
        "role_label": role_label(entry.role),
        "action": entry.action,
        "action_label": str(AccessAction(entry.action).label),
        "activity": activity.code if activity else "",
        "activity_name": activity.name if activity else "",
        "reason": entry.reason,
        "outcome": entry.outcome,
        "outcome_label": str(AccessOutcome(entry.outcome).label),
    }


def _processing(job_seeker: JobSeeker) -> list[dict[str, Any]]:
    hashes = [job_seeker.bsn_hash, *job_seeker.former_bsn_hashes]
    entries = (
        ProcessingLogEntry.objects.filter(
            data_subject_hash__in=hashes, start_time__gte=job_seeker.created_at
        )
        .select_related("processing_activity")
        .order_by("-sequence")
    )
    return [
        {
            "name": entry.name,
            "activity": entry.processing_activity.code,
            "activity_name": entry.processing_activity.name,
            "purpose": entry.processing_activity.purpose,
            "legal_basis": entry.processing_activity.legal_basis,
            "start_time": entry.start_time,
            "status": entry.status,
        }
        for entry in entries
    ]


def build_export(job_seeker: JobSeeker) -> dict[str, Any]:
    """The whole file: profile, parts, consents, corrections, history, access and processing."""
    return {
        "about": {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "exported_at": timezone.now(),
            "municipality": job_seeker.municipality.name,
        },
        "profile": _profile(job_seeker),
        **_parts(job_seeker),
        "consents": _consents(job_seeker),
        "correction_requests": _corrections(job_seeker),
        "change_history": _history(job_seeker),
        "access_log": [access_entry_row(e) for e in queries.access_entries_about(job_seeker)],
        "processing_log": _processing(job_seeker),
        **_saved_by_the_user(job_seeker),
        **{key: value for section in EXPORT_SECTIONS for key, value in section(job_seeker).items()},
    }
