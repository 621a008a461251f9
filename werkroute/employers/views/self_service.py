"""The job seeker's own proposals: see them and give or withdraw consent, per proposal."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from werkroute.employers import queries, services


@login_required
@require_GET
def my_proposals(request: HttpRequest) -> HttpResponse:
    proposals = queries.own_proposals(request.user).select_related("offering__organisation")
    return render(request, "employers/my_proposals.html", {"proposals": proposals})


@login_required
@require_GET
def my_proposal(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = queries.access_own_proposal(request.user, public_id)
    services.view_own_proposal(actor=request.user, proposal=proposal)
    context = {"proposal": proposal, "identity_revealed": queries.reveals_identity(proposal)}
    return render(request, "employers/my_proposal.html", context)


@login_required
@require_POST
def consent_give(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = queries.access_own_proposal(request.user, public_id)
    try:
        services.give_proposal_consent(actor=request.user, proposal=proposal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Je hebt toestemming gegeven voor deze voordracht."))
    return redirect("my_proposals:detail", proposal.public_id)


@login_required
@require_POST
def consent_withdraw(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = queries.access_own_proposal(request.user, public_id)
    services.withdraw_proposal_consent(actor=request.user, proposal=proposal)
    messages.success(
        request, _("Je toestemming is ingetrokken. De werkgever ziet je gegevens niet meer.")
    )
    return redirect("my_proposals:detail", proposal.public_id)
