"""The state machines of campaigns and campaign members, registered with casework.state.

Every status change goes through casework.state.transition(), which checks these tables against
the stored status and writes a Transition row with actor and time.
"""

from werkroute.casework.state import StateMachine, register_machine
from werkroute.outreach.constants import FINAL_STATUSES, FUNNEL_LINE, CampaignStatus, MemberStatus

C, M = CampaignStatus, MemberStatus
SIDE_EXITS = frozenset({M.NO_RESPONSE, M.DECLINED})

CAMPAIGN_MACHINE = StateMachine(
    transitions={
        C.DRAFT: frozenset({C.RUNNING, C.CLOSED}),
        C.RUNNING: frozenset({C.CLOSED}),
        C.CLOSED: frozenset(),
    },
)

MEMBER_MACHINE = StateMachine(
    transitions={
        M.SELECTED: frozenset({M.INVITED}),
        M.INVITED: frozenset({M.RESPONDED, M.NO_RESPONSE, M.DECLINED}),
        M.RESPONDED: frozenset({M.CONVERSATION_HELD, M.DECLINED}),
        M.CONVERSATION_HELD: frozenset({M.FOLLOW_UP_AGREED}),
        M.FOLLOW_UP_AGREED: frozenset(),
        M.NO_RESPONSE: frozenset({M.RESPONDED, M.DECLINED}),
        M.DECLINED: frozenset(),
    },
)


def steps_to(current: str, target: str) -> list[str]:
    """The statuses to pass through from `current` to reach `target`, in order.

    Along the line (invited → responded → conversation held → follow-up agreed) every step in
    between is taken; from "no response" the line goes on at "responded". Anything else is one
    step, which the state machine allows or refuses.
    """
    if target in SIDE_EXITS or target not in FUNNEL_LINE:
        return [target]
    start = M.INVITED if current == M.NO_RESPONSE else current
    if start not in FUNNEL_LINE:
        return [target]
    here, there = FUNNEL_LINE.index(start), FUNNEL_LINE.index(target)
    if there <= here:
        return [target]
    return list(FUNNEL_LINE[here + 1 : there + 1])


def is_ahead(current: str, target: str) -> bool:
    """Whether `target` lies further along the line than `current`."""
    if current in FINAL_STATUSES or target not in FUNNEL_LINE:
        return False
    start = M.INVITED if current == M.NO_RESPONSE else current
    if start not in FUNNEL_LINE:
        return False
    return FUNNEL_LINE.index(target) > FUNNEL_LINE.index(start)


def register() -> None:
    from werkroute.outreach.models import Campaign, CampaignMember

    register_machine(Campaign, CAMPAIGN_MACHINE)
    register_machine(CampaignMember, MEMBER_MACHINE)


def reachable(current: str) -> list[str]:
    """Statuses a member can be moved to from `current`, walking the line where needed."""
    found = []
    for target in MemberStatus.values:
        status, steps = current, steps_to(current, target)
        for step in steps:
            if not MEMBER_MACHINE.allows(status, step):
                break
            status = step
        else:
            if steps:
                found.append(target)
    return found
