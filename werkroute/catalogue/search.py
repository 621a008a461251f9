"""Searching the route map: Dutch full text, filters, distance and ordering.

One function, search_offerings(), serves the list, the map, the iCal feed and the benchmarks.
Full text runs on the database's own engine (see werkroute.core.search_index): PostgreSQL's
'dutch' configuration, or SQLite FTS5 over the same normalised text stemmed the same way.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q

from werkroute.catalogue.constants import Cost, SortOrder
from werkroute.catalogue.models import Offering, OfferingQuerySet, stale_cutoff
from werkroute.core import geo, text
from werkroute.core.models import Municipality, Neighbourhood
from werkroute.core.search_index import FullTextIndex

OFFERING_INDEX = FullTextIndex("catalogue_offering", "search_title", "search_body")
TABLE = OFFERING_INDEX.table
# A stale offering's relevance is multiplied by this: it still shows, below fresh ones.
STALE_PENALTY = 0.5
TITLE_WEIGHT = 4.0
# Counting every match of a broad search costs a pass over most of the catalogue; beyond this
# many the page says "meer dan 1000" instead of the exact number.
COUNT_CAP = 1000


@dataclass
class SearchParams:
    q: str = ""
    kinds: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    municipality: Municipality | None = None
    neighbourhood: Neighbourhood | None = None
    origin: geo.Place | None = None
    radius_km: float | None = None
    date_from: dt.date | None = None
    date_until: dt.date | None = None
    free_only: bool = False
    sort: str = SortOrder.RELEVANCE


@dataclass
class TextQuery:
    terms: list[tuple[str, list[str]]]

    def sqlite_match(self, operator: str) -> str:
        def stemmed(word: str) -> str:
            return f'"{text.stem(word)}"'

        clauses = []
        for word, parts in self.terms:
            clause = stemmed(word)
            if parts:
                clause = f"({clause} OR ({' AND '.join(stemmed(p) for p in parts)}))"
            clauses.append(clause)
        return f" {operator} ".join(clauses)

    def postgres_tsquery(self, operator: str) -> str:
        symbol = "&" if operator == "AND" else "|"
        clauses = []
        for word, parts in self.terms:
            clause = word
            if parts:
                clause = f"({word} | ({' & '.join(parts)}))"
            clauses.append(clause)
        return f" {symbol} ".join(clauses)


@dataclass
class SearchOutcome:
    queryset: OfferingQuerySet
    broadened: bool  # no offering had every word, so offerings with any word are shown
    text_searched: bool


def _with_text(qs: OfferingQuerySet, query: TextQuery, operator: str) -> OfferingQuerySet:
    cutoff = stale_cutoff().isoformat()
    freshness = f"(CASE WHEN {TABLE}.last_checked_on >= %s THEN 1.0 ELSE {STALE_PENALTY} END)"
    if connection.vendor == "sqlite":
        fts = OFFERING_INDEX.fts_table
        return qs.extra(  # noqa: S610 -- SQL from constants; user input goes in params
            tables=[fts],
            where=[f"{fts}.rowid = {TABLE}.id", f"{fts} MATCH %s"],
            params=[query.sqlite_match(operator)],
            select={"score": f"-bm25({fts}, {TITLE_WEIGHT}, 1.0) * {freshness}"},
            select_params=[cutoff],
        )
    tsquery = query.postgres_tsquery(operator)
    return qs.extra(  # noqa: S610 -- SQL from constants; user input goes in params
        where=[f"{TABLE}.search_vector @@ to_tsquery('dutch', %s)"],
        params=[tsquery],
        select={
            "score": f"ts_rank_cd({TABLE}.search_vector, to_tsquery('dutch', %s), 1) * {freshness}"
        },
        select_params=[tsquery, cutoff],
    )


def _with_distance(
    qs: OfferingQuerySet, origin: geo.Point, radius_km: float | None
) -> OfferingQuerySet:
    ky, kx = geo.KM_PER_DEGREE_LAT, geo.km_per_degree_lon(origin.lat)
    distance2 = (
        f"(({TABLE}.lat - %s) * {ky}) * (({TABLE}.lat - %s) * {ky}) + "
        f"(({TABLE}.lon - %s) * {kx}) * (({TABLE}.lon - %s) * {kx})"
    )
    params = [origin.lat, origin.lat, origin.lon, origin.lon]
    qs = qs.filter(lat__isnull=False)
    where: list[str] = []
    where_params: list[float] = []
    if radius_km is not None:
        box = geo.bounding_box(origin, radius_km)
        qs = qs.filter(lat__range=(box.min_lat, box.max_lat), lon__range=(box.min_lon, box.max_lon))
        where, where_params = [f"{distance2} <= %s"], [*params, radius_km * radius_km]
    return qs.extra(  # noqa: S610 -- SQL from constants; user input goes in params
        select={"distance2": distance2}, select_params=params, where=where, params=where_params
    )


def _open_to_resident(qs: OfferingQuerySet, municipality_code: str) -> OfferingQuerySet:
    through = Offering.open_to.through
    restricted = through.objects.filter(offering_id=OuterRef("pk"))
    allowed = restricted.filter(municipality__code=municipality_code)
    return qs.filter(~Exists(restricted) | Exists(allowed))


def _filtered(params: SearchParams) -> OfferingQuerySet:
    qs = Offering.objects.public()
    if params.kinds:
        qs = qs.filter(kind__in=params.kinds)
    if params.target_groups:
        qs = qs.filter(
            Q(target_groups__has_any=params.target_groups) | Q(target_groups__has="everyone")
        )
    if params.themes:
        qs = qs.filter(themes__has_any=params.themes)
    if params.neighbourhood:
        qs = qs.filter(neighbourhood=params.neighbourhood)
    elif params.municipality:
        qs = qs.filter(municipality=params.municipality)
    if params.free_only:
        qs = qs.filter(cost=Cost.FREE)
    if params.date_from or params.date_until:
        qs = qs.filter(date_from__isnull=False)
        if params.date_until:
            qs = qs.filter(date_from__lte=params.date_until)
        if params.date_from:
            qs = qs.filter(
                Q(date_until__gte=params.date_from)
                | (Q(date_until__isnull=True) & ~Q(recurrence=""))
            )
    if params.origin:
        if params.origin.municipality_code:
            qs = _open_to_resident(qs, params.origin.municipality_code)
        qs = _with_distance(qs, params.origin.point, params.radius_km)
    return qs


def _ordered(qs: OfferingQuerySet, params: SearchParams, text_searched: bool) -> OfferingQuerySet:
    by_date = ["date_from", "-publish_from", "id"]
    if params.sort == SortOrder.DISTANCE and params.origin:
        return qs.order_by("distance2", "id")
    if params.sort == SortOrder.DATE:
        return qs.order_by(F("date_from").asc(nulls_last=True), "-publish_from", "id")
    if text_searched:
        tie_breaker = ["distance2"] if params.origin else []
        return qs.order_by("-score", *tie_breaker, "id")
    fresh_first = Q(last_checked_on__gte=stale_cutoff())
    fresh = ExpressionWrapper(fresh_first, output_field=BooleanField())
    return qs.annotate(fresh=fresh).order_by(
        F("fresh").desc(), F(by_date[0]).asc(nulls_last=True), *by_date[1:]
    )


def search_offerings(params: SearchParams) -> SearchOutcome:
    qs = _filtered(params)
    terms = text.search_terms(params.q)
    broadened = False
    if terms:
        query = TextQuery(terms)
        matched = _with_text(qs, query, "AND")
        # Ordered by score, so that SQLite drives the query from the full-text index (an
        # unordered EXISTS lets it probe the index once per offering instead).
        if len(terms) > 1 and not matched.order_by("-score").values_list("pk", flat=True)[:1]:
            matched = _with_text(qs, query, "OR")
            broadened = True
        qs = matched
    qs = _ordered(qs, params, text_searched=bool(terms))
    return SearchOutcome(
        queryset=qs.select_related("organisation", "location", "municipality"),
        broadened=broadened,
        text_searched=bool(terms),
    )


def distance_km(offering: Offering) -> float | None:
    """The distance annotated by a search with an origin, in km."""
    d2 = getattr(offering, "distance2", None)
    return None if d2 is None else float(d2) ** 0.5


class SearchPaginator(Paginator):
    """Pages of search results that stay cheap when a search matches most of the catalogue.

    One narrow query takes the ranked primary keys of the first COUNT_CAP + 1 results: that
    gives the count ("meer dan 1000" beyond the cap) and the keys of every page up to the cap.
    Only the page's own rows are then loaded with their relations. Ordered, the query also lets
    SQLite drive the join from the full-text index instead of probing it row by row.
    """

    @cached_property
    def ranked_ids(self) -> list[int]:
        return list(self.object_list.values_list("pk", flat=True)[: COUNT_CAP + 1])

    @cached_property
    def count(self) -> int:
        return len(self.ranked_ids)

    @property
    def capped(self) -> bool:
        return self.count > COUNT_CAP

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = self.ranked_ids[bottom : bottom + self.per_page]
        rows = {row.pk: row for row in self.object_list.order_by().filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
