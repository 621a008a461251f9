"""The casework part of a person's page, for templates of other apps.

In the job seeker's file template: {% load casework_tags %}{% casework_situation job_seeker %}
The including view writes its own access audit; this tag only reads.
"""

from typing import Any

from django import template

from werkroute.casework import queries
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.models import JobSeeker

register = template.Library()


@register.inclusion_tag("casework/_situation.html", takes_context=True)
def casework_situation(context: dict[str, Any], job_seeker: JobSeeker) -> dict[str, Any]:
    request = context["request"]
    can_write = jobseeker_queries.staff_visible_to(request.user).filter(pk=job_seeker.pk).exists()
    return {
        "situation": queries.situation(job_seeker),
        "can_write": can_write,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("casework/_my_summary.html")
def my_casework_summary(job_seeker: JobSeeker) -> dict[str, Any]:
    """For the job seeker's own home page: the next appointment and the open route steps."""
    situation = queries.situation(job_seeker)
    return {
        "next_appointment": next(iter(situation.upcoming_appointments), None),
        "open_steps": queries.open_route_steps(job_seeker).count(),
    }
