"""Campaign pages: thin views that validate with a form, check access, call one service, render.

Case managers and team leads of the municipality work with campaigns; policy makers see the
funnel numbers only; everyone else gets 404. Every page that shows a person leaves an
access-audit entry per person shown.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkroute.accounts.models import User
from werkroute.casework.models import Transition
from werkroute.outreach import queries, services
from werkroute.outreach.cohort import describe
from werkroute.outreach.constants import (
    MEMBERS_PAGE_SIZE,
    CampaignStatus,
    InvitationKind,
    MemberStatus,
)
from werkroute.outreach.forms import CampaignForm, MemberFilterForm, MemberStatusForm
from werkroute.outreach.models import Campaign, CampaignMember
from werkroute.outreach.state import reachable

FORM_METHODS = ["GET", "POST"]
PREVIEW = "preview"
BACK_TO_MEMBER = "deelnemer"


def _campaign(request: HttpRequest, public_id: Any, *, people: bool = False) -> Campaign:
    campaign = queries.access_campaign(request.user, public_id)
    if people and not queries.works_on(request.user, campaign):
        raise Http404
    return campaign


def _member(request: HttpRequest, public_id: Any) -> CampaignMember:
    """A member this user may see; a refused attempt is audited and answers 404 alike."""
    try:
        return queries.access_member(request.user, public_id)
    except Http404:
        services.record_refusal(request.user, public_id)
        raise


def _detail_url(campaign: Campaign) -> str:
    return reverse("outreach:campaign_detail", args=[campaign.public_id])


# --- Campaigns -----------------------------------------------------------------------------


@login_required
@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    if not queries.funnel_municipalities(request.user).exists():
        raise Http404
    campaigns = queries.member_counts(queries.campaigns_visible_to(request.user))
    context = {
        "campaigns": campaigns,
        "can_create": queries.casework_municipalities(request.user).exists(),
    }
    return render(request, "outreach/campaign_list.html", context)


def _campaign_form(request: HttpRequest) -> CampaignForm:
    municipalities = queries.casework_municipalities(request.user)
    if not municipalities.exists():
        raise Http404
    managers = queries.case_managers_of_any(municipalities)
    return CampaignForm(request.POST or None, municipalities=municipalities, case_managers=managers)


@login_required
@require_http_methods(FORM_METHODS)
def campaign_create(request: HttpRequest) -> HttpResponse:
    form = _campaign_form(request)
    preview = None
    if request.method == "POST" and form.is_valid():
        municipality = form.cleaned_data["municipality"]
        try:
            if request.POST.get("action") == PREVIEW:
                preview = services.preview_cohort(
                    actor=request.user, municipality=municipality, criteria=form.criteria
                )
            else:
                campaign = services.create_campaign(
                    actor=request.user, municipality=municipality, data=form.to_input()
                )
                messages.success(request, _("De campagne is opgeslagen."))
                return redirect(_detail_url(campaign))
        except ValidationError as error:
            form.add_service_errors(error)
    return render(request, "outreach/campaign_form.html", {"form": form, "preview": preview})


def _member_page(request: HttpRequest, campaign: Campaign) -> dict[str, Any]:
    managers = queries.case_managers_of(campaign.municipality)
    form = MemberFilterForm(request.GET or None, case_managers=managers)
    members = queries.filter_members(
        queries.members_visible_to(request.user).filter(campaign=campaign), form.filters()
    )
    page = Paginator(members, MEMBERS_PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return {"filter_form": form, "page": page, "query": query.urlencode()}


@login_required
@require_GET
def campaign_detail(request: HttpRequest, campaign_id: Any) -> HttpResponse:
    campaign = _campaign(request, campaign_id)
    context: dict[str, Any] = {
        "campaign": campaign,
        "funnel": queries.funnel(campaign),
        "works_on": queries.works_on(request.user, campaign),
        "criteria": describe(campaign.criteria),
    }
    if context["works_on"]:
        context.update(_member_page(request, campaign))
        if campaign.status == CampaignStatus.RUNNING:
            context["due"] = services.send_invitations(actor=request.user, campaign=campaign)
        services.record_members_shown(actor=request.user, members=context["page"].object_list)
    return render(request, "outreach/campaign_detail.html", context)


def _status_change(request: HttpRequest, campaign_id: Any, change: Any, done: str) -> HttpResponse:
    campaign = _campaign(request, campaign_id, people=True)
    try:
        change(actor=request.user, campaign=campaign)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(_detail_url(campaign))


@login_required
@require_POST
def campaign_start(request: HttpRequest, campaign_id: Any) -> HttpResponse:
    return _status_change(
        request,
        campaign_id,
        services.start_campaign,
        _("De campagne loopt. U kunt nu de uitnodigingen versturen."),
    )


@login_required
@require_POST
def campaign_close(request: HttpRequest, campaign_id: Any) -> HttpResponse:
    return _status_change(
        request, campaign_id, services.close_campaign, _("De campagne is afgesloten.")
    )


@login_required
@require_POST
def campaign_send(request: HttpRequest, campaign_id: Any) -> HttpResponse:
    campaign = _campaign(request, campaign_id, people=True)
    try:
        run = services.send_invitations(actor=request.user, campaign=campaign, send=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        sent = len(run.sent)
        messages.success(
            request,
            ngettext("%(count)d bericht verstuurd.", "%(count)d berichten verstuurd.", sent)
            % {"count": sent},
        )
    return redirect(_detail_url(campaign))


# --- Members -------------------------------------------------------------------------------


def _status_choices(member: CampaignMember) -> list[tuple[str, Any]]:
    labels = dict(CampaignMember._meta.get_field("status").choices)
    # "Invited" comes from sending the invitation, never from this form.
    return [
        (status, labels[status])
        for status in reachable(member.status)
        if status != MemberStatus.INVITED
    ]


@dataclass(frozen=True)
class HistoryRow:
    at: Any
    label: str
    actor: str
    reason: str


def _history(member: CampaignMember) -> list[HistoryRow]:
    labels = dict(MemberStatus.choices)
    changes = list(
        Transition.objects.filter(
            model_label=CampaignMember._meta.label_lower, object_id=member.public_id
        )
    )
    actors = {
        user.pk: user.get_full_name() or user.get_username()
        for user in User.objects.filter(pk__in={c.actor_id for c in changes})
    }
    return [
        HistoryRow(
            c.at, str(labels.get(c.to_state, c.to_state)), actors.get(c.actor_id, ""), c.reason
        )
        for c in changes
    ]


@login_required
@require_http_methods(FORM_METHODS)
def member_detail(request: HttpRequest, member_id: Any) -> HttpResponse:
    member = _member(request, member_id)
    form = MemberStatusForm(request.POST or None, choices=_status_choices(member))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_member_status(
                actor=request.user,
                member=member,
                to=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De status is bijgewerkt."))
            return redirect("outreach:member_detail", member_id=member.public_id)
    services.view_member(actor=request.user, member=member)
    context = {
        "member": member,
        "campaign": member.campaign,
        "form": form,
        "history": _history(member),
        "invitations": member.invitations.all(),
    }
    return render(request, "outreach/member_detail.html", context)


def _member_action(request: HttpRequest, member_id: Any, action: Any, done: str) -> HttpResponse:
    member = _member(request, member_id)
    try:
        action(actor=request.user, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    if request.POST.get("terug") == BACK_TO_MEMBER:
        return redirect("outreach:member_detail", member_id=member.public_id)
    return redirect(_detail_url(member.campaign))


@login_required
@require_POST
def member_pause(request: HttpRequest, member_id: Any) -> HttpResponse:
    return _member_action(
        request, member_id, services.pause_member, _("Er gaat niets meer naar deze persoon.")
    )


@login_required
@require_POST
def member_resume(request: HttpRequest, member_id: Any) -> HttpResponse:
    return _member_action(
        request, member_id, services.resume_member, _("Het versturen loopt weer.")
    )


@login_required
@require_POST
def member_resend(request: HttpRequest, member_id: Any) -> HttpResponse:
    return _member_action(
        request, member_id, services.resend_invitation, _("Het bericht is opnieuw verstuurd.")
    )


@login_required
@require_GET
def member_letter(request: HttpRequest, member_id: Any) -> HttpResponse:
    member = _member(request, member_id)
    kind = request.GET.get("soort", InvitationKind.INVITATION)
    if kind not in InvitationKind.values:
        raise Http404
    pdf = services.download_letter(actor=request.user, member=member, kind=kind)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="brief-{member.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
