"""Template tags for a logged-in user's saved offerings."""

from typing import Any

from django import template

from werkroute.catalogue.models import Offering, SavedOffering
from werkroute.catalogue.saved_forms import SaveSearchForm

register = template.Library()


@register.simple_tag(takes_context=True)
def offering_is_saved(context: dict[str, Any], offering: Offering) -> bool:
    """Whether the logged-in user keeps this offering in their account."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return False
    return SavedOffering.objects.filter(user=user, offering=offering).exists()


@register.simple_tag
def save_search_form() -> SaveSearchForm:
    """The empty 'save this search' form shown under the route map's search."""
    return SaveSearchForm(auto_id="id_save_search_%s")
