from typing import Any

from django.http import HttpRequest

from werkroute.core.branding import current_region, theme_version


def branding(request: HttpRequest) -> dict[str, Any]:
    region = getattr(request, "_werkroute_region", None)
    if region is None:
        region = current_region()
        request._werkroute_region = region  # type: ignore[attr-defined]
    return {"region": region, "theme_version": theme_version(region)}
