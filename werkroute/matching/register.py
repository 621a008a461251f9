"""The algorithm's public description in the fields of the Algoritmeregister publication standard.

Generated from the engine's own configuration (parts, weights, excluded attributes, settings of
each municipality), so the description cannot drift from what the code does. Field names follow
MinBZK's Algoritmeregister-Publicatiestandaard.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from werkroute.matching.engine import DEFAULT_WEIGHTS, EXCLUDED_ATTRIBUTES, PARTS
from werkroute.matching.engine.config import HOURS_BANDS, TEXT_DIMENSIONS
from werkroute.matching.fairness import FOUR_FIFTHS, GOOD_MATCH, MIN_GROUP
from werkroute.matching.models import MatchingSettings

SOURCE_CODE = "https://github.com/werkroute/werkroute (EUPL-1.2)"
STANDARD = "Algoritmeregister-Publicatiestandaard (MinBZK)"

EXCLUDED_LABELS = {
    "age": "leeftijd",
    "gender": "geslacht",
    "nationality": "nationaliteit",
    "origin": "afkomst en geboorteland",
    "health": "gezondheid",
}


@dataclass(frozen=True)
class Field:
    key: str  # the standard's field name
    label: str
    value: str | list[str]

    @property
    def lines(self) -> list[str]:
        return [self.value] if isinstance(self.value, str) else list(self.value)


@dataclass(frozen=True)
class Section:
    title: str
    fields: list[Field]


def _weights_line() -> list[str]:
    return [
        f"{p.name}: {getattr(DEFAULT_WEIGHTS, p.code):.2f} ({p.range}). {p.explains}" for p in PARTS
    ]


def _spread_lines() -> list[str]:
    most = settings.MATCHING_MAX_PER_EMPLOYER
    if most <= 0:
        return []
    return [
        _(
            "In de lijst van een persoon staan hoogstens %(n)s voorstellen van dezelfde "
            "werkgever, zolang er andere passende voorstellen zijn. Zo vult één werkgever met "
            "veel gelijke vacatures niet de hele lijst. Bij de laatste staat hoeveel die "
            "werkgever er nog heeft, met een link naar al zijn passende voorstellen."
        )
        % {"n": most}
    ]


def _municipality_lines() -> list[str]:
    lines = []
    for found in MatchingSettings.objects.select_related("municipality").order_by(
        "municipality__name"
    ):
        if not found.enabled:
            lines.append(_("%(name)s: matching staat uit.") % {"name": found.municipality.name})
        elif found.weights != DEFAULT_WEIGHTS:
            weights = ", ".join(
                f"{p.name.lower()} {getattr(found.weights, p.code):.2f}" for p in PARTS
            )
            lines.append(
                _("%(name)s: eigen gewichten (%(weights)s).")
                % {"name": found.municipality.name, "weights": weights}
            )
    return lines or [_("Alle gemeenten gebruiken de standaardgewichten.")]


def entry() -> list[Section]:
    excluded = ", ".join(EXCLUDED_LABELS[a] for a in EXCLUDED_ATTRIBUTES)
    bands = ", ".join(f"{low}–{high if high < 61 else '40+'}" for low, high in HOURS_BANDS)
    return [
        Section(
            _("Algemeen"),
            [
                Field("name", _("Naam"), _("Werkroute matching: vacatures en werkzoekenden")),
                Field(
                    "description_short",
                    _("Korte omschrijving"),
                    _(
                        "Werkroute stelt passende vacatures en ander werk voor aan werkzoekenden "
                        "in de bijstand en hun klantmanagers, en passende kandidaten bij een "
                        "vacature. Bij elk voorstel staat waarom het past. Een mens beslist altijd."
                    ),
                ),
                Field("organization", _("Organisatie"), _("De gemeente die Werkroute gebruikt")),
                Field("category", _("Thema"), _("Werk en inkomen")),
                Field(
                    "publication_category",
                    _("Publicatiecategorie"),
                    _("Hoog-risico AI-systeem (AI-verordening, bijlage III, punt 4a)"),
                ),
                Field("status", _("Status"), _("In gebruik")),
            ],
        ),
        Section(
            _("Verantwoord gebruik"),
            [
                Field(
                    "goal_and_impact",
                    _("Doel en impact"),
                    _(
                        "Doel: mensen in de bijstand sneller aan passend werk helpen, en "
                        "klantmanagers en werkgeversadviseurs tijd besparen. Impact: een "
                        "werkzoekende ziet vacatures die bij hem of haar passen; een klantmanager "
                        "ziet welke vacatures passen en wat iemand nog mist (met cursussen die "
                        "helpen). De matching wordt nooit gebruikt voor controle, handhaving of "
                        "het opleggen van verplichtingen of sancties."
                    ),
                ),
                Field(
                    "considerations",
                    _("Afwegingen"),
                    _(
                        "Zonder hulp ziet een klantmanager met 120 klanten niet alle vacatures. "
                        "De score weegt alleen wat iemand kan, wil en waar iemand woont. Elk "
                        "deel van de score staat in gewone taal bij het voorstel."
                    ),
                ),
                Field(
                    "human_intervention",
                    _("Menselijke tussenkomst"),
                    _(
                        "De matching stelt alleen voor. Een klantmanager of werkgeversadviseur "
                        "beslist of iemand wordt voorgedragen; de werkzoekende geeft daarvoor "
                        "toestemming. Wie een voorstel niet goed vindt, laat het liggen; dat "
                        "heeft geen gevolgen voor de werkzoekende."
                    ),
                ),
                Field(
                    "risk_management",
                    _("Risicobeheer"),
                    [
                        _("Deze gegevens tellen nooit mee in een score: %(excluded)s.")
                        % {"excluded": excluded},
                        _(
                            "Een geautomatiseerde test verandert deze gegevens bij willekeurige "
                            "mensen en bewijst dat geen enkele score verandert."
                        ),
                        _(
                            "Uitkomsten worden per groep bijgehouden (alleen opgeteld, groepen "
                            "kleiner dan %(min)s worden niet getoond). Heeft een groep minder "
                            "vaak een goede match (score %(good)s of hoger) dan %(ratio)s keer "
                            "het gemiddelde, dan ziet de functioneel beheerder een waarschuwing."
                        )
                        % {"min": MIN_GROUP, "good": GOOD_MATCH, "ratio": FOUR_FIFTHS},
                        _(
                            "De functioneel beheerder kan de matching per gemeente met één "
                            "instelling uitzetten."
                        ),
                    ],
                ),
                Field(
                    "legal_basis",
                    _("Wettelijke basis"),
                    _(
                        "Participatiewet (art. 7: ondersteuning bij arbeidsinschakeling); AVG "
                        "art. 6 lid 1 sub e. Voordragen bij een werkgever alleen met "
                        "toestemming (AVG art. 6 lid 1 sub a)."
                    ),
                ),
                Field(
                    "impacttoetsen",
                    _("Impacttoetsen"),
                    _(
                        "Elke gemeente voert een DPIA en een IAMA (Impact Assessment "
                        "Mensenrechten en Algoritmes) uit voordat zij de matching aanzet."
                    ),
                ),
                Field(
                    "register_link",
                    _("Verwerkingsregister"),
                    _(
                        "Verwerking 'Matching met vacatures en aanbod' in het register van Werkroute"
                    ),
                ),
            ],
        ),
        Section(
            _("Werking"),
            [
                Field(
                    "source_data",
                    _("Gegevens"),
                    [
                        _(
                            "Over de werkzoekende: beroepen uit wensen en werkervaring, "
                            "vaardigheden, talenten, postcode en reisafstand, uren, rijbewijzen, "
                            "certificaten, niveau Nederlands, opleidingsniveau, hoe lang iemand "
                            "een uitkering heeft."
                        ),
                        _(
                            "Over de vacature: beroep (ESCO/ISCO), titel en tekst, werkadres, "
                            "uren, eisen, of de werkgever openstaat voor mensen met afstand tot werk."
                        ),
                        _(
                            "Beroepen en vaardigheden: ESCO van de Europese Commissie (als het is "
                            "ingelezen), anders de ingebouwde lijst van Werkroute."
                        ),
                    ],
                ),
                Field(
                    "methods_and_models",
                    _("Technische werking"),
                    [
                        _("De score is een gewogen som van %(n)s delen. Standaardgewichten:")
                        % {"n": len(PARTS)},
                        *_weights_line(),
                        _(
                            "Tekst: TF-IDF op Nederlandse woordstammen, teruggebracht tot "
                            "%(dims)s dimensies (latente semantische analyse). Uren in banden: "
                            "%(bands)s uur per week."
                        )
                        % {"dims": TEXT_DIMENSIONS, "bands": bands},
                        _(
                            "Geen zelflerend model: de matching leert niet van eerdere beslissingen, voordrachten of plaatsingen."
                        ),
                        *_spread_lines(),
                        *_municipality_lines(),
                    ],
                ),
                Field("provider", _("Leverancier"), _("Open source; de gemeente beheert zelf")),
                Field("url", _("Link naar broncode"), SOURCE_CODE),
            ],
        ),
        Section(
            _("Metadata"),
            [
                Field("lang", _("Taal"), "nl"),
                Field("schema", _("Schema"), STANDARD),
                Field("source_id", _("Bron-ID"), "werkroute-matching"),
                Field(
                    "tags",
                    _("Zoektermen"),
                    "matching, vacatures, bijstand, Participatiewet, ESCO",
                ),
                Field("base_url", _("Publiekspagina"), settings.WERKROUTE_BASE_URL + "/algoritme/"),
            ],
        ),
    ]
