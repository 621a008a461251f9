"""The partner portal: staff of an organisation keep their own offerings and locations."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from werkroute.catalogue import queries, services
from werkroute.catalogue.constants import OfferingStatus
from werkroute.catalogue.models import Location, Offering
from werkroute.catalogue.partner_forms import LocationForm, OfferingForm

FORM_METHODS = ["GET", "POST"]


def _no_access(request: HttpRequest) -> HttpResponse:
    """Logged in, but not (yet) staff of any organisation: explain how to get access."""
    return render(request, "partner/no_access.html")


def _post_data(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    organisations = list(
        queries.organisations_of(request.user).prefetch_related(
            Prefetch(
                "offerings",
                queryset=Offering.objects.order_by("title", "pk"),
                to_attr="portal_offerings",
            ),
            Prefetch("locations", queryset=Location.objects.order_by("name")),
        )
    )
    if not organisations:
        return _no_access(request)
    return render(
        request,
        "partner/home.html",
        {"organisations": organisations, "today": timezone.localdate()},
    )


@login_required
@require_GET
def offering_start(request: HttpRequest) -> HttpResponse:
    """'New offering': with one organisation straight to its form, with several a choice first."""
    organisations = list(queries.organisations_of(request.user))
    if not organisations:
        return _no_access(request)
    if len(organisations) == 1:
        return redirect("partner:offering_create", organisations[0].public_id)
    return render(request, "partner/choose_organisation.html", {"organisations": organisations})


@login_required
@require_http_methods(FORM_METHODS)
def offering_create(request: HttpRequest, organisation_id: str) -> HttpResponse:
    organisation = queries.access_organisation(request.user, organisation_id)
    form = OfferingForm(_post_data(request), organisation=organisation)
    if form.is_valid():
        try:
            offering = services.create_offering(
                actor=request.user, organisation=organisation, data=form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _(
                    "'%(title)s' is opgeslagen als concept. Klik op 'Publiceren' "
                    "om het op de routekaart te zetten."
                )
                % {"title": offering.title},
            )
            return redirect("partner:home")
    context = {"form": form, "organisation": organisation, "offering": None}
    return render(request, "partner/offering_form.html", context)


@login_required
@require_http_methods(FORM_METHODS)
def offering_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    offering = queries.access_editable_offering(request.user, public_id)
    form = OfferingForm(_post_data(request), instance=offering, organisation=offering.organisation)
    if form.is_valid():
        try:
            services.update_offering(actor=request.user, offering=offering, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("De wijzigingen in '%(title)s' zijn opgeslagen.") % {"title": offering.title},
            )
            return redirect("partner:home")
    context = {"form": form, "organisation": offering.organisation, "offering": offering}
    return render(request, "partner/offering_form.html", context)


def _offering_action(
    request: HttpRequest,
    public_id: str,
    action: Callable[..., Offering],
    done: str | Callable[[Offering], str],
) -> HttpResponse:
    offering = queries.access_editable_offering(request.user, public_id)
    try:
        offering = action(actor=request.user, offering=offering)
    except ValidationError:
        messages.error(
            request,
            _(
                "'%(title)s' is nog niet compleet of klopt niet. Klik op 'Bewerken', "
                "pas het aan en probeer het opnieuw."
            )
            % {"title": offering.title},
        )
    else:
        text = done(offering) if callable(done) else done
        messages.success(request, text % {"title": offering.title})
    return redirect("partner:home")


@login_required
@require_POST
def offering_publish(request: HttpRequest, public_id: str) -> HttpResponse:
    def done(offering: Offering) -> str:
        if offering.status == OfferingStatus.PENDING_REVIEW:
            return _(
                "'%(title)s' wacht op beoordeling door het werkgeversservicepunt. Daarna staat "
                "het op de routekaart."
            )
        return _("'%(title)s' is gepubliceerd.")

    return _offering_action(request, public_id, services.publish_offering, done)


@login_required
@require_POST
def offering_archive(request: HttpRequest, public_id: str) -> HttpResponse:
    return _offering_action(
        request,
        public_id,
        services.archive_offering,
        _("'%(title)s' is gearchiveerd. Het staat niet meer op de routekaart."),
    )


@login_required
@require_POST
def offering_mark_checked(request: HttpRequest, public_id: str) -> HttpResponse:
    return _offering_action(
        request,
        public_id,
        services.mark_offering_checked,
        _("'%(title)s' is gemarkeerd als gecontroleerd."),
    )


@login_required
@require_http_methods(FORM_METHODS)
def location_create(request: HttpRequest, organisation_id: str) -> HttpResponse:
    organisation = queries.access_organisation(request.user, organisation_id)
    form = LocationForm(_post_data(request))
    if form.is_valid() and form.place is not None:
        try:
            location = services.create_location(
                actor=request.user,
                organisation=organisation,
                data=form.cleaned_data,
                place=form.place,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("De locatie '%(name)s' is toegevoegd.") % {"name": location.name}
            )
            return redirect("partner:home")
    context = {"form": form, "organisation": organisation}
    return render(request, "partner/location_form.html", context)
