"""The pages: the adviser's, the employer portal and the job seeker's consent, end to end."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from werkroute.employers.models import Placement, Proposal, WorkAgreement
from werkroute.employers.tests.conftest import World
from werkroute.jobseekers.tests.factories import JobSeekerFactory


def test_match_list_offers_a_proposal_button(world: World) -> None:
    client = world.client_for(world.users["case_manager"])
    page = client.get(reverse("matching:candidates", args=[world.market.cook.public_id]))
    assert "Voordragen" in page.content.decode()


def test_full_flow_through_the_pages(world: World) -> None:
    market = world.market
    cm = world.client_for(world.users["case_manager"])
    url = reverse("employers:proposal_create")
    query = f"?vacature={market.cook.public_id}&kandidaat={market.anna.public_id}"
    assert cm.get(url + query).status_code == 200
    response = cm.post(
        url,
        {
            "vacature": market.cook.public_id,
            "kandidaat": market.anna.public_id,
            "motivation": "Goed",
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    # A second proposal of the same person for the same vacancy: a clear message, nothing saved.
    again = cm.post(url, {"vacature": market.cook.public_id, "kandidaat": market.anna.public_id})
    assert "al voorgedragen" in again.content.decode()
    assert Proposal.objects.count() == 1

    employer = world.client_for(world.employer_staff)
    assert (
        market.anna.last_name not in employer.get(reverse("employer_portal:home")).content.decode()
    )
    assert (
        employer.get(reverse("employer_portal:proposal", args=[proposal.public_id])).status_code
        == 404
    )

    anna = world.client_for(market.users["self"])
    assert anna.get(reverse("my_proposals:list")).status_code == 200
    anna.post(reverse("my_proposals:consent_give", args=[proposal.public_id]))
    page = employer.get(
        reverse("employer_portal:proposal", args=[proposal.public_id])
    ).content.decode()
    anna_file = market.anna
    for secret in (anna_file.first_name, anna_file.last_name, anna_file.postcode, "1984"):
        assert secret not in page
    assert "Kandidaat" in page

    cm.post(reverse("employers:proposal_consent", args=[proposal.public_id]))
    employer.post(
        reverse("employer_portal:answer", args=[proposal.public_id]), {"status": "invited"}
    )
    page = employer.get(
        reverse("employer_portal:proposal", args=[proposal.public_id])
    ).content.decode()
    assert anna_file.last_name in page

    # A hire with a start before the proposal: a Dutch message, nothing saved.
    hire = reverse("employer_portal:hire", args=[proposal.public_id])
    data = {
        "start_date": (proposal.proposed_on - dt.timedelta(days=3)).isoformat(),
        "contract_type": "temporary",
        "hours_per_week": "24",
        "wage_period": "month",
        "outflow": "full",
    }
    bad = employer.post(hire, data)
    assert "ligt voor de datum van de voordracht" in bad.content.decode()
    assert not Placement.objects.exists()
    data["start_date"] = timezone.localdate().isoformat()
    assert employer.post(hire, data).status_code == 302
    assert Placement.objects.count() == 1

    # The rival employer never sees it.
    rival = world.client_for(world.rival_staff)
    assert (
        rival.get(reverse("employer_portal:proposal", args=[proposal.public_id])).status_code == 404
    )
    assert anna_file.last_name not in rival.get(reverse("employer_portal:home")).content.decode()


def test_withdrawn_consent_hides_the_candidate_on_the_page(world: World) -> None:
    proposal = world.propose()
    anna = world.client_for(world.market.users["self"])
    anna.post(reverse("my_proposals:consent_give", args=[proposal.public_id]))
    employer = world.client_for(world.employer_staff)
    url = reverse("employer_portal:proposal", args=[proposal.public_id])
    assert employer.get(url).status_code == 200
    anna.post(reverse("my_proposals:consent_withdraw", args=[proposal.public_id]))
    assert employer.get(url).status_code == 404
    assert proposal.code not in employer.get(reverse("employer_portal:home")).content.decode()


def test_adviser_pages(world: World) -> None:
    adviser = world.client_for(world.users["employer_adviser"])
    assert adviser.get(reverse("employers:employer_list")).status_code == 200
    bad = adviser.post(
        reverse("employers:employer_create"), {"name": "Bakker", "kvk_number": "1234567"}
    )
    assert "precies 8 cijfers" in bad.content.decode()
    detail = reverse("employers:employer_detail", args=[world.employer.public_id])
    assert adviser.get(detail).status_code == 200
    create = reverse("employers:agreement_create", args=[world.employer.public_id])
    bad = adviser.post(
        create,
        {
            "title": "Akkoord",
            "starts_on": "2025-06-01",
            "ends_on": "2025-01-01",
            "status": "draft",
            "placements_target": "3",
            "learning_working_places": "0",
            "lasting_contracts": "0",
        },
    )
    assert "eindigt voordat het begint" in bad.content.decode()
    assert not WorkAgreement.objects.exists()
    response = adviser.post(
        reverse("employers:contact_moment_add", args=[world.employer.public_id]),
        {"kind": "event", "date": "2025-03-01", "subject": "Den Haag Werkt!"},
    )
    assert response.status_code == 302
    assert "Den Haag Werkt!" in adviser.get(detail).content.decode()
    assert adviser.get(reverse("employers:check_list")).status_code == 200


def test_other_people_cannot_reach_a_proposal(world: World) -> None:
    proposal = world.propose()
    stranger = JobSeekerFactory(user=world.rival_staff.__class__.objects.create(username="x"))
    client = world.client_for(stranger.user)
    assert client.get(reverse("my_proposals:detail", args=[proposal.public_id])).status_code == 404
    employer = world.client_for(world.employer_staff)
    assert (
        employer.get(reverse("employers:proposal_detail", args=[proposal.public_id])).status_code
        == 404
    )


def test_adviser_switches_off_eherkenning_for_an_employer(world: World) -> None:
    adviser = world.client_for(world.users["employer_adviser"])
    url = reverse("employers:employer_edit", args=[world.employer.public_id])
    page = adviser.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["eherkenning_enabled"] is True
    data = {"name": world.employer.name, "kvk_number": world.employer.kvk_number}
    response = adviser.post(url, data)  # the box left unticked
    assert response.status_code == 302
    world.employer.refresh_from_db()
    assert world.employer.eherkenning_enabled is False
    adviser.post(url, {**data, "eherkenning_enabled": "on"})
    world.employer.refresh_from_db()
    assert world.employer.eherkenning_enabled is True
