"""The end-of-run line about the browser tests: never silent about them."""

from collections import Counter
from types import SimpleNamespace

from tests.browser_summary import browser_test_outcomes, summary_lines


def report(nodeid: str, when: str = "call", reason: str = ""):
    longrepr = ("file", 1, f"Skipped: {reason}") if reason else None
    return SimpleNamespace(nodeid=nodeid, when=when, longrepr=longrepr)


def test_counts_only_browser_tests_and_their_reasons():
    stats = {
        "passed": [report("tests/e2e/test_a.py::t"), report("tests/test_b.py::t")],
        "skipped": [report("tests/e2e/test_c.py::t", "setup", "Chromium not installed")],
        "deselected": [report("tests/e2e/test_d.py::t"), report("tests/e2e/test_d.py::u")],
    }
    outcomes, reasons = browser_test_outcomes(stats)
    assert outcomes == Counter(passed=1, skipped=1, deselected=2)
    assert reasons == Counter({"Chromium not installed": 1})


def test_says_how_to_run_them_when_left_out():
    lines = summary_lines(Counter(deselected=80), Counter())
    assert lines == [
        "Browser tests: 80 not selected in this run; make e2e runs them "
        "(it installs Chromium and axe-core first)."
    ]
    assert "make e2e" in summary_lines(Counter(), Counter())[0]


def test_says_why_they_were_skipped():
    lines = summary_lines(Counter(skipped=2), Counter({"axe-core not installed": 2}))
    assert lines == ["Browser tests: 2 skipped: axe-core not installed"]


def test_says_when_the_run_left_them_out_by_marker():
    assert summary_lines(Counter(), Counter(), "not e2e") == [
        "Browser tests: left out of this run (-m 'not e2e'); make e2e runs them "
        "(it installs Chromium and axe-core first)."
    ]
