"""The campaign part of a job seeker's data export (everything the municipality holds)."""

from typing import Any

from werkroute.jobseekers.models import JobSeeker
from werkroute.outreach.models import CampaignMember


def campaigns_section(job_seeker: JobSeeker) -> dict[str, Any]:
    memberships = (
        CampaignMember.objects.filter(job_seeker=job_seeker)
        .select_related("campaign", "assigned_to")
        .prefetch_related("invitations")
        .order_by("created_at")
    )
    return {
        "campaigns": [
            {
                "campaign": m.campaign.name,
                "reference": m.reference,
                "status": m.get_status_display(),
                "case_manager": m.assigned_to.get_username() if m.assigned_to else "",
                "paused": m.paused,
                "invited_at": m.invited_at,
                "responded_at": m.responded_at,
                "conversation_at": m.conversation_at,
                "follow_up_at": m.follow_up_at,
                "sent": [
                    {
                        "kind": i.get_kind_display(),
                        "channel": i.get_channel_display(),
                        "sent_at": i.sent_at,
                    }
                    for i in m.invitations.all()
                ],
            }
            for m in memberships
        ]
    }
