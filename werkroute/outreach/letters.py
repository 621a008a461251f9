"""The invitation letter as a PDF (fpdf2, pure Python), and the pluggable letter sender.

The letter holds the municipality's name and contact details, the date, the person's name and
postcode, the invitation in plain Dutch, how to respond and a reference code; never the BSN.
It uses the PDF core font Helvetica (Windows-1252); characters outside it are written without
their accents (Ł → L), so every name prints.

Sending a letter goes through the sender configured for the channel "letter" in
settings.WERKROUTE_SENDERS (for example a print-and-post service). Without one, the
ManualPrintSender below only notes that the letter is ready: staff download it from the campaign
page and post it themselves.
"""

import datetime as dt
import logging
import unicodedata
from dataclasses import dataclass

from fpdf import FPDF

from werkroute.casework.notifications import Message
from werkroute.outreach.models import CampaignMember
from werkroute.outreach.texts import (
    InvitationText,
    Sender,
    address_lines,
    invitation_text,
    sender_of,
)

logger = logging.getLogger(__name__)

ENCODING = "windows-1252"
FONT = "helvetica"
BODY_SIZE = 11
SMALL_SIZE = 9
LINE = 5.5
MARGIN = 22
ADDRESS_TOP = 50
# Letters a core font lacks, and what to print instead; the rest lose their accents.
SUBSTITUTES = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ø": "o", "Ø": "O", "ß": "ss"}


@dataclass(frozen=True, repr=False)
class LetterMessage(Message):
    """A message for the letter channel: the text as for e-mail, plus the PDF to print."""

    pdf: bytes = b""


class ManualPrintSender:
    """The default for letters: nothing goes out by itself; staff print the PDF from the page."""

    def send(self, message: Message) -> None:
        logger.info("letter ready to print (%s)", message.reference)


def printable(text: str) -> str:
    """Text the core font can show: unknown letters without their accents, else a '?'."""
    out = []
    for char in text:
        try:
            char.encode(ENCODING)
        except UnicodeEncodeError:
            char = SUBSTITUTES.get(char) or _without_accents(char)
        out.append(char)
    return "".join(out)


def _without_accents(char: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    try:
        base.encode(ENCODING)
    except UnicodeEncodeError:
        return "?"
    return base or "?"


class _Letter(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.core_fonts_encoding = ENCODING
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)
        self.add_page()

    def line_of(self, text: str, *, size: int = BODY_SIZE, bold: bool = False) -> None:
        self.set_font(FONT, style="B" if bold else "", size=size)
        self.multi_cell(0, LINE, printable(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, text: str) -> None:
        self.line_of(text)
        self.ln(LINE / 2)


def _letterhead(pdf: _Letter, sender: Sender) -> None:
    pdf.line_of(sender.name, size=14, bold=True)
    for detail in (sender.address, sender.phone, sender.email, sender.website):
        if detail:
            pdf.line_of(detail, size=SMALL_SIZE)


def _addressee(pdf: _Letter, member: CampaignMember) -> None:
    pdf.set_y(max(pdf.get_y() + LINE, ADDRESS_TOP))
    for line in address_lines(member.job_seeker):
        pdf.line_of(line)
    pdf.ln(LINE * 2)


def _body(pdf: _Letter, text: InvitationText) -> None:
    pdf.line_of(text.date_line, size=SMALL_SIZE)
    pdf.line_of(text.reference_line, size=SMALL_SIZE)
    pdf.ln(LINE)
    pdf.line_of(text.subject, bold=True)
    pdf.ln(LINE)
    pdf.paragraph(text.greeting)
    for paragraph in text.paragraphs:
        pdf.paragraph(paragraph)
    pdf.ln(LINE / 2)
    for line in text.closing:
        pdf.line_of(line)


def letter_pdf(member: CampaignMember, kind: str, today: dt.date) -> bytes:
    """The letter for one member, as PDF bytes."""
    text = invitation_text(member, kind, today)
    pdf = _Letter()
    pdf.set_title(printable(text.subject))
    pdf.set_creator("Werkroute")
    _letterhead(pdf, sender_of(member.campaign.municipality))
    _addressee(pdf, member)
    _body(pdf, text)
    return bytes(pdf.output())
