"""The occupation typeahead: what someone types so far -> a few occupations, as JSON."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from werkroute.taxonomy.queries import suggest_occupations

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 10


@login_required
@require_GET
def occupation_search(request: HttpRequest) -> JsonResponse:
    """GET ?q=heftr -> [{"id": 85, "label": "Heftruckchauffeur", "isco": "8344", ...}, ...]."""
    text = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    candidates = suggest_occupations(text, limit=MAX_RESULTS) if len(text) >= 2 else []
    data = [
        {
            "id": c.occupation_id,
            "label": c.label,
            "isco": c.isco,
            "matched": c.matched if c.matched.casefold() != c.label.casefold() else "",
        }
        for c in candidates
    ]
    response = JsonResponse(data, safe=False)
    response["Cache-Control"] = "private, max-age=60"
    return response
