"""The employer service point of the demo region: employers with contact histories, 13 signed
work agreements in different stages, proposals in every status, placements with their 6- and
12-month checks. Runs after the job seekers and the logins exist (the lead wires it in).

Deterministic: all randomness from ctx.rng, and only lists built here in a fixed order. Rows are
written directly (like the rest of the generator), without audit entries: nobody read anything.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, User
from werkroute.catalogue.constants import OfferingKind, OfferingStatus, OrganisationKind
from werkroute.catalogue.models import Offering, Organisation
from werkroute.core.models import Region
from werkroute.demo.generator.context import Context
from werkroute.employers.constants import (
    AgreementStatus,
    CompanySize,
    ContactKind,
    DeclineReason,
    Instrument,
    Outflow,
    ProposalStatus,
)
from werkroute.employers.models import (
    ContactMoment,
    ContactPerson,
    EmployerProfile,
    FollowUpCheck,
    Placement,
    Proposal,
    ProposalEvent,
    WorkAgreement,
)
from werkroute.jobseekers.models import JobSeeker

AGREEMENTS = 13
PROPOSALS = 60
EMPLOYER_LOGIN = "werkgever"
ADVISER_LOGIN = "werkgeversadviseur"
SBI = ("47111", "56101", "49410", "52100", "86101", "43221", "10711", "81211")
CONTACT_SUBJECTS = (
    (ContactKind.VISIT, "Kennismaking op de werkvloer"),
    (ContactKind.CALL, "Vacatures voor het voorjaar doorgenomen"),
    (ContactKind.EMAIL, "Informatie over loonkostensubsidie gestuurd"),
    (ContactKind.EVENT, "Bezocht de werkgeversbijeenkomst Den Haag Werkt!"),
    (ContactKind.EVENT, "Stand op de banenmarkt van de regio"),
)
ROLES = ("HR-adviseur", "Bedrijfsleider", "Directeur", "Teamleider")
# Stages of the 13 agreements: (status, months since start, length in months).
STAGES = (
    (AgreementStatus.SIGNED, 1, 12),
    (AgreementStatus.SIGNED, 3, 12),
    (AgreementStatus.SIGNED, 6, 24),
    (AgreementStatus.SIGNED, 9, 12),
    (AgreementStatus.SIGNED, 11, 12),
    (AgreementStatus.SIGNED, 14, 24),
    (AgreementStatus.SIGNED, 20, 24),
    (AgreementStatus.ENDED, 15, 12),
    (AgreementStatus.ENDED, 26, 24),
    (AgreementStatus.ENDED, 30, 12),
    (AgreementStatus.CANCELLED, 8, 24),
    (AgreementStatus.SIGNED, 0, 12),
    (AgreementStatus.SIGNED, 2, 36),
)
# How the proposals end up, in turn: every status occurs.
OUTCOMES = (
    ProposalStatus.HIRED,
    ProposalStatus.PROPOSED,
    ProposalStatus.INVITED,
    ProposalStatus.INTERVIEWED,
    ProposalStatus.DECLINED,
    ProposalStatus.WITHDRAWN,
    ProposalStatus.HIRED,
)
PATHS = {
    ProposalStatus.PROPOSED: (ProposalStatus.PROPOSED,),
    ProposalStatus.INVITED: (ProposalStatus.PROPOSED, ProposalStatus.INVITED),
    ProposalStatus.INTERVIEWED: (
        ProposalStatus.PROPOSED,
        ProposalStatus.INVITED,
        ProposalStatus.INTERVIEWED,
    ),
    ProposalStatus.HIRED: (
        ProposalStatus.PROPOSED,
        ProposalStatus.INVITED,
        ProposalStatus.INTERVIEWED,
        ProposalStatus.HIRED,
    ),
    ProposalStatus.DECLINED: (
        ProposalStatus.PROPOSED,
        ProposalStatus.INVITED,
        ProposalStatus.DECLINED,
    ),
    ProposalStatus.WITHDRAWN: (ProposalStatus.PROPOSED, ProposalStatus.WITHDRAWN),
}


@dataclass
class EmployerWorld:
    employers: int = 0
    agreements: int = 0
    proposals: dict[str, int] = field(default_factory=dict)
    placements: int = 0
    checks: int = 0


def _months_ago(today: dt.date, months: int) -> dt.date:
    month = today.month - 1 - months
    year = today.year + month // 12
    return dt.date(year, month % 12 + 1, min(today.day, 28))


def _employers(region: Region) -> list[Organisation]:
    return list(
        Organisation.objects.filter(region=region, kinds__has=OrganisationKind.EMPLOYER).order_by(
            "pk"
        )
    )


def _login(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _profiles(ctx: Context, employers: list[Organisation], adviser: User | None) -> None:
    for number, employer in enumerate(employers):
        if not employer.kvk_number:
            employer.kvk_number = f"{ctx.rng.randrange(10_000_000, 99_999_999)}"
            employer.save(update_fields=["kvk_number"])
        EmployerProfile.objects.create(
            organisation=employer,
            sbi_code=ctx.pick(SBI),
            size=ctx.pick(CompanySize.values),
            account_manager=adviser if number % 2 == 0 else None,
        )
        ContactPerson.objects.create(
            organisation=employer,
            name=ctx.fake.name(),
            job_title=ctx.pick(ROLES),
            email=f"contact{number}@werkgever.example",
        )
        for back in range(ctx.rng.randint(1, 4)):
            kind, subject = ctx.pick(CONTACT_SUBJECTS)
            ContactMoment.objects.create(
                organisation=employer,
                kind=kind,
                date=ctx.today - dt.timedelta(days=30 * back + ctx.rng.randint(0, 25)),
                subject=subject,
                recorded_by=adviser,
            )


def _agreements(ctx: Context, employers: list[Organisation]) -> list[WorkAgreement]:
    made = []
    for number, (status, since, length) in enumerate(STAGES):
        employer = employers[number % len(employers)]
        starts = _months_ago(ctx.today, since)
        ends = _months_ago(ctx.today, since - length)
        made.append(
            WorkAgreement.objects.create(
                organisation=employer,
                title=f"Werkakkoord {employer.name} {starts.year}",
                starts_on=starts,
                ends_on=ends,
                status=status,
                placements_target=ctx.rng.randint(2, 12),
                target_groups=["long_term_assistance"],
                learning_working_places=ctx.rng.randint(0, 3),
                job_coaching=ctx.chance(0.5),
                lasting_contracts=ctx.rng.randint(0, 4),
                subsidies=ctx.chance(0.6),
                coaching=ctx.chance(0.4),
                signed_by_employer=ctx.fake.name(),
                signed_by_municipality="Wethouder Werk en Inkomen",
                signed_on=starts - dt.timedelta(days=14),
            )
        )
    return made


def _proposal(
    ctx: Context, job_seeker: JobSeeker, vacancy: Offering, outcome: str, adviser: User | None
) -> Proposal:
    days_ago = (
        ctx.rng.randint(10, 500) if outcome == ProposalStatus.HIRED else ctx.rng.randint(1, 60)
    )
    proposed_on = ctx.today - dt.timedelta(days=days_ago)
    at = timezone.make_aware(dt.datetime.combine(proposed_on, dt.time(10)), ctx.tz)
    consent = outcome != ProposalStatus.PROPOSED or ctx.chance(0.5)
    proposal = Proposal.objects.create(
        job_seeker=job_seeker,
        offering=vacancy,
        proposed_by=adviser or job_seeker.case_manager,
        proposed_on=proposed_on,
        motivation="Heeft ervaring in dit werk en is gemotiveerd om te beginnen.",
        status=outcome,
        decline_reason=DeclineReason.HOURS if outcome == ProposalStatus.DECLINED else "",
        job_seeker_consent_at=at + dt.timedelta(days=1) if consent else None,
        case_manager_consent_at=at + dt.timedelta(days=2) if consent else None,
        case_manager_consent_by=job_seeker.case_manager if consent else None,
    )
    previous = ""
    for step, status in enumerate(PATHS[outcome]):
        ProposalEvent.objects.create(
            proposal=proposal,
            from_status=previous,
            to_status=status,
            what=str(ProposalStatus(status).label),
            actor=adviser,
            actor_role=Role.EMPLOYER_ADVISER,
            at=at + dt.timedelta(days=3 * step),
        )
        previous = status
    return proposal


def _placement(ctx: Context, proposal: Proposal, adviser: User | None) -> tuple[Placement, int]:
    placement = Placement.objects.create(
        proposal=proposal,
        start_date=proposal.proposed_on + dt.timedelta(days=ctx.rng.randint(7, 30)),
        contract_type=ctx.pick(("temporary", "permanent", "learning_working")),
        hours_per_week=ctx.pick((16, 24, 32, 36)),
        wage=Decimal(ctx.rng.randint(2100, 2900)),
        instruments=sorted(
            {ctx.pick(Instrument.values), ctx.pick(Instrument.values)},
            key=Instrument.values.index,
        ),
        outflow=ctx.pick((Outflow.FULL, Outflow.FULL, Outflow.PARTIAL)),
        recorded_by=adviser,
    )
    checks = 0
    for months in (6, 12):
        due = placement.due_date(months)
        if due > ctx.today + dt.timedelta(days=14):
            continue
        done = due < ctx.today - dt.timedelta(days=7)
        FollowUpCheck.objects.create(
            placement=placement,
            months=months,
            due_on=due,
            adviser=adviser,
            checked_on=due + dt.timedelta(days=3) if done else None,
            still_employed=ctx.chance(0.8) if done else None,
            checked_by=adviser if done else None,
        )
        checks += 1
    return placement, checks


def generate_employer_world(ctx: Context, region: Region) -> EmployerWorld:
    """Employers' records, agreements, proposals, placements and checks for the demo region."""
    world = EmployerWorld()
    employers = _employers(region)
    if not employers:
        return world
    adviser = _login(ADVISER_LOGIN)
    if adviser is None:
        membership = Membership.objects.filter(role=Role.EMPLOYER_ADVISER, region=region).first()
        adviser = membership.user if membership else None
    _profiles(ctx, employers, adviser)
    world.employers = len(employers)
    world.agreements = len(_agreements(ctx, employers))
    # The demo employer login's organisation comes first, so its portal has proposals to answer.
    employer_login = _login(EMPLOYER_LOGIN)
    first = employer_login.organisation_memberships.first() if employer_login else None
    vacancies = list(
        Offering.objects.filter(
            organisation__in=employers,
            kind=OfferingKind.VACANCY,
            status=OfferingStatus.PUBLISHED,
        ).order_by("pk")
    )
    if first is not None:
        vacancies.sort(key=lambda v: v.organisation_id != first.organisation_id)
    people = list(
        JobSeeker.objects.filter(
            municipality__region=region, case_manager__isnull=False, anonymised_at__isnull=True
        ).order_by("pk")[:PROPOSALS]
    )
    for number, person in enumerate(people):
        if not vacancies:
            break
        vacancy = vacancies[number % min(len(vacancies), 12)]
        outcome = OUTCOMES[number % len(OUTCOMES)]
        proposal = _proposal(ctx, person, vacancy, outcome, adviser)
        world.proposals[outcome] = world.proposals.get(outcome, 0) + 1
        if outcome == ProposalStatus.HIRED:
            _placement_row, checks = _placement(ctx, proposal, adviser)
            world.placements += 1
            world.checks += checks
    return world


def delete_employer_world(region: Region) -> None:
    """What generate_employer_world made; call first in reset.delete_demo_data (placements
    protect their proposal, proposals their vacancy, agreements their employer)."""
    FollowUpCheck.objects.filter(
        placement__proposal__offering__organisation__region=region
    ).delete()
    Placement.objects.filter(proposal__offering__organisation__region=region).delete()
    Proposal.objects.filter(offering__organisation__region=region).delete()  # events go along
    WorkAgreement.objects.filter(organisation__region=region).delete()
    for model in (ContactMoment, ContactPerson, EmployerProfile):
        model.objects.filter(organisation__region=region).delete()
