"""Sending messages to job seekers through pluggable senders, one per channel.

settings.WERKROUTE_SENDERS maps a channel ("email", "sms") to a dotted path of a Sender class.
By default e-mail goes through Django's mail backend (the console in development) and SMS to the
console; an operator plugs in an SMS gateway by writing a class with a send() method.

Message bodies and addresses are personal data (names, dates of appointments): they are never
logged, at any level. Logs carry the channel and the reference only. (The console sender prints
the message itself: that is its purpose, in development.)
"""

import logging
import sys
from dataclasses import dataclass
from typing import IO, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

DEFAULT_SENDERS = {
    "email": "werkroute.casework.notifications.EmailSender",
    "sms": "werkroute.casework.notifications.ConsoleSmsSender",
}


@dataclass(frozen=True)
class Message:
    channel: str
    to: str
    body: str
    subject: str = ""
    # A reference without personal data (such as an appointment's public id), for the logs.
    reference: str = ""

    def __repr__(self) -> str:
        # Keep the address and the text out of tracebacks and debug output.
        return f"Message(channel={self.channel!r}, reference={self.reference!r})"


class SendError(Exception):
    """The sender could not deliver the message."""


class Sender(Protocol):
    def send(self, message: Message) -> None: ...


class EmailSender:
    """E-mail through Django's configured mail backend."""

    def send(self, message: Message) -> None:
        try:
            send_mail(
                message.subject,
                message.body,
                settings.DEFAULT_FROM_EMAIL,
                [message.to],
                fail_silently=False,
            )
        except OSError as error:
            raise SendError(str(error)) from error
        logger.info("e-mail sent (%s)", message.reference)


class ConsoleSmsSender:
    """Writes text messages to the console instead of sending them: for development and demos."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream

    def send(self, message: Message) -> None:
        stream = self.stream or sys.stdout
        stream.write(f"--- sms aan {message.to} ({message.reference}) ---\n{message.body}\n---\n")
        stream.flush()
        logger.info("sms written to the console (%s)", message.reference)


def sender_for(channel: str) -> Sender:
    paths = {**DEFAULT_SENDERS, **getattr(settings, "WERKROUTE_SENDERS", {})}
    try:
        path = paths[channel]
    except KeyError:
        raise LookupError(f"no sender configured for channel {channel!r}") from None
    return import_string(path)()


def send(message: Message) -> None:
    sender_for(message.channel).send(message)
