"""The invitation letter: a real PDF with the person's name and reference, never the BSN."""

import datetime as dt

from werkroute.catalogue.tests.factories import PostcodeAreaFactory
from werkroute.outreach.letters import letter_pdf, printable
from werkroute.outreach.tests.conftest import TARGET_BSN, World, make_campaign
from werkroute.outreach.tests.pdf_text import pdf_text

DAY = dt.date(2025, 6, 3)


def test_the_letter_is_a_pdf_with_name_address_reference_and_contact(world: World) -> None:
    PostcodeAreaFactory(pc4="3511", place="Utrecht")
    campaign = make_campaign(world, proposal="Dinsdag 10 juni om 10.00 uur op het Werkplein.")
    member = campaign.members.get(job_seeker=world.people["long_term"])
    pdf = letter_pdf(member, "invitation", DAY)
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    text = pdf_text(pdf)
    assert "Fatima Zwanenburg" in text
    assert "3511 AB  UTRECHT" in text
    assert "Gemeente Utrecht" in text and "14 030" in text and "werk@utrecht.example" in text
    assert "3 juni 2025" in text
    assert member.reference in text
    assert "Uitnodiging voor een gesprek over werk" in text
    assert "Dinsdag 10 juni om 10.00 uur op het Werkplein." in " ".join(text.split("\n"))
    assert "Uw contactpersoon is Karin Smit." in " ".join(text.split("\n"))
    assert TARGET_BSN not in text
    assert TARGET_BSN.encode() not in pdf


def test_a_reminder_letter_says_so(world: World) -> None:
    campaign = make_campaign(world)
    member = campaign.members.get(job_seeker=world.people["long_term"])
    text = pdf_text(letter_pdf(member, "reminder", DAY))
    assert "Herinnering: uitnodiging voor een gesprek over werk" in text


def test_names_outside_the_core_font_still_print(world: World) -> None:
    person = world.people["long_term"]
    person.first_name, person.last_name = "Łukasz", "Kowalczyk-Şahin"
    person.save()
    campaign = make_campaign(world)
    member = campaign.members.get(job_seeker=person)
    assert "Lukasz Kowalczyk-Sahin" in pdf_text(letter_pdf(member, "invitation", DAY))
    assert printable("Çelik – ‘één’") == "Çelik – ‘één’"
    assert printable("日本") == "??"
