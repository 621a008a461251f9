"""Keyboard-only use of the route map: Tab, Shift+Tab, Enter and Space, nothing else."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import BrowserErrors, RouteData

# What the focused element looks like: enough to name it in a message and judge its focus ring.
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) { return null; }
    const style = getComputedStyle(el);
    const name = el.getAttribute('aria-label') || el.innerText || el.value || el.name || '';
    return {
        element: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + name.trim().slice(0, 40) + '"',
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
        detail: style.outlineStyle + ' ' + style.outlineWidth + ' / ' + style.boxShadow,
        // Focus on a part inside the browser's own shadow DOM (the calendar button of a date
        // field): the element is active but not :focus, and the browser draws its own ring.
        native: !el.matches(':focus'),
    };
}"""
MAX_TABS = 60


def focused_matches(page: Page, selector: str) -> bool:
    return page.evaluate(
        "(selector) => document.activeElement !== null && document.activeElement.matches(selector)",
        selector,
    )


def tab_to(page: Page, selector: str, key: str = "Tab") -> None:
    """Press Tab (or Shift+Tab) until the element matching the selector has focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if focused_matches(page, selector):
            return
    raise AssertionError(f"{MAX_TABS} × {key} never reached {selector}")


@pytest.mark.browser
def test_the_skip_link_comes_first_shows_on_focus_and_moves_focus_to_main(
    page: Page, route_data: RouteData
) -> None:
    page.goto("/")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).not_to_be_in_viewport()

    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    box = skip.bounding_box()
    assert box is not None
    assert box["width"] >= 44
    assert box["height"] >= 44
    assert box["y"] >= 0
    # Shown, it must be as readable as the rest (axe skips it while it is off-screen).
    violations = axe_violations(page)
    assert not violations, describe(violations, "search page with the skip link shown")

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab continues inside main, not back in the header.
    page.keyboard.press("Tab")
    assert focused_matches(page, "main *")


@pytest.mark.browser
def test_a_job_seeker_searches_opens_saves_and_removes_with_the_keyboard(
    page: Page, route_data: RouteData, browser_errors: BrowserErrors
) -> None:
    page.goto("/")
    tab_to(page, "input[name=q]")
    page.keyboard.type("heftruck")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=heftruck"))
    expect(page.locator("#results-heading")).to_have_text("1 resultaat")

    tab_to(page, ".wr-result-list a")
    expect(page.locator(":focus")).to_have_text("Heftruckchauffeur")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Heftruckchauffeur")

    save = page.locator("main [data-save]")
    tab_to(page, "main [data-save]")
    page.keyboard.press("Space")
    expect(save).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Enter")  # Enter toggles it as well: back off, then on again
    expect(save).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Space")
    expect(save).to_have_attribute("aria-pressed", "true")

    # Back up to "Mijn route" in the main menu.
    tab_to(page, ".wr-nav a[href='/mijn-route/']", key="Shift+Tab")
    expect(page.locator(":focus")).to_have_text(re.compile(r"Mijn route\s*\(1\)"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Mijn route")
    saved = page.locator(".wr-route-list__item")
    expect(saved).to_have_count(1)
    expect(saved.get_by_role("link", name="Heftruckchauffeur")).to_be_visible()

    tab_to(page, ".wr-route-list__remove")
    expect(page.locator(":focus")).to_have_accessible_name("Verwijder: Heftruckchauffeur")
    page.keyboard.press("Enter")
    expect(saved).to_have_count(0)
    expect(page.locator("[data-route-list]")).to_contain_text("nog niets bewaard")
    # Focus is not lost with the removed button: it lands on the heading.
    expect(page.locator("h1")).to_be_focused()
    expect(page.locator(".wr-nav [data-route-count]")).to_be_hidden()
    assert browser_errors.take() == []


@pytest.mark.browser
def test_the_filters_open_with_enter_and_a_checkbox_toggles_with_space(
    page: Page, route_data: RouteData
) -> None:
    page.goto("/")
    filters = page.locator("details.wr-filters")
    tab_to(page, "summary.wr-filters__summary")
    page.keyboard.press("Enter")
    expect(filters).to_have_attribute("open", "")

    tab_to(page, "input[name=kind]")
    job_fair = page.get_by_role("group", name="Soort").get_by_label("banenmarkt")
    vacancy = page.get_by_role("group", name="Soort").get_by_label("vacature")
    expect(vacancy).to_be_focused()
    page.keyboard.press("Space")
    expect(vacancy).to_be_checked()
    page.keyboard.press("Space")
    expect(vacancy).not_to_be_checked()
    page.keyboard.press("Tab")
    expect(job_fair).to_be_focused()
    page.keyboard.press("Space")
    expect(job_fair).to_be_checked()

    tab_to(page, "details.wr-filters button[type=submit]")
    expect(page.locator(":focus")).to_have_text("Filters toepassen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"kind=job_fair"))
    expect(page.locator(".wr-result")).to_have_count(1)
    expect(page.locator(".wr-result")).to_contain_text("Banenmarkt IJmond")

    # Enter on the open summary closes it again.
    tab_to(page, "summary.wr-filters__summary")
    page.keyboard.press("Enter")
    expect(filters).not_to_have_attribute("open", "")


def focus_indicators_while_tabbing(page: Page) -> tuple[int, list[str]]:
    """Tab through the whole page; how many stops there were and which showed no focus ring."""
    seen: list[dict] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (seen and focused["element"] == seen[0]["element"]):
            break  # past the last element, or round again
        seen.append(focused)
    missing = [
        f"{f['element']}: {f['detail']}"
        for f in seen
        if not (f["outline"] or f["shadow"] or f["native"])
    ]
    return len(seen), missing


@pytest.mark.browser
def test_every_focused_element_shows_a_focus_indicator(page: Page, route_data: RouteData) -> None:
    detail = f"/aanbod/{route_data.job_fair.public_id}/"
    page.goto(detail)
    # One saved item, so the route list's link and remove button are in the tab order too.
    page.locator("main [data-save]").click()
    problems = []
    # Search with the filters open (header, form, date fields, tabs, a result), a detail page
    # (save, calendar and contact links) and the route list.
    for path in ["/?q=banenmarkt&kind=job_fair", detail, "/mijn-route/"]:
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        stops, missing = focus_indicators_while_tabbing(page)
        assert stops >= 8, f"{path}: only {stops} focusable elements"
        problems += [f"{path} {element}" for element in missing]
    assert not problems, "no visible focus indicator on:\n  " + "\n  ".join(problems)
