"""Fair by construction: age, gender, nationality, origin and health never change a score.

A property-based test: hypothesis changes those fields on random people, in the database, and every
score of every person against every vacancy stays exactly the same.
"""

import datetime as dt

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from werkroute.jobseekers.constants import Gender, ObstacleKind
from werkroute.jobseekers.models import JobSeeker, Obstacle
from werkroute.matching import features, space
from werkroute.matching.engine import PeopleMatrix, score_rows

COUNTRIES = ["NL", "MA", "TR", "SY", "ER", "PL", "SR", "UA", ""]

changes = st.fixed_dictionaries(
    {
        "date_of_birth": st.dates(dt.date(1950, 1, 1), dt.date(2007, 12, 31)),
        "gender": st.sampled_from([*Gender.values, ""]),
        "nationality": st.sampled_from(COUNTRIES),
        "country_of_birth": st.sampled_from(COUNTRIES),
        "health": st.booleans(),
    }
)


def all_scores() -> np.ndarray:
    space.forget()
    offering_space = space.offering_space()
    records = features.person_records(features.matchable_people())
    people = PeopleMatrix.build(
        records, offering_space.matrix, offering_space.occupations, space.weights_by_municipality()
    )
    return score_rows(people, offering_space.matrix, 0, people.size).copy()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_protected_attributes_never_change_a_score(market, data):
    before = all_scores()
    people = list(JobSeeker.objects.order_by("pk"))
    chosen = data.draw(
        st.lists(st.sampled_from(people), min_size=1, max_size=len(people), unique=True)
    )
    for person in chosen:
        change = data.draw(changes)
        health = change.pop("health")
        JobSeeker.objects.filter(pk=person.pk).update(**change)
        Obstacle.objects.filter(job_seeker=person, kind=ObstacleKind.HEALTH).delete()
        if health:
            Obstacle.objects.create(
                job_seeker=person, kind=ObstacleKind.HEALTH, impact="Kan niet lang staan."
            )
    after = all_scores()
    assert np.array_equal(before, after)


def test_the_features_read_no_protected_field():
    # The person record has no place for them; the query that fills it does not select them.
    protected = {
        "date_of_birth",
        "gender",
        "nationality",
        "country_of_birth",
        "support_needed",
        "in_target_group_register",
        "is_status_holder",
    }
    assert not protected & set(features.PERSON_FIELDS)
    from werkroute.matching.engine import PersonRecord

    assert not protected & set(PersonRecord.__dataclass_fields__)
