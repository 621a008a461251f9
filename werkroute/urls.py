from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from werkroute.accounts.urls import digid_urlpatterns

urlpatterns = [
    path("", include("werkroute.catalogue.urls")),
    path("", include("werkroute.core.urls")),
    path("account/", include("werkroute.accounts.urls")),
    path("partner/verwijzingen/", include("werkroute.casework.partner_urls")),
    path("partner/", include("werkroute.catalogue.partner_urls")),
    path("beheer/", include("werkroute.accounts.settings_urls")),
    path("privacy/", include("werkroute.core.audit.urls")),
    path("werkzoekenden/", include("werkroute.jobseekers.urls")),
    path("mijn/", include("werkroute.jobseekers.self_urls")),
    path("mijn/", include("werkroute.casework.self_urls")),
    path("bewaard/", include("werkroute.catalogue.saved_urls")),
    path("werk/", include("werkroute.casework.urls")),
    path("matching/", include("werkroute.matching.urls")),
    path("werkgevers/", include("werkroute.employers.urls")),
    path("werkgever/", include("werkroute.employers.portal_urls")),
    path("mijn/", include("werkroute.employers.self_urls")),
    path("mijn/", include("werkroute.matching.self_urls")),
    path("algoritme/", include("werkroute.matching.public_urls")),
    path("regelingen/", include("werkroute.subsidies.urls")),
    path("uitnodigen/", include("werkroute.outreach.urls")),
    path("beroepen/", include("werkroute.taxonomy.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    *digid_urlpatterns(settings.WERKROUTE_DIGID_OIDC_ENABLED),
]

handler400 = "werkroute.core.views.bad_request"
handler403 = "werkroute.core.views.permission_denied"
handler404 = "werkroute.core.views.page_not_found"
handler500 = "werkroute.core.views.server_error"
