from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.models import Device

from werkroute.accounts import eherkenning, services
from werkroute.accounts.constants import Role
from werkroute.accounts.forms import (
    LoginForm,
    MunicipalitySettingsForm,
    OneTimeCodeForm,
    RegionSettingsForm,
    VerifyCodeForm,
)
from werkroute.accounts.qr import in_groups, qr_svg, secret_for_typing
from werkroute.accounts.queries import (
    administered_municipalities,
    administered_regions,
    has_app_device,
    is_verified,
)

FORM_METHODS = ["GET", "POST"]


def _with_next(view_name: str, next_url: str) -> str:
    return f"{reverse(view_name)}?{urlencode({'next': next_url})}"


def _next_url(request: HttpRequest) -> str:
    """Where to go after the second factor: the checked `next`, else the user's start page."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _second_factor_url(user: object, next_url: str) -> str:
    """The code page (or, without an app yet, the set-up page) when this login still needs one."""
    if is_verified(user) or not services.needs_second_factor(user):
        return next_url
    step = "accounts:otp_verify" if has_app_device(user) else "accounts:otp_enrol"
    return _with_next(step, next_url)


def _mark_verified(request: HttpRequest, device: Device) -> None:
    otp_login(request, device)
    request.session.cycle_key()  # a new session id for the fully signed-in session


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:
        auth_login(self.request, form.get_user())
        # A password proves nothing about a phone: any earlier verification ends here.
        self.request.session.pop(DEVICE_ID_SESSION_KEY, None)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self) -> str:
        return _second_factor_url(self.request.user, super().get_success_url())

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        digid = settings.WERKROUTE_DIGID_OIDC_ENABLED
        context["digid_enabled"] = digid
        context["digid_failed"] = digid and self.request.GET.get("digid") == "mislukt"
        eherkenning_on = settings.WERKROUTE_EHERKENNING_OIDC_ENABLED
        context["eherkenning_enabled"] = eherkenning_on
        context["eherkenning_message"] = eherkenning_on and eherkenning.message_for(
            self.request.GET.get(eherkenning.QUERY_PARAMETER)
        )
        return context


class LogoutView(auth_views.LogoutView):
    pass


@login_required
@never_cache
@require_http_methods(FORM_METHODS)
def otp_enrol(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: scan (or type) the secret, keep the backup codes, confirm."""
    next_url = _next_url(request)
    if is_verified(request.user) or not services.needs_second_factor(request.user):
        return redirect(next_url)
    if has_app_device(request.user):
        return redirect(_with_next("accounts:otp_verify", next_url))
    enrolment = services.start_enrolment(actor=request.user)
    form = OneTimeCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            device = services.confirm_enrolment(actor=request.user, code=form.cleaned_data["code"])
        except services.CodeRefused as refused:
            form.refuse(too_soon=refused.too_soon)
        else:
            _mark_verified(request, device)
            messages.success(
                request,
                _("Tweestapsverificatie staat aan. Na uw wachtwoord vragen we voortaan een code."),
            )
            return redirect(next_url)
    context = {
        "form": form,
        "next": next_url,
        "qr_code": qr_svg(enrolment.device.config_url, title=_("QR-code voor uw app")),
        "secret": secret_for_typing(enrolment.device),
        "otpauth_uri": enrolment.device.config_url,
        "backup_codes": [in_groups(code, 5) for code in enrolment.backup_codes],
    }
    return render(request, "accounts/otp_enrol.html", context)


@login_required
@never_cache
@require_http_methods(FORM_METHODS)
def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second step of a staff login: a code from the app, or a backup code."""
    next_url = _next_url(request)
    if is_verified(request.user) or not services.needs_second_factor(request.user):
        return redirect(next_url)
    if not has_app_device(request.user):
        return redirect(_with_next("accounts:otp_enrol", next_url))
    form = VerifyCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            verified = services.verify_second_factor(
                actor=request.user, code=form.cleaned_data["code"]
            )
        except services.CodeRefused as refused:
            form.refuse(too_soon=refused.too_soon)
        else:
            _mark_verified(request, verified.device)
            if verified.backup_codes_left is not None:
                messages.warning(request, _backup_codes_left_message(verified.backup_codes_left))
            return redirect(next_url)
    return render(request, "accounts/otp_verify.html", {"form": form, "next": next_url})


def _backup_codes_left_message(left: int) -> str:
    if left == 0:
        return _(
            "U heeft uw laatste reservecode gebruikt. Vraag de functioneel beheerder om "
            "tweestapsverificatie opnieuw in te stellen, dan krijgt u nieuwe codes."
        )
    return _("U heeft een reservecode gebruikt. U heeft er nog %(left)s.") % {"left": left}


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """django-axes' lockout answer: our own page with a plain Dutch message (status 429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked.html", {"minutes": minutes}, status=429)


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
    roles = set(request.user.memberships.values_list("role", flat=True))
    if roles & {Role.CASE_MANAGER, Role.TEAM_LEAD}:
        links.append("casework")
    if roles & {Role.CASE_MANAGER, Role.TEAM_LEAD, Role.POLICY_MAKER}:
        links.append("outreach")
    if Role.PRIVACY_OFFICER in roles or request.user.is_superuser:
        links.append("privacy")
    if Role.EMPLOYER_ADVISER in roles:
        links.append("employers")
    if hasattr(request.user, "job_seeker"):
        links.append("self_service")
    if request.user.is_staff:
        links.append("django_admin")
    if links == ["self_service"]:
        return redirect("me:home")
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
