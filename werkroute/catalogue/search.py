"""Searching the route map: Dutch full text, filters, distance and ordering.

One function, search_offerings(), serves the list, the map, the iCal feed and the benchmarks.
Full text runs on the database's own engine (see werkroute.core.search_index): PostgreSQL's
'dutch' configuration, or SQLite FTS5 over the same normalised text stemmed the same way.

The route map itself pages through SearchPaginator, which needs only the first COUNT_CAP + 1
keys. Where the ordered queryset would make the database sort tens of thousands of matches
(listings without a word, distance listings), the queryset carries a quicker way to those
keys that gives the same keys in the same order: see _Listing and _Nearest.
"""

import datetime as dt
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from django.core.paginator import Page, Paginator
from django.db import connection, connections, transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q

from werkroute.catalogue.constants import Cost, OfferingStatus, SortOrder
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
# A word found in more than this share of the offerings says nothing about relevance (bm25
# gives it an inverse document frequency of zero: SQLite clamps it to 1e-6), yet ranking its
# matches means scoring nearly the whole catalogue: `werk` is in 95 % of the offerings,
# `vacature` in 79 %. Such a word still filters, but it does not rank; a query of only such
# words lists its matches in the order of a search without words (see search_offerings).
COMMON_WORD_SHARE = 0.5
# ... and only when that is many offerings: in a small catalogue ranking costs nothing.
COMMON_WORD_MIN_OFFERINGS = 5000
# Covering indexes made by migration 0004: listing order, latitude/longitude, and on SQLite by
# key (for the matches of ranked words).
LISTING_INDEX = "catalogue_offering_listing"
NEARBY_INDEX = "catalogue_offering_nearby"
BY_ID_INDEX = "catalogue_offering_by_id"
# Walking an index pays when many offerings may match; below this many of the kinds asked for,
# the kinds' own index and a sort of those are quicker.
WALK_MIN_OFFERINGS = 10_000
# Distance listings look for the first keys within this radius first, then twice as far, ...
FIRST_RING_KM = 1.0
# ... up to here; beyond it the search sorts every match (the region is about 40 km across).
LAST_RING_KM = 128.0


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

    def all_common(self) -> bool:
        """Whether every word is in more than COMMON_WORD_SHARE of the offerings (and many).

        A compound word counts by the whole word only: its parts widen what it matches, so
        the clause is at least as common as the word.
        """
        words = [word for word, _parts in self.terms]
        total, found = OFFERING_INDEX.document_frequencies(connection, words)
        threshold = max(COMMON_WORD_MIN_OFFERINGS, COMMON_WORD_SHARE * total)
        return all(found[word] > threshold for word in words)

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


def _containing(qs: OfferingQuerySet, query: TextQuery) -> OfferingQuerySet:
    """Offerings with every word, unranked: for queries of common words only.

    On SQLite the match is a set the database builds once (`id IN (SELECT rowid ...)`) and
    tests each listed offering against, so a listing can walk its index in order.
    """
    if connection.vendor == "sqlite":
        fts = OFFERING_INDEX.fts_table
        return qs.extra(  # noqa: S610 -- SQL from constants; user input goes in params
            where=[f"{TABLE}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)"],  # noqa: S608
            params=[query.sqlite_match("AND")],
        )
    return qs.extra(  # noqa: S610 -- SQL from constants; user input goes in params
        where=[f"{TABLE}.search_vector @@ to_tsquery('dutch', %s)"],
        params=[query.postgres_tsquery("AND")],
    )


def _distance2(origin: geo.Point) -> tuple[str, list[float]]:
    """SQL for the squared planar distance in km² (geo.planar_km), and its parameters."""
    ky, kx = geo.KM_PER_DEGREE_LAT, geo.km_per_degree_lon(origin.lat)
    distance2 = (
        f"(({TABLE}.lat - %s) * {ky}) * (({TABLE}.lat - %s) * {ky}) + "
        f"(({TABLE}.lon - %s) * {kx}) * (({TABLE}.lon - %s) * {kx})"
    )
    return distance2, [origin.lat, origin.lat, origin.lon, origin.lon]


def _within(qs: OfferingQuerySet, origin: geo.Point, radius_km: float) -> OfferingQuerySet:
    """Offerings at most radius_km away: the bounding box (indexed), then the circle."""
    distance2, params = _distance2(origin)
    # The box a hair wider than the circle, so rounding never drops a point on the circle.
    box = geo.bounding_box(origin, radius_km * (1 + 1e-9))
    qs = qs.filter(lat__range=(box.min_lat, box.max_lat), lon__range=(box.min_lon, box.max_lon))
    return qs.extra(  # noqa: S610 -- SQL from constants; user input goes in params
        where=[f"{distance2} <= %s"], params=[*params, radius_km * radius_km]
    )


