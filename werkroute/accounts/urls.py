from django.urls import URLPattern, URLResolver, include, path

from werkroute.accounts import eherkenning, views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.otp_verify, name="otp_verify"),
    path("inloggen/app-instellen/", views.otp_enrol, name="otp_enrol"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    # eHerkenning for employer staff: always mounted, answers 404 while switched off.
    path(
        "eherkenning/authenticate/",
        eherkenning.EHerkenningRequestView.as_view(),
        name="eherkenning_init",
    ),
    path(
        "eherkenning/callback/",
        eherkenning.EHerkenningCallbackView.as_view(),
        name="eherkenning_callback",
    ),
    path("", views.home, name="home"),
]

DIGID_URL_PREFIX = "account/digid/"


def digid_urlpatterns(enabled: bool) -> list[URLPattern | URLResolver]:
    """The DigiD (OpenID Connect) login and callback, for the project's URLconf; none when off."""
    if not enabled:
        return []
    return [path(DIGID_URL_PREFIX, include("mozilla_django_oidc.urls"))]
