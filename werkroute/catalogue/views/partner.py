"""The partner portal: staff of an organisation keep their own offerings."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from werkroute.catalogue import queries


@login_required
def home(request: HttpRequest) -> HttpResponse:
    organisations = queries.organisations_of(request.user)
    offerings = queries.offerings_editable_by(request.user).select_related("organisation")
    return render(
        request, "partner/home.html", {"organisations": organisations, "offerings": offerings}
    )
