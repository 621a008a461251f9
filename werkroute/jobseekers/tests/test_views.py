"""What the staff and self-service pages show and do, in Dutch, without the full BSN."""

from django.urls import reverse
from django.utils import timezone

import pytest

from werkroute.core.audit.models import AccessAuditEntry
from werkroute.jobseekers import services
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.tests.conftest import TARGET_BSN, TARGET_LAST_NAME, World

pytestmark = pytest.mark.django_db

NEW_BSN = "123456782"


def register_form(**overrides: str) -> dict[str, str]:
    data = {
        "first_name": "Jan",
        "last_name": "de Boer",
        "bsn": NEW_BSN,
        "date_of_birth": "1990-03-01",
        "benefit_type": "social_assistance",
        "postcode": "3511AB",
    }
    return {**data, **overrides}


def test_register_creates_the_file_and_goes_there(world: World) -> None:
    client = world.client_for("case_manager")
    response = client.post(reverse("jobseekers:register"), register_form())
    created = JobSeeker.objects.get(last_name="de Boer")
    assert response.status_code == 302
    assert response["Location"] == reverse("jobseekers:detail", args=[created.public_id])
    assert created.municipality == world.municipality


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"bsn": "123456789"}, "Dit BSN klopt niet"),
        ({"bsn": TARGET_BSN}, "Deze persoon staat al in het systeem"),
        ({"date_of_birth": "2999-01-01"}, "De geboortedatum ligt in de toekomst"),
        ({"date_of_birth": "1890-01-01"}, "meer dan 110 jaar geleden"),
    ],
)
def test_register_refuses_bad_input_in_dutch(
    world: World, overrides: dict[str, str], message: str
) -> None:
    before = JobSeeker.objects.count()
    client = world.client_for("case_manager")
    response = client.post(reverse("jobseekers:register"), register_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert JobSeeker.objects.count() == before


def test_file_page_shows_the_file_with_a_masked_bsn(world: World) -> None:
    services.give_consent(actor=world.users["self"], job_seeker=world.target)
    response = world.client_for("colleague").get(
        reverse("jobseekers:detail", args=[world.target.public_id])
    )
    page = response.content.decode()
    assert TARGET_LAST_NAME in page
    assert "*****2333" in page and TARGET_BSN not in page
    assert "Kan werken tussen 9 en 14 uur." in page
    assert "Pools (B1)" in page
    assert "geeft toestemming om het profiel te delen" in page
    assert "Zwanenburg-de Vries" in page  # the open correction request
    assert response["Cache-Control"].startswith("max-age=0")


def test_edit_page_saves_and_keeps_history(world: World) -> None:
    client = world.client_for("team_lead")
    url = reverse("jobseekers:edit", args=[world.target.public_id])
    assert "*****2333" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "first_name": "Fatima",
            "last_name": TARGET_LAST_NAME,
            "date_of_birth": "1984-05-17",
            "benefit_type": "social_assistance",
            "travel_radius_km": "25",
            "available_days": ["mon", "tue"],
        },
    )
    assert response.status_code == 302
    changed = {c.field for c in world.target.changes.all()}
    assert {"travel_radius_km", "available_days", "postcode", "benefit_start"} <= changed


def test_edit_page_shows_cross_field_errors_in_dutch(world: World) -> None:
    client = world.client_for("case_manager")
    url = reverse("jobseekers:edit", args=[world.target.public_id])
    response = client.post(
        url,
        {
            "first_name": "Fatima",
            "last_name": TARGET_LAST_NAME,
            "date_of_birth": "1984-05-17",
            "benefit_type": "social_assistance",
            "travel_radius_km": "10",
            "hours_min": "30",
            "hours_max": "20",
        },
    )
    assert response.status_code == 200
    assert "Het maximum aantal uren is lager dan het minimum." in response.content.decode()
    assert not world.target.changes.exists()


def test_search_by_bsn_is_a_post_and_finds_the_person(world: World) -> None:
    client = world.client_for("case_manager")
    response = client.post(reverse("jobseekers:search"), {"query": "111 222 333"})
    page = response.content.decode()
    assert TARGET_LAST_NAME in page and TARGET_BSN not in page
    response = client.post(reverse("jobseekers:search"), {"query": "123456789"})
    assert "Dit BSN klopt niet" in response.content.decode()


