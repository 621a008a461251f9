"""Pages of the employer service point: employers, work agreements, proposals, follow-up checks.

Thin views: validate with a form, access through queries, call one service, render. Pages that
show a person's data leave an audit entry through the services (view_proposal).
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkroute.catalogue.constants import OfferingStatus
from werkroute.catalogue.models import Offering
from werkroute.employers import queries, services
from werkroute.employers.constants import TRANSITIONS, ProposalStatus
from werkroute.employers.forms import (
    CancelPlacementForm,
    ContactMomentForm,
    ContactPersonForm,
    EmployerForm,
    FollowUpForm,
    PlacementForm,
    ProposalForm,
    ReviewForm,
    StatusForm,
    WorkAgreementForm,
)
from werkroute.employers.models import Proposal, VacancyReview
from werkroute.jobseekers import queries as jobseeker_queries

FORM_METHODS = ["GET", "POST"]


def _post(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _require_adviser(request: HttpRequest) -> None:
    if not queries.is_adviser(request.user):
        raise Http404


# --- Employers -----------------------------------------------------------------------------


@login_required
@require_GET
def employer_list(request: HttpRequest) -> HttpResponse:
    _require_adviser(request)
    employers = (
        queries.employers_visible_to(request.user)
        .select_related("sector", "employer_profile__account_manager")
        .annotate(agreement_count=Count("work_agreements", distinct=True))
        .order_by("name")
    )
    query = request.GET.get("q", "").strip()[:100]
    if query:
        employers = employers.filter(Q(name__icontains=query) | Q(kvk_number=query))
    checks = services.open_checks(request.user).count()
    reviews = VacancyReview.objects.filter(
        status="pending", offering__organisation__in=queries.employers_visible_to(request.user)
    ).count()
    context = {"employers": employers, "query": query, "open_checks": checks, "reviews": reviews}
    return render(request, "employers/employer_list.html", context)


@login_required
@require_http_methods(FORM_METHODS)
def employer_create(request: HttpRequest) -> HttpResponse:
    _require_adviser(request)
    region = queries.adviser_regions(request.user).first()
    form = EmployerForm(_post(request))
    if form.submit(
        lambda data: services.save_employer(actor=request.user, region=region, data=data)
    ):
        employer = form.result
        messages.success(request, _("De werkgever is opgeslagen."))
        return redirect("employers:employer_detail", employer.public_id)
    return render(request, "employers/employer_form.html", {"form": form, "employer": None})


@login_required
@require_http_methods(FORM_METHODS)
def employer_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    employer = queries.access_employer(request.user, public_id)
    profile = getattr(employer, "employer_profile", None)
    initial = {
        "name": employer.name,
        "kvk_number": employer.kvk_number,
        "sector": employer.sector_id,
        "website": employer.website,
        "email": employer.email,
        "phone": employer.phone,
        "eherkenning_enabled": employer.eherkenning_enabled,
        "sbi_code": profile.sbi_code if profile else "",
        "size": profile.size if profile else "",
        "notes": profile.notes if profile else "",
    }
    form = EmployerForm(_post(request), initial=initial)
    if form.submit(
        lambda data: services.save_employer(actor=request.user, organisation=employer, data=data)
    ):
        messages.success(request, _("De werkgever is opgeslagen."))
        return redirect("employers:employer_detail", employer.public_id)
    return render(request, "employers/employer_form.html", {"form": form, "employer": employer})


@login_required
@require_GET
def employer_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    employer = queries.access_employer(request.user, public_id)
    agreements = [
        (agreement, services.agreement_progress(agreement))
        for agreement in employer.work_agreements.select_related("municipality")
    ]
    proposals = (
        queries.proposals_for_staff(request.user)
        .filter(offering__organisation=employer)
        .select_related("offering", "job_seeker")
    )
    context = {
        "employer": employer,
        "profile": getattr(employer, "employer_profile", None),
        "contacts": employer.employer_contacts.all(),
        "moments": employer.employer_contact_moments.select_related("recorded_by"),
        "agreements": agreements,
        "vacancies": employer.offerings.filter(
            status__in=[OfferingStatus.PUBLISHED, OfferingStatus.PENDING_REVIEW]
        ),
        "proposals": proposals,
        "locations": employer.locations.all(),
    }
    return render(request, "employers/employer_detail.html", context)


@login_required
@require_http_methods(FORM_METHODS)
def contact_person_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    employer = queries.access_employer(request.user, public_id)
    form = ContactPersonForm(_post(request))
    if form.is_valid():
        services.add_contact_person(
            actor=request.user, organisation=employer, data=form.cleaned_data
        )
        messages.success(request, _("De contactpersoon is toegevoegd."))
        return redirect("employers:employer_detail", employer.public_id)
    context = {"form": form, "employer": employer, "title": _("Contactpersoon toevoegen")}
    return render(request, "employers/simple_form.html", context)


@login_required
@require_http_methods(FORM_METHODS)
def contact_person_edit(request: HttpRequest, public_id: Any, contact_id: Any) -> HttpResponse:
    person = queries.access_contact_person(request.user, public_id, contact_id)
    employer = person.organisation
    initial = {name: getattr(person, name) for name in services.employers.CONTACT_PERSON_FIELDS}
    form = ContactPersonForm(_post(request), initial=initial)
    if form.submit(
        lambda data: services.update_contact_person(actor=request.user, person=person, data=data)
    ):
        messages.success(request, _("De contactpersoon is gewijzigd."))
        return redirect("employers:employer_detail", employer.public_id)
    context = {"form": form, "employer": employer, "title": _("Contactpersoon wijzigen")}
    return render(request, "employers/simple_form.html", context)


@login_required
@require_http_methods(FORM_METHODS)
def contact_person_remove(request: HttpRequest, public_id: Any, contact_id: Any) -> HttpResponse:
    person = queries.access_contact_person(request.user, public_id, contact_id)
    employer = person.organisation
    if request.method == "POST":
        services.remove_contact_person(actor=request.user, person=person)
        messages.success(request, _("De contactpersoon is verwijderd."))
        return redirect("employers:employer_detail", employer.public_id)
    context = {"person": person, "employer": employer}
    return render(request, "employers/contact_person_remove.html", context)


@login_required
@require_http_methods(FORM_METHODS)
def contact_moment_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    employer = queries.access_employer(request.user, public_id)
    form = ContactMomentForm(_post(request))
    if form.submit(
        lambda data: services.record_contact_moment(
            actor=request.user, organisation=employer, data=data
        )
    ):
        messages.success(request, _("Het contact staat in de geschiedenis."))
        return redirect("employers:employer_detail", employer.public_id)
    context = {"form": form, "employer": employer, "title": _("Contact vastleggen")}
    return render(request, "employers/simple_form.html", context)


# --- Work agreements -----------------------------------------------------------------------


@login_required
@require_http_methods(FORM_METHODS)
def agreement_create(request: HttpRequest, public_id: Any) -> HttpResponse:
    employer = queries.access_employer(request.user, public_id)
    form = WorkAgreementForm(_post(request), region=employer.region)
    if form.submit(
        lambda data: services.save_work_agreement(
            actor=request.user, organisation=employer, data=data
        )
    ):
        agreement = form.result
        messages.success(request, _("Het werkakkoord is opgeslagen."))
        return redirect("employers:agreement_detail", agreement.public_id)
    return render(
        request,
        "employers/agreement_form.html",
        {"form": form, "employer": employer, "agreement": None},
    )


@login_required
@require_http_methods(FORM_METHODS)
def agreement_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    agreement = queries.access_agreement(request.user, public_id)
    initial = {name: getattr(agreement, name) for name in services.employers.AGREEMENT_FIELDS}
    initial["municipality"] = agreement.municipality_id
    initial["sectors"] = list(agreement.sectors.values_list("pk", flat=True))
    form = WorkAgreementForm(_post(request), initial=initial, region=agreement.organisation.region)
    if form.submit(
        lambda data: services.save_work_agreement(
            actor=request.user, agreement=agreement, data=data
        )
    ):
        messages.success(request, _("Het werkakkoord is opgeslagen."))
        return redirect("employers:agreement_detail", agreement.public_id)
    context = {"form": form, "employer": agreement.organisation, "agreement": agreement}
    return render(request, "employers/agreement_form.html", context)


@login_required
@require_GET
def agreement_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    agreement = queries.access_agreement(request.user, public_id)
    placements = services.agreement_placements(agreement).select_related(
        "proposal__offering", "proposal__job_seeker"
    )
    context = {
        "agreement": agreement,
        "progress": services.agreement_progress(agreement),
        "placements": placements,
    }
    return render(request, "employers/agreement_detail.html", context)


# --- Proposals -----------------------------------------------------------------------------


def _candidate(request: HttpRequest) -> tuple[Any, Offering]:
    offering = queries.proposable_offerings().filter(public_id=_uuid(request, "vacature")).first()
    person = (
        jobseeker_queries.candidate_pool(request.user)
        .filter(public_id=_uuid(request, "kandidaat"))
        .first()
    )
    if offering is None or person is None:
        raise Http404
    return person, offering


def _uuid(request: HttpRequest, name: str) -> Any:
    import uuid

    try:
        return uuid.UUID(request.GET.get(name) or request.POST.get(name) or "")
    except ValueError:
        raise Http404 from None


@login_required
@require_http_methods(FORM_METHODS)
def proposal_create(request: HttpRequest) -> HttpResponse:
    person, offering = _candidate(request)
    form = ProposalForm(_post(request))
    if form.is_valid() and request.method == "POST":
        try:
            proposal = services.propose_candidate(
                actor=request.user,
                job_seeker=person,
                offering=offering,
                motivation=form.cleaned_data["motivation"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(
                request,
                _(
                    "De kandidaat is voorgedragen. Vraag nu de werkzoekende en de klantmanager om akkoord."
                ),
            )
            return redirect("employers:proposal_detail", proposal.public_id)
    own = jobseeker_queries.staff_visible_to(request.user).filter(pk=person.pk).exists()
    context = {"form": form, "person": person, "offering": offering, "show_name": own}
    return render(request, "employers/proposal_form.html", context)


@login_required
@require_GET
def proposal_list(request: HttpRequest) -> HttpResponse:
    proposals = (
        queries.proposals_for_staff(request.user)
        .select_related("offering__organisation", "job_seeker")
        .order_by("-proposed_on", "-id")[:200]
    )
    if not (queries.is_adviser(request.user) or jobseeker_queries.is_caseworker(request.user)):
        raise Http404
    own = set(jobseeker_queries.staff_visible_to(request.user).values_list("pk", flat=True))
    rows = [(p, p.job_seeker_id in own or p.job_seeker_consents) for p in proposals]
    return render(request, "employers/proposal_list.html", {"rows": rows})


def _allowed(proposal: Proposal) -> list[str]:
    return [
        s
        for s in ProposalStatus.values
        if s in TRANSITIONS[proposal.status] and s != ProposalStatus.HIRED
    ]


@login_required
@require_GET
def proposal_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = queries.access_proposal(request.user, public_id)
    services.view_proposal(actor=request.user, proposal=proposal)
    placement = getattr(proposal, "placement", None)
    context = {
        "proposal": proposal,
        "show_name": queries.sees_name(request.user, proposal),
        "is_case_manager": queries.is_case_manager_of(request.user, proposal),
        "identity_revealed": queries.reveals_identity(proposal),
        "events": proposal.events.select_related("actor"),
        "status_form": StatusForm(allowed=_allowed(proposal)),
        "placement": placement if placement and not placement.is_cancelled else None,
        "cancelled_placement": placement if placement and placement.is_cancelled else None,
        "may_hire": ProposalStatus.HIRED in TRANSITIONS[proposal.status],
    }
    return render(request, "employers/proposal_detail.html", context)


@login_required
@require_POST
def proposal_status(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = queries.access_proposal(request.user, public_id)
    form = StatusForm(request.POST, allowed=_allowed(proposal))
    if form.is_valid():
        try:
            services.change_proposal_status(
                actor=request.user,
                proposal=proposal,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                explanation=form.cleaned_data["explanation"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De status van de voordracht is bijgewerkt."))
    else:
        messages.error(request, _("Kies een nieuwe status."))
    return redirect("employers:proposal_detail", proposal.public_id)


@login_required
@require_POST
def proposal_case_manager_consent(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = queries.access_proposal(request.user, public_id)
    if not queries.is_case_manager_of(request.user, proposal):
        raise Http404
    try:
        services.give_case_manager_consent(actor=request.user, proposal=proposal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("U bent akkoord met deze voordracht."))
    return redirect("employers:proposal_detail", proposal.public_id)


@login_required
@require_http_methods(FORM_METHODS)
def placement_create(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = queries.access_proposal(request.user, public_id)
    form = PlacementForm(_post(request))
    if form.is_valid():
        try:
            services.hire_candidate(actor=request.user, proposal=proposal, data=form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("De plaatsing is vastgelegd."))
            return redirect("employers:proposal_detail", proposal.public_id)
    context = {"form": form, "proposal": proposal, "back": "employers:proposal_detail"}
    return render(request, "employers/placement_form.html", context)


@login_required
@require_http_methods(FORM_METHODS)
def placement_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    placement = queries.access_placement(request.user, public_id)
    if placement.is_cancelled:
        raise Http404
    proposal = placement.proposal
    if request.method == "GET":
        services.view_proposal(actor=request.user, proposal=proposal, reason="Plaatsing wijzigen")
    initial = {name: getattr(placement, name) for name in services.placements.PLACEMENT_FIELDS}
    form = PlacementForm(_post(request), initial=initial)
    if form.submit(
        lambda data: services.update_placement(actor=request.user, placement=placement, data=data)
    ):
        messages.success(request, _("De plaatsing is gewijzigd."))
        return redirect("employers:proposal_detail", proposal.public_id)
    context = {
        "form": form,
        "proposal": proposal,
        "placement": placement,
        "back": "employers:proposal_detail",
    }
    return render(request, "employers/placement_form.html", context)


@login_required
@require_http_methods(FORM_METHODS)
def placement_cancel(request: HttpRequest, public_id: Any) -> HttpResponse:
    placement = queries.access_placement(request.user, public_id)
    if placement.is_cancelled:
        raise Http404
    proposal = placement.proposal
    if request.method == "GET":
        services.view_proposal(actor=request.user, proposal=proposal, reason="Plaatsing schrappen")
    form = CancelPlacementForm(_post(request))
    if form.submit(
        lambda data: services.cancel_placement(
            actor=request.user, placement=placement, reason=data["reason"]
        )
    ):
        messages.success(
            request,
            _("De plaatsing is geschrapt. Ze telt niet meer mee voor het werkakkoord."),
        )
        return redirect("employers:proposal_detail", proposal.public_id)
    context = {"form": form, "proposal": proposal, "placement": placement}
    return render(request, "employers/placement_cancel.html", context)


# --- Follow-up checks ----------------------------------------------------------------------


@login_required
@require_GET
def check_list(request: HttpRequest) -> HttpResponse:
    if not (queries.is_adviser(request.user) or jobseeker_queries.is_caseworker(request.user)):
        raise Http404
    checks = services.open_checks(request.user)
    return render(request, "employers/check_list.html", {"checks": checks})


@login_required
@require_http_methods(FORM_METHODS)
def check_record(request: HttpRequest, public_id: Any) -> HttpResponse:
    check = queries.access_follow_up_check(request.user, public_id)
    form = FollowUpForm(_post(request))
    if form.is_valid():
        try:
            services.record_follow_up_check(
                actor=request.user,
                check=check,
                still_employed=form.cleaned_data["still_employed"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("De controle is vastgelegd."))
            return redirect("employers:check_list")
    proposal = check.placement.proposal
    context = {
        "form": form,
        "check": check,
        "proposal": proposal,
        "show_name": queries.sees_name(request.user, proposal),
    }
    return render(request, "employers/check_form.html", context)


# --- Vacancy review ------------------------------------------------------------------------


@login_required
@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    _require_adviser(request)
    reviews = VacancyReview.objects.filter(
        status="pending", offering__organisation__in=queries.employers_visible_to(request.user)
    ).select_related("offering__organisation")
    return render(request, "employers/review_list.html", {"reviews": reviews, "form": ReviewForm()})


@login_required
@require_POST
def review_decide(request: HttpRequest, public_id: Any) -> HttpResponse:
    review = (
        VacancyReview.objects.filter(
            offering__organisation__in=queries.employers_visible_to(request.user),
            offering__public_id=queries._uuid_or_404(public_id),
        )
        .select_related("offering")
        .first()
    )
    if review is None:
        raise Http404
    form = ReviewForm(request.POST)
    if form.is_valid():
        services.review_vacancy(
            actor=request.user,
            offering=review.offering,
            approve=form.cleaned_data["decision"] == "approve",
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Uw besluit over de vacature is opgeslagen."))
    else:
        messages.error(request, _("Kies goedkeuren of afwijzen."))
    return redirect("employers:review_list")
