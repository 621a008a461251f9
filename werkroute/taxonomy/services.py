"""Writes to the taxonomy: keeping the built-in compact list in the database."""

from django.db import transaction

from werkroute.taxonomy import builtin
from werkroute.taxonomy.models import Occupation, OccupationalField, Sector


def sync_builtin_taxonomy(using: str = "default") -> int:
    """Create or update the built-in sectors, fields and occupations; returns the occupation count.

    Occupations that were imported from elsewhere (is_builtin=False) are left alone.
    """
    with transaction.atomic(using=using):
        return _sync(using)


def _sync(using: str) -> int:
    for row in builtin.read_sectors():
        Sector.objects.using(using).update_or_create(code=row.code, defaults={"name": row.name})
    for row in builtin.read_fields():
        OccupationalField.objects.using(using).update_or_create(
            code=row.code, defaults={"name": row.name, "name_en": row.name_en}
        )
    sectors = {s.code: s for s in Sector.objects.using(using).all()}
    fields = {f.code: f for f in OccupationalField.objects.using(using).all()}
    rows = builtin.read_occupations()
    for row in rows:
        Occupation.objects.using(using).update_or_create(
            code=row.code,
            defaults={
                "name": row.name,
                "name_female": row.name_female,
                "isco08": row.isco08,
                "field": fields[row.field],
                "sector": sectors.get(row.sector),
                "synonyms": "\n".join(row.synonyms),
                "is_builtin": True,
            },
        )
    return len(rows)
