"""Senders for the tests: one that keeps what it was given, one that always fails."""

from typing import ClassVar

from werkroute.casework import notifications

SENDERS = {
    channel: "werkroute.outreach.tests.senders.RecordingSender"
    for channel in ("letter", "email", "sms")
}


class RecordingSender:
    sent: ClassVar[list[notifications.Message]] = []

    def send(self, message: notifications.Message) -> None:
        RecordingSender.sent.append(message)


class FailingSender:
    def send(self, message: notifications.Message) -> None:
        raise notifications.SendError("gateway down")
