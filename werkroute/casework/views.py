"""Casework pages: thin views that validate with a form, check access, call one service, render.

Every page that shows or changes a person's records leaves an access-audit entry. Staff pages
open a file through access_job_seeker(..., as_staff=True): a job seeker sees their own plan and
appointments only on the self-service pages at the bottom of this module.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkroute.casework import audit, queries, services
from werkroute.casework.constants import CASELOAD_PAGE_SIZE, ConversationKind
from werkroute.casework.forms import (
    ActionForm,
    ActionStatusForm,
    AppointmentForm,
    CaseloadFilterForm,
    ConversationForm,
    OfferingSearchForm,
    RouteStepForm,
    StatusForm,
)
from werkroute.casework.models import Action, Appointment, Goal, RouteStep
from werkroute.casework.state import allowed_targets
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.models import JobSeeker

FORM_METHODS = ["GET", "POST"]


def _job_seeker(request: HttpRequest, public_id: Any, *, for_write: bool = False) -> JobSeeker:
    """The file, for staff; a refused attempt is audited and answers 404 like an absent one."""
    try:
        return jobseeker_queries.access_job_seeker(
            request.user, public_id, for_write=for_write, as_staff=True
        )
    except Http404:
        audit.record_refusal(request.user, public_id)
        raise


def _record(request: HttpRequest, model: type[Any], public_id: Any) -> Any:
    """An appointment, route step, goal or action to change; refused attempts are audited."""
    access = {
        Appointment: queries.access_appointment,
        RouteStep: queries.access_route_step,
        Goal: queries.access_goal,
        Action: queries.access_action,
    }[model]
    try:
        return access(request.user, public_id, for_write=True)
    except Http404:
        audit.record_refusal(request.user, queries.owner_public_id(model, public_id))
        raise


def _situation_url(job_seeker: JobSeeker, anchor: str = "") -> str:
    url = reverse("casework:situation", args=[job_seeker.public_id])
    return f"{url}#{anchor}" if anchor else url


def _render_for(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    job_seeker: JobSeeker,
    activity: str,
    obj_type: str,
) -> HttpResponse:
    """Render a page that shows (part of) a person's file, leaving its audit entry."""
    audit.record_view(request.user, job_seeker, activity=activity, obj_type=obj_type)
    return render(request, template, {"job_seeker": job_seeker, **context})


# --- Caseloads -----------------------------------------------------------------------------


@login_required
@require_GET
def caseload(request: HttpRequest) -> HttpResponse:
    if not jobseeker_queries.is_caseworker(request.user):
        raise Http404
    form = CaseloadFilterForm(request.GET or None)
    people = queries.caseload(request.user, form.filters())
    page = Paginator(people, CASELOAD_PAGE_SIZE).get_page(request.GET.get("pagina"))
    audit.record_list(request.user, list(page.object_list), obj_type="casework.caseload")
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "filtered": bool(form.is_bound and form.is_valid() and any(form.cleaned_data.values())),
        "is_team_lead": queries.led_teams(request.user).exists(),
    }
    return render(request, "casework/caseload.html", context)


@login_required
@require_GET
def team(request: HttpRequest) -> HttpResponse:
    overviews = queries.team_overview(request.user)
    if not overviews:
        raise Http404
    audit.record_list(
        request.user, [], obj_type="casework.team_overview", name="teamoverzicht bekijken"
    )
    return render(request, "casework/team.html", {"overviews": overviews})


# --- One person's situation ----------------------------------------------------------------


@login_required
@require_GET
def situation(request: HttpRequest, job_seeker_id: Any) -> HttpResponse:
    job_seeker = _job_seeker(request, job_seeker_id)
    return _render_for(
        request,
        "casework/situation.html",
        {"situation": queries.situation(job_seeker), "can_write": True},
        job_seeker=job_seeker,
        activity=audit.FILE_ACTIVITY,
        obj_type="casework.situation",
    )


