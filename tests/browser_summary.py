"""Says at the end of every run what became of the browser tests (tests/e2e): how many ran,
why they were skipped, or that this run left them out, and how to run them. Loaded by
`-p tests.browser_summary` (pyproject.toml), so even `-m 'not e2e'` runs say so."""

from collections import Counter

import pytest

E2E_PATH = "tests/e2e/"
HOW = "make e2e runs them (it installs Chromium and axe-core first)"


def _is_browser_test(report) -> bool:
    return E2E_PATH in getattr(report, "nodeid", "")


def browser_test_outcomes(stats: dict) -> tuple[Counter, Counter]:
    """Outcomes of the browser tests in a run's stats, and the reasons of their skips."""
    outcomes: Counter = Counter()
    reasons: Counter = Counter()
    for outcome in ("passed", "failed", "error", "skipped", "deselected"):
        for report in stats.get(outcome, []):
            if not _is_browser_test(report):
                continue
            if outcome != "deselected" and getattr(report, "when", "call") not in (
                "call",
                "setup",
            ):
                continue
            if outcome == "passed" and report.when != "call":
                continue
            outcomes[outcome] += 1
            if outcome == "skipped" and isinstance(report.longrepr, tuple):
                reasons[report.longrepr[2].removeprefix("Skipped: ")] += 1
    return outcomes, reasons


def summary_lines(outcomes: Counter, reasons: Counter, markexpr: str = "") -> list[str]:
    lines = []
    ran = outcomes["passed"] + outcomes["failed"] + outcomes["error"]
    if ran:
        lines.append(
            f"Browser tests: {outcomes['passed']} passed, {outcomes['failed']} failed, "
            f"{outcomes['error']} errors."
        )
    for reason, count in reasons.items():
        lines.append(f"Browser tests: {count} skipped: {reason}")
    if outcomes["deselected"]:
        lines.append(f"Browser tests: {outcomes['deselected']} not selected in this run; {HOW}.")
    if not lines and "e2e" in markexpr:
        lines.append(f"Browser tests: left out of this run (-m '{markexpr}'); {HOW}.")
    elif not lines:
        lines.append(f"Browser tests: none in this run; {HOW}.")
    return lines


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter) -> None:
    outcomes, reasons = browser_test_outcomes(terminalreporter.stats)
    skipped_or_missing = bool(reasons) or not sum(outcomes.values())
    markexpr = terminalreporter.config.getoption("markexpr", "") or ""
    for line in summary_lines(outcomes, reasons, markexpr):
        terminalreporter.write_line(line, yellow=skipped_or_missing, green=not skipped_or_missing)
