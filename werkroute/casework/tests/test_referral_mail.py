"""E-mails about referrals: who gets one, when, and that they carry no personal data.

Django's test mail backend (locmem) collects the mails in mail.outbox; the mails go out after
the change is committed, which the on-commit capture of pytest-django runs here.
"""

from typing import Any

from django.core import mail
from django.core.exceptions import ValidationError

import pytest

from werkroute.casework import services
from werkroute.casework.models import Referral
from werkroute.casework.services import referral_mail
from werkroute.casework.tests.conftest import World
from werkroute.casework.tests.test_referrals import IMPACT, Partners, partners, refer, sent_days_ago
from werkroute.core.audit.crypto import decrypt_subject_id

__all__ = ["partners"]  # the fixture, imported for these tests

PARTNER_ADDRESS = "intake@schuldhulp.example.org"
CASE_MANAGER_ADDRESS = "klantmanager@gemeente.example.org"


@pytest.fixture
def mailbox(world: World, partners: Partners) -> Partners:
    partners.welfare.email = PARTNER_ADDRESS
    partners.welfare.save()
    world.case_manager.email = CASE_MANAGER_ADDRESS
    world.case_manager.save()
    mail.outbox.clear()
    return partners


def secrets_of(world: World, referral: Referral) -> list[str]:
    person = world.target
    return [
        person.first_name,
        person.last_name,
        decrypt_subject_id(person.bsn_encrypted),
        person.email,
        person.phone,
        person.postcode,
        referral.question,
        IMPACT,
        referral.organisation.name,
        str(referral.public_id),
        world.municipality.name,
    ]


def assert_no_personal_data(world: World, referral: Referral) -> None:
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        for secret in secrets_of(world, referral):
            if secret:
                assert secret not in text, f"{secret!r} is in an e-mail"
        assert "/inloggen" in text or "http" in text  # a link to log in, nothing more


def make_referral(world: World, partners: Partners, capture: Any) -> Referral:
    with capture(execute=True):
        return refer(world, partners.welfare)


def test_a_new_referral_mails_the_partner_contact_address(
    world: World, mailbox: Partners, django_capture_on_commit_callbacks: Any
) -> None:
    referral = make_referral(world, mailbox, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[PARTNER_ADDRESS]]
    assert "/partner/verwijzingen/" in mail.outbox[0].body
    assert_no_personal_data(world, referral)


def test_without_a_contact_address_the_partner_staff_are_mailed(
    world: World, partners: Partners, django_capture_on_commit_callbacks: Any
) -> None:
    partners.welfare.email = ""
    partners.welfare.save()
    partners.welfare_staff.email = "wim@schuldhulp.example.org"
    partners.welfare_staff.save()
    make_referral(world, partners, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["wim@schuldhulp.example.org"]]


@pytest.mark.parametrize(
    "steps",
    [
        ("accept",),
        ("decline",),
        ("accept", "answer"),
        ("accept", "answer", "close"),
    ],
)
def test_partner_steps_mail_the_case_manager(
    world: World,
    mailbox: Partners,
    django_capture_on_commit_callbacks: Any,
    steps: tuple[str, ...],
) -> None:
    referral = make_referral(world, mailbox, django_capture_on_commit_callbacks)
    actions = {
        "accept": lambda: services.accept_referral(actor=mailbox.welfare_staff, referral=referral),
        "decline": lambda: services.decline_referral(
            actor=mailbox.welfare_staff, referral=referral, reason="Geen plek"
        ),
        "answer": lambda: services.answer_referral(
            actor=mailbox.welfare_staff, referral=referral, answer="Intake op dinsdag gepland."
        ),
        "close": lambda: services.close_referral(actor=mailbox.welfare_staff, referral=referral),
    }
    for step in steps:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            actions[step]()
        assert [m.to for m in mail.outbox] == [[CASE_MANAGER_ADDRESS]], step
        assert "/werk/verwijzingen/" in mail.outbox[0].body
        assert "Intake op dinsdag" not in mail.outbox[0].body
        assert_no_personal_data(world, referral)


def test_the_case_manager_closing_or_withdrawing_mails_nobody(
    world: World, mailbox: Partners, django_capture_on_commit_callbacks: Any
) -> None:
    referral = make_referral(world, mailbox, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_referral(actor=mailbox.welfare_staff, referral=referral)
        services.answer_referral(actor=mailbox.welfare_staff, referral=referral, answer="Klaar")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.close_referral(actor=world.case_manager, referral=referral)
    assert mail.outbox == []
    other = make_referral(world, mailbox, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_referral(actor=world.case_manager, referral=other, reason="Opgelost")
    assert mail.outbox == []


def test_a_refused_step_mails_nobody(
    world: World, mailbox: Partners, django_capture_on_commit_callbacks: Any
) -> None:
    referral = make_referral(world, mailbox, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        # Answering before accepting is not allowed: rolled back, and no e-mail.
        services.answer_referral(actor=mailbox.welfare_staff, referral=referral, answer="Nu")
    assert mail.outbox == []


def test_an_invalid_referral_mails_nobody(
    world: World, mailbox: Partners, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        refer(world, mailbox.welfare, consent_given_on=None)
    assert mail.outbox == []


def test_an_overdue_referral_mails_the_case_manager_once(
    world: World, mailbox: Partners, django_capture_on_commit_callbacks: Any
) -> None:
    referral = make_referral(world, mailbox, django_capture_on_commit_callbacks)
    sent_days_ago(referral, 14)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.flag_overdue_referrals()  # a dry run sends nothing
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.flag_overdue_referrals(apply=True)
        services.flag_overdue_referrals(apply=True)  # already flagged: no second mail
    assert [m.to for m in mail.outbox] == [[CASE_MANAGER_ADDRESS]]
    assert_no_personal_data(world, referral)


def test_the_referrer_is_mailed_too_when_not_the_case_manager(
    world: World, mailbox: Partners, django_capture_on_commit_callbacks: Any
) -> None:
    colleague = world.users["colleague"]
    assert colleague is not None
    colleague.email = "collega@gemeente.example.org"
    colleague.save()
    with django_capture_on_commit_callbacks(execute=True):
        referral = refer(world, mailbox.welfare, actor=colleague)
    assert referral_mail.case_manager_recipients(referral) == [
        "collega@gemeente.example.org",
        CASE_MANAGER_ADDRESS,
    ]
