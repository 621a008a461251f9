"""The job seeker's file for case managers and team leads.

Every view that shows or changes a file calls exactly one service, and every such service writes
an access-audit entry; a refused attempt is written as 'denied' before the 404.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers import display, queries, services
from werkroute.jobseekers import forms as jsforms
from werkroute.jobseekers.constants import CorrectionStatus
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.views._forms import add_service_errors

FORM_METHODS = ["GET", "POST"]
HISTORY_ON_PAGE = 25
# The casework app adds its sections by a template that extends jobseekers/detail.html and fills
# {% block casework %}; without it, the file page shows the job seeker's own sections only.
FILE_TEMPLATES = ["casework/jobseeker_file.html", "jobseekers/detail.html"]


@dataclass(frozen=True)
class PartKind:
    """One kind of part of the file that staff add on a page of its own."""

    form: type[forms.Form]
    add: Callable[..., Any]
    title: Any
    section: str


PARTS: dict[str, PartKind] = {
    "belemmeringen": PartKind(
        jsforms.ObstacleForm,
        services.add_obstacle,
        gettext_lazy("Belemmering toevoegen"),
        "obstacles",
    ),
    "talen": PartKind(
        jsforms.LanguageForm, services.add_language, gettext_lazy("Taal toevoegen"), "languages"
    ),
    "werkervaring": PartKind(
        jsforms.ExperienceForm,
        services.add_experience,
        gettext_lazy("Werkervaring toevoegen"),
        "experience",
    ),
    "vaardigheden": PartKind(
        jsforms.SkillForm, services.add_skill, gettext_lazy("Vaardigheid toevoegen"), "skills"
    ),
    "ambities": PartKind(
        jsforms.AmbitionForm, services.add_ambition, gettext_lazy("Ambitie toevoegen"), "ambitions"
    ),
}
PART_TITLES = {
    "ambities": gettext_lazy("Ambities"),
    "werkervaring": gettext_lazy("Werkervaring"),
    "vaardigheden": gettext_lazy("Vaardigheden"),
    "talen": gettext_lazy("Talen"),
}
# Removing a part: (related name on JobSeeker, service, its keyword for the part).
REMOVALS: dict[str, tuple[str, Callable[..., None], str]] = {
    "talen": ("languages", services.remove_language, "language"),
    "werkervaring": ("experience", services.remove_experience, "experience"),
    "vaardigheden": ("skills", services.remove_skill, "skill"),
    "ambities": ("ambitions", services.remove_ambition, "ambition"),
}


def _post_data(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _open(request: HttpRequest, public_id: Any, *, for_write: bool = False) -> JobSeeker:
    """The file, if this user may open it on the staff pages; else audit the refusal and 404."""
    try:
        return queries.access_job_seeker(
            request.user, public_id, for_write=for_write, as_staff=True
        )
    except Http404:
        action = AccessAction.CHANGE if request.method == "POST" else AccessAction.VIEW
        services.record_refusal(request.user, public_id, action=action)
        raise


def _require_caseworker(request: HttpRequest) -> None:
    if not queries.is_caseworker(request.user):
        raise PermissionDenied


def _to_file(job_seeker: JobSeeker, anchor: str = "") -> HttpResponse:
    response = redirect("jobseekers:detail", job_seeker.public_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _saved(request: HttpRequest) -> None:
    messages.success(request, _("De wijzigingen zijn opgeslagen."))


@never_cache
@login_required
@require_http_methods(FORM_METHODS)
def search(request: HttpRequest) -> HttpResponse:
    """Search by name or exact BSN. A POST, so that neither ends up in a URL or a log."""
    _require_caseworker(request)
    form = jsforms.SearchForm(_post_data(request))
    results: list[JobSeeker] | None = None
    if form.is_valid():
        try:
            results = services.search_job_seekers(
                actor=request.user, name=form.cleaned_data["name"], bsn=form.cleaned_data["bsn"]
            )
        except ValidationError as exc:
            form.add_error("query", exc.messages)
    rows = [(js, services.masked_bsn(js)) for js in results or []]
    context = {"form": form, "results": results, "rows": rows, "limit": services.SEARCH_LIMIT}
    return render(request, "jobseekers/search.html", context)


@never_cache
@login_required
@require_http_methods(FORM_METHODS)
def register(request: HttpRequest) -> HttpResponse:
    _require_caseworker(request)
    municipalities = queries.casework_municipalities(request.user)
    form = jsforms.RegisterForm(_post_data(request), municipalities=municipalities)
    if form.is_valid():
        data = dict(form.cleaned_data)
        municipality = data.pop("municipality")
        try:
            job_seeker = services.register_job_seeker(
                actor=request.user, municipality=municipality, data=data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De werkzoekende is ingeschreven."))
            return _to_file(job_seeker)
    return render(request, "jobseekers/register.html", {"form": form})


def _part_sections(job_seeker: JobSeeker) -> list[dict[str, Any]]:
    """Ambitions, experience, skills and languages, each with its items described in one line."""
    sections = []
    for kind in ("ambities", "werkervaring", "vaardigheden", "talen"):
        related = REMOVALS[kind][0]
        items = getattr(job_seeker, related).order_by("pk")
        sections.append(
            {
                "kind": kind,
                "anchor": PARTS[kind].section,
                "title": PART_TITLES[kind],
                "add_label": PARTS[kind].title,
                "items": [(item, display.describe(item)) for item in items],
            }
        )
    return sections


def _file_context(job_seeker: JobSeeker) -> dict[str, Any]:
    return {
        "job_seeker": job_seeker,
        "masked_bsn": services.masked_bsn(job_seeker),
        "profile_sections": display.profile_sections(job_seeker),
        "obstacles": job_seeker.obstacles.order_by("-is_active", "-created_at"),
        "parts": _part_sections(job_seeker),
        "has_consent": queries.has_consent(job_seeker),
        "open_corrections": [
            (correction, display.field_label(correction.field))
            for correction in job_seeker.correction_requests.filter(
                status=CorrectionStatus.OPEN
            ).order_by("created_at")
        ],
        "history": [
            (change, display.field_label(change.field))
            for change in job_seeker.changes.all()[:HISTORY_ON_PAGE]
        ],
        "age": job_seeker.age(),
        "benefit_months": job_seeker.benefit_months(),
        "is_long_term": job_seeker.is_long_term(),
    }


@never_cache
@login_required
@require_http_methods(["GET"])
def detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    job_seeker = _open(request, public_id)
    services.view_file(request.user, job_seeker)
    return render(request, FILE_TEMPLATES, _file_context(job_seeker))


@never_cache
@login_required
@require_http_methods(FORM_METHODS)
def edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    job_seeker = _open(request, public_id, for_write=True)
    form = jsforms.StaffProfileForm(_post_data(request), job_seeker=job_seeker)
    if form.is_valid():
        try:
            services.update_profile(
                actor=request.user, job_seeker=job_seeker, changes=form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            _saved(request)
            return _to_file(job_seeker)
    services.view_file(request.user, job_seeker)
    context = {"form": form, "job_seeker": job_seeker}
    return render(request, "jobseekers/edit.html", context)


@never_cache
@login_required
@require_http_methods(FORM_METHODS)
def part_add(request: HttpRequest, public_id: Any, kind: str) -> HttpResponse:
    part = PARTS.get(kind)
    if part is None:
        raise Http404
    job_seeker = _open(request, public_id, for_write=True)
    form = part.form(_post_data(request))
    if form.is_valid():
        try:
            part.add(actor=request.user, job_seeker=job_seeker, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            _saved(request)
            return _to_file(job_seeker, part.section)
    services.view_file(request.user, job_seeker)
    context = {"form": form, "job_seeker": job_seeker, "title": part.title, "kind": kind}
    return render(request, "jobseekers/part_form.html", context)


def _chosen(request: HttpRequest, job_seeker: JobSeeker, form: jsforms.ItemChoiceForm) -> Any:
    """The part a button names; a part of someone else's file is refused like a file."""
    if not form.is_valid():
        services.record_refusal(request.user, job_seeker.public_id, action=AccessAction.CHANGE)
        raise Http404
    return form.cleaned_data["item"]


