"""The employer portal: employer staff see proposals for their own vacancies and answer them.

A candidate stays anonymous (a code, no name, BSN, address, age or photo) until the job seeker
and their case manager have both consented to this proposal and the employer has invited them.
Every opening of a proposal is audited, the anonymised ones too.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkroute.employers import queries, services
from werkroute.employers.constants import TRANSITIONS, ProposalStatus
from werkroute.employers.forms import PlacementForm, StatusForm
from werkroute.employers.models import Proposal

FORM_METHODS = ["GET", "POST"]


def _answers(proposal: Proposal) -> list[str]:
    return [
        s
        for s in ProposalStatus.values
        if s in TRANSITIONS[proposal.status] and s in services.EMPLOYER_ANSWERS
    ]


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not queries.is_employer_staff(request.user):
        raise Http404
    proposals = (
        queries.proposals_for_employer(request.user)
        .select_related("offering")
        .order_by("offering__title", "-proposed_on", "-id")
    )
    rows = [(p, queries.reveals_identity(p)) for p in proposals]
    return render(request, "employers/portal_home.html", {"rows": rows})


@login_required
@require_GET
def proposal(request: HttpRequest, public_id: Any) -> HttpResponse:
    found = queries.access_employer_proposal(request.user, public_id)
    view = services.view_proposal_as_employer(actor=request.user, proposal=found)
    context = {
        "proposal": found,
        "view": view,
        "status_form": StatusForm(allowed=_answers(found)),
        "may_hire": ProposalStatus.HIRED in TRANSITIONS[found.status] and view.identified,
    }
    return render(request, "employers/portal_proposal.html", context)


@login_required
@require_POST
def answer(request: HttpRequest, public_id: Any) -> HttpResponse:
    found = queries.access_employer_proposal(request.user, public_id)
    form = StatusForm(request.POST, allowed=_answers(found))
    if form.is_valid():
        try:
            services.change_proposal_status(
                actor=request.user,
                proposal=found,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                explanation=form.cleaned_data["explanation"],
                as_employer=True,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Uw antwoord is opgeslagen."))
    else:
        messages.error(request, _("Kies een antwoord."))
    return redirect("employer_portal:proposal", found.public_id)


@login_required
@require_http_methods(FORM_METHODS)
def hire(request: HttpRequest, public_id: Any) -> HttpResponse:
    found = queries.access_employer_proposal(request.user, public_id)
    form = PlacementForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.hire_candidate(
                actor=request.user, proposal=found, data=form.cleaned_data, as_employer=True
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, _("Gefeliciteerd met uw nieuwe medewerker. De aanname is opgeslagen.")
            )
            return redirect("employer_portal:proposal", found.public_id)
    context = {"form": form, "proposal": found, "back": "employer_portal:proposal"}
    return render(request, "employers/placement_form.html", context)
