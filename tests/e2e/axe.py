"""axe-core in the page: WCAG 2.2 AA rules, no serious or critical violation allowed.

axe-core is the npm package (package.json; `make e2e` installs it into node_modules/). Its
source is evaluated in the page through the DevTools protocol, so a content-security policy
that forbids inline scripts does not stop it.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Page

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = ("serious", "critical")


@cache
def axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page: Page, context: str | None = None) -> dict:
    """axe's results for the page (or for the element matching the CSS selector `context`)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    options = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
    return page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )


def blocking_violations(results: dict) -> list[dict]:
    return [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def format_report(url: str, violations: list[dict], max_nodes: int = 5) -> str:
    """A plain-text report: each rule, its impact, where it fails and why."""
    lines = [f"axe: {len(violations)} serious/critical WCAG 2.2 AA violation(s) on {url}"]
    for violation in violations:
        lines.append("")
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:max_nodes]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"  - {target}")
            lines.append(f"    {node['html'][:200]}")
            for summary_line in (node.get("failureSummary") or "").splitlines():
                lines.append(f"      {summary_line.strip()}")
        hidden = len(violation["nodes"]) - max_nodes
        if hidden > 0:
            lines.append(f"  ... and {hidden} more element(s)")
    return "\n".join(lines)


def assert_accessible(page: Page, context: str | None = None) -> None:
    """Fail with a readable report if axe finds a serious or critical violation."""
    violations = blocking_violations(run_axe(page, context))
    if violations:
        raise AssertionError(format_report(page.url, violations))
