"""Content at scale for the benchmark, one module per kind, and the URLs each wants measured.

Generators are pluggable: each one says whether its app is there yet, creates its content in
both languages (`count x --scale`), and names the URLs it wants measured. Add one by
subclassing `bench.generators.base.Generator` and listing it in `generators()`.
"""

from bench.generators.base import Generator


def generators() -> list[Generator]:
    """In the order they run: events before stories (stories are told at Power Stories
    events) and applications (they apply to festivals); other page types last."""
    from bench.generators.applications import StandApplications
    from bench.generators.events import Events
    from bench.generators.feeds import Feeds
    from bench.generators.knowledge import KnowledgeEntries
    from bench.generators.programmes import ProgrammePages
    from bench.generators.site import OtherPageTypes, SitePages
    from bench.generators.stories import Stories

    return [
        SitePages(),
        ProgrammePages(),
        Events(),
        Stories(),
        StandApplications(),
        KnowledgeEntries(),
        Feeds(),
        OtherPageTypes(),
    ]


def planned() -> dict[str, str]:
    """What the issue asks for that no generator makes here (its app is missing)."""
    wanted = {
        "events": "2,000 events of every type, 200 of them recurring series",
        "stories": "500 stories",
        "applications": "1,000 stand applications",
    }
    there = {g.name for g in generators() if g.available()}
    return {name: text for name, text in wanted.items() if name not in there}


def fingerprint() -> dict[str, int]:
    """Name and version of each available generator: a change rebuilds the bench database."""
    return {g.name: g.version for g in generators() if g.available()}