@login_required
@require_http_methods(FORM_METHODS)
def conversation_create(request: HttpRequest, job_seeker_id: Any) -> HttpResponse:
    job_seeker = _job_seeker(request, job_seeker_id, for_write=True)
    has_talked = job_seeker.conversations.exists()
    kind = ConversationKind.FOLLOW_UP if has_talked else ConversationKind.INTAKE
    form = ConversationForm(
        request.POST or None,
        active_obstacles=list(job_seeker.obstacles.filter(is_active=True)),
        initial={"kind": kind},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.hold_conversation(
                actor=request.user, job_seeker=job_seeker, data=form.to_input()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Het gesprek is opgeslagen."))
            return redirect(_situation_url(job_seeker, "gesprekken"))
    return _render_for(
        request,
        "casework/conversation_form.html",
        {"form": form},
        job_seeker=job_seeker,
        activity=audit.CONVERSATION_ACTIVITY,
        obj_type="casework.conversation",
    )


@login_required
@require_http_methods(FORM_METHODS)
def action_create(request: HttpRequest, goal_id: Any) -> HttpResponse:
    goal = _record(request, Goal, goal_id)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_action(actor=request.user, goal=goal, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("De actie is toegevoegd."))
            return redirect(_situation_url(goal.job_seeker, "doelen"))
    return _render_for(
        request,
        "casework/action_form.html",
        {"form": form, "goal": goal},
        job_seeker=goal.job_seeker,
        activity=audit.CONVERSATION_ACTIVITY,
        obj_type="casework.goal",
    )


@login_required
@require_POST
def action_status(request: HttpRequest, action_id: Any) -> HttpResponse:
    action = _record(request, Action, action_id)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.change_action_status(
            actor=request.user, action=action, to=form.cleaned_data["status"]
        )
        messages.success(request, _("De actie is bijgewerkt."))
    return redirect(_situation_url(action.goal.job_seeker, "doelen"))


# --- Appointments --------------------------------------------------------------------------


@login_required
@require_http_methods(FORM_METHODS)
def appointment_create(request: HttpRequest, job_seeker_id: Any) -> HttpResponse:
    job_seeker = _job_seeker(request, job_seeker_id, for_write=True)
    form = AppointmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appointment = services.plan_appointment(
                actor=request.user,
                job_seeker=job_seeker,
                starts_at=form.starts_at(),
                duration_minutes=data["duration_minutes"],
                kind=data["kind"],
                channel=data["channel"],
                place=data["place"],
                reminder_channel=data["reminder_channel"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            when = formats.date_format(timezone.localtime(appointment.starts_at), "j F Y H:i")
            messages.success(request, _("De afspraak is gepland op %(when)s.") % {"when": when})
            return redirect(_situation_url(job_seeker, "afspraken"))
    return _render_for(
        request,
        "casework/appointment_form.html",
        {"form": form},
        job_seeker=job_seeker,
        activity=audit.APPOINTMENT_ACTIVITY,
        obj_type="casework.appointment",
    )


def _status_choices(obj: Appointment | RouteStep) -> list[tuple[str, Any]]:
    labels = dict(type(obj)._meta.get_field("status").choices)
    return [(status, labels[status]) for status in allowed_targets(obj)]


def _status_error(form: StatusForm, error: ValidationError) -> None:
    field = "reason" if getattr(error, "code", "") == "reason_required" else None
    form.add_error(field, error)


@login_required
@require_http_methods(FORM_METHODS)
def appointment_status(request: HttpRequest, appointment_id: Any) -> HttpResponse:
    appointment = _record(request, Appointment, appointment_id)
    form = StatusForm(request.POST or None, choices=_status_choices(appointment))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_appointment_status(
                actor=request.user, appointment=appointment, **_status_input(form)
            )
        except ValidationError as error:
            _status_error(form, error)
        else:
            messages.success(request, _("De afspraak is bijgewerkt."))
            return redirect(_situation_url(appointment.job_seeker, "afspraken"))
    return _render_for(
        request,
        "casework/appointment_status.html",
        {"form": form, "appointment": appointment},
        job_seeker=appointment.job_seeker,
        activity=audit.APPOINTMENT_ACTIVITY,
        obj_type="casework.appointment",
    )


def _status_input(form: StatusForm) -> dict[str, str]:
    return {"to": form.cleaned_data["status"], "reason": form.cleaned_data["reason"]}


# --- The route plan ------------------------------------------------------------------------


@login_required
@require_http_methods(FORM_METHODS)
def route_step_create(request: HttpRequest, job_seeker_id: Any) -> HttpResponse:
    job_seeker = _job_seeker(request, job_seeker_id, for_write=True)
    search = OfferingSearchForm(request.POST if request.method == "POST" else request.GET)
    q = search.cleaned_data["q"] if search.is_valid() else ""
    offerings = queries.find_offerings(q)
    form = RouteStepForm(request.POST or None, offerings=offerings, initial={"q": q})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_route_step(
                actor=request.user,
                job_seeker=job_seeker,
                owner=data["owner"],
                title=data["title"],
                offering=data["offering_obj"],
                due_on=data["due_on"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("De stap staat in het routeplan."))
            return redirect(_situation_url(job_seeker, "routeplan"))
    context = {"form": form, "search": search, "q": q, "offerings": offerings}
    return _render_for(
        request,
        "casework/route_step_form.html",
        context,
        job_seeker=job_seeker,
        activity=audit.ROUTE_ACTIVITY,
        obj_type="casework.routestep",
    )


@login_required
@require_http_methods(FORM_METHODS)
def route_step_status(request: HttpRequest, step_id: Any) -> HttpResponse:
    step = _record(request, RouteStep, step_id)
    form = StatusForm(request.POST or None, choices=_status_choices(step))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_route_step_status(actor=request.user, step=step, **_status_input(form))
        except ValidationError as error:
            _status_error(form, error)
        else:
            messages.success(request, _("De stap is bijgewerkt."))
            return redirect(_situation_url(step.job_seeker, "routeplan"))
    return _render_for(
        request,
        "casework/route_step_status.html",
        {"form": form, "step": step},
        job_seeker=step.job_seeker,
        activity=audit.ROUTE_ACTIVITY,
        obj_type="casework.routestep",
    )


# --- Self-service: the job seeker's own plan and appointments ------------------------------


@login_required
@require_GET
def my_route(request: HttpRequest) -> HttpResponse:
    job_seeker = jobseeker_queries.own_job_seeker(request.user)
    return _render_for(
        request,
        "casework/my_route.html",
        {"steps": queries.route_plan(job_seeker)},
        job_seeker=job_seeker,
        activity=audit.ROUTE_ACTIVITY,
        obj_type="casework.routestep",
    )


@login_required
@require_GET
def my_appointments(request: HttpRequest) -> HttpResponse:
    job_seeker = jobseeker_queries.own_job_seeker(request.user)
    situation = queries.situation(job_seeker)
    return _render_for(
        request,
        "casework/my_appointments.html",
        {
            "upcoming": situation.upcoming_appointments,
            "past": situation.past_appointments,
        },
        job_seeker=job_seeker,
        activity=audit.APPOINTMENT_ACTIVITY,
        obj_type="casework.appointment",
    )
