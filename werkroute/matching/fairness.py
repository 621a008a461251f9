"""Outcomes per group, in aggregate: does matching serve every group alike?

The protected attributes (age, gender, nationality, country of birth, health) are read here and
only here, to count. They never enter a score (see features.py and the fairness property test).
A group's share of people with a good match is compared with everyone's; a ratio under 0.8 (the
"four-fifths rule") is flagged for the functional administrator to look into. Groups smaller than
MIN_GROUP are not shown, so no one can be singled out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.core.models import Municipality
from werkroute.jobseekers.constants import Gender, ObstacleKind
from werkroute.jobseekers.models import JobSeeker, Obstacle
from werkroute.matching.models import Match

GOOD_MATCH = 0.5
MIN_GROUP = 10
FOUR_FIFTHS = 0.8
AGE_BANDS = (
    (0, 27, "tot 27"),
    (27, 45, "27 tot 45"),
    (45, 55, "45 tot 55"),
    (55, 200, "55 en ouder"),
)


@dataclass
class GroupRow:
    dimension: str
    group: str
    people: int
    share_good: float | None
    mean_best: float | None
    ratio: float | None

    @property
    def flagged(self) -> bool:
        return self.ratio is not None and self.ratio < FOUR_FIFTHS

    @property
    def suppressed(self) -> bool:
        return self.share_good is None


@dataclass
class Monitor:
    people: int
    with_matches: int
    share_good: float | None
    rows: list[GroupRow]

    @property
    def flagged(self) -> list[GroupRow]:
        return [r for r in self.rows if r.flagged]


def _age(born: dt.date, today: dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _age_band(age: int) -> str:
    return next(label for low, high, label in AGE_BANDS if low <= age < high)


def _country_group(code: str) -> str:
    if not code:
        return _("onbekend")
    return _("Nederland") if code.upper() == "NL" else _("ander land")


def monitor(municipality: Municipality, today: dt.date | None = None) -> Monitor:
    today = today or timezone.localdate()
    people = JobSeeker.objects.filter(municipality=municipality, anonymised_at__isnull=True)
    best = dict(
        Match.objects.filter(job_seeker__in=people)
        .values("job_seeker_id")
        .annotate(best=Max("score"))
        .values_list("job_seeker_id", "best")
    )
    health = set(
        Obstacle.objects.filter(
            job_seeker__in=people, kind=ObstacleKind.HEALTH, is_active=True
        ).values_list("job_seeker_id", flat=True)
    )
    gender_labels = dict(Gender.choices)
    groups: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    everyone: list[float | None] = []
    for pk, born, gender, nationality, birth_country in people.values_list(
        "pk", "date_of_birth", "gender", "nationality", "country_of_birth"
    ):
        score = best.get(pk)
        everyone.append(score)
        groups[_("Leeftijd"), _age_band(_age(born, today))].append(score)
        groups[_("Geslacht"), str(gender_labels.get(gender, _("onbekend")))].append(score)
        groups[_("Nationaliteit"), _country_group(nationality)].append(score)
        groups[_("Geboorteland"), _country_group(birth_country)].append(score)
        groups[_("Gezondheid speelt mee"), _("ja") if pk in health else _("nee")].append(score)
    overall = _share_good(everyone)
    rows = [
        _row(dimension, group, scores, overall)
        for (dimension, group), scores in sorted(groups.items())
    ]
    return Monitor(
        people=len(everyone),
        with_matches=sum(1 for s in everyone if s is not None),
        share_good=overall,
        rows=rows,
    )


def _share_good(scores: list[float | None]) -> float | None:
    if not scores:
        return None
    return sum(1 for s in scores if s is not None and s >= GOOD_MATCH) / len(scores)


def _row(dimension: str, group: str, scores: list[float | None], overall: float | None) -> GroupRow:
    if len(scores) < MIN_GROUP:
        return GroupRow(dimension, group, len(scores), None, None, None)
    share = _share_good(scores)
    known = [s for s in scores if s is not None]
    mean = sum(known) / len(known) if known else None
    ratio = share / overall if share is not None and overall else None
    return GroupRow(dimension, group, len(scores), share, mean, ratio)
