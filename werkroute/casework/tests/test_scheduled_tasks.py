"""The scheduled tasks of case work do what `werkroute flag-overdue-referrals --apply` and
`werkroute send-appointment-reminders --send` do."""

from django.core import mail

from werkroute import scheduled
from werkroute.casework import services
from werkroute.casework.constants import ReferralEventKind, ReminderChannel
from werkroute.casework.models import Appointment, ReferralEvent
from werkroute.casework.tests.conftest import World
from werkroute.casework.tests.test_referrals import Partners, partners, refer, sent_days_ago
from werkroute.casework.tests.test_reminders import _soon

__all__ = ["partners"]  # the fixture, for pytest


def test_the_task_flags_late_referrals_once(world: World, partners: Partners) -> None:
    late = sent_days_ago(refer(world, partners.welfare), 14)
    in_time = refer(world, partners.school)
    assert [item.referral for item in services.flag_overdue_referrals()] == [late]

    assert scheduled.flag_overdue_referrals.delay().get() == 1

    assert late.events.filter(kind=ReferralEventKind.OVERDUE).count() == 1
    assert not in_time.events.filter(kind=ReferralEventKind.OVERDUE).exists()
    assert scheduled.flag_overdue_referrals.delay().get() == 0  # once per status
    assert ReferralEvent.objects.filter(kind=ReferralEventKind.OVERDUE).count() == 1


def test_the_task_sends_appointment_reminders_once(world: World) -> None:
    soon = _soon(world, ReminderChannel.EMAIL)
    later = _soon(world, ReminderChannel.EMAIL, hours=24 * 7)

    assert scheduled.send_appointment_reminders.delay().get() == 1

    assert len(mail.outbox) == 1
    assert Appointment.objects.get(pk=soon.pk).reminder_sent_at is not None
    assert Appointment.objects.get(pk=later.pk).reminder_sent_at is None
    assert scheduled.send_appointment_reminders.delay().get() == 0