def _with_distance(qs: OfferingQuerySet, origin: geo.Point) -> OfferingQuerySet:
    """Offerings with a place, with their distance (squared) as `distance2`."""
    distance2, params = _distance2(origin)
    qs = qs.filter(lat__isnull=False)
    return qs.extra(select={"distance2": distance2}, select_params=params)  # noqa: S610


def _open_to_resident(qs: OfferingQuerySet, municipality_code: str) -> OfferingQuerySet:
    # Two probes of the open_to index per offering looked at: cheap now that the searches
    # look at a few thousand offerings at most. (A set built once per query instead, NOT IN
    # the offerings restricted to other municipalities only, cost SQLite 7 ms more.)
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
        qs = _with_distance(qs, params.origin.point)  # the radius follows in search_offerings
    return qs


def _ordered(qs: OfferingQuerySet, params: SearchParams, ranked: bool) -> OfferingQuerySet:
    by_date = ["date_from", "-publish_from", "id"]
    if params.sort == SortOrder.DISTANCE and params.origin:
        return qs.order_by("distance2", "id")
    if params.sort == SortOrder.DATE:
        return qs.order_by(F("date_from").asc(nulls_last=True), "-publish_from", "id")
    if ranked:
        tie_breaker = ["distance2"] if params.origin else []
        return qs.order_by("-score", *tie_breaker, "id")
    fresh_first = Q(last_checked_on__gte=stale_cutoff())
    fresh = ExpressionWrapper(fresh_first, output_field=BooleanField())
    return qs.annotate(fresh=fresh).order_by(
        F("fresh").desc(), F(by_date[0]).asc(nulls_last=True), *by_date[1:]
    )


class FirstKeys(Protocol):
    def __call__(self, limit: int) -> list[int]: ...


@dataclass(frozen=True)
class Shortcuts:
    """What SearchPaginator may use instead of the search's own queryset.

    It sits on the one queryset search_offerings() returns (attribute SHORTCUTS): a queryset
    derived from it (filtered, sliced, reordered) is a new object without it, and pages by
    its own ORDER BY and WHERE.
    """

    first_keys: FirstKeys | None  # the ordered keys without sorting every match, if possible
    origin: geo.Point | None

    def rows(self, ids: list[int]) -> list[Offering]:
        """The page's offerings, in the order of ids, by key alone.

        The keys come from the search itself, so the page query need not test its words,
        filters and distance again (on SQLite the word would mean another full-text scan).
        Only the distance is computed again, for "2,3 km" on each result.
        """
        qs = Offering.objects.filter(pk__in=ids).select_related(*RELATED)
        if self.origin is not None:
            distance2, params = _distance2(self.origin)
            qs = qs.extra(select={"distance2": distance2}, select_params=params)  # noqa: S610
        by_key = {row.pk: row for row in qs}
        return [by_key[pk] for pk in ids if pk in by_key]


SHORTCUTS = "werkroute_search_shortcuts"
RELATED = ("organisation", "location", "municipality")


def search_offerings(params: SearchParams) -> SearchOutcome:
    """Public offerings for the route map's search, in the order the user asked for.

    Words are ranked (bm25 on SQLite, ts_rank_cd on PostgreSQL; title above body, fresh above
    stale), unless every word is in most of the catalogue (COMMON_WORD_SHARE): then they only
    filter and the order is that of a search without words. If no offering has every word,
    any of them will do (`broadened`).
    """
    unbounded = _filtered(params)  # without the radius: for _Nearest's smaller circles
    qs = unbounded
    if params.origin and params.radius_km is not None:
        qs = _within(qs, params.origin.point, params.radius_km)
    terms = text.search_terms(params.q)
    broadened = False
    ranked = False
    if terms:
        query = TextQuery(terms)
        common = query.all_common()
        if common and len(terms) > 1:
            common = _containing(qs, query).exists()  # else broaden below, ranked as ever
        if common:
            # Words in most of the catalogue filter but do not rank (COMMON_WORD_SHARE): the
            # matches come in the order of a search without words.
            qs, unbounded = _containing(qs, query), _containing(unbounded, query)
        else:
            ranked = True
            matched = _with_text(qs, query, "AND")
            # Ordered by score, so that SQLite drives the query from the full-text index (an
            # unordered EXISTS lets it probe the index once per offering instead).
            if len(terms) > 1 and not _keys(matched.order_by("-score"), 1, BY_ID_INDEX):
                matched = _with_text(qs, query, "OR")
                broadened = True
            qs = matched
    first_keys = _first_keys(qs, unbounded, params, ranked)
    qs = _ordered(qs, params, ranked).select_related(*RELATED)
    origin = params.origin.point if params.origin else None
    setattr(qs, SHORTCUTS, Shortcuts(first_keys, origin))
    return SearchOutcome(queryset=qs, broadened=broadened, text_searched=bool(terms))


