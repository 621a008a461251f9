"""The employer, work agreement, proposal and placement pages (and the employer portal) show the
Dutch labels of what they store, never the codes: "tijdelijk contract", not "temporary"."""

import re

from django.db import models
from django.urls import reverse
from django.utils.html import strip_tags

import pytest

from werkroute.catalogue.constants import TargetGroup
from werkroute.employers import labels, services
from werkroute.employers.models import EmployerProfile, Placement, Proposal, WorkAgreement
from werkroute.employers.tests.conftest import World
from werkroute.employers.tests.test_services import agreement_data, placement_data, ready_to_hire
from werkroute.jobseekers.models import Language
from werkroute.taxonomy.models import Sector


def visible_text(html: str) -> str:
    """The page's text as a person reads it: no tags, no attribute values, no scripts."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(strip_tags(html).split())


def coded_values(instance: models.Model, names: list[str]) -> list[tuple[str, str]]:
    """(code, label) of every stored code of these fields whose label does not contain the code."""
    pairs = []
    for name in names:
        field = instance._meta.get_field(name)
        value = getattr(instance, name)
        codes = value if isinstance(value, list) else [value]
        choices = dict(getattr(field, "item_choices", None) or field.choices or [])
        for code in codes:
            label = str(choices[code])
            if code and not re.search(rf"\b{re.escape(code)}\b", label):
                pairs.append((code, label))
    return pairs


def assert_labels_not_codes(text: str, pairs: list[tuple[str, str]]) -> None:
    assert pairs, "the test needs stored codes to look for"
    for code, label in pairs:
        assert not re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text), (
            f"code {code!r} shows instead of its label {label!r}"
        )
        assert label in text, f"label {label!r} is missing"


@pytest.fixture
def placed(world: World) -> Placement:
    anna = world.market.anna
    anna.driving_licences = ["BE"]
    anna.certificates = ["vca_basic", "first_aid"]
    anna.available_days = ["mon", "tue"]
    anna.shifts = ["evening", "weekend"]
    anna.save()
    Language.objects.create(job_seeker=anna, language="Nederlands", level="B1")
    proposal = ready_to_hire(world)
    return services.hire_candidate(
        actor=world.users["employer_adviser"],
        proposal=proposal,
        data=placement_data(
            contract_type="temp_agency",
            instruments=["wage_subsidy", "job_coach", "no_risk_policy"],
            outflow="partial",
            wage_period="hour",
            wage="14.50",
        ),
    )


def test_employer_page_shows_labels(world: World) -> None:
    Sector.objects.get_or_create(
        code="I", defaults={"name": "Logies-, maaltijd- en drankverstrekking"}
    )
    profile, _ = EmployerProfile.objects.get_or_create(organisation=world.employer)
    profile.sbi_code, profile.size = "56101", "medium"
    profile.save()
    client = world.client_for(world.users["employer_adviser"])
    text = visible_text(
        client.get(
            reverse("employers:employer_detail", args=[world.employer.public_id])
        ).content.decode()
    )
    assert_labels_not_codes(text, coded_values(profile, ["size"]))
    assert "56101: Logies-, maaltijd- en drankverstrekking" in text


def test_agreement_page_shows_labels(world: World, placed: Placement) -> None:
    start = placed.start_date
    agreement = services.save_work_agreement(
        actor=world.users["employer_adviser"],
        organisation=world.employer,
        data=agreement_data(
            starts_on=start.replace(day=1),
            ends_on=start.replace(year=start.year + 1),
            target_groups=[TargetGroup.LONG_TERM_ASSISTANCE, TargetGroup.OVER_55],
        ),
    )
    client = world.client_for(world.users["employer_adviser"])
    text = visible_text(
        client.get(
            reverse("employers:agreement_detail", args=[agreement.public_id])
        ).content.decode()
    )
    assert_labels_not_codes(text, coded_values(agreement, ["target_groups", "status"]))
    assert_labels_not_codes(text, coded_values(placed, ["contract_type", "outflow"]))
    assert WorkAgreement.objects.count() == 1


def test_proposal_page_shows_placement_labels(world: World, placed: Placement) -> None:
    client = world.client_for(world.users["employer_adviser"])
    page = client.get(reverse("employers:proposal_detail", args=[placed.proposal.public_id]))
    text = visible_text(page.content.decode())
    fields = ["contract_type", "instruments", "outflow", "wage_period"]
    assert_labels_not_codes(text, coded_values(placed, fields))
    assert_labels_not_codes(text, coded_values(placed.proposal, ["status"]))


def test_employer_portal_shows_labels(world: World, placed: Placement) -> None:
    proposal: Proposal = placed.proposal
    client = world.client_for(world.employer_staff)
    home = visible_text(client.get(reverse("employer_portal:home")).content.decode())
    assert_labels_not_codes(home, coded_values(proposal, ["status"]))
    page = client.get(reverse("employer_portal:proposal", args=[proposal.public_id]))
    text = visible_text(page.content.decode())
    anna = proposal.job_seeker
    fields = ["driving_licences", "certificates", "shifts", "available_days"]
    assert_labels_not_codes(text, coded_values(anna, fields))
    assert "Nederlands (B1 – redelijk)" in text


def test_sbi_label_lookup() -> None:
    assert labels.sbi_section("56101") == "I"
    assert labels.sbi_section("47111") == "G"
    assert labels.sbi_section("0111") == "A"
    assert labels.sbi_section("99000") == "U"
    assert labels.sbi_section("04000") == ""  # no such division
    assert labels.sbi_section("ab") == ""
