"""Sections an app adds to another app's pages, so that the page's app never imports it.

A template marks a place with `{% page_sections page "place" %}` (site_tags). An app above
the page's app registers a Wagtail hook `PAGE_SECTIONS_HOOK`: a function
`(context, page, place) -> str` that returns the HTML it adds there, or "" when it adds
nothing to that page or place. Stories adds the stories told and the testimonials to event
and programme pages this way, the stand call adds itself to festival pages.

Places the site's templates offer: "home" (the home page, after the programmes),
"after_body" (standard pages), "event_main" (an event's main column, after its own
content: registrations adds its "Register" section there), "event_after" (under an
event's two columns), "festival_call" (a festival's main column, after its figures and
before its programme: the call for stands, which applications adds), "story_aside" (a
story's facts: the locator map, which places adds).
"""

from django.template import Context
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

PAGE_SECTIONS_HOOK = "page_sections"


def render_page_sections(context: Context, page, place: str) -> SafeString:
    parts = [section(context, page, place) for section in hooks.get_hooks(PAGE_SECTIONS_HOOK)]
    return mark_safe("".join(part for part in parts if part))  # noqa: S308 - rendered templates
