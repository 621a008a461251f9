"""Which region this installation serves, and the design tokens its branding sets."""

from django.conf import settings
from django.db.models import Max

from werkroute.core.models import Municipality, Region

# Design tokens of the NL Design System "voorbeeld" theme that follow the region's colour.
PRIMARY_COLOUR_TOKENS = (
    "--basis-color-action-1-inverse-bg-default",
    "--basis-color-action-1-color-default",
    "--basis-color-action-1-border-default",
    "--utrecht-page-header-background-color",
)


def current_region() -> Region | None:
    code = getattr(settings, "WERKROUTE_REGION", "")
    regions = Region.objects.all()
    if code:
        return regions.filter(code=code).first()
    return regions.order_by("pk").first()


def theme_version(region: Region | None) -> str:
    """Changes whenever the region or one of its municipalities is saved, so /thema.css reloads."""
    if region is None:
        return "0"
    latest = region.municipalities.aggregate(latest=Max("updated_at"))["latest"]
    stamps = [region.updated_at] + ([latest] if latest else [])
    return str(int(max(stamps).timestamp()))


def theme_css(region: Region | None, municipalities: list[Municipality]) -> str:
    """CSS that applies the region's colour (and each municipality's, on its own pages)."""
    rules = []
    if region and region.primary_colour:
        declarations = " ".join(f"{t}: {region.primary_colour};" for t in PRIMARY_COLOUR_TOKENS)
        rules.append(f"body.voorbeeld-theme {{ {declarations} }}")
    for municipality in municipalities:
        if municipality.primary_colour:
            declarations = " ".join(
                f"{t}: {municipality.primary_colour};" for t in PRIMARY_COLOUR_TOKENS
            )
            rules.append(
                f"body.voorbeeld-theme[data-municipality='{municipality.slug}'] {{ {declarations} }}"
            )
    return "\n".join(rules) + "\n"
