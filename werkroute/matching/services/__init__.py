"""Every write and every scoring request of matching goes through here."""

from werkroute.matching.services.batch import (
    has_run,
    plan_shards,
    score_shard,
    start_run,
    update_offering,
)
from werkroute.matching.services.reading import (
    Candidate,
    MatchingOff,
    PersonMatches,
    candidates_for_offering,
    courses_for_gap,
    is_enabled,
    matches_for_person,
)
from werkroute.matching.services.settings import (
    add_to_shortlist,
    administered_municipalities,
    remove_from_shortlist,
    settings_for,
    update_settings,
)

__all__ = [
    "Candidate",
    "MatchingOff",
    "PersonMatches",
    "add_to_shortlist",
    "administered_municipalities",
    "candidates_for_offering",
    "courses_for_gap",
    "has_run",
    "is_enabled",
    "matches_for_person",
    "plan_shards",
    "remove_from_shortlist",
    "score_shard",
    "settings_for",
    "start_run",
    "update_offering",
    "update_settings",
]
