"""The stories archive: narrators, themes, stories told on stage, what participants said,
and the Power Stories open call (its code in stories.open_call, its models registered
here). One module per concern; imported from here by the rest.

Events never import this app: an event page finds the stories told there through the reverse
relation `page.stories_told` (StoryPage.event); stories and testimonials appear on other
apps' pages through the `page_sections` hook (stories.sections).
"""

from ..open_call.models import NarratorApplication, NarratorReview, OpenCallPage, OpenCallState
from .index_page import StoryIndexPage
from .narrators import Narrator
from .story import StoryPage, StoryPageManager, StoryPageQuerySet, StoryPhoto
from .testimonials import TESTIMONIAL_PAGE_TYPES, Testimonial, TestimonialQuerySet
from .themes import Theme, ThemeQuerySet, localize_themes, theme_lookup

__all__ = [
    "TESTIMONIAL_PAGE_TYPES",
    "Narrator",
    "NarratorApplication",
    "NarratorReview",
    "OpenCallPage",
    "OpenCallState",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageManager",
    "StoryPageQuerySet",
    "StoryPhoto",
    "Testimonial",
    "TestimonialQuerySet",
    "Theme",
    "ThemeQuerySet",
    "localize_themes",
    "theme_lookup",
]
