"""Test factories for casework records. Job seekers and staff come from the jobseekers app."""

import datetime as dt

from django.utils import timezone

import factory

from werkroute.casework.constants import (
    AppointmentStatus,
    ConversationKind,
    Owner,
    ReminderChannel,
    RouteStepStatus,
)
from werkroute.casework.models import Action, Appointment, Conversation, Goal, RouteStep
from werkroute.jobseekers.tests.factories import JobSeekerFactory


def _in_days(days: float) -> dt.datetime:
    return (timezone.now() + dt.timedelta(days=days)).replace(microsecond=0)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    job_seeker = factory.SubFactory(JobSeekerFactory)
    author = factory.SelfAttribute("job_seeker.case_manager")
    held_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=7))
    kind = ConversationKind.INTAKE
    talents = "Goed met mensen, houdt van koken."


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    job_seeker = factory.SubFactory(JobSeekerFactory)
    description = "Kinderopvang regelen"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    goal = factory.SubFactory(GoalFactory)
    description = "Aanmelden bij de kinderopvang"
    owner = Owner.JOB_SEEKER


class AppointmentFactory(factory.django.DjangoModelFactory):
    """A planned follow-up in three days. Trait `missed`: planned, but yesterday."""

    class Meta:
        model = Appointment

    class Params:
        missed = factory.Trait(starts_at=factory.LazyFunction(lambda: _in_days(-1)))

    job_seeker = factory.SubFactory(JobSeekerFactory)
    case_manager = factory.SelfAttribute("job_seeker.case_manager")
    starts_at = factory.LazyFunction(lambda: _in_days(3))
    status = AppointmentStatus.PLANNED
    reminder_channel = ReminderChannel.NONE
    place = "Werkplein, kamer 2"


class RouteStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RouteStep

    job_seeker = factory.SubFactory(JobSeekerFactory)
    title = factory.Sequence(lambda n: f"Stap {n}: cv maken")
    owner = Owner.JOB_SEEKER
    status = RouteStepStatus.PLANNED
    position = factory.Sequence(lambda n: n + 1)
