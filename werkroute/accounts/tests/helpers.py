"""Test helpers for logins: a staff session that has already passed the second factor."""

from django.test import Client

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkroute.accounts.models import User


def login_verified(client: Client, user: User) -> Client:
    """Log `user` in on `client` as if they had just entered their password and an app code.

    Gives the user a confirmed authenticator app when they have none, and marks the session
    verified with it, the same way django_otp.login does after a real code.
    """
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test-app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def verified_client(user: User) -> Client:
    """A new test client with `user` logged in and verified."""
    return login_verified(Client(), user)