def _first_keys(
    qs: OfferingQuerySet, unbounded: OfferingQuerySet, params: SearchParams, ranked: bool
) -> FirstKeys | None:
    """The quick way to the first keys of the search, if it has one."""
    if ranked:
        # Ranked words match few enough offerings that the full-text index leads well, in
        # any order; SQLite then reads each match's filters from an index by key.
        return _Ranked(_ordered(qs, params, ranked)) if connection.vendor == "sqlite" else None
    if params.neighbourhood or (params.kinds and _few_of_kinds(params.kinds)):
        # A neighbourhood holds a few dozen offerings, most kinds a few thousand: their own
        # index and a sort of those beat any walk, which would read the whole listing index
        # when the other filters leave little (87 ms on SQLite, 128 ms on PostgreSQL, for
        # work experience for status holders).
        return None
    if params.sort == SortOrder.DISTANCE and params.origin:
        return _Nearest(unbounded, params.origin.point, params.radius_km)
    # A date range keeps dated offerings only: no need to look among the undated.
    dated_only = bool(params.date_from or params.date_until)
    fresh_first = params.sort != SortOrder.DATE
    return _Listing(qs, fresh_first=fresh_first, dated_only=dated_only)


def _few_of_kinds(kinds: list[str]) -> bool:
    """Whether fewer than WALK_MIN_OFFERINGS published offerings are of these kinds.

    Counted in the (status, kind) index alone, so it stays cheap for the biggest kind.
    """
    published = Offering.objects.filter(status=OfferingStatus.PUBLISHED, kind__in=kinds)
    return published.order_by()[:WALK_MIN_OFFERINGS].count() < WALK_MIN_OFFERINGS


def _keys(qs: OfferingQuerySet, limit: int, index: str) -> list[int]:
    """The primary keys of an ordered queryset, at most limit; on SQLite read through `index`.

    Both planners misjudge these queries often enough to matter. SQLite picks indexes by
    statistics that exist only after ANALYZE; without them it takes the status index as very
    selective and reads tens of thousands of wide rows: INDEXED BY pins the covering index,
    which answers any of these queries (at worst by a scan of the index, a few MB).
    PostgreSQL underestimates how many offerings pass a distance and a few filters, and sorts
    every offering in the box rather than walk the listing index: _Listing disables sorting
    for its queries (_walking), which leaves the walk as the plan.
    """
    keys = qs.values_list("pk", flat=True)[:limit]
    db = connections[keys.db]
    if db.vendor != "sqlite":
        return list(keys)
    sql, sql_params = keys.query.get_compiler(using=keys.db).as_sql()
    with db.cursor() as cursor:
        cursor.execute(_indexed_by(db, sql, index), sql_params)
        return [row[0] for row in cursor.fetchall()]


def _indexed_by(db: Any, sql: str, index: str) -> str:
    """SQLite: the statement with the offering table read through `index` only."""
    # The table comes first in FROM, alone or joined (`, fts`) to the full-text index.
    head = re.compile(rf"FROM {re.escape(db.ops.quote_name(TABLE))} (?=WHERE |, )")
    if len(head.findall(sql)) != 1:  # not the expected shape: let the planner choose
        return sql
    return head.sub(lambda m: f"{m[0]}INDEXED BY {db.ops.quote_name(index)} ", sql)


def _rows(qs: Any, index: str, chunk: int = 1000) -> Iterator[tuple[Any, ...]]:
    """The rows of an ordered values_list() queryset, fetched as they are read.

    The caller may stop early: SQLite then stops stepping through the index (INDEXED BY
    `index`, as in _keys), PostgreSQL through a server-side cursor (inside _walking's
    transaction), and neither computes the rest.
    """
    db = connections[qs.db]
    if db.vendor == "sqlite":
        sql, sql_params = qs.query.get_compiler(using=qs.db).as_sql()
        sql = _indexed_by(db, sql, index)
        with db.cursor() as cursor:
            cursor.execute(sql, sql_params)
            while rows := cursor.fetchmany(chunk):
                yield from rows
        return
    yield from qs.iterator(chunk_size=chunk)


@contextmanager
def _walking(using: str) -> Iterator[None]:
    """PostgreSQL: plan the queries inside as walks along the listing index (see _keys)."""
    db = connections[using]
    if db.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using), _postgres_settings(db, WALK_SETTINGS):
        yield


# PostgreSQL settings for a walk along the listing index: no sorting (so no plan that sorts),
# and no parallel workers (a walk stops after a page's worth; starting workers costs more).
WALK_SETTINGS = {
    "enable_sort": "off",
    "enable_incremental_sort": "off",
    "max_parallel_workers_per_gather": "0",
}


