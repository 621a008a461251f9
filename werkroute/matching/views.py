"""Matching pages: a person's matches, a vacancy's candidates, the job seeker's own suggestions,
the administrator's switch, weights and fairness monitor, and the public algorithm description.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from werkroute.catalogue.models import Offering, Organisation
from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers import services as jobseeker_services
from werkroute.jobseekers.models import JobSeeker
from werkroute.matching import fairness, register, services
from werkroute.matching.forms import SettingsForm
from werkroute.matching.models import MatchRun, ShortlistEntry

ACTIVITY = "matching"


def _job_seeker(request: HttpRequest, public_id: Any) -> JobSeeker:
    try:
        return jobseeker_queries.access_job_seeker(request.user, public_id, as_staff=True)
    except Http404:
        jobseeker_services.record_refusal(request.user, public_id)
        raise


def _offering(public_id: Any) -> Offering:
    found = Offering.objects.public().filter(public_id=public_id).first()
    if found is None:
        raise Http404
    return found


EMPLOYER_PARAMETER = "werkgever"


def _employer(request: HttpRequest) -> tuple[Organisation | None, str]:
    """The employer a list is narrowed to (?werkgever=<public id>), or a notice if unknown."""
    value = request.GET.get(EMPLOYER_PARAMETER, "").strip()
    if not value:
        return None, ""
    try:
        found = Organisation.objects.filter(public_id=value).first()
    except (ValueError, ValidationError):
        found = None
    if found is None:
        return None, _("Die werkgever kennen we niet (meer). Hier staan alle voorstellen.")
    return found, ""


def _person_context(request: HttpRequest, job_seeker: JobSeeker) -> dict[str, Any]:
    """The matches of one person for either list, narrowed to one employer when asked."""
    employer, unknown = _employer(request)
    context: dict[str, Any] = {"job_seeker": job_seeker, "employer": employer}
    try:
        found = services.matches_for_person(
            actor=request.user,
            job_seeker=job_seeker,
            employer_id=employer.pk if employer else None,
        )
    except services.MatchingOff:
        context["matching_off"] = True
    else:
        context.update(results=found.results, notices=found.notices)
    if unknown:
        context.setdefault("notices", []).insert(0, unknown)
    return context


@never_cache
@login_required
def person_matches(request: HttpRequest, public_id: Any) -> HttpResponse:
    job_seeker = _job_seeker(request, public_id)
    jobseeker_services.view_file(
        request.user,
        job_seeker,
        reason=_("passende vacatures bekijken"),
        activity=ACTIVITY,
    )
    context = _person_context(request, job_seeker)
    context["shortlist"] = ShortlistEntry.objects.filter(job_seeker=job_seeker).select_related(
        "offering"
    )
    return render(request, "matching/person_matches.html", context)


@never_cache
@login_required
@require_POST
def shortlist_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    job_seeker = _job_seeker(request, public_id)
    offering = _offering(request.POST.get("offering"))
    jobseeker_services.view_file(
        request.user,
        job_seeker,
        reason=_("vacature op de kortelijst"),
        action=AccessAction.CHANGE,
        activity=ACTIVITY,
    )
    services.add_to_shortlist(actor=request.user, job_seeker=job_seeker, offering=offering)
    messages.success(request, _("De vacature staat op de kortelijst."))
    back = reverse("matching:person", kwargs={"public_id": job_seeker.public_id})
    if request.POST.get(EMPLOYER_PARAMETER):  # back to the list of the offering's employer
        back += "?" + urlencode({EMPLOYER_PARAMETER: offering.organisation.public_id})
    return redirect(back)


@never_cache
@login_required
def offering_candidates(request: HttpRequest, public_id: Any) -> HttpResponse:
    offering = _offering(public_id)
    if not (
        jobseeker_queries.is_caseworker(request.user)
        or jobseeker_queries.is_employer_adviser(request.user)
    ):
        raise PermissionDenied
    pool = jobseeker_queries.candidate_pool(request.user)
    context: dict[str, Any] = {"offering": offering, "notices": []}
    if offering.occupation_id is None:
        context["notices"].append(
            _(
                "Deze vacature heeft geen beroep. De kandidaten passen daardoor minder goed: "
                "alleen tekst, afstand, uren en eisen tellen mee. Vraag de werkgever een beroep "
                "te kiezen."
            )
        )
    try:
        candidates = services.candidates_for_offering(
            actor=request.user, offering=offering, people=pool
        )
    except ValidationError as error:
        context["error"] = error.messages[0]
        candidates = []
    # Names only for the user's own files; other candidates (shared with consent) stay anonymous.
    own = set(jobseeker_queries.staff_visible_to(request.user).values_list("pk", flat=True))
    context["candidates"] = [(c, c.job_seeker.pk in own) for c in candidates]
    # Offer "Voordragen" (the employers app) for vacancies and other work.
    context["may_propose"] = offering.is_job
    return render(request, "matching/offering_candidates.html", context)


@never_cache
@login_required
def my_matches(request: HttpRequest) -> HttpResponse:
    job_seeker = jobseeker_queries.own_job_seeker(request.user)
    return render(request, "matching/my_matches.html", _person_context(request, job_seeker))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    municipalities = services.administered_municipalities(request.user)
    if not municipalities:
        raise PermissionDenied
    chosen = next(
        (m for m in municipalities if m.code == request.GET.get("gemeente")), municipalities[0]
    )
    current = services.settings_for(chosen)
    form = SettingsForm(request.POST or None, instance_settings=current)
    if request.method == "POST" and form.is_valid():
        services.update_settings(
            actor=request.user,
            municipality=chosen,
            enabled=form.cleaned_data["enabled"],
            weights=form.weights(),
        )
        messages.success(request, _("De instellingen van de matching zijn opgeslagen."))
        return redirect(f"{request.path}?gemeente={chosen.code}")
    context = {
        "form": form,
        "municipalities": municipalities,
        "chosen": chosen,
        "monitor": fairness.monitor(chosen),
        "runs": MatchRun.objects.all()[:5],
    }
    return render(request, "matching/settings.html", context)


def algorithm(request: HttpRequest) -> HttpResponse:
    return render(request, "matching/algorithm.html", {"entry": register.entry()})
