"""Referral pages: case managers refer and follow up (/werk/), partner staff accept, answer and
close (/partner/verwijzingen/), job seekers see their own referrals (/mijn/verwijzingen/).

Thin views: a form, an access helper (404 alike for absent and not yours, refused attempts
audited), one service, a page. Every page that shows a person's data leaves an audit entry.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from werkroute.casework import audit, queries, services
from werkroute.casework.constants import REFERRAL_PAGE_SIZE
from werkroute.casework.constants import ReferralStatus as S
from werkroute.casework.models import Referral
from werkroute.casework.referral_forms import ReferralActionForm, ReferralFilterForm, ReferralForm
from werkroute.casework.services.referrals import accept_days
from werkroute.casework.views import _job_seeker
from werkroute.catalogue.constants import OrganisationKind
from werkroute.jobseekers import queries as jobseeker_queries

FORM_METHODS = ["GET", "POST"]
ACTIVITY = "verwijzing"
OBJECT = "casework.referral"

PARTNER_ACTIONS = {
    "accept": gettext_lazy("Accepteren: wij gaan ermee aan de slag"),
    "decline": gettext_lazy("Afwijzen: wij kunnen niet helpen (schrijf op waarom)"),
    "answer": gettext_lazy("Antwoord sturen aan de klantmanager"),
    "close": gettext_lazy("Afsluiten: de verwijzing is klaar"),
}
STAFF_ACTIONS = {
    "withdraw": gettext_lazy("Intrekken (schrijf op waarom)"),
    "close": gettext_lazy("Afsluiten: de verwijzing is klaar"),
}
# What each side may do, by the referral's status (the services check again).
PARTNER_CHOICES: dict[str, tuple[str, ...]] = {
    S.SENT: ("accept", "decline"),
    S.ACCEPTED: ("answer",),
    S.ANSWERED: ("close",),
}
STAFF_CHOICES: dict[str, tuple[str, ...]] = {
    S.SENT: ("withdraw",),
    S.ACCEPTED: ("withdraw",),
    S.ANSWERED: ("close",),
}
DONE_MESSAGES = {
    "accept": gettext_lazy("U heeft de verwijzing geaccepteerd."),
    "decline": gettext_lazy("U heeft de verwijzing afgewezen."),
    "answer": gettext_lazy("Uw antwoord is verstuurd."),
    "close": gettext_lazy("De verwijzing is afgesloten."),
    "withdraw": gettext_lazy("De verwijzing is ingetrokken."),
}


def _call(action: str, actor: Any, referral: Referral, text: str) -> Referral:
    calls: dict[str, Callable[[], Referral]] = {
        "accept": lambda: services.accept_referral(actor=actor, referral=referral),
        "decline": lambda: services.decline_referral(actor=actor, referral=referral, reason=text),
        "answer": lambda: services.answer_referral(actor=actor, referral=referral, answer=text),
        "close": lambda: services.close_referral(actor=actor, referral=referral, note=text),
        "withdraw": lambda: services.withdraw_referral(actor=actor, referral=referral, reason=text),
    }
    return calls[action]()


def _action_form(request: HttpRequest, referral: Referral, labels: dict, choices: dict) -> Any:
    actions = [(a, labels[a]) for a in choices.get(referral.status, ())]
    data = request.POST if request.method == "POST" else None
    return ReferralActionForm(data, actions=actions)


def _act(request: HttpRequest, form: ReferralActionForm, referral: Referral) -> bool:
    """Run the chosen action; True when it worked (errors land on the form)."""
    if request.method != "POST" or not form.fields["action"].choices or not form.is_valid():
        return False
    action = form.cleaned_data["action"]
    try:
        _call(action, request.user, referral, form.cleaned_data["text"])
    except ValidationError as error:
        form.add_service_errors(error)
        return False
    messages.success(request, str(DONE_MESSAGES[action]))
    return True


def _page(request: HttpRequest, referrals: Any) -> Any:
    page = Paginator(referrals, REFERRAL_PAGE_SIZE).get_page(request.GET.get("pagina"))
    today = timezone.localdate()
    for referral in page.object_list:
        referral.late = referral.overdue_kind(today)
    return page


# --- Case managers -------------------------------------------------------------------------


def _partner_rows(job_seeker: Any) -> list[tuple[Any, queries.Responsiveness]]:
    partners = list(queries.partners_for(job_seeker))
    figures = queries.responsiveness([p.pk for p in partners])
    return [(p, figures[p.pk]) for p in partners]


@login_required
@require_http_methods(FORM_METHODS)
def referral_create(request: HttpRequest, job_seeker_id: Any) -> HttpResponse:
    job_seeker = _job_seeker(request, job_seeker_id, for_write=True)
    rows = _partner_rows(job_seeker)
    figures = {str(p.public_id): r for p, r in rows}
    initial = {"organisation": request.GET.get("partner", "")}
    form = ReferralForm(request.POST or None, partners=[p for p, _r in rows], initial=initial)
    if request.method == "POST" and form.is_valid():
        partner = form.chosen_partner()
        slow = figures.get(form.cleaned_data["organisation"])
        if slow and slow.is_unresponsive and not form.cleaned_data["confirm_unresponsive"]:
            form.add_error(
                "confirm_unresponsive",
                _(
                    "Let op: %(name)s laat verwijzingen vaak liggen. Verwijs toch door? "
                    "Vink dan aan dat u dit weet."
                )
                % {"name": partner.name if partner else ""},
            )
        else:
            try:
                referral = services.refer_job_seeker(
                    actor=request.user,
                    job_seeker=job_seeker,
                    organisation=partner,
                    question=form.cleaned_data["question"],
                    shared_items=form.cleaned_data["shared_items"],
                    consent_given_on=form.consent_date(),
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request,
                    _("De verwijzing is verstuurd naar %(name)s.") % {"name": partner.name},
                )
                return redirect("casework:referral_detail", referral.public_id)
    audit.record_view(request.user, job_seeker, activity=ACTIVITY, obj_type=OBJECT)
    context = {
        "job_seeker": job_seeker,
        "form": form,
        "partner_rows": rows,
        "chosen": form["organisation"].value() or "",
        "referrals": list(queries.referrals_of(job_seeker)),
        "accept_days": accept_days(),
    }
    return render(request, "casework/referrals/referral_form.html", context)


@login_required
@require_GET
def referral_list(request: HttpRequest) -> HttpResponse:
    if not jobseeker_queries.is_caseworker(request.user):
        raise Http404
    form = ReferralFilterForm(request.GET or None)
    referrals = queries.staff_referrals(request.user)
    if form.is_valid():
        if form.cleaned_data["overdue"]:
            referrals = referrals.filter(queries.overdue_q(timezone.localdate()))
        if form.cleaned_data["status"]:
            referrals = referrals.filter(status=form.cleaned_data["status"])
    page = _page(request, referrals)
    people = list({r.job_seeker.pk: r.job_seeker for r in page.object_list}.values())
    audit.record_list(request.user, people, obj_type=OBJECT, name="verwijzingen bekijken")
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "casework/referrals/referral_list.html", context)


def _staff_referral(request: HttpRequest, referral_id: Any) -> Referral:
    try:
        return queries.access_referral(request.user, referral_id)
    except Http404:
        audit.record_refusal(request.user, queries.referral_owner_public_id(referral_id))
        raise


@login_required
@require_http_methods(FORM_METHODS)
def referral_detail(request: HttpRequest, referral_id: Any) -> HttpResponse:
    referral = _staff_referral(request, referral_id)
    form = _action_form(request, referral, STAFF_ACTIONS, STAFF_CHOICES)
    if _act(request, form, referral):
        return redirect("casework:referral_detail", referral.public_id)
    audit.record_view(request.user, referral.job_seeker, activity=ACTIVITY, obj_type=OBJECT)
    context = {
        "referral": referral,
        "job_seeker": referral.job_seeker,
        "form": form,
        "events": list(referral.events.select_related("actor")),
        "shared_labels": _shared_labels(referral),
        "figures": queries.responsiveness_of(referral.organisation),
        "late": referral.overdue_kind(),
    }
    return render(request, "casework/referrals/referral_detail.html", context)


def _shared_labels(referral: Referral) -> list[str]:
    labels = dict(referral._meta.get_field("shared_items").item_choices)
    return [str(labels[code]) for code in referral.shared_items if code in labels]


@login_required
@require_GET
def partner_directory(request: HttpRequest) -> HttpResponse:
    if not jobseeker_queries.is_caseworker(request.user):
        raise Http404
    partners = list(queries.partner_directory(request.user))
    figures = queries.responsiveness([p.pk for p in partners])
    groups = []
    for kind in queries.PARTNER_KINDS:
        members = [(p, figures[p.pk]) for p in partners if kind in p.kinds]
        if members:
            groups.append((OrganisationKind(kind).label, kind, members))
    return render(
        request,
        "casework/referrals/partner_directory.html",
        {"groups": groups, "count": len(partners)},
    )


# --- Partner staff -------------------------------------------------------------------------


@login_required
@require_GET
def partner_referral_list(request: HttpRequest) -> HttpResponse:
    if not queries.is_partner_staff(request.user):
        return render(request, "partner/no_access.html")
    form = ReferralFilterForm(request.GET or None)
    referrals = queries.partner_referrals(request.user)
    if form.is_valid():
        if form.cleaned_data["overdue"]:
            referrals = referrals.filter(queries.overdue_q(timezone.localdate()))
        if form.cleaned_data["status"]:
            referrals = referrals.filter(status=form.cleaned_data["status"])
    page = _page(request, referrals)
    shown = [r for r in page.object_list if r.status != S.WITHDRAWN]
    services.list_referrals_as_partner(actor=request.user, referrals=shown)
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "casework/referrals/partner_list.html", context)


def _partner_referral(request: HttpRequest, referral_id: Any) -> Referral:
    try:
        return queries.access_partner_referral(request.user, referral_id)
    except Http404:
        audit.record_refusal(request.user, queries.referral_owner_public_id(referral_id))
        raise


@login_required
@require_http_methods(FORM_METHODS)
def partner_referral_detail(request: HttpRequest, referral_id: Any) -> HttpResponse:
    referral = _partner_referral(request, referral_id)
    form = _action_form(request, referral, PARTNER_ACTIONS, PARTNER_CHOICES)
    if _act(request, form, referral):
        return redirect("partner_referrals:detail", referral.public_id)
    services.view_referral_as_partner(actor=request.user, referral=referral)
    context = {
        "referral": referral,
        "form": form,
        "sections": queries.shared_sections(referral),
        "events": list(referral.events.all()),
        "late": referral.overdue_kind(),
    }
    return render(request, "casework/referrals/partner_detail.html", context)


# --- The job seeker ------------------------------------------------------------------------


@login_required
@require_GET
def my_referrals(request: HttpRequest) -> HttpResponse:
    job_seeker = jobseeker_queries.own_job_seeker(request.user)
    referrals = list(queries.referrals_of(job_seeker))
    for referral in referrals:
        referral.shared_labels = _shared_labels(referral)
    audit.record_view(request.user, job_seeker, activity=ACTIVITY, obj_type=OBJECT)
    return render(
        request,
        "casework/referrals/my_referrals.html",
        {"job_seeker": job_seeker, "referrals": referrals},
    )