@never_cache
@login_required
@require_POST
def part_remove(request: HttpRequest, public_id: Any, kind: str) -> HttpResponse:
    if kind not in REMOVALS:
        raise Http404
    related, remove, keyword = REMOVALS[kind]
    job_seeker = _open(request, public_id, for_write=True)
    queryset = getattr(job_seeker, related).all()
    item = _chosen(request, job_seeker, jsforms.ItemChoiceForm(request.POST, queryset=queryset))
    remove(actor=request.user, job_seeker=job_seeker, **{keyword: item})
    _saved(request)
    return _to_file(job_seeker, PARTS[kind].section)


@never_cache
@login_required
@require_POST
def obstacle_resolve(request: HttpRequest, public_id: Any) -> HttpResponse:
    job_seeker = _open(request, public_id, for_write=True)
    queryset = job_seeker.obstacles.filter(is_active=True)
    obstacle = _chosen(request, job_seeker, jsforms.ItemChoiceForm(request.POST, queryset=queryset))
    services.resolve_obstacle(actor=request.user, job_seeker=job_seeker, obstacle=obstacle)
    messages.success(request, _("De belemmering staat nu bij 'speelt niet meer'."))
    return _to_file(job_seeker, "obstacles")


@never_cache
@login_required
@require_POST
def correction_handle(request: HttpRequest, public_id: Any) -> HttpResponse:
    job_seeker = _open(request, public_id, for_write=True)
    queryset = job_seeker.correction_requests.filter(status=CorrectionStatus.OPEN)
    form = jsforms.HandleCorrectionForm(request.POST, queryset=queryset)
    correction = _chosen(request, job_seeker, form)
    services.handle_correction(
        actor=request.user,
        job_seeker=job_seeker,
        correction=correction,
        accept=form.cleaned_data["decision"] == form.ACCEPT,
        answer=form.cleaned_data["answer"],
    )
    messages.success(request, _("Het verzoek is afgehandeld. De werkzoekende ziet uw antwoord."))
    return _to_file(job_seeker, "corrections")
