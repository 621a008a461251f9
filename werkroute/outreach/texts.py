"""The words of an invitation or reminder, shared by the letter, the e-mail and the text message.

Plain Dutch at B1 level. The texts name the person and their reference code, never the BSN.
Texts are written in the person's preferred language when they have a login, else in Dutch.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import formats, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from werkroute.core.models import Municipality, PostcodeArea
from werkroute.jobseekers.models import JobSeeker
from werkroute.outreach.constants import InvitationKind
from werkroute.outreach.models import CampaignMember

DEFAULT_LANGUAGE = "nl"
SMS_PROPOSAL_CHARS = 100


@dataclass(frozen=True)
class Sender:
    """Who the letter is from: the municipality, with the region's details as a fallback."""

    name: str
    address: str
    phone: str
    email: str
    website: str


@dataclass(frozen=True)
class InvitationText:
    subject: str
    greeting: str
    paragraphs: tuple[str, ...]
    closing: tuple[str, ...]
    reference: str
    date_line: str
    reference_line: str
    respond_by: str


def sender_of(municipality: Municipality) -> Sender:
    region = municipality.region
    return Sender(
        name=_("Gemeente %(name)s") % {"name": municipality.name},
        address=municipality.address or region.address,
        phone=municipality.contact_phone or region.contact_phone,
        email=municipality.contact_email or region.contact_email,
        website=municipality.website or region.website,
    )


def language_of(job_seeker: JobSeeker) -> str:
    user = job_seeker.user
    return getattr(user, "preferred_language", "") or DEFAULT_LANGUAGE


def address_lines(job_seeker: JobSeeker) -> list[str]:
    """Name and postcode line; the place comes from the postcode area when it is known."""
    lines = [job_seeker.full_name]
    postcode = job_seeker.postcode
    if postcode:
        area = PostcodeArea.objects.filter(pc4=postcode[:4]).first()
        place = area.place.upper() if area and area.place else ""
        lines.append(f"{postcode[:4]} {postcode[4:]}  {place}".strip())
    return lines


def _date(day: dt.date) -> str:
    return formats.date_format(day, "j F Y")


def _how_to_respond(sender: Sender, member: CampaignMember) -> str:
    ways = []
    if sender.phone:
        ways.append(_("bel ons op %(phone)s") % {"phone": sender.phone})
    if sender.email:
        ways.append(_("stuur een e-mail naar %(email)s") % {"email": sender.email})
    if not ways:
        ways.append(_("neem contact op met uw klantmanager"))
    how = f" {_('of')} ".join(ways)
    text = _("Reageren? U kunt %(how)s. Noem dan uw kenmerk: %(reference)s.") % {
        "how": how,
        "reference": member.reference,
    }
    manager = member.assigned_to
    if manager is not None and manager.get_full_name():
        text += " " + _("Uw contactpersoon is %(name)s.") % {"name": manager.get_full_name()}
    return text


def _proposal(member: CampaignMember, respond_by: str) -> str:
    proposal = member.campaign.proposal.strip()
    if proposal:
        return _(
            "Ons voorstel voor een afspraak: %(proposal)s Komt dit niet goed uit? "
            "Laat het ons weten vóór %(date)s. Dan zoeken we samen een ander moment."
        ) % {"proposal": proposal, "date": respond_by}
    return _("Wilt u vóór %(date)s contact met ons opnemen? Dan maken we samen een afspraak.") % {
        "date": respond_by
    }


def _paragraphs(member: CampaignMember, kind: str, sender: Sender, respond_by: str) -> list[str]:
    paragraphs = []
    if kind == InvitationKind.REMINDER:
        paragraphs.append(
            _(
                "Een tijdje geleden stuurden wij u een uitnodiging. Wij hebben nog niets van u "
                "gehoord. Daarom sturen wij u deze herinnering."
            )
        )
    paragraphs += [
        _(
            "Wij nodigen u uit voor een gesprek over werk. In dit gesprek praten we over wat u "
            "kunt en wat u wilt. Samen kijken we welke stap bij u past. Dat kan werk zijn, maar "
            "ook een opleiding, vrijwilligerswerk of hulp bij iets anders."
        ),
        _proposal(member, respond_by),
        _how_to_respond(sender, member),
        _("Heeft u vragen? Bel of mail ons gerust."),
    ]
    return paragraphs


def invitation_text(member: CampaignMember, kind: str, today: dt.date) -> InvitationText:
    """The words of one letter or e-mail, in the person's language."""
    campaign = member.campaign
    sender = sender_of(campaign.municipality)
    with translation.override(language_of(member.job_seeker)):
        respond_by = _date(today + dt.timedelta(days=campaign.respond_within_days))
        subject = (
            _("Herinnering: uitnodiging voor een gesprek over werk")
            if kind == InvitationKind.REMINDER
            else _("Uitnodiging voor een gesprek over werk")
        )
        return InvitationText(
            subject=subject,
            greeting=_("Beste %(name)s,") % {"name": member.job_seeker.full_name},
            paragraphs=tuple(_paragraphs(member, kind, sender, respond_by)),
            closing=(_("Met vriendelijke groet,"), sender.name),
            reference=member.reference,
            date_line=_("Datum: %(date)s") % {"date": _date(today)},
            reference_line=_("Kenmerk: %(reference)s") % {"reference": member.reference},
            respond_by=respond_by,
        )


def email_body(text: InvitationText) -> str:
    return "\n\n".join([text.greeting, *text.paragraphs, "\n".join(text.closing)]) + "\n"


def sms_body(member: CampaignMember, kind: str, today: dt.date) -> str:
    """A short text message: who, what, how to respond, the reference."""
    campaign = member.campaign
    sender = sender_of(campaign.municipality)
    with translation.override(language_of(member.job_seeker)):
        respond_by = _date(today + dt.timedelta(days=campaign.respond_within_days))
        opening = (
            _("Herinnering van %(sender)s: u bent uitgenodigd voor een gesprek over werk.")
            if kind == InvitationKind.REMINDER
            else _("%(sender)s nodigt u uit voor een gesprek over werk.")
        ) % {"sender": sender.name}
        parts = [opening]
        if campaign.proposal.strip():
            proposal = Truncator(campaign.proposal.strip()).chars(SMS_PROPOSAL_CHARS)
            parts.append(_("Voorstel: %(proposal)s") % {"proposal": proposal})
        contact = sender.phone or sender.email
        if contact:
            parts.append(
                _("Reageer vóór %(date)s via %(contact)s.")
                % {"date": respond_by, "contact": contact}
            )
        parts.append(_("Kenmerk: %(reference)s") % {"reference": member.reference})
        return " ".join(parts)
