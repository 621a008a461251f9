from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from werkroute.accounts import services
from werkroute.accounts.forms import LoginForm, MunicipalitySettingsForm, RegionSettingsForm
from werkroute.accounts.queries import administered_municipalities, administered_regions

FORM_METHODS = ["GET", "POST"]


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each user lands where their work is; with several roles, a short menu."""
    from werkroute.catalogue.queries import organisations_of

    links = []
    if organisations_of(request.user).exists():
        links.append("partner")
    if (
        administered_regions(request.user).exists()
        or administered_municipalities(request.user).exists()
    ):
        links.append("settings")
    if request.user.is_staff:
        links.append("django_admin")
    if len(links) == 1 and links[0] == "partner":
        return redirect("partner:home")
    return render(request, "accounts/home.html", {"links": links})


def _form_data(request: HttpRequest) -> tuple[QueryDict | None, MultiValueDict | None]:
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


@login_required
@require_GET
def settings_home(request: HttpRequest) -> HttpResponse:
    """The regions and municipalities this functional administrator looks after."""
    regions = list(administered_regions(request.user))
    municipalities = list(administered_municipalities(request.user).select_related("region"))
    if not regions and not municipalities:
        raise Http404
    return render(
        request,
        "accounts/settings_home.html",
        {"regions": regions, "municipalities": municipalities},
    )


@login_required
@require_http_methods(FORM_METHODS)
def region_settings(request: HttpRequest, code: str) -> HttpResponse:
    region = get_object_or_404(administered_regions(request.user), code=code)
    name = region.name  # the form changes the instance while it validates
    form = RegionSettingsForm(*_form_data(request), instance=region)
    if form.is_valid():
        services.update_region_settings(
            actor=request.user,
            region=region,
            changes=form.changes,
            logo=form.cleaned_data["logo"],
            remove_logo=form.cleaned_data["remove_logo"],
        )
        messages.success(
            request, _("De instellingen van %(name)s zijn opgeslagen.") % {"name": region.name}
        )
        return redirect("settings:home")
    return render(
        request,
        "accounts/region_form.html",
        {"form": form, "edited_region": region, "name": name},
    )


@login_required
@require_http_methods(FORM_METHODS)
def municipality_settings(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(administered_municipalities(request.user), slug=slug)
    name = municipality.name  # the form changes the instance while it validates
    form = MunicipalitySettingsForm(*_form_data(request), instance=municipality)
    if form.is_valid():
        services.update_municipality_settings(
            actor=request.user,
            municipality=municipality,
            changes=form.changes,
            logo=form.cleaned_data["logo"],
            remove_logo=form.cleaned_data["remove_logo"],
        )
        messages.success(
            request,
            _("De instellingen van %(name)s zijn opgeslagen.") % {"name": municipality.name},
        )
        return redirect("settings:home")
    return render(
        request,
        "accounts/municipality_form.html",
        {"form": form, "municipality": municipality, "name": name},
    )
