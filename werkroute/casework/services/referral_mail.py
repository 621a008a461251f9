"""E-mails about referrals: the partner hears that a referral came in; the case manager hears
that the partner accepted, declined, answered or closed it, or that it is late.

An e-mail says only that there is something new and where to log in: no name, no BSN, no
question or answer, no organisation or case details (e-mail is not a safe channel, and the
address may be shared). The mail goes out after the change is committed (nothing is mailed about
a change that was rolled back) through the project's senders (casework.notifications), so it
uses Django's configured mail backend. A failed send is logged by reference, never with the
address or the text, and does not undo the change.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from werkroute.casework import notifications
from werkroute.casework.models import Referral

logger = logging.getLogger(__name__)

MAIL_LANGUAGE = "nl"
PARTNER_LIST = "partner_referrals:list"
STAFF_LIST = "casework:referral_list"
PARTNER_SUBJECT = gettext_lazy("Nieuwe verwijzing in Werkroute")
STAFF_SUBJECT = gettext_lazy("Nieuws over een verwijzing in Werkroute")


def _base_url() -> str:
    return str(getattr(settings, "WERKROUTE_BASE_URL", "")).rstrip("/")


def partner_recipients(referral: Referral) -> list[str]:
    """The partner's contact address; without one, its active staff with an e-mail address."""
    organisation = referral.organisation
    if organisation.email:
        return [organisation.email]
    return sorted(
        set(
            organisation.memberships.filter(user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def case_manager_recipients(referral: Referral) -> list[str]:
    """The person's case manager and the colleague who referred (if another, and still active)."""
    people = [referral.job_seeker.case_manager, referral.referred_by]
    return sorted({p.email for p in people if p is not None and p.is_active and p.email})


def _messages(
    recipients: Iterable[str], template: str, subject: Any, url_name: str, ref: str
) -> list[notifications.Message]:
    with translation.override(MAIL_LANGUAGE):
        body = render_to_string(
            f"casework/referrals/{template}", {"login_url": _base_url() + reverse(url_name)}
        ).strip()
        subject = str(subject)
    return [
        notifications.Message(channel="email", to=to, subject=subject, body=body, reference=ref)
        for to in recipients
    ]


def _send_after_commit(messages: list[notifications.Message]) -> None:
    def send_all() -> None:
        for message in messages:
            try:
                notifications.send(message)
            except (notifications.SendError, OSError) as error:
                logger.warning("referral e-mail failed (%s): %s", message.reference, type(error))

    if messages:
        transaction.on_commit(send_all)


def _reference(referral: Referral) -> str:
    return f"verwijzing {referral.public_id}"


def notify_partner_of_new_referral(referral: Referral) -> None:
    """A referral was sent: tell the partner's contact address, without any details."""
    _send_after_commit(
        _messages(
            partner_recipients(referral),
            "email_partner_new.txt",
            PARTNER_SUBJECT,
            PARTNER_LIST,
            _reference(referral),
        )
    )


def notify_case_manager(referral: Referral) -> None:
    """The partner did something with a referral, or it is late: tell the case manager.
    The e-mail does not say what happened: that is in Werkroute, behind the login."""
    _send_after_commit(
        _messages(
            case_manager_recipients(referral),
            "email_case_manager_news.txt",
            STAFF_SUBJECT,
            STAFF_LIST,
            _reference(referral),
        )
    )
