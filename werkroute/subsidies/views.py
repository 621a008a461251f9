"""Pages of the schemes catalogue: the public list and scheme pages, and the checker for advisers
and employers."""

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from werkroute.accounts.queries import is_staff_member
from werkroute.catalogue.models import Offering
from werkroute.catalogue.queries import organisations_of
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers import services as jobseeker_services
from werkroute.subsidies import services
from werkroute.subsidies.constants import vocabularies
from werkroute.subsidies.forms import CheckForm, initial_from_facts
from werkroute.subsidies.rules import (
    COUNTRIES,
    Answer,
    JobFacts,
    PersonFacts,
    SchemeFileError,
    requirements,
)

UNAVAILABLE_STATUS = 503


def _unavailable(request: HttpRequest, error: SchemeFileError) -> HttpResponse:
    return render(
        request,
        "subsidies/unavailable.html",
        {"errors": error.errors},
        status=UNAVAILABLE_STATUS,
    )


@require_GET
def scheme_list(request: HttpRequest) -> HttpResponse:
    try:
        found = services.catalogue()
    except SchemeFileError as error:
        return _unavailable(request, error)
    countries = [(label, found.for_country(code)) for code, label in COUNTRIES.items()]
    return render(request, "subsidies/list.html", {"countries": countries})


@require_GET
def scheme_detail(request: HttpRequest, country: str, code: str) -> HttpResponse:
    try:
        found = services.catalogue()
    except SchemeFileError as error:
        return _unavailable(request, error)
    scheme = found.get(country, code)
    if scheme is None:
        raise Http404
    context = {"scheme": scheme, "requirements": requirements(scheme, vocabularies())}
    return render(request, "subsidies/detail.html", context)


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _may_check(user: Any) -> bool:
    """Advisers (staff with a municipal role) and employers (organisation members)."""
    return is_staff_member(user, organisations_of=organisations_of)


def _preselected(request: HttpRequest) -> tuple[dict[str, Any], Any, Any]:
    """Form values from ?werkzoekende=<id>&aanbod=<id> (either or both), as a proposal or a
    vacancy links here with.

    The job seeker's file is opened like anywhere else: 404 alike for absent and not yours, and
    the opening is audited. A vacancy must be public, or one of the user's organisation's own.
    """
    person_id, offering_id = request.GET.get("werkzoekende"), request.GET.get("aanbod")
    job_seeker = offering = None
    if person_id:
        try:
            job_seeker = jobseeker_queries.access_job_seeker(request.user, person_id, as_staff=True)
        except Http404:
            jobseeker_services.record_refusal(request.user, person_id)
            raise
        jobseeker_services.view_file(
            request.user, job_seeker, reason=_("regelingen checken voor een baan")
        )
    if offering_id:
        visible = Offering.objects.public() | Offering.objects.filter(
            organisation__in=organisations_of(request.user)
        )
        offering = visible.filter(public_id=_uuid_or_none(offering_id)).first()
        if offering is None:
            raise Http404
    if job_seeker is None and offering is None:
        return {}, None, None
    person = services.person_facts(job_seeker) if job_seeker else PersonFacts()
    job = services.job_facts(offering) if offering else JobFacts()
    country = services.country_for(job_seeker) if job_seeker else job.work_region
    initial = initial_from_facts(person, job, country or "nl")
    if offering is None:
        initial.pop("start_date")
    return initial, job_seeker, offering


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    if not _may_check(request.user):
        raise PermissionDenied
    context: dict[str, Any] = {}
    if request.method == "POST":
        form = CheckForm(request.POST)
        if form.is_valid():
            try:
                outcomes = services.check_eligibility(
                    form.person(), form.job(), form.cleaned_data["country"]
                )
            except SchemeFileError as error:
                return _unavailable(request, error)
            order = {Answer.YES: 0, Answer.MAYBE: 1, Answer.NO: 2}
            context["outcomes"] = sorted(outcomes, key=lambda o: order[o.answer])
            context["counts"] = {
                answer: sum(1 for o in outcomes if o.answer == answer) for answer in Answer
            }
    else:
        initial, job_seeker, offering = _preselected(request)
        form = CheckForm(initial=initial or None)
        context.update(job_seeker=job_seeker, offering=offering)
    context["form"] = form
    return render(request, "subsidies/check.html", context)
