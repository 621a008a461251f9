"""The public route map in a real browser: WCAG 2.1 AA by axe-core, and what JavaScript adds."""

import json
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import DESKTOP, PHONE, BrowserErrors, RouteData
from werkroute.catalogue.models import Offering

ROUTE_KEY = "werkroute.route.v1"
NOT_FOUND = "the server responded with a status of 404"
# True once the map has shown its two clusters with no zoom or cluster animation running for
# three polls in a row (Leaflet starts a zoom animation a frame after it is asked for one).
MAP_SETTLED = """() => {
    const still = document.querySelectorAll('#map .marker-cluster').length === 2
        && !document.querySelector('#map .leaflet-zoom-anim, #map .leaflet-cluster-anim');
    window.wrSettledPolls = still ? (window.wrSettledPolls || 0) + 1 : 0;
    return window.wrSettledPolls >= 3;
}"""


def detail_url(offering: Offering) -> str:
    return f"/aanbod/{offering.public_id}/"


def visit(path: str) -> Callable[[Page], None]:
    def go(page: Page) -> None:
        page.goto(path)

    return go


def visit_detail(offering: Offering) -> Callable[[Page], None]:
    def go(page: Page) -> None:
        page.goto(detail_url(offering))
        # app.js reveals the save button: axe must see the page as the visitor does.
        expect(page.locator("main [data-save]")).to_be_visible()

    return go


def visit_results(page: Page) -> None:
    page.goto("/?q=heftruck")
    expect(page.locator(".wr-result [data-save]")).to_be_visible()


def visit_not_found(page: Page) -> None:
    response = page.goto("/bestaat-niet/")
    assert response is not None
    assert response.status == 404


def visit_map(page: Page) -> None:
    page.goto("/kaart/")
    # axe must not judge clusters while they fade in (their contrast changes with opacity).
    page.wait_for_function(MAP_SETTLED, polling=100)


def visit_route(saved: list[dict]) -> Callable[[Page], None]:
    def go(page: Page) -> None:
        page.goto("/mijn-route/")
        page.evaluate(
            "([key, items]) => localStorage.setItem(key, items)", [ROUTE_KEY, json.dumps(saved)]
        )
        page.reload()
        if saved:
            expect(page.locator(".wr-route-list__item")).to_have_count(len(saved))
        else:
            expect(page.locator("[data-route-list] p")).to_contain_text("nog niets bewaard")

    return go


def visit_failed_login(page: Page) -> None:
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()


def saved_item(offering: Offering) -> dict:
    return {
        "id": str(offering.public_id),
        "title": offering.title,
        "url": detail_url(offering),
        "kind": str(offering.get_kind_display()),
        "date": offering.starts_at.isoformat() if offering.starts_at else "",
    }


def public_pages(data: RouteData) -> list[tuple[str, Callable[[Page], None]]]:
    return [
        ("search, empty", visit("/")),
        ("search, results", visit_results),
        (
            "search, invalid filters",
            visit("/?postcode=9999&date_from=2026-12-10&date_until=2026-12-01"),
        ),
        ("map", visit_map),
        ("detail, vacancy", visit_detail(data.vacancy)),
        ("detail, job fair", visit_detail(data.job_fair)),
        ("detail, course", visit_detail(data.course)),
        ("detail, stale vacancy", visit_detail(data.stale)),
        ("my route, empty", visit_route([])),
        ("my route, one item", visit_route([saved_item(data.job_fair)])),
        ("about", visit("/over/")),
        ("accessibility statement", visit("/toegankelijkheid/")),
        ("offline", visit("/offline/")),
        ("login", visit("/account/inloggen/")),
        ("login, failed", visit_failed_login),
        ("not found", visit_not_found),
    ]


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_public_page_has_no_wcag_violations_and_no_console_errors(
    page: Page, route_data: RouteData, browser_errors: BrowserErrors, viewport: dict
) -> None:
    page.set_viewport_size(viewport)
    problems = []
    for label, go in public_pages(route_data):
        go(page)
        expect(page.locator("main h1")).to_be_visible()
        violations = axe_violations(page)
        if violations:
            problems.append(describe(violations, f"{label} ({page.url})"))
        errors = browser_errors.take()
        if label == "not found":
            # The 404 page is served with status 404, and Chromium logs that as an error.
            errors = [e for e in errors if NOT_FOUND not in e]
        if errors:
            problems.append(f"{label} ({page.url}): console errors\n  " + "\n  ".join(errors))
    report = "\n".join(problems)
    print(report)
    assert not problems, report


