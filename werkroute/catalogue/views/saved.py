"""A logged-in resident's saved searches and saved offerings (namespace "saved", at /bewaard/).

They belong to the login, not to a job seeker's file: any logged-in resident may use them.
Another user's saved search answers 404, the same as one that does not exist.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from werkroute.catalogue import queries, services
from werkroute.catalogue.models import AlertFrequency, Offering, SavedOffering, SavedSearch
from werkroute.catalogue.saved_forms import SaveSearchForm


def _own_search(request: HttpRequest, public_id: UUID) -> SavedSearch:
    saved = SavedSearch.objects.filter(user=request.user, public_id=public_id).first()
    if saved is None:
        raise Http404
    return saved


def _own_saved_offering(request: HttpRequest, public_id: UUID) -> SavedOffering:
    saved = (
        SavedOffering.objects.filter(user=request.user, offering__public_id=public_id)
        .select_related("offering")
        .first()
    )
    if saved is None:
        raise Http404
    return saved


def _saved_offerings(request: HttpRequest) -> list[SavedOffering]:
    """The user's saved offerings, each marked whether it is still on the route map."""
    saved = list(
        SavedOffering.objects.filter(user=request.user).select_related(
            "offering", "offering__organisation"
        )
    )
    public = set(
        Offering.objects.public()
        .filter(pk__in=[s.offering_id for s in saved])
        .values_list("pk", flat=True)
    )
    for item in saved:
        item.is_available = item.offering_id in public  # type: ignore[attr-defined]
    return saved


def _back(request: HttpRequest, default: str) -> HttpResponseRedirect:
    """Back to the page the form was on (only a page of this site), else to `default`."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = default
    return HttpResponseRedirect(target)


def _search_url(query_string: str) -> str:
    path = reverse("catalogue:search")
    return f"{path}?{query_string}" if query_string else path


@never_cache
@login_required
@require_GET
def saved_list(request: HttpRequest) -> HttpResponse:
    context = {
        "saved_searches": SavedSearch.objects.filter(user=request.user),
        "saved_offerings": _saved_offerings(request),
        "max_searches": services.MAX_SAVED_SEARCHES,
        "frequencies": AlertFrequency.choices,
    }
    return render(request, "catalogue/saved_list.html", context)


@login_required
@require_POST
def save_search(request: HttpRequest) -> HttpResponse:
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        errors = [str(m) for field_errors in form.errors.values() for m in field_errors]
        messages.error(request, " ".join(errors))
        return _back(request, reverse("saved:saved_list"))
    query_string = form.cleaned_data["query_string"]
    try:
        services.save_search(
            actor=request.user,
            query_string=query_string,
            name=form.cleaned_data["name"],
            frequency=form.cleaned_data["frequency"],
        )
    except ValidationError as exc:
        messages.error(
            request, _("Deze zoekopdracht is niet bewaard.") + " " + " ".join(exc.messages)
        )
        return redirect(_search_url(query_string))
    messages.success(request, _("Uw zoekopdracht is bewaard. U vindt hem onder 'Bewaard'."))
    return _back(request, _search_url(query_string))


@login_required
@require_GET
def open_search(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Run a saved search; e-mails link here, so their links never hold the query itself."""
    return redirect(_own_search(request, public_id).get_search_url())


@login_required
@require_POST
def delete_search(request: HttpRequest, public_id: UUID) -> HttpResponse:
    saved = _own_search(request, public_id)
    services.delete_search(actor=request.user, saved_search=saved)
    messages.success(
        request, _("De zoekopdracht is verwijderd. U krijgt er geen e-mail meer over.")
    )
    return redirect("saved:saved_list")


@login_required
@require_POST
def save_offering(request: HttpRequest, public_id: UUID) -> HttpResponse:
    offering = queries.access_public_offering(str(public_id))
    services.save_offering(actor=request.user, offering=offering)
    messages.success(request, _("Het aanbod is bewaard in uw account."))
    return _back(request, reverse("catalogue:detail", args=[offering.public_id]))


@login_required
@require_POST
def unsave_offering(request: HttpRequest, public_id: UUID) -> HttpResponse:
    saved = _own_saved_offering(request, public_id)
    services.unsave_offering(actor=request.user, offering=saved.offering)
    messages.success(request, _("Het aanbod is uit uw account gehaald."))
    return _back(request, reverse("saved:saved_list"))