def test_the_job_seeker_sees_the_consent_explanation_and_can_withdraw(world: World) -> None:
    client = world.client_for("self")
    page = client.get(reverse("me:consent")).content.decode()
    assert "Dit ziet een werkgever niet" in page and "Ik geef toestemming" in page
    client.post(reverse("me:consent_give"))
    assert "Toestemming intrekken" in client.get(reverse("me:consent")).content.decode()
    client.post(reverse("me:consent_withdraw"))
    assert not world.target.consents.filter(withdrawn_at__isnull=True).exists()


def test_my_details_lists_the_file_and_my_correction_requests(world: World) -> None:
    client = world.client_for("self")
    page = client.get(reverse("me:details")).content.decode()
    assert TARGET_LAST_NAME in page and "*****2333" in page and TARGET_BSN not in page
    assert "Zwanenburg-de Vries" in page
    response = client.post(
        reverse("me:correction"),
        {"field": "date_of_birth", "proposed_value": "18 mei 1984", "explanation": ""},
    )
    assert response.status_code == 302
    assert world.target.correction_requests.filter(field="date_of_birth").exists()


def test_a_correction_request_must_say_what(world: World) -> None:
    response = world.client_for("self").post(reverse("me:correction"), {"field": "last_name"})
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()


def test_the_job_seeker_changes_own_availability(world: World) -> None:
    client = world.client_for("self")
    response = client.post(
        reverse("me:edit"), {"hours_max": "16", "travel_radius_km": "8", "shifts": ["day"]}
    )
    assert response.status_code == 302
    world.target.refresh_from_db()
    assert (world.target.hours_max, world.target.shifts) == (16, ["day"])


def test_who_looked_shows_staff_by_role_and_reason_not_my_own_visits(world: World) -> None:
    services.view_file(world.users["colleague"], world.target, reason="Vervanging bij ziekte")
    client = world.client_for("self")
    page = client.get(reverse("me:access_log")).content.decode()
    assert "Klantmanager" in page and "Vervanging bij ziekte" in page and "Dossier inzien" in page
    assert world.users["colleague"].username not in page
    own = AccessAuditEntry.objects.filter(user_id=world.users["self"].pk)
    assert own.exists()
    assert "Eigen gegevens bekijken" not in page


def test_the_readable_export_page(world: World) -> None:
    services.add_skill(actor=world.users["case_manager"], job_seeker=world.target, name="Koken")
    page = world.client_for("self").get(reverse("me:export")).content.decode()
    assert "Alles wat de gemeente van mij weet" in page
    assert "Koken" in page and "Pools" in page and "*****2333" in page
    assert TARGET_BSN not in page
    assert reverse("me:export_json") in page


def test_the_casework_block_is_there_for_the_casework_app(world: World) -> None:
    from django.template import loader

    source = loader.get_template("jobseekers/detail.html").template.source
    assert "{% block casework %}{% endblock %}" in source
    source = loader.get_template("jobseekers/me/home.html").template.source
    assert "{% block casework %}{% endblock %}" in source


def test_resolving_an_obstacle_from_the_file_page(world: World) -> None:
    client = world.client_for("case_manager")
    url = reverse("jobseekers:obstacle_resolve", args=[world.target.public_id])
    response = client.post(url, {"item": world.obstacle.pk})
    assert response.status_code == 302 and response["Location"].endswith("#obstacles")
    world.obstacle.refresh_from_db()
    assert world.obstacle.is_active is False
    assert client.post(url, {"item": world.obstacle.pk}).status_code == 404


def test_handling_a_correction_from_the_file_page(world: World) -> None:
    client = world.client_for("colleague")
    url = reverse("jobseekers:correction_handle", args=[world.target.public_id])
    client.post(url, {"item": world.correction.pk, "decision": "reject", "answer": "Klopt al."})
    world.correction.refresh_from_db()
    assert (world.correction.status, world.correction.answer) == ("rejected", "Klopt al.")
    assert world.correction.handled_by_id == world.users["colleague"].pk
    assert world.correction.updated_at <= timezone.now()
