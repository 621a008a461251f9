"""Which employers pages a user's home page links to."""

from typing import Any

from django import template

from werkroute.employers import queries

register = template.Library()


@register.simple_tag
def employer_links(user: Any) -> set[str]:
    links = set()
    if queries.is_adviser(user):
        links.add("adviser")
    if queries.is_employer_staff(user):
        links.add("employer")
    return links
