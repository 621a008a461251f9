"""The privacy officer's page: search the processing log and the access audit.

The search is a POST, so that a BSN never ends up in a URL, a browser history or a proxy log.
Every search is itself written to both logs; so is every refused attempt to open the page.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from werkroute.core.audit.crypto import SubjectDecryptionError, decrypt_subject_id
from werkroute.core.audit.forms import LogSearchForm
from werkroute.core.audit.models import AccessAction, AccessOutcome, SubjectType
from werkroute.core.audit.services import (
    LogSearch,
    processing,
    record_access,
    search_access_audit,
    search_processing_log,
)

# Must equal accounts.constants.Role.PRIVACY_OFFICER (a test checks); core may not import accounts.
PRIVACY_OFFICER_ROLE = "privacy_officer"
SUPERUSER_ROLE = "superuser"
LOG_REVIEW_ACTIVITY = "logboek-controle"
AUDIT_OBJECT_TYPE = "core.audit_log"
PAGE_SIZE = 25
TEMPLATE = "core/audit_search.html"


def officer_role(user: Any) -> str | None:
    """The role under which this user may read the logs, or None."""
    if user.is_superuser:
        return SUPERUSER_ROLE
    has_role = getattr(user, "has_role", None)
    if has_role is not None and has_role(PRIVACY_OFFICER_ROLE):
        return PRIVACY_OFFICER_ROLE
    return None


def _masked_subject(entry: Any) -> str:
    """Enough to tell entries apart; the full BSN is not shown again."""
    if not entry.data_subject_id_encrypted:
        return ""
    try:
        value = decrypt_subject_id(entry.data_subject_id_encrypted)
    except SubjectDecryptionError:
        return _("(niet te ontsleutelen)")
    if entry.data_subject_type == SubjectType.BSN:
        return "•••••" + value[-4:]
    return value


def _page(queryset: Any, number: str | None) -> Page:
    page = Paginator(queryset, PAGE_SIZE).get_page(number)
    page.object_list = list(page.object_list)  # read inside the span, decorate once
    for entry in page.object_list:
        entry.subject_display = _masked_subject(entry)
    return page


def _form_data(post: QueryDict) -> QueryDict:
    """A click on a trace id searches that trace alone (the reason stays)."""
    trace = post.get("follow_trace", "")
    if not trace:
        return post
    data = QueryDict(mutable=True)
    data.update({"trace_id": trace, "reason": post.get("reason", "")})
    return data


def _page_numbers(post: QueryDict) -> tuple[str | None, str | None]:
    """Paging one table keeps the other where it was; a new search starts both at page 1."""
    goto = post.get("goto", "")
    if not goto:
        return None, None
    kind, _sep, number = goto.partition(":")
    if kind == "p":
        return number, post.get("apage")
    return post.get("page"), number


def _run_search(request: HttpRequest, form: LogSearchForm, role: str) -> dict[str, Any]:
    search: LogSearch = form.to_search()
    subjects = [search.subject] if search.subject else []
    page_number, access_page_number = _page_numbers(request.POST)
    with processing(
        "logboek doorzoeken", activity=LOG_REVIEW_ACTIVITY, subjects=subjects, actor=request.user
    ):
        record_access(
            actor=request.user,
            role=role,
            action=AccessAction.SEARCH,
            obj_type=AUDIT_OBJECT_TYPE,
            obj_id=None,
            subject=search.subject,
            activity=LOG_REVIEW_ACTIVITY,
            outcome=AccessOutcome.ALLOWED,
            reason=form.cleaned_data["reason"],
        )
        return {
            "searched": True,
            "processing_page": _page(search_processing_log(search), page_number),
            "access_page": _page(search_access_audit(search), access_page_number),
        }


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def log_search(request: HttpRequest) -> HttpResponse:
    role = officer_role(request.user)
    if role is None:
        record_access(
            actor=request.user,
            role="",
            action=AccessAction.VIEW,
            obj_type=AUDIT_OBJECT_TYPE,
            obj_id=None,
            subject=None,
            activity=LOG_REVIEW_ACTIVITY,
            outcome=AccessOutcome.DENIED,
        )
        raise Http404
    if request.method == "GET":
        return render(request, TEMPLATE, {"form": LogSearchForm()})
    form = LogSearchForm(_form_data(request.POST))
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        context.update(_run_search(request, form, role))
    return render(request, TEMPLATE, context)
