"""Every campaign page: who gets in (the rest get 404 alike), what policy makers see, the audit
trail of each page that shows a person, and the forms end to end."""

from collections.abc import Callable

from django.urls import reverse

import pytest

from werkroute.core.audit.models import AccessAuditEntry
from werkroute.outreach.constants import MemberStatus
from werkroute.outreach.models import Campaign, CampaignMember, Invitation
from werkroute.outreach.services import send_invitations
from werkroute.outreach.tests.conftest import TARGET_BSN, World, make_campaign
from werkroute.outreach.tests.pdf_text import pdf_text

WHO = [
    "anonymous",
    "case_manager",
    "colleague",
    "team_lead",
    "other_team",
    "other_municipality",
    "policy_maker",
    "functional_admin",
    "job_seeker",
]
CASEWORKERS = {"case_manager", "colleague", "team_lead", "other_team"}
# Of the target's member pages: her case manager, a team colleague and the team lead.
TEAM = {"case_manager", "colleague", "team_lead"}


def _expected(who: str, allowed: set[str]) -> int:
    if who == "anonymous":
        return 302
    return 200 if who in allowed else 404


@pytest.fixture
def campaign(world: World) -> Campaign:
    return make_campaign(world)


@pytest.fixture
def target(world: World, campaign: Campaign) -> CampaignMember:
    return campaign.members.get(job_seeker=world.people["long_term"])


@pytest.mark.parametrize("who", WHO)
def test_the_campaign_list(world: World, campaign: Campaign, who: str) -> None:
    allowed = CASEWORKERS | {"other_municipality", "policy_maker"}
    response = world.client_for(who).get(reverse("outreach:campaign_list"))
    assert response.status_code == _expected(who, allowed)
    if who == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))
    if response.status_code == 200:
        assert (campaign.name in response.content.decode()) == (who != "other_municipality")


@pytest.mark.parametrize("who", WHO)
def test_the_campaign_page(world: World, campaign: Campaign, who: str) -> None:
    url = reverse("outreach:campaign_detail", args=[campaign.public_id])
    response = world.client_for(who).get(url)
    assert response.status_code == _expected(who, CASEWORKERS | {"policy_maker"})
    if response.status_code != 200:
        return
    html = response.content.decode()
    assert 'id="funnel"' in html and 'id="indicators"' in html
    assert ("Zwanenburg" in html) == (who in TEAM)
    assert TARGET_BSN not in html
    if who == "policy_maker":
        assert 'id="members"' not in html and "Kaya" not in html and "Bakker" not in html


@pytest.mark.parametrize("who", WHO)
def test_the_new_campaign_page(world: World, who: str) -> None:
    response = world.client_for(who).get(reverse("outreach:campaign_create"))
    assert response.status_code == _expected(who, CASEWORKERS | {"other_municipality"})


