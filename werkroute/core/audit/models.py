"""The register of processing activities, the processing log and the access audit.

Following the Logboek Dataverwerkingen standard (Logius), two logs are kept apart:
- the processing log (ProcessingLogEntry) says which processing touched which data subject, as
  trace spans, and never names a user;
- the access audit (AccessAuditEntry) says which user did what to whose record, and why.
A shared trace id links the two. Both are append-only hash chains: every entry stores the hash of
the one before it, so an edited, deleted or reordered entry shows up in verify_chain().
"""

import datetime as dt
import json
import uuid
from hashlib import sha256
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "AccessAuditEntry",
    "AppendOnlyError",
    "ProcessingActivity",
    "ProcessingLogEntry",
]

GENESIS_HASH = "0" * 64
TRACE_ID_LENGTH = 32
SPAN_ID_LENGTH = 16


class AppendOnlyError(Exception):
    """An attempt to change or remove an audit entry, or to add one around the hash chain."""


class Confidentiality(models.TextChoices):
    PUBLIC = "openbaar", _("openbaar")
    INTERNAL = "intern", _("intern")
    CONFIDENTIAL = "vertrouwelijk", _("vertrouwelijk")
    SECRET = "geheim", _("geheim")


class ProcessingActivity(models.Model):
    """One line of the register of processing activities (verwerkingsregister, AVG art. 30)."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    purpose = models.TextField(_("doel"))
    legal_basis = models.TextField(_("grondslag"))
    retention = models.TextField(
        _("bewaartermijn"), help_text=_("Hoe lang de gegevens bewaard blijven, en waarom.")
    )
    confidentiality = models.CharField(
        _("vertrouwelijkheid"),
        max_length=16,
        choices=Confidentiality.choices,
        default=Confidentiality.CONFIDENTIAL,
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("verwerkingsactiviteit")
        verbose_name_plural = _("verwerkingsactiviteiten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def uri(self) -> str:
        """The dpl.core.processing_activity_id of the standard: a URI into this register."""
        return f"urn:werkroute:verwerkingsactiviteit:{self.code}"


# Built-in register lines, seeded by migration and recreated on first use if missing. The texts
# are defaults: each municipality's functional administrator checks and adapts them.
_AVG_PUBLIC_TASK = "AVG art. 6 lid 1 sub e (taak van algemeen belang); Participatiewet"
_RETENTION_CASE = "Tot 5 jaar na afsluiting van de dienstverlening (standaard, zelf vaststellen)"
BUILTIN_ACTIVITIES: tuple[dict[str, str], ...] = (
    {
        "code": "intake-gesprek",
        "name": "Intakegesprek",
        "purpose": "Een gesprek voeren en vastleggen over talenten, wensen, ambities en "
        "belemmeringen, om passende ondersteuning naar werk te bieden.",
        "legal_basis": _AVG_PUBLIC_TASK,
        "retention": _RETENTION_CASE,
    },
    {
        "code": "dossier-inzien",
        "name": "Dossier inzien",
        "purpose": "Het dossier van een werkzoekende bekijken om hem of haar te begeleiden.",
        "legal_basis": _AVG_PUBLIC_TASK,
        "retention": _RETENTION_CASE,
    },
    {
        "code": "dossier-wijzigen",
        "name": "Dossier wijzigen",
        "purpose": "Gegevens in het dossier van een werkzoekende vastleggen of corrigeren.",
        "legal_basis": _AVG_PUBLIC_TASK,
        "retention": _RETENTION_CASE,
    },
    {
        "code": "routeplan",
        "name": "Routeplan opstellen en bijhouden",
        "purpose": "Samen met de werkzoekende de stappen naar werk plannen en volgen.",
        "legal_basis": _AVG_PUBLIC_TASK,
        "retention": _RETENTION_CASE,
    },
    {
        "code": "afspraken",
        "name": "Afspraken plannen",
        "purpose": "Gesprekken en vervolgafspraken met de werkzoekende plannen en vastleggen.",
        "legal_basis": _AVG_PUBLIC_TASK,
        "retention": _RETENTION_CASE,
    },
    {
        "code": "outreach-campagne",
        "name": "Uitnodigingscampagne",
        "purpose": "Een groep werkzoekenden selecteren en uitnodigen voor een gesprek.",
        "legal_basis": _AVG_PUBLIC_TASK,
        "retention": _RETENTION_CASE,
    },
    {
        "code": "matching",
        "name": "Matching met vacatures en aanbod",
        "purpose": "Passende vacatures en aanbod voorstellen; een mens beslist.",
        "legal_basis": _AVG_PUBLIC_TASK,
        "retention": _RETENTION_CASE,
    },
    {
        "code": "voordracht",
        "name": "Voordracht bij een werkgever",
        "purpose": "Een werkzoekende met diens toestemming voorstellen aan een werkgever.",
        "legal_basis": "AVG art. 6 lid 1 sub a (toestemming van de werkzoekende)",
        "retention": _RETENTION_CASE,
    },
    {
        "code": "verwijzing",
        "name": "Verwijzing naar een partnerorganisatie",
        "purpose": "Een werkzoekende doorverwijzen naar een partner en de reactie vastleggen.",
        "legal_basis": _AVG_PUBLIC_TASK,
        "retention": _RETENTION_CASE,
    },
    {
        "code": "inzageverzoek",
        "name": "Inzageverzoek afhandelen",
        "purpose": "Een betrokkene laten zien welke gegevens de gemeente van hem of haar verwerkt.",
        "legal_basis": "AVG art. 15 (recht op inzage)",
        "retention": "Tot 1 jaar na afhandeling van het verzoek (standaard, zelf vaststellen)",
    },
    {
        "code": "bewaartermijn",
        "name": "Vernietigen na de bewaartermijn",
        "purpose": "Gegevens verwijderen of anonimiseren als de bewaartermijn voorbij is.",
        "legal_basis": "AVG art. 5 lid 1 sub e (opslagbeperking); Archiefwet",
        "retention": "Verklaring van vernietiging: volgens de selectielijst",
    },
    {
        "code": "logboek-controle",
        "name": "Controle van de logboeken",
        "purpose": "De privacyfunctionaris doorzoekt de logboeken voor toezicht en inzageverzoeken.",
        "legal_basis": "AVG art. 5 lid 2 (verantwoordingsplicht) en art. 39",
        "retention": "Zoals de logboeken zelf (standaard, zelf vaststellen)",
    },
)
BUILTIN_ACTIVITY_CODES = frozenset(a["code"] for a in BUILTIN_ACTIVITIES)


class SpanStatus(models.TextChoices):
    UNSET = "unset", _("niet gezet")
    OK = "ok", _("gelukt")
    ERROR = "error", _("fout")


class SubjectType(models.TextChoices):
    BSN = "BSN", _("BSN")
    INTERNAL = "internal", _("intern nummer")


class AccessAction(models.TextChoices):
    VIEW = "view", _("bekijken")
    CREATE = "create", _("aanmaken")
    CHANGE = "change", _("wijzigen")
    DELETE = "delete", _("verwijderen")
    EXPORT = "export", _("exporteren")
    SEARCH = "search", _("zoeken")
    SHARE = "share", _("delen")
    LOGIN = "login", _("inloggen")
    LOGOUT = "logout", _("uitloggen")
    LOGIN_FAILED = "login_failed", _("mislukte inlogpoging")


class AccessOutcome(models.TextChoices):
    ALLOWED = "allowed", _("toegestaan")
    DENIED = "denied", _("geweigerd")
    ERROR = "error", _("fout")


def _canonical_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date | uuid.UUID):
        return str(value)
    return value


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk writes would bypass the hash chain, so they are refused here as well as in the DB."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError(f"{self.model.__name__} is append-only: update refused")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{self.model.__name__} is append-only: delete refused")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise AppendOnlyError(f"{self.model.__name__} is append-only: update refused")

    def bulk_create(self, *args: Any, **kwargs: Any) -> list[Any]:
        raise AppendOnlyError(f"{self.model.__name__}: append through audit.services only")

    def for_subject(self, lookup_hash: str) -> "AppendOnlyQuerySet":
        return self.filter(data_subject_hash=lookup_hash)

    def in_trace(self, trace_id: str) -> "AppendOnlyQuerySet":
        return self.filter(trace_id=trace_id)

    def for_activity(self, activity: ProcessingActivity) -> "AppendOnlyQuerySet":
        return self.filter(processing_activity=activity)


class ChainedEntry(models.Model):
    """An append-only entry in a SHA-256 hash chain, ordered by a gap-free sequence."""

    # Fields left out of the canonical form: the row key and the chain links themselves.
    UNHASHED_FIELDS = frozenset({"id", "prev_hash", "hash"})

    sequence = models.PositiveBigIntegerField(_("volgnummer"), unique=True, editable=False)
    prev_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, unique=True, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sequence"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} is append-only: update refused")
        if not self.hash or self.hash != self.compute_hash():
            raise AppendOnlyError(f"{type(self).__name__}: append through audit.services only")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{type(self).__name__} is append-only: delete refused")

    def canonical(self) -> str:
        """Every hashed field as sorted, compact JSON.

        Empty values (None, "") are left out, so a field added later as nullable or blank leaves
        the hashes of older entries valid. A new field must therefore default to None or "".
        """
        return self.canonical_of(self.__dict__)

    @classmethod
    def canonical_of(cls, values: dict[str, Any], memo: dict[int, Any] | None = None) -> str:
        """The canonical form of an entry given as {attname: value} (no instance needed).

        memo: canonical forms of values shared by many entries (a span's times), by object id;
        the caller keeps those objects alive while it uses the memo.
        """
        data = {}
        for field in cls._meta.concrete_fields:
            if field.attname in cls.UNHASHED_FIELDS:
                continue
            value = values.get(field.attname)
            if memo is None or type(value) in (str, int) or value is None:
                value = _canonical_value(value)
            else:
                if id(value) not in memo:
                    memo[id(value)] = _canonical_value(value)
                value = memo[id(value)]
            if value is not None and value != "":
                data[field.attname] = value
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)

    @staticmethod
    def chain_hash(prev_hash: str, canonical: str) -> str:
        return sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()

    def compute_hash(self) -> str:
        return self.chain_hash(self.prev_hash, self.canonical())


class SubjectReference(models.Model):
    """Whose data: the id encrypted (never plain) plus a keyed hash to search by."""

    data_subject_id_encrypted = models.TextField(_("betrokkene (versleuteld)"), blank=True)
    data_subject_type = models.CharField(
        _("soort kenmerk"), max_length=16, choices=SubjectType.choices, blank=True
    )
    data_subject_hash = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        abstract = True


class ProcessingLogEntry(ChainedEntry, SubjectReference):
    """One processing of one data subject's data: a span in the sense of W3C Trace Context."""

    trace_id = models.CharField(_("trace-id"), max_length=TRACE_ID_LENGTH, db_index=True)
    span_id = models.CharField(_("span-id"), max_length=SPAN_ID_LENGTH)
    parent_span_id = models.CharField(
        _("bovenliggende span-id"), max_length=SPAN_ID_LENGTH, null=True, blank=True
    )
    name = models.CharField(_("handeling"), max_length=200)
    start_time = models.DateTimeField(_("begin"), db_index=True)
    end_time = models.DateTimeField(_("einde"))
    status = models.CharField(
        _("status"), max_length=8, choices=SpanStatus.choices, default=SpanStatus.UNSET
    )
    processing_activity = models.ForeignKey(
        ProcessingActivity,
        on_delete=models.PROTECT,
        related_name="log_entries",
        verbose_name=_("verwerkingsactiviteit"),
    )
    resource = models.JSONField(_("applicatie"), default=dict)

    class Meta(ChainedEntry.Meta):
        verbose_name = _("verwerking (logboek)")
        verbose_name_plural = _("verwerkingen (logboek)")

    def __str__(self) -> str:
        return f"#{self.sequence} {self.name} ({self.trace_id})"


class AccessAuditEntry(ChainedEntry, SubjectReference):
    """Who did what to whose record, why, and with what result.

    The user is a plain id plus a snapshot of the username, not a foreign key: core stays the
    lowest app, and the entry outlives the user account.
    """

    timestamp = models.DateTimeField(_("tijdstip"), db_index=True)
    user_id = models.BigIntegerField(_("gebruiker-id"), null=True, blank=True, db_index=True)
    username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    role = models.CharField(_("rol"), max_length=32, blank=True)
    action = models.CharField(_("handeling"), max_length=16, choices=AccessAction.choices)
    object_type = models.CharField(_("soort gegeven"), max_length=100, blank=True)
    object_id = models.CharField(_("kenmerk gegeven"), max_length=36, blank=True)
    processing_activity = models.ForeignKey(
        ProcessingActivity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_entries",
        verbose_name=_("verwerkingsactiviteit"),
    )
    reason = models.TextField(_("reden"), blank=True)
    outcome = models.CharField(_("resultaat"), max_length=8, choices=AccessOutcome.choices)
    trace_id = models.CharField(
        _("trace-id"), max_length=TRACE_ID_LENGTH, blank=True, db_index=True
    )

    class Meta(ChainedEntry.Meta):
        verbose_name = _("toegang (audit)")
        verbose_name_plural = _("toegang (audit)")

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type} ({self.outcome})"


