"""Every write of outreach campaigns, and every read that must leave a trace.

Import from here, not from the modules inside. Each function takes the acting user as keyword-only
`actor` (None only for the scheduled job), checks again that the actor may do this, validates
before anything is written, and writes in one transaction inside a processing span with an
access-audit entry per person touched. Status changes go through the state machines
(outreach/state.py). Bad input raises ValidationError and leaves nothing behind.

For casework: call sync_member_from_casework(job_seeker, actor=...) after recording a
conversation or planning or updating an appointment.
"""

from werkroute.outreach.services.campaigns import (
    EMPTY_COHORT,
    CampaignInput,
    CohortPreview,
    assign,
    close_campaign,
    create_campaign,
    preview_cohort,
    start_campaign,
)
from werkroute.outreach.services.members import (
    change_member_status,
    mark_conversation_held,
    mark_follow_up_agreed,
    pause_member,
    record_no_response,
    record_response,
    resume_member,
    steps_to,
    sync_member_from_casework,
)
from werkroute.outreach.services.reading import (
    download_letter,
    record_members_shown,
    record_refusal,
    view_member,
)
from werkroute.outreach.services.sending import (
    Delivery,
    SendRun,
    due_deliveries,
    resend_invitation,
    send_invitations,
    sender_for,
)

__all__ = [
    "EMPTY_COHORT",
    "CampaignInput",
    "CohortPreview",
    "Delivery",
    "SendRun",
    "assign",
    "change_member_status",
    "close_campaign",
    "create_campaign",
    "download_letter",
    "due_deliveries",
    "mark_conversation_held",
    "mark_follow_up_agreed",
    "pause_member",
    "preview_cohort",
    "record_members_shown",
    "record_no_response",
    "record_refusal",
    "record_response",
    "resend_invitation",
    "resume_member",
    "send_invitations",
    "sender_for",
    "start_campaign",
    "steps_to",
    "sync_member_from_casework",
    "view_member",
]
