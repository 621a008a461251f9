"""Reading casework: caseloads and their filters, a person's whole situation, access helpers.

Every query starts from the job seekers a user may see (werkroute.jobseekers.queries), so a
record of someone else's client answers 404 exactly like a record that does not exist.
"""

from werkroute.casework.queries.caseload import (
    CaseloadFilters,
    CaseManagerCounts,
    TeamOverview,
    apply_filters,
    benefit_start_cutoff,
    caseload,
    led_teams,
    team_overview,
    with_casework,
    years_before,
)
from werkroute.casework.queries.records import (
    ObstacleGoals,
    Situation,
    access_action,
    access_appointment,
    access_goal,
    access_route_step,
    appointments_of,
    find_offerings,
    open_route_steps,
    owner_public_id,
    route_plan,
    situation,
)

__all__ = [
    "CaseManagerCounts",
    "CaseloadFilters",
    "ObstacleGoals",
    "Situation",
    "TeamOverview",
    "access_action",
    "access_appointment",
    "access_goal",
    "access_route_step",
    "apply_filters",
    "appointments_of",
    "benefit_start_cutoff",
    "caseload",
    "find_offerings",
    "led_teams",
    "open_route_steps",
    "owner_public_id",
    "route_plan",
    "situation",
    "team_overview",
    "with_casework",
    "years_before",
]
