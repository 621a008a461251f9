"""Run axe-core in a page and report its violations so a defect is easy to find and fix."""

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# The page's CSP (script-src 'self') blocks add_script_tag; evaluate() runs through the DevTools
# protocol, which CSP does not govern, so axe is injected that way.
RUN_AXE = """(tags) => axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
})"""


def axe_violations(page: Page, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """The axe violations of the page as it is now (injecting axe once per document)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(RUN_AXE, tags or WCAG_TAGS)
    return result["violations"]


def describe(violations: list[dict[str, Any]], label: str, max_nodes: int = 3) -> str:
    """One readable block per violation: rule id, impact, help text and the first targets."""
    lines = [f"{label}: {len(violations)} axe violation(s)"]
    for violation in violations:
        lines.append(
            f"  - {violation['id']} [{violation.get('impact')}]: {violation['help']}"
            f" ({len(violation['nodes'])} node(s)) {violation.get('helpUrl', '')}"
        )
        for node in violation["nodes"][:max_nodes]:
            lines.append(f"      target: {node['target']}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      why: {summary[:300]}")
    return "\n".join(lines)
