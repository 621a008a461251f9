"""Self-service for the job seeker: my details, my consent, my data, who looked at my file.

Only a login linked to a job seeker's file gets these pages; anyone else gets 404. The pages
name no file in their URL: the file is always the logged-in person's own. Every page that shows
the file writes an access-audit entry, like the staff pages do.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkroute.jobseekers import display, exports, queries, services
from werkroute.jobseekers import forms as jsforms
from werkroute.jobseekers.constants import ConsentKind
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.views._forms import add_service_errors

FORM_METHODS = ["GET", "POST"]
ACCESS_LOG_PAGE_SIZE = 50
CONSENT = ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS
# The casework app adds "my route" and "my appointments" with a template that extends
# jobseekers/me/home.html and fills {% block casework %}.
HOME_TEMPLATES = ["casework/me_home.html", "jobseekers/me/home.html"]


def _post_data(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _mine(request: HttpRequest) -> JobSeeker:
    return queries.own_job_seeker(request.user)


def _looked(request: HttpRequest, job_seeker: JobSeeker, obj_type: str = "") -> None:
    services.view_file(
        request.user,
        job_seeker,
        activity=services.SUBJECT_ACCESS_ACTIVITY,
        obj_type=obj_type or services.FILE_OBJECT,
    )


@never_cache
@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    _looked(request, job_seeker)
    context = {"job_seeker": job_seeker, "has_consent": queries.has_consent(job_seeker, CONSENT)}
    return render(request, HOME_TEMPLATES, context)


@never_cache
@login_required
@require_GET
def details(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    _looked(request, job_seeker)
    context = {
        "job_seeker": job_seeker,
        "masked_bsn": services.masked_bsn(job_seeker),
        "profile_sections": display.profile_sections(job_seeker),
        "self_editable": [
            display.field_label(n)
            for n in display.PROFILE_FIELDS
            if n in services.SELF_EDITABLE_FIELDS
        ],
        "obstacles": job_seeker.obstacles.filter(is_active=True).order_by("created_at"),
        "languages": job_seeker.languages.order_by("pk"),
        "experience": job_seeker.experience.select_related("occupation").order_by("pk"),
        "skills": job_seeker.skills.order_by("name"),
        "ambitions": job_seeker.ambitions.select_related("occupation", "field").order_by("pk"),
        "corrections": [
            (c, display.field_label(c.field))
            for c in job_seeker.correction_requests.order_by("-created_at")
        ],
    }
    return render(request, "jobseekers/me/details.html", context)


@never_cache
@login_required
@require_http_methods(FORM_METHODS)
def edit(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    form = jsforms.SelfProfileForm(_post_data(request), job_seeker=job_seeker)
    if form.is_valid():
        try:
            services.update_profile(
                actor=request.user, job_seeker=job_seeker, changes=form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Uw gegevens zijn opgeslagen."))
            return redirect("me:details")
    _looked(request, job_seeker)
    return render(request, "jobseekers/me/edit.html", {"form": form})


@never_cache
@login_required
@require_http_methods(FORM_METHODS)
def correction(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    form = jsforms.CorrectionForm(_post_data(request))
    if form.is_valid():
        try:
            services.request_correction(
                actor=request.user,
                job_seeker=job_seeker,
                field=form.cleaned_data["field"],
                proposed_value=form.cleaned_data["proposed_value"],
                explanation=form.cleaned_data["explanation"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Uw verzoek is verstuurd. Uw klantmanager kijkt ernaar en laat het u weten."),
            )
            return redirect("me:details")
    _looked(request, job_seeker)
    return render(request, "jobseekers/me/correction.html", {"form": form})


@never_cache
@login_required
@require_GET
def consent(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    _looked(request, job_seeker, "jobseekers.consent")
    current = queries.active_consent(job_seeker, CONSENT)
    return render(request, "jobseekers/me/consent.html", {"consent": current})


@never_cache
@login_required
@require_POST
def consent_give(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    services.give_consent(actor=request.user, job_seeker=job_seeker, kind=CONSENT)
    messages.success(request, _("U heeft toestemming gegeven. U kunt die altijd weer intrekken."))
    return redirect("me:consent")


@never_cache
@login_required
@require_POST
def consent_withdraw(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    services.withdraw_consent(actor=request.user, job_seeker=job_seeker, kind=CONSENT)
    messages.success(
        request, _("U heeft uw toestemming ingetrokken. Werkgevers zien uw profiel niet meer.")
    )
    return redirect("me:consent")


@never_cache
@login_required
@require_GET
def export_page(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    data = services.export_file(job_seeker, actor=request.user, fmt="page")
    context = {
        "data": data,
        "masked_bsn": services.masked_bsn(job_seeker),
        "profile_sections": display.profile_sections(job_seeker),
    }
    return render(request, "jobseekers/me/export.html", context)


@never_cache
@login_required
@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    job_seeker = _mine(request)
    data = services.export_file(job_seeker, actor=request.user, fmt="json")
    response = JsonResponse(
        data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return response


@never_cache
@login_required
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    """Who looked at my file and why: other people's entries, not my own visits."""
    job_seeker = _mine(request)
    _looked(request, job_seeker, "core.accessauditentry")
    entries = queries.access_entries_about(job_seeker).exclude(user_id=request.user.pk)
    page = Paginator(entries, ACCESS_LOG_PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows: list[dict[str, Any]] = [exports.access_entry_row(entry) for entry in page.object_list]
    return render(request, "jobseekers/me/access_log.html", {"page": page, "rows": rows})
