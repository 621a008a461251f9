"""Every write to a job seeker's file, and every read that must leave a trace.

Import from here, not from the modules inside. Each function takes the acting user as keyword-only
`actor` (view_file and record_refusal take it first), checks again that the actor may do this, and
writes in one transaction inside a processing span: the change itself, a history row per changed
field (FileChange) and an access-audit entry. Nothing here writes personal data to Python logging.
Checks come before the span, so bad input writes nothing at all.
"""

from werkroute.jobseekers.services._common import (
    CHANGE_ACTIVITY,
    CORRECTABLE_FIELDS,
    FILE_OBJECT,
    REGISTRATION_FIELDS,
    SEARCH_LIMIT,
    SELF_EDITABLE_FIELDS,
    STAFF_EDITABLE_FIELDS,
    SUBJECT_ACCESS_ACTIVITY,
    VIEW_ACTIVITY,
    masked_bsn,
    subject_of,
)
from werkroute.jobseekers.services.consent import (
    give_consent,
    handle_correction,
    request_correction,
    withdraw_consent,
)
from werkroute.jobseekers.services.parts import (
    add_ambition,
    add_experience,
    add_language,
    add_obstacle,
    add_skill,
    remove_ambition,
    remove_experience,
    remove_language,
    remove_obstacle,
    remove_skill,
    resolve_obstacle,
)
from werkroute.jobseekers.services.profile import (
    assign_case_manager,
    link_account,
    register_job_seeker,
    update_profile,
)
from werkroute.jobseekers.services.reading import (
    export_file,
    record_refusal,
    search_job_seekers,
    view_file,
)

__all__ = [
    "CHANGE_ACTIVITY",
    "CORRECTABLE_FIELDS",
    "FILE_OBJECT",
    "REGISTRATION_FIELDS",
    "SEARCH_LIMIT",
    "SELF_EDITABLE_FIELDS",
    "STAFF_EDITABLE_FIELDS",
    "SUBJECT_ACCESS_ACTIVITY",
    "VIEW_ACTIVITY",
    "add_ambition",
    "add_experience",
    "add_language",
    "add_obstacle",
    "add_skill",
    "assign_case_manager",
    "export_file",
    "give_consent",
    "handle_correction",
    "link_account",
    "masked_bsn",
    "record_refusal",
    "register_job_seeker",
    "remove_ambition",
    "remove_experience",
    "remove_language",
    "remove_obstacle",
    "remove_skill",
    "request_correction",
    "resolve_obstacle",
    "search_job_seekers",
    "subject_of",
    "update_profile",
    "view_file",
    "withdraw_consent",
]