# --- Append-only in the database too -------------------------------------------------------
# Triggers refuse UPDATE and DELETE, so raw SQL cannot quietly edit the logs either. Installed by
# migration core.0002; TRUNCATE is not covered (test flushes use it): deny it by grants instead.

APPEND_ONLY_TABLES = ("core_processinglogentry", "core_accessauditentry")
PG_REFUSE_FUNCTION = "werkroute_refuse_audit_change"

# SQLSTATE 23001 (restrict_violation) reaches Django as an IntegrityError, as SQLite's ABORT does.
_PG_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {PG_REFUSE_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$
"""


def append_only_trigger_sql(vendor: str) -> list[str]:
    """Statements that (re)install the triggers; safe to run again."""
    if vendor == "postgresql":
        return [_PG_FUNCTION_SQL] + [
            f"CREATE OR REPLACE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {PG_REFUSE_FUNCTION}()"
            for table in APPEND_ONLY_TABLES
        ]
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {op} refused'); END"
        for table in APPEND_ONLY_TABLES
        for op in ("UPDATE", "DELETE")
    ]


def drop_append_only_trigger_sql(vendor: str) -> list[str]:
    """Statements that remove the triggers (not the PostgreSQL function)."""
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}" for table in APPEND_ONLY_TABLES
        ]
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_{op}"
        for table in APPEND_ONLY_TABLES
        for op in ("update", "delete")
    ]