@contextmanager
def _postgres_settings(db: Any, settings: dict[str, str]) -> Iterator[None]:
    """Planner settings for the queries inside, to be used in a transaction (SET LOCAL).

    SET LOCAL would last until that transaction ends, which may be an outer one: the old
    values are put back right after. After an error the savepoint rolls them back.
    """
    names = list(settings)
    assign = "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(names))
    with db.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(["current_setting(%s)"] * len(names)), names)
        previous = dict(zip(names, cursor.fetchone(), strict=True))
        cursor.execute(assign, [x for item in settings.items() for x in item])
        yield
        cursor.execute(assign, [x for item in previous.items() for x in item])


@dataclass(frozen=True)
class _Ranked:
    """SQLite: the first keys of a ranked search, reading the filters of each match by key.

    The full-text index leads, and the public filters of each match are looked up by key:
    in the table, those columns of a long offering often lie on overflow pages (`zorg`,
    11,000 matches: 55 ms against 29 ms from catalogue_offering_by_id, fresh connections).
    """

    queryset: OfferingQuerySet  # ordered

    def __call__(self, limit: int) -> list[int]:
        return _keys(self.queryset, limit, BY_ID_INDEX)


@dataclass(frozen=True)
class _Listing:
    """The first keys in listing order, read in that order from the listing index.

    The listing index is in the order of dates (undated last), newest first, id: one walk over
    the dated offerings and one over the undated give every match in that order, and sorting
    them into fresh first and stale after is a matter of two lists. The walk stops as soon as
    `limit` fresh matches are in: after a page's worth for the landing page, where a query
    ordered by freshness would sort all 95,000 public offerings to keep 1,001. When the
    filters leave few matches, the walk reads the whole index once (a few MB) and the rows
    come to Python only for the matches.
    """

    queryset: OfferingQuerySet  # filtered, not yet ordered
    fresh_first: bool
    dated_only: bool = False

    def __call__(self, limit: int) -> list[int]:
        fresh = ExpressionWrapper(
            Q(last_checked_on__gte=stale_cutoff()) if self.fresh_first else Q(pk__isnull=False),
            output_field=BooleanField(),
        )
        # `>= date.min` rather than IS NOT NULL: SQLite walks a range in index order.
        dates = [Q(date_from__gte=dt.date.min), Q(date_from__isnull=True)]
        first: list[int] = []  # fresh matches (all matches without fresh_first), in order
        later: list[int] = []  # stale matches, in order
        with _walking(self.queryset.db):
            for dated in dates[:1] if self.dated_only else dates:
                # The undated part is ordered by its (empty) date too: PostgreSQL does not
                # see that IS NULL makes it constant, and would sort instead of walk.
                part = self.queryset.filter(dated).annotate(walk_fresh=fresh)
                part = part.order_by("date_from", "-publish_from", "id")
                for key, is_fresh in _rows(part.values_list("pk", "walk_fresh"), LISTING_INDEX):
                    if is_fresh:
                        first.append(key)
                        if len(first) >= limit:
                            return first
                    elif len(later) < limit:
                        later.append(key)
        return (first + later)[:limit]


@dataclass(frozen=True)
class _Nearest:
    """The first keys by distance: nearest first, looked for in widening circles.

    If a circle of r km holds at least `limit` matches, they are the nearest `limit` of all
    (every match outside is further than r), so only the offerings in its bounding box are
    sorted: a few thousand instead of the 65,000-80,000 of a wide search around a city.
    """

    queryset: OfferingQuerySet  # filtered, with distance2, but without the search's radius
    origin: geo.Point
    radius_km: float | None

    def __call__(self, limit: int) -> list[int]:
        radius = self.radius_km if self.radius_km is not None else math.inf
        ring = FIRST_RING_KM
        while ring < radius and ring <= LAST_RING_KM:
            keys = self._nearest(ring, limit)
            if len(keys) >= limit:
                return keys
            ring *= 2
        return self._nearest(self.radius_km, limit)

    def _nearest(self, radius_km: float | None, limit: int) -> list[int]:
        qs = self.queryset
        if radius_km is not None:
            qs = _within(qs, self.origin, radius_km)
        return _keys(qs.order_by("distance2", "id"), limit, NEARBY_INDEX)


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
    def shortcuts(self) -> Shortcuts | None:
        return getattr(self.object_list, SHORTCUTS, None)

    @cached_property
    def ranked_ids(self) -> list[int]:
        if self.shortcuts and self.shortcuts.first_keys:
            return self.shortcuts.first_keys(COUNT_CAP + 1)
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
        if self.shortcuts:
            return self._get_page(self.shortcuts.rows(ids), number, self)
        rows = {row.pk: row for row in self.object_list.order_by().filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
