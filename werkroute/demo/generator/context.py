"""What every part of the generator shares: the sizes, the seeded randomness and today's date.

Determinism rule: all randomness comes from `Context.rng` or `Context.fake` (both seeded), and the
generator only iterates over lists and insertion-ordered dicts it built itself.
"""

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from faker import Faker

from werkroute.demo.models import DemoSize

T = TypeVar("T")


@dataclass(frozen=True)
class SizeSpec:
    partners: int  # organisations that are more than an employer, municipal desks included
    employers: int  # organisations that are only an employer
    vacancies: int
    events: int  # split evenly over job fairs, application trainings and networking meetings
    courses: int
    others: int  # split evenly over work experience, basic jobs, volunteering, support, business
    job_seekers: int  # people on a benefit, each with a case manager in their municipality


SIZES: dict[str, SizeSpec] = {
    DemoSize.SMALL: SizeSpec(
        partners=16,
        employers=25,
        vacancies=120,
        events=25,
        courses=15,
        others=30,
        job_seekers=60,
    ),
    DemoSize.CITY: SizeSpec(
        partners=62,
        employers=300,
        vacancies=1500,
        events=150,
        courses=100,
        others=150,
        job_seekers=2000,
    ),
    # 100,000 offerings in the proportions of the city size.
    DemoSize.LARGE: SizeSpec(
        partners=150,
        employers=5000,
        vacancies=79_000,
        events=7_900,
        courses=5_200,
        others=7_900,
        job_seekers=40_000,
    ),
}


@dataclass
class Context:
    rng: random.Random
    fake: Faker
    today: dt.date
    tz: ZoneInfo

    @classmethod
    def create(cls, seed: int, today: dt.date | None = None) -> "Context":
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        return cls(
            rng=random.Random(seed),
            fake=fake,
            today=today or timezone.localdate(),
            tz=ZoneInfo(settings.TIME_ZONE),
        )

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def pick_weighted(self, items: Sequence[T], weights: Sequence[float]) -> T:
        return self.rng.choices(items, weights=weights, k=1)[0]

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        return self.rng.sample(list(items), min(k, len(items)))

    def public_id(self) -> uuid.UUID:
        """A version-4 UUID from the seeded random, so public URLs are stable per seed too."""
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.tz)

    def phone(self, area_code: str) -> str:
        """A made-up Dutch landline number in the region's own area code."""
        digits = 7 if len(area_code) == 3 else 6
        number = str(self.rng.randrange(2 * 10 ** (digits - 1), 10**digits))
        return f"{area_code} {number[:3]} {number[3:]}"


def lower_first(label: str) -> str:
    """'Magazijnmedewerker' -> 'magazijnmedewerker', but 'ICT-monteur' and 'NT2-docent' stay."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def upper_first(label: str) -> str:
    return label[:1].upper() + label[1:]
