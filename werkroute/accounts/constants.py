from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    JOB_SEEKER = "job_seeker", _("werkzoekende")
    CASE_MANAGER = "case_manager", _("klantmanager")
    TEAM_LEAD = "team_lead", _("teamleider")
    EMPLOYER_ADVISER = "employer_adviser", _("werkgeversadviseur")
    PARTNER_STAFF = "partner_staff", _("medewerker partnerorganisatie")
    POLICY_MAKER = "policy_maker", _("beleidsmedewerker")
    FUNCTIONAL_ADMIN = "functional_admin", _("functioneel beheerder")
    PRIVACY_OFFICER = "privacy_officer", _("privacyfunctionaris")
