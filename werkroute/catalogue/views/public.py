"""Public route-map pages: search (list and map), detail, iCal, GeoJSON and my route."""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from werkroute.catalogue import publishing, queries
from werkroute.catalogue.forms import SearchForm
from werkroute.catalogue.search import (
    SearchOutcome,
    SearchPaginator,
    distance_km,
    search_offerings,
)

MAP_MAX_POINTS = 3000
FEED_MAX_EVENTS = 500


def _search(request: HttpRequest) -> tuple[SearchForm, SearchOutcome | None]:
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, search_offerings(form.to_params())


def _query_without(request: HttpRequest, *names: str) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form, outcome = _search(request)
    context: dict[str, Any] = {"form": form, "outcome": outcome, "view": "list"}
    if outcome is not None:
        paginator = SearchPaginator(outcome.queryset, settings.CATALOGUE_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        for offering in page.object_list:
            offering.distance_km = distance_km(offering)
        context.update(page=page, query=_query_without(request, "page"))
    context["query_string"] = _query_without(request, "page")
    return render(request, "catalogue/search.html", context)


@require_GET
def map_view(request: HttpRequest) -> HttpResponse:
    form, outcome = _search(request)
    context: dict[str, Any] = {"form": form, "outcome": outcome, "view": "map"}
    if outcome is not None:
        context["total"] = outcome.queryset.count()
    context["query_string"] = _query_without(request, "page")
    context["tile_url"] = settings.MAP_TILE_URL
    context["tile_attribution"] = settings.MAP_TILE_ATTRIBUTION
    return render(request, "catalogue/map.html", context)


@require_GET
def map_points(request: HttpRequest) -> JsonResponse:
    form, outcome = _search(request)
    if outcome is None:
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    rows = outcome.queryset.filter(lat__isnull=False).values_list(
        "public_id", "title", "kind", "lat", "lon"
    )[:MAP_MAX_POINTS]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"id": str(pid), "title": title, "kind": kind},
        }
        for pid, title, kind, lat, lon in rows
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


@require_GET
def search_feed(request: HttpRequest) -> HttpResponse:
    form, outcome = _search(request)
    if outcome is None:
        return HttpResponse(
            _("Deze zoekopdracht klopt niet."), status=400, content_type="text/plain"
        )
    events = outcome.queryset.filter(date_from__isnull=False)[:FEED_MAX_EVENTS]
    body = publishing.calendar(events, request.build_absolute_uri("/")[:-1], _("Routekaart"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="routekaart.ics"'
    return response


@require_GET
def detail(request: HttpRequest, public_id: str) -> HttpResponse:
    offering = queries.access_public_offering(public_id)
    url = request.build_absolute_uri()
    context = {
        "offering": offering,
        "json_ld": publishing.json_ld_script(publishing.json_ld(offering, url)),
        "has_calendar": publishing.has_calendar_entry(offering),
        "open_to": list(offering.open_to.all()),
        "other_locations": list(offering.other_locations.all()),
    }
    return render(request, "catalogue/detail.html", context)


@require_GET
def detail_calendar(request: HttpRequest, public_id: str) -> HttpResponse:
    offering = queries.access_public_offering(public_id)
    if not publishing.has_calendar_entry(offering):
        raise Http404
    body = publishing.calendar([offering], request.build_absolute_uri("/")[:-1], offering.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{offering.public_id}.ics"'
    return response


@require_GET
def my_route(request: HttpRequest) -> HttpResponse:
    return render(request, "catalogue/my_route.html")
