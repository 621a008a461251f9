"""Parts of the file: obstacles, languages, work experience, skills and ambitions."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers import display
from werkroute.jobseekers.models import (
    Ambition,
    JobSeeker,
    Language,
    Obstacle,
    Skill,
    WorkExperience,
)
from werkroute.jobseekers.services._common import (
    audit,
    changing,
    history,
    require_staff,
)

# --- Parts of the file: obstacles, languages, experience, skills, ambitions ----------------


def _add_item(actor: Any, job_seeker: JobSeeker, item: models.Model, kind: str) -> Any:
    require_staff(actor, job_seeker)
    item.job_seeker = job_seeker  # type: ignore[attr-defined]
    item.full_clean()
    with changing(actor, job_seeker, f"{kind} toevoegen") as subject:
        item.save()
        history(job_seeker, actor, kind, "", display.describe(item))
        audit(
            actor,
            job_seeker,
            subject,
            action=AccessAction.CHANGE,
            obj_type=item._meta.label_lower,
            obj_id=item.pk,
        )
    return item


def _remove_item(actor: Any, job_seeker: JobSeeker, item: Any, kind: str) -> None:
    if item.job_seeker_id != job_seeker.pk:
        raise PermissionDenied
    require_staff(actor, job_seeker)
    text, pk = display.describe(item), item.pk
    with changing(actor, job_seeker, f"{kind} verwijderen") as subject:
        item.delete()
        history(job_seeker, actor, kind, text, "")
        audit(
            actor,
            job_seeker,
            subject,
            action=AccessAction.DELETE,
            obj_type=item._meta.label_lower,
            obj_id=pk,
        )


def add_obstacle(*, actor: Any, job_seeker: JobSeeker, kind: str, impact: str) -> Obstacle:
    """An obstacle and what it means for work (never a diagnosis)."""
    return _add_item(actor, job_seeker, Obstacle(kind=kind, impact=impact.strip()), "obstacles")


def resolve_obstacle(*, actor: Any, job_seeker: JobSeeker, obstacle: Obstacle) -> Obstacle:
    """The obstacle no longer plays a part; it stays in the file as history."""
    if obstacle.job_seeker_id != job_seeker.pk:
        raise PermissionDenied
    require_staff(actor, job_seeker)
    if not obstacle.is_active:
        return obstacle
    with changing(actor, job_seeker, "belemmering opgelost") as subject:
        obstacle.is_active = False
        obstacle.save(update_fields=["is_active", "updated_at"])
        text = display.describe(obstacle)
        history(job_seeker, actor, "obstacles", text, f"{text} (speelt niet meer)")
        audit(
            actor,
            job_seeker,
            subject,
            action=AccessAction.CHANGE,
            obj_type=obstacle._meta.label_lower,
            obj_id=obstacle.pk,
        )
    return obstacle


def remove_obstacle(*, actor: Any, job_seeker: JobSeeker, obstacle: Obstacle) -> None:
    _remove_item(actor, job_seeker, obstacle, "obstacles")


def add_language(*, actor: Any, job_seeker: JobSeeker, language: str, level: str = "") -> Language:
    name = language.strip()
    is_dutch = name.lower() in {"nederlands", "dutch", "nl"}
    item = Language(language=name, level=level, is_dutch=is_dutch)
    return _add_item(actor, job_seeker, item, "languages")


def remove_language(*, actor: Any, job_seeker: JobSeeker, language: Language) -> None:
    _remove_item(actor, job_seeker, language, "languages")


def add_experience(
    *,
    actor: Any,
    job_seeker: JobSeeker,
    occupation: Any = None,
    description: str = "",
    years: int = 0,
) -> WorkExperience:
    if occupation is None and not description.strip():
        raise ValidationError({"description": _("Kies een beroep of schrijf op welk werk.")})
    item = WorkExperience(occupation=occupation, description=description.strip(), years=years)
    return _add_item(actor, job_seeker, item, "experience")


def remove_experience(*, actor: Any, job_seeker: JobSeeker, experience: WorkExperience) -> None:
    _remove_item(actor, job_seeker, experience, "experience")


def add_skill(*, actor: Any, job_seeker: JobSeeker, name: str) -> Skill:
    return _add_item(actor, job_seeker, Skill(name=name.strip()), "skills")


def remove_skill(*, actor: Any, job_seeker: JobSeeker, skill: Skill) -> None:
    _remove_item(actor, job_seeker, skill, "skills")


def add_ambition(
    *, actor: Any, job_seeker: JobSeeker, occupation: Any = None, field: Any = None, note: str = ""
) -> Ambition:
    if occupation is None and field is None and not note.strip():
        raise ValidationError({"note": _("Kies een beroep of een werkveld, of schrijf iets op.")})
    item = Ambition(occupation=occupation, field=field, note=note.strip())
    return _add_item(actor, job_seeker, item, "ambitions")


def remove_ambition(*, actor: Any, job_seeker: JobSeeker, ambition: Ambition) -> None:
    _remove_item(actor, job_seeker, ambition, "ambitions")