@pytest.mark.browser
def test_the_axe_helper_does_report_a_violation(browser: Browser) -> None:
    """Guards the guard: zero violations above must mean a clean page, not a silent axe.

    A bare browser page, not the ``page`` fixture: no live server, so no database to flush.
    """
    page = browser.new_page()
    try:
        page.set_content(
            '<!DOCTYPE html><html lang="nl"><head><title>Proef</title></head><body><main>'
            '<h1>Proef</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            '<p style="color:#bbb;background:#fff">Te licht</p></main></body></html>'
        )
        found = {v["id"] for v in axe_violations(page)}
    finally:
        page.close()
    assert {"image-alt", "color-contrast"} <= found


@pytest.mark.browser
def test_my_route_is_kept_in_local_storage_across_page_loads_and_counted_in_the_nav(
    page: Page,
    route_data: RouteData,
    browser_errors: BrowserErrors,
    new_context: Callable[..., BrowserContext],
) -> None:
    count = page.get_by_role("navigation", name="Hoofdmenu").locator("[data-route-count]")
    page.goto(detail_url(route_data.vacancy))
    save = page.locator("main [data-save]")
    expect(save).to_have_attribute("aria-pressed", "false")
    expect(count).to_be_hidden()

    save.click()
    expect(save).to_have_attribute("aria-pressed", "true")
    expect(save).to_have_text("Bewaard in mijn route")
    expect(count).to_have_text("(1)")

    page.reload()
    expect(save).to_have_attribute("aria-pressed", "true")
    expect(count).to_have_text("(1)")

    # The same state shows in the result list; save a second offering from there.
    page.goto("/?q=banenmarkt")
    result = page.locator(".wr-result", has_text="Banenmarkt IJmond")
    result.get_by_role("button", name="Bewaar in mijn route").click()
    expect(count).to_have_text("(2)")

    page.goto("/mijn-route/")
    items = page.locator(".wr-route-list__item")
    expect(items).to_have_count(2)
    expect(items.get_by_role("link", name="Heftruckchauffeur")).to_have_attribute(
        "href", detail_url(route_data.vacancy)
    )
    expect(items.get_by_role("link", name="Banenmarkt IJmond")).to_be_visible()
    stored = json.loads(page.evaluate("(key) => localStorage.getItem(key)", ROUTE_KEY))
    assert [item["id"] for item in stored] == [
        str(route_data.vacancy.public_id),
        str(route_data.job_fair.public_id),
    ]
    assert browser_errors.take() == []

    # Kept in this browser only: the server never saw it, so another browser starts empty.
    other = new_context().new_page()
    other.goto("/mijn-route/")
    expect(other.locator("[data-route-list]")).to_contain_text("nog niets bewaard")
    expect(other.locator(".wr-nav [data-route-count]")).to_be_hidden()


SAVED_COPY_STORED = """async (url) => {
    for (let i = 0; i < 80; i++) {
        const cache = await caches.open('werkroute-saved');
        if (await cache.match(url)) { return true; }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
}"""
SW_READY = """() => Promise.race([
    navigator.serviceWorker.ready.then((registration) => registration.scope),
    new Promise((resolve) => setTimeout(() => resolve('not ready after 8 s'), 8000)),
])"""


@pytest.mark.browser
def test_the_service_worker_registers_and_controls_the_page(
    page: Page,
    route_data: RouteData,
    live_server: LiveServer,
    browser_errors: BrowserErrors,
) -> None:
    page.goto("/")
    # http://localhost counts as a secure context, so the worker registers and activates on the
    # plain-http live server too. ready only resolves once a worker is active; the JS timeout
    # turns a hang into a clear failure message.
    assert page.evaluate(SW_READY) == f"{live_server.url}/"
    # clients.claim() makes the worker control the open page without a reload.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    # Installing cached the offline page and the route page for later.
    shell = page.evaluate(
        """() => caches.open('werkroute-shell-v1')
            .then((cache) => cache.keys()).then((keys) => keys.map((r) => new URL(r.url).pathname))"""
    )
    # Static files the page fetches once the worker controls it are cached too (cache first),
    # so only the pages are compared.
    assert sorted(p for p in shell if not p.startswith("/static/")) == ["/mijn-route/", "/offline/"]
    assert browser_errors.take() == []


