from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from werkroute.accounts.forms import LoginForm
from werkroute.accounts.queries import administered_municipalities, administered_regions


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
