"""Pages and files every part of the product shares: theme, logo, PWA files, error pages."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from werkroute.core.branding import current_region, theme_css
from werkroute.core.models import Municipality, Region


@require_GET
@cache_control(public=True, max_age=300)
def theme_stylesheet(request: HttpRequest) -> HttpResponse:
    css = theme_css(current_region(), list(Municipality.objects.exclude(primary_colour="")))
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=3600)
def logo(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    model = Region if kind == "regio" else Municipality
    lookup = {"code": code} if kind == "regio" else {"slug": code}
    owner = model.objects.filter(**lookup).exclude(logo=None).first()
    if owner is None or not owner.logo:
        raise Http404
    response = HttpResponse(bytes(owner.logo), content_type=owner.logo_content_type)
    # An uploaded SVG must never run script in our origin.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    region = current_region()
    return render(
        request,
        "core/manifest.webmanifest",
        {"name": region.name if region else "Werkroute"},
        content_type="application/manifest+json",
    )


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the site root so it may control every page (a static URL could not)."""
    path = finders.find("werkroute/sw.js")
    if not path:
        raise Http404
    response = HttpResponse(Path(path).read_text(), content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "core/offline.html")


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def _error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {"title": title, "message": message, "status": status},
        status=status,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        400,
        _("Dit verzoek klopt niet"),
        _("Er ging iets mis met wat er werd verstuurd. Probeer het opnieuw."),
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        403,
        _("Geen toegang"),
        _(
            "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? "
            "Neem contact op met uw beheerder."
        ),
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        404,
        _("Pagina niet gevonden"),
        _("Deze pagina bestaat niet (meer). Misschien is het aanbod afgelopen."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(
        request,
        500,
        _("Er ging iets mis"),
        _(
            "Er ging bij ons iets mis. Er is niets verloren van wat al was opgeslagen. "
            "Probeer het later opnieuw."
        ),
    )