@pytest.mark.browser
def test_a_page_saved_in_my_route_stays_readable_offline(page: Page, route_data: RouteData) -> None:
    # Offline, the worker answers a navigation with the copy app.js saved. Django answers with
    # "Vary: Cookie, Accept-Language" and the navigation's headers differ from those of the fetch
    # that saved the copy, so the worker must look it up with ignoreVary.
    url = detail_url(route_data.course)
    page.goto(url)
    assert page.evaluate(SW_READY).endswith("/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.locator("main [data-save]").click()
    # wait_for_function takes a returned promise for a truthy value, so poll the cache here.
    assert page.evaluate(SAVED_COPY_STORED, url), "app.js did not keep a copy for offline use"
    page.context.set_offline(True)
    try:
        page.goto(detail_url(route_data.vacancy))  # never saved: the offline page stands in
        expect(page.locator("h1")).to_have_text("U bent offline")
        page.goto(url)
        expect(page.locator("h1")).to_have_text("Cursus digitale vaardigheden")
    finally:
        page.context.set_offline(False)


@pytest.mark.browser
def test_the_map_clusters_markers_and_works_without_tiles(
    page: Page,
    route_data: RouteData,
    live_server: LiveServer,
    browser_errors: BrowserErrors,
) -> None:
    foreign = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(live_server.url) or request.url.startswith("data:")
            else foreign.append(request.url)
        ),
    )
    page.goto("/kaart/")
    # The text alternative: the count and a link to the same search as a list.
    expect(page.locator("main")).to_contain_text("6 resultaten.")
    expect(page.get_by_role("link", name="Bekijk alles als lijst")).to_be_visible()

    map_region = page.get_by_role("region", name="Kaart met aanbod")
    clusters = map_region.locator(".marker-cluster")
    # Three offerings share the Haarlem address and two the IJmuiden one: two clusters.
    expect(clusters).to_have_count(2)
    expect(clusters.filter(has_text="3")).to_be_visible()
    expect(map_region.locator(".leaflet-tile")).to_have_count(0)

    # Markers at one address spread out when their cluster is opened (here with the keyboard:
    # Leaflet makes clusters and markers focusable buttons), each named by its title.
    # Wait for the zoom to the markers and the re-clustering after it to finish: a cluster
    # focused mid-animation is replaced by a new one and the key press is lost.
    page.wait_for_function(MAP_SETTLED, polling=100)
    clusters.filter(has_text="3").focus()
    page.keyboard.press("Enter")
    marker = map_region.get_by_role("button", name="Heftruckchauffeur")
    expect(marker).to_be_visible()
    for _ in range(5):  # the spread-out markers follow their cluster in the tab order
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.alt === 'Heftruckchauffeur'"):
            break
    expect(marker).to_be_focused()
    page.keyboard.press("Enter")
    popup_link = map_region.locator(".leaflet-popup").get_by_role("link", name="Heftruckchauffeur")
    expect(popup_link).to_have_attribute("href", detail_url(route_data.vacancy))

    assert foreign == [], "the map reached beyond the live server"
    assert browser_errors.take() == []


@pytest.mark.browser
def test_the_language_switch_sets_html_lang(page: Page, route_data: RouteData) -> None:
    page.goto("/?q=heftruck")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "nl")
    page.get_by_role("button", name="English").click()
    expect(html).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/\?q=heftruck$"))
    expect(page.locator("main [data-save]").first).to_have_text("Save to my route")
    page.get_by_role("button", name="Nederlands").click()
    expect(html).to_have_attribute("lang", "nl")


@pytest.mark.browser
def test_search_with_filters_at_phone_width(
    page: Page, route_data: RouteData, browser_errors: BrowserErrors
) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/")
    filters = page.locator("details.wr-filters")
    expect(filters).not_to_have_attribute("open", "")
    page.get_by_label("Uw postcode").fill("1971")
    page.get_by_text("Meer filters").click()
    expect(filters).to_have_attribute("open", "")
    page.get_by_role("group", name="Soort").get_by_label("vacature").check()
    page.get_by_label("Sorteren op").select_option("distance")
    page.get_by_role("button", name="Filters toepassen").click()

    expect(page).to_have_url(re.compile(r"kind=vacancy.*sort=distance"))
    expect(page.locator("#results-heading")).to_have_text("2 resultaten")
    # Nearest first: IJmuiden is in 1971, Haarlem some 9 km away.
    results = page.locator(".wr-result")
    expect(results.nth(0)).to_contain_text("Magazijnmedewerker dagdienst")
    expect(results.nth(0).locator(".wr-stale")).to_be_visible()
    expect(results.nth(1)).to_contain_text("Heftruckchauffeur")
    expect(results.nth(1)).to_contain_text(re.compile(r"\d+,\d km"))
    # Active filters keep the disclosure open and are counted on its summary.
    expect(filters).to_have_attribute("open", "")
    expect(page.locator(".wr-filters__summary")).to_have_text(re.compile(r"Meer filters \(\d\)"))
    # Reflow (WCAG 1.4.10): nothing makes the page scroll sideways at 375 px.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert browser_errors.take() == []
