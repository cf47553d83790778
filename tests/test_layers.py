"""The house's rules that no linter checks by itself: templates keep the import floors (their
`{% load %}`, `{% include %}` and `{% extends %}` lines name only their own floor or lower),
and no module outgrows 500 lines. Python imports are checked by `lint-imports`
(pyproject.toml)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each of our apps, with the apps it may use (its own floor and those below), as in the
# README's "Who may use whom" and pyproject.toml's import-linter contract.
BELOW = {
    "core": set(),
    "events": {"core"},
    "search": {"core"},
    "pagecache": {"core"},
    "home": {"core", "events", "search", "pagecache"},
    "applications": {"core", "events", "search", "pagecache", "home"},
    "stories": {"core", "events", "search", "pagecache", "home", "applications"},
    "rota": {"core", "events", "search", "pagecache", "home", "applications"},
    "knowledge": {"core", "events", "search", "pagecache", "home", "applications"},
    "coaching": {"core", "events", "search", "pagecache", "home", "applications"},
}
BELOW["demo"] = BELOW["bench"] = set(BELOW)
OUR_APPS = set(BELOW)

LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
NAMED = re.compile(r"{%\s*(?:include|extends)\s+[\"']([^\"']+)[\"']")


def template_libraries() -> dict[str, str]:
    """Our template tag libraries by name, with the app that defines each."""
    return {
        module.stem: module.parent.parent.name
        for module in ROOT.glob("*/templatetags/*.py")
        if module.stem != "__init__" and module.parent.parent.name in OUR_APPS
    }


def used_apps(text: str, libraries: dict[str, str]) -> set[str]:
    """The apps of ours a template's load, include and extends lines use."""
    apps = set()
    for names in LOAD.findall(text):
        words = names.split()
        if "from" in words:  # {% load tag from library %}
            words = words[words.index("from") + 1 :]
        apps |= {libraries[word] for word in words if word in libraries}
    for name in NAMED.findall(text):
        top = name.split("/", 1)[0]
        if top in OUR_APPS and "/" in name:
            apps.add(top)
    return apps


def app_templates():
    for app in sorted(OUR_APPS):
        for template in sorted((ROOT / app / "templates").rglob("*")):
            if template.is_file():
                yield app, template


def test_used_apps_reads_load_include_and_extends_lines():
    libraries = {"event_tags": "events", "site_tags": "core"}
    text = (
        '{% extends "events/event_page_base.html" %}{% load i18n site_tags %}'
        '{% include "stories/includes/story_card.html" with heading="h3" %}'
        "{% load time_range from site_tags %}"
    )
    assert used_apps(text, libraries) == {"events", "core", "stories"}


@pytest.mark.parametrize("app,template", list(app_templates()), ids=lambda v: str(v))
def test_templates_keep_the_floors(app, template):
    uses = used_apps(template.read_text(), template_libraries()) - {app}
    assert uses <= BELOW[app], f"{template.relative_to(ROOT)} uses {uses - BELOW[app]}"


def test_site_templates_use_only_core():
    libraries = template_libraries()
    for template in (ROOT / "site" / "templates").rglob("*.html"):
        uses = used_apps(template.read_text(), libraries)
        assert uses <= {"core"}, f"{template.relative_to(ROOT)} uses {uses}"


def test_no_module_is_over_500_lines():
    ignored = {".venv", "node_modules", "migrations", "var"}
    long = [
        f"{path.relative_to(ROOT)} ({count})"
        for path in ROOT.rglob("*.py")
        if not ignored & set(path.relative_to(ROOT).parts)
        and (count := len(path.read_text().splitlines())) > 500
    ]
    assert not long, long
