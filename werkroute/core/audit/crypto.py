"""Data-subject ids in the logs: who they are (DataSubject), encryption and lookup hashes.

The Logboek Dataverwerkingen standard asks that a data subject's id is stored encrypted. We use
Fernet (AES-128-CBC + HMAC-SHA256, random IV), so the same id encrypts differently every time and
tampering with a ciphertext is detected on decryption. Because the ciphertext differs per entry,
searching by BSN needs a second, deterministic value: an HMAC-SHA256 of the normalised id under a
separate key. Both keys are derived from one master key with HKDF, so the two uses never share a
key.
"""

import base64
import binascii
import hmac
import os
from dataclasses import dataclass
from functools import cache
from hashlib import sha256
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from werkroute.core.audit.models import SubjectType

MASTER_KEY_BYTES = 32
_ENCRYPTION_INFO = b"werkroute/audit/subject-encryption/v1"
_LOOKUP_INFO = b"werkroute/audit/subject-lookup/v1"
_DEV_MASTER_INFO = b"werkroute/audit/dev-master-key/v1"
BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


class SubjectDecryptionError(Exception):
    """A stored subject id could not be decrypted: wrong key, or the ciphertext was altered."""


def _hkdf(secret: bytes, info: bytes, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(secret)


def _may_derive_from_secret_key() -> bool:
    # Only development and the test suite may run without a dedicated data key. The environment
    # is asked, not settings.SETTINGS_MODULE, which reads None under override_settings.
    module = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    return bool(settings.DEBUG) or module.endswith(".test")


def _master_key() -> bytes:
    configured = getattr(settings, "WERKROUTE_DATA_KEY", "") or ""
    if configured:
        try:
            key = base64.b64decode(configured, validate=True)
        except (binascii.Error, ValueError):
            raise ImproperlyConfigured("WERKROUTE_DATA_KEY is not valid base64.") from None
        if len(key) != MASTER_KEY_BYTES:
            raise ImproperlyConfigured("WERKROUTE_DATA_KEY must decode to exactly 32 bytes.")
        return key
    if not _may_derive_from_secret_key():
        raise ImproperlyConfigured(
            "WERKROUTE_DATA_KEY must be set: it encrypts data-subject ids in the audit logs."
        )
    # DEVELOPMENT AND TESTS ONLY: without a data key we derive one from SECRET_KEY, so the demo
    # runs with no set-up. Such ciphertexts are only as secret as SECRET_KEY, and rotating
    # SECRET_KEY makes them unreadable. Production refuses to start this way (see above).
    return _hkdf(settings.SECRET_KEY.encode(), _DEV_MASTER_INFO)


@cache
def _keys_for(master: bytes) -> tuple[Fernet, bytes]:
    fernet_key = base64.urlsafe_b64encode(_hkdf(master, _ENCRYPTION_INFO))
    return Fernet(fernet_key), _hkdf(master, _LOOKUP_INFO)


def _keys() -> tuple[Fernet, bytes]:
    # Keyed on the master key itself, so tests that override settings get matching keys.
    return _keys_for(_master_key())


def normalise_subject_id(value: str) -> str:
    """One spelling per id, so that a BSN typed with spaces or dots finds the same entries."""
    return "".join(value.split()).replace(".", "").lower()


def encrypt_subject_id(value: str) -> str:
    fernet, _ = _keys()
    return fernet.encrypt(normalise_subject_id(value).encode()).decode("ascii")


def decrypt_subject_id(token: str) -> str:
    fernet, _ = _keys()
    try:
        return fernet.decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeError) as exc:
        raise SubjectDecryptionError("subject id could not be decrypted") from exc


def subject_hash(value: str) -> str:
    """A stable, keyed lookup value: equal ids give equal hashes; without the key, no BSN guessing."""
    _, lookup_key = _keys()
    return hmac.new(lookup_key, normalise_subject_id(value).encode(), sha256).hexdigest()


def is_valid_bsn(value: str) -> bool:
    """Nine digits that pass the eleven test (elfproef)."""
    if len(value) != 9 or not value.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value, BSN_WEIGHTS, strict=True))
    return total % 11 == 0 and value != "000000000"


@dataclass(frozen=True)
class EncryptedSubject:
    """A subject whose id is already stored encrypted with its lookup hash (a file's BSN columns).

    Batch processings log thousands of subjects; this spares decrypting and encrypting each id.
    """

    encrypted: str
    hash: str
    type: str

    def __repr__(self) -> str:
        return f"EncryptedSubject(type={self.type!r})"


@dataclass(frozen=True)
class DataSubject:
    """Whose data is processed: a BSN or an internal id (such as a profile's public UUID)."""

    id: str
    type: str

    def __repr__(self) -> str:
        # Keep the id out of tracebacks and debug output.
        return f"DataSubject(type={self.type!r})"

    @classmethod
    def bsn(cls, value: str) -> "DataSubject":
        digits = "".join(value.split()).replace(".", "")
        if not is_valid_bsn(digits):
            raise ValueError("not a valid BSN")
        return cls(digits, SubjectType.BSN)

    @classmethod
    def internal(cls, value: Any) -> "DataSubject":
        text = str(value).strip().lower()
        if not text:
            raise ValueError("empty internal id")
        return cls(text, SubjectType.INTERNAL)
