"""Every write about employers, work agreements, proposals and placements, and every read of a
person's data in a proposal that must leave a trace. Import from here, not from the modules
inside. Each function takes the acting user as keyword-only `actor`, checks again that the actor
may do this, and writes in one transaction inside a processing span (activity "voordracht")."""

from werkroute.employers.services.employers import (
    Progress,
    add_contact_person,
    agreement_placements,
    agreement_progress,
    clean_kvk_number,
    record_contact_moment,
    remove_contact_person,
    save_employer,
    save_work_agreement,
    update_contact_person,
)
from werkroute.employers.services.placements import (
    cancel_placement,
    hire_candidate,
    open_checks,
    plan_follow_up_checks,
    record_follow_up_check,
    update_placement,
)
from werkroute.employers.services.proposals import (
    EMPLOYER_ANSWERS,
    EmployerView,
    change_proposal_status,
    distance_band,
    duplicate_message,
    employer_view,
    give_case_manager_consent,
    give_proposal_consent,
    propose_candidate,
    view_own_proposal,
    view_proposal,
    view_proposal_as_employer,
    withdraw_proposal_consent,
)
from werkroute.employers.services.review import review_vacancy, update_employer_settings

__all__ = [
    "EMPLOYER_ANSWERS",
    "EmployerView",
    "Progress",
    "add_contact_person",
    "agreement_placements",
    "agreement_progress",
    "cancel_placement",
    "change_proposal_status",
    "clean_kvk_number",
    "distance_band",
    "duplicate_message",
    "employer_view",
    "give_case_manager_consent",
    "give_proposal_consent",
    "hire_candidate",
    "open_checks",
    "plan_follow_up_checks",
    "propose_candidate",
    "record_contact_moment",
    "record_follow_up_check",
    "remove_contact_person",
    "review_vacancy",
    "save_employer",
    "save_work_agreement",
    "update_contact_person",
    "update_employer_settings",
    "update_placement",
    "view_own_proposal",
    "view_proposal",
    "view_proposal_as_employer",
    "withdraw_proposal_consent",
]
