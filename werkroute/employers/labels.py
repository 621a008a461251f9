"""Labels instead of stored codes: for the SBI code of an employer and for sets of choice codes.

Pages show what a code means in Dutch (B1), never the code alone. The SBI code of an employer is
a 4- or 5-digit SBI 2008 code; its first two digits (the division) fix the section (A-U), whose
name is in the taxonomy's sector list.
"""

from collections.abc import Iterable
from typing import Any

from django.db import models

from werkroute.taxonomy.models import Sector

# SBI 2008 divisions (first two digits) per section, as published by CBS (same as NACE rev. 2).
SBI_SECTIONS: tuple[tuple[str, int, int], ...] = (
    ("A", 1, 3),
    ("B", 6, 9),
    ("C", 10, 33),
    ("D", 35, 35),
    ("E", 36, 39),
    ("F", 41, 43),
    ("G", 45, 47),
    ("H", 49, 53),
    ("I", 55, 56),
    ("J", 58, 63),
    ("K", 64, 66),
    ("L", 68, 68),
    ("M", 69, 75),
    ("N", 77, 82),
    ("O", 84, 84),
    ("P", 85, 85),
    ("Q", 86, 88),
    ("R", 90, 93),
    ("S", 94, 96),
    ("T", 97, 98),
    ("U", 99, 99),
)


def sbi_section(code: str) -> str:
    """The SBI section letter of an SBI code ("56101" -> "I"); "" when it is not one."""
    digits = (code or "").strip()
    if len(digits) < 2 or not digits[:2].isdigit():
        return ""
    division = int(digits[:2])
    for letter, low, high in SBI_SECTIONS:
        if low <= division <= high:
            return letter
    return ""


def sbi_label(code: str) -> str:
    """ "56101" -> "56101: Logies-, maaltijd- en drankverstrekking"; the code alone if unknown."""
    code = (code or "").strip()
    if not code:
        return ""
    letter = sbi_section(code)
    name = Sector.objects.filter(code=letter).values_list("name", flat=True).first()
    return f"{code}: {name}" if name else code


def choice_labels(instance: models.Model, field_name: str) -> list[str]:
    """The labels of the codes in a set-of-choices field (ChoiceSetField), in vocabulary order."""
    field: Any = instance._meta.get_field(field_name)
    codes: Iterable[str] = getattr(instance, field_name) or []
    return [field.label_of(code) for code in codes]
