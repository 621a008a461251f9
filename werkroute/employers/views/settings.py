"""The functional administrator's employer settings of a municipality: /werkgevers/instellingen/.

Built like the matching settings page: the municipalities the user administers (one chosen with
?gemeente=CODE), a form, one service call that checks the permission again and writes the audit
row, a success message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from werkroute.accounts.queries import administered_municipalities
from werkroute.core.models import Municipality
from werkroute.employers import services
from werkroute.employers.forms import EmployerSettingsForm
from werkroute.employers.models import EmployerSettings

FORM_METHODS = ["GET", "POST"]


def _chosen(request: HttpRequest, municipalities: list[Municipality]) -> Municipality:
    code = request.GET.get("gemeente")
    return next((m for m in municipalities if m.code == code), municipalities[0])


def _reviews_vacancies(municipality: Municipality) -> bool:
    return EmployerSettings.objects.filter(
        municipality=municipality, review_vacancies=True
    ).exists()


@never_cache
@login_required
@require_http_methods(FORM_METHODS)
def settings_page(request: HttpRequest) -> HttpResponse:
    municipalities = list(administered_municipalities(request.user).order_by("name"))
    if not municipalities:
        raise PermissionDenied
    chosen = _chosen(request, municipalities)
    current = _reviews_vacancies(chosen)
    form = EmployerSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={"review_vacancies": current},
    )
    if form.is_valid():
        services.update_employer_settings(
            actor=request.user,
            municipality=chosen,
            review_vacancies=form.cleaned_data["review_vacancies"],
        )
        messages.success(
            request,
            _("De instellingen voor werkgevers van %(name)s zijn opgeslagen.")
            % {"name": chosen.name},
        )
        return redirect(f"{request.path}?gemeente={chosen.code}")
    context = {
        "form": form,
        "municipalities": municipalities,
        "chosen": chosen,
        "review_vacancies": current,
    }
    return render(request, "employers/settings.html", context)
