"""The route map's vocabulary. Codes are stable (stored, used in URLs and the API); labels are Dutch
and translated. Kept small and orthogonal, in the spirit of the open data·inclusion schema."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferingKind(models.TextChoices):
    VACANCY = "vacancy", _("vacature")
    JOB_FAIR = "job_fair", _("banenmarkt")
    APPLICATION_TRAINING = "application_training", _("sollicitatietraining")
    NETWORKING_MEETING = "networking_meeting", _("netwerkbijeenkomst")
    COURSE = "course", _("cursus of omscholing")
    WORK_EXPERIENCE = "work_experience", _("werkervaringsplek of stage")
    BASIC_JOB = "basic_job", _("basisbaan")
    VOLUNTEERING = "volunteering", _("vrijwilligerswerk")
    SUPPORT_SERVICE = "support_service", _("hulp en ondersteuning")
    ENTREPRENEURSHIP_SUPPORT = "entrepreneurship_support", _("hulp voor ondernemers")


# Kinds that take place on dates: they get an iCal file and schema.org Event markup.
EVENT_KINDS = frozenset(
    {OfferingKind.JOB_FAIR, OfferingKind.APPLICATION_TRAINING, OfferingKind.NETWORKING_MEETING}
)
# Kinds that are (a kind of) work: they carry occupation, hours and requirements.
JOB_KINDS = frozenset(
    {
        OfferingKind.VACANCY,
        OfferingKind.WORK_EXPERIENCE,
        OfferingKind.BASIC_JOB,
        OfferingKind.VOLUNTEERING,
    }
)


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("iedereen")
    YOUTH = "youth", _("jongeren en schoolverlaters")
    OVER_55 = "over_55", _("55-plussers")
    LONG_TERM_ASSISTANCE = "long_term_assistance", _("lang in de bijstand")
    STATUS_HOLDERS = "status_holders", _("statushouders")
    WORK_LIMITING_DISABILITY = "work_limiting_disability", _("mensen met een arbeidsbeperking")
    SELF_EMPLOYED = "self_employed", _("zelfstandig ondernemers")
    JOB_AT_RISK = "job_at_risk", _("mensen die hun baan dreigen te verliezen")


class Theme(models.TextChoices):
    FINDING_WORK = "finding_work", _("werk vinden")
    APPLYING = "applying", _("solliciteren")
    LEARNING = "learning", _("leren en opleiding")
    DUTCH_LANGUAGE = "dutch_language", _("Nederlandse taal")
    DIGITAL_SKILLS = "digital_skills", _("digitale vaardigheden")
    MONEY_DEBTS = "money_debts", _("geld en schulden")
    CHILDCARE_FAMILY = "childcare_family", _("kinderopvang en gezin")
    HEALTH_WELLBEING = "health_wellbeing", _("gezondheid en welzijn")
    MOBILITY = "mobility", _("vervoer en rijbewijs")
    ENTREPRENEURSHIP = "entrepreneurship", _("ondernemen")
    NETWORKING = "networking", _("netwerken")


class ActivityLanguage(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    ARABIC = "ar", _("Arabisch")
    TURKISH = "tr", _("Turks")
    POLISH = "pl", _("Pools")
    UKRAINIAN = "uk", _("Oekraïens")
    TIGRINYA = "ti", _("Tigrinya")


class Cost(models.TextChoices):
    FREE = "free", _("gratis")
    PAID = "paid", _("betaald")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("op locatie")
    REMOTE = "remote", _("online")
    HYBRID = "hybrid", _("op locatie en online")


class JoinMethod(models.TextChoices):
    SIGN_UP = "sign_up", _("aanmelden")
    APPLY = "apply", _("solliciteren")
    WALK_IN = "walk_in", _("gewoon binnenlopen")
    REFERRAL = "referral", _("via je klantmanager of een verwijzing")
    INVITATION = "invitation", _("op uitnodiging")


class Recurrence(models.TextChoices):
    NONE = "", _("eenmalig")
    WEEKLY = "weekly", _("elke week")
    BIWEEKLY = "biweekly", _("om de week")
    MONTHLY = "monthly", _("elke maand")


class OfferingStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    PENDING_REVIEW = "pending_review", _("wacht op controle")
    PUBLISHED = "published", _("gepubliceerd")
    ARCHIVED = "archived", _("gearchiveerd")


class ContractType(models.TextChoices):
    PERMANENT = "permanent", _("vast contract")
    TEMPORARY = "temporary", _("tijdelijk contract")
    TEMP_AGENCY = "temp_agency", _("uitzendwerk")
    ON_CALL = "on_call", _("oproepcontract")
    LEARNING_WORKING = "learning_working", _("leerwerkplek (BBL)")
    INTERNSHIP = "internship", _("stage")
    NONE = "none", _("geen contract (vrijwillig)")


class SalaryPeriod(models.TextChoices):
    HOUR = "hour", _("per uur")
    MONTH = "month", _("per maand")


class OrganisationKind(models.TextChoices):
    MUNICIPAL_DEPARTMENT = "municipal_department", _("afdeling van de gemeente")
    EMPLOYER = "employer", _("werkgever")
    PUBLIC_EMPLOYMENT_SERVICE = "public_employment_service", _("UWV of VDAB")
    SCHOOL = "school", _("school of opleider")
    UNION = "union", _("vakbond")
    JOB_COACH = "job_coach", _("jobcoach of re-integratiebureau")
    WELFARE = "welfare", _("welzijnsorganisatie")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("sociaal wijkteam")
    OTHER_PARTNER = "other_partner", _("andere partner")


class OrganisationRole(models.TextChoices):
    STAFF = "staff", _("medewerker")
    ADMIN = "admin", _("beheerder van de organisatie")


class SortOrder(models.TextChoices):
    RELEVANCE = "relevance", _("best passend")
    DISTANCE = "distance", _("dichtstbij")
    DATE = "date", _("datum")