MemberUrl = Callable[[CampaignMember], str]
MEMBER_PAGES: dict[str, MemberUrl] = {
    "member": lambda m: reverse("outreach:member_detail", args=[m.public_id]),
    "letter": lambda m: reverse("outreach:member_letter", args=[m.public_id]),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", sorted(MEMBER_PAGES))
def test_member_pages_open_for_the_team_only(
    world: World, target: CampaignMember, page: str, who: str
) -> None:
    response = world.client_for(who).get(MEMBER_PAGES[page](target))
    assert response.status_code == _expected(who, TEAM)


def test_a_member_assigned_elsewhere_is_seen_by_that_team(world: World, campaign: Campaign) -> None:
    no_manager = campaign.members.get(job_seeker=world.people["self_employed"])
    no_manager.assigned_to = world.user("other_team")
    no_manager.save()
    url = MEMBER_PAGES["member"](no_manager)
    assert world.client_for("other_team").get(url).status_code == 200
    assert world.client_for("case_manager").get(url).status_code == 404


@pytest.mark.parametrize("page", sorted(MEMBER_PAGES))
def test_an_unknown_member_answers_404(world: World, page: str) -> None:
    url = reverse(
        f"outreach:{'member_detail' if page == 'member' else 'member_letter'}",
        args=["00000000-0000-4000-8000-000000000000"],
    )
    assert world.client_for("case_manager").get(url).status_code == 404


def _new_entries(before: int) -> list[AccessAuditEntry]:
    """Entries written after the first `before` ones (sequences count from 1, without gaps)."""
    return list(AccessAuditEntry.objects.filter(sequence__gt=before).order_by("sequence"))


def test_the_campaign_page_audits_each_person_shown(world: World, campaign: Campaign) -> None:
    before = AccessAuditEntry.objects.count()
    url = reverse("outreach:campaign_detail", args=[campaign.public_id])
    world.client_for("case_manager").get(url)
    team = {world.case_manager.pk, world.user("colleague").pk}
    visible = {
        str(m.public_id)
        for m in campaign.members.select_related("job_seeker")
        if m.job_seeker.case_manager_id in team or m.assigned_to_id in team
    }
    entries = _new_entries(before)
    assert visible and {e.object_id for e in entries} == visible
    assert all(e.action == "view" and e.user_id == world.case_manager.pk for e in entries)
    assert all(e.processing_activity.code == "outreach-campagne" for e in entries)


def test_policy_makers_see_numbers_without_a_trace_of_persons(
    world: World, campaign: Campaign
) -> None:
    before = AccessAuditEntry.objects.count()
    url = reverse("outreach:campaign_detail", args=[campaign.public_id])
    assert world.client_for("policy_maker").get(url).status_code == 200
    assert AccessAuditEntry.objects.count() == before


@pytest.mark.parametrize("page", sorted(MEMBER_PAGES))
def test_member_pages_leave_an_audit_entry(world: World, target: CampaignMember, page: str) -> None:
    before = AccessAuditEntry.objects.count()
    world.client_for("case_manager").get(MEMBER_PAGES[page](target))
    (entry,) = _new_entries(before)
    assert entry.outcome == "allowed"
    assert entry.action == ("export" if page == "letter" else "view")
    assert entry.data_subject_hash == world.people["long_term"].bsn_hash
    assert entry.object_id == str(target.public_id)


def test_a_refused_member_page_is_audited_as_denied(world: World, target: CampaignMember) -> None:
    assert world.client_for("other_team").get(MEMBER_PAGES["member"](target)).status_code == 404
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert entry is not None and entry.outcome == "denied"
    assert entry.user_id == world.user("other_team").pk
    assert entry.data_subject_hash == world.people["long_term"].bsn_hash


def test_the_letter_download(world: World, target: CampaignMember) -> None:
    response = world.client_for("case_manager").get(MEMBER_PAGES["letter"](target))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="brief-{target.reference}.pdf"'
    assert response.content.startswith(b"%PDF")
    assert "Fatima Zwanenburg" in pdf_text(response.content)
    assert TARGET_BSN not in pdf_text(response.content)
    bad = MEMBER_PAGES["letter"](target) + "?soort=ultimatum"
    assert world.client_for("case_manager").get(bad).status_code == 404


def _form(world: World, **values: object) -> dict[str, object]:
    return {
        "municipality": world.municipality.pk,
        "benefit_months_min": "18",
        "name": "Langdurig in de bijstand",
        "channels": ["letter", "email"],
        "assignment": "own",
        "respond_within_days": "14",
        **values,
    }


def test_the_preview_counts_and_saves_nothing(world: World) -> None:
    client = world.client_for("case_manager")
    response = client.post(reverse("outreach:campaign_create"), _form(world, action="preview"))
    assert response.status_code == 200
    assert "Deze selectie vindt 3 personen." in response.content.decode()
    assert not Campaign.objects.exists()


def test_an_empty_selection_gives_the_dutch_message_and_saves_nothing(world: World) -> None:
    client = world.client_for("case_manager")
    for action in ("preview", "save"):
        response = client.post(
            reverse("outreach:campaign_create"), _form(world, action=action, age_min="90")
        )
        assert response.status_code == 200
        assert "Deze selectie vindt niemand. Pas de criteria aan." in response.content.decode()
    assert not Campaign.objects.exists() and not CampaignMember.objects.exists()


def test_bad_numbers_are_shown_on_their_fields(world: World) -> None:
    client = world.client_for("case_manager")
    response = client.post(
        reverse("outreach:campaign_create"), _form(world, action="save", age_min="40", age_max="20")
    )
    assert "De hoogste leeftijd moet gelijk zijn aan of hoger dan de laagste." in (
        response.content.decode()
    )
    assert not Campaign.objects.exists()


def test_saving_starting_and_sending_from_the_pages(world: World) -> None:
    client = world.client_for("case_manager")
    response = client.post(reverse("outreach:campaign_create"), _form(world, action="save"))
    campaign = Campaign.objects.get()
    assert response["Location"] == reverse("outreach:campaign_detail", args=[campaign.public_id])
    assert campaign.members.count() == 3 and campaign.channels == ["letter", "email"]
    client.post(reverse("outreach:campaign_start", args=[campaign.public_id]))
    page = client.get(reverse("outreach:campaign_detail", args=[campaign.public_id]))
    assert "Klaar om te versturen: 4 uitnodiging(en)" in page.content.decode()
    client.post(reverse("outreach:campaign_send", args=[campaign.public_id]))
    assert Invitation.objects.count() == 4
    client.post(reverse("outreach:campaign_close", args=[campaign.public_id]))
    campaign.refresh_from_db()
    assert campaign.status == "closed"


def test_policy_makers_cannot_act(world: World, campaign: Campaign) -> None:
    client = world.client_for("policy_maker")
    for name in ("campaign_start", "campaign_close", "campaign_send"):
        assert (
            client.post(reverse(f"outreach:{name}", args=[campaign.public_id])).status_code == 404
        )
    assert not Invitation.objects.exists()


def test_member_actions_from_the_pages(
    world: World, campaign: Campaign, target: CampaignMember
) -> None:
    client = world.client_for("case_manager")
    client.post(reverse("outreach:member_pause", args=[target.public_id]))
    target.refresh_from_db()
    assert target.paused
    send_invitations(actor=None, campaign=campaign, send=True)
    assert not target.invitations.exists()
    client.post(reverse("outreach:member_resume", args=[target.public_id]), {"terug": "deelnemer"})
    client.post(reverse("outreach:member_resend", args=[target.public_id]))
    target.refresh_from_db()
    assert not target.paused and target.status == MemberStatus.INVITED
    response = client.post(
        reverse("outreach:member_detail", args=[target.public_id]),
        {"status": "conversation_held", "reason": "Kwam langs op het Werkplein"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.status == MemberStatus.CONVERSATION_HELD
    page = client.get(reverse("outreach:member_detail", args=[target.public_id])).content.decode()
    assert "Kwam langs op het Werkplein" in page and "gesprek gevoerd" in page


def test_member_actions_are_refused_for_others(world: World, target: CampaignMember) -> None:
    client = world.client_for("other_team")
    for name in ("member_pause", "member_resend"):
        assert client.post(reverse(f"outreach:{name}", args=[target.public_id])).status_code == 404
    target.refresh_from_db()
    assert not target.paused and target.status == MemberStatus.SELECTED


def test_invited_is_never_a_manual_choice(world: World, target: CampaignMember) -> None:
    page = world.client_for("case_manager").get(
        reverse("outreach:member_detail", args=[target.public_id])
    )
    assert 'value="invited"' not in page.content.decode()
    response = world.client_for("case_manager").post(
        reverse("outreach:member_detail", args=[target.public_id]), {"status": "invited"}
    )
    assert response.status_code == 200
    target.refresh_from_db()
    assert target.status == MemberStatus.SELECTED
