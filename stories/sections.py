"""Stories and testimonials on other apps' pages: the home page's stories, the stories told
at an event, what participants said about a programme or an event. Added through the
`page_sections` hook of core.sections, so that neither home nor events import this app."""

from django.db.models import Case, IntegerField, Value, When
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.versions import content_generation, versioned_get_or_set
from events.models import PowerStoriesEventPage

from .models import StoryIndexPage, StoryPage, Testimonial
from .open_call.models import latest_open_call

HOME_STORIES = 3
HOME_TESTIMONIALS = 3


def _locale_id(context) -> int | None:
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale_id
    locales = Locale.objects.filter(language_code=get_language())
    return locales.values_list("pk", flat=True).first()


def _localize_pages(testimonials: list[Testimonial], locale_id: int) -> None:
    """Set `testimonial.about` to the live page it is about, in the given language when
    translated (one query for all of them)."""
    keys = {t.page.translation_key for t in testimonials if t.page_id}
    by_key: dict = {}
    for page in Page.objects.live().filter(translation_key__in=keys):
        if page.locale_id == locale_id or page.translation_key not in by_key:
            by_key[page.translation_key] = page
    for testimonial in testimonials:
        key = testimonial.page.translation_key if testimonial.page_id else None
        testimonial.about = by_key.get(key)


def home_stories(context) -> str:
    """The home page's stories section: featured (then newest) stories of the page's
    language, the archive link, and the testimonials chosen for the home page. Cached until
    a page is published, moved or deleted or one of these snippets changes (the content
    generation), so the home page pays no query for it most of the time."""
    request = context.get("request")
    locale_id = _locale_id(context)
    host = request.get_host() if request is not None else ""
    key = f"home-stories:{content_generation()}:{host}:{locale_id}"

    def render() -> str:
        return render_to_string(
            "stories/includes/home_stories.html", home_stories_context(locale_id), request
        )

    return mark_safe(versioned_get_or_set(key, render))  # noqa: S308 - our template


def home_stories_context(locale_id: int | None) -> dict:
    if locale_id is None:
        return {"stories": [], "testimonials": []}
    featured_first = Case(
        When(is_featured=True, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    stories = list(
        StoryPage.objects.visible()
        .filter(locale_id=locale_id)
        .select_related("narrator", "image")
        .prefetch_related("image__renditions")
        .annotate(featured_first=featured_first)
        .order_by("featured_first", "-date_told", "path")[:HOME_STORIES]
    )
    archive = None
    if stories:
        archive = StoryIndexPage.objects.live().filter(locale_id=locale_id).first()
    testimonials = list(
        Testimonial.objects.for_home_page(locale_id).select_related("page")[:HOME_TESTIMONIALS]
    )
    _localize_pages(testimonials, locale_id)
    return {
        "stories": stories,
        "archive": archive,
        "testimonials": testimonials,
    }


def pages_with_sections() -> tuple[frozenset, frozenset]:
    """The events stories were told at, and the (language, page) pairs testimonials are
    about: most pages have neither, and then pay no query for these sections. Cached until
    a page or a snippet changes (the content generation)."""

    def compute() -> tuple[frozenset, frozenset]:
        told = StoryPage.objects.live().exclude(event=None).values_list("event_id", flat=True)
        about = Testimonial.objects.exclude(page=None).values_list(
            "locale_id", "page__translation_key"
        )
        return frozenset(told), frozenset(about)

    return versioned_get_or_set(f"stories:section-pages:{content_generation()}", compute)


def testimonials_for(context, page: Page) -> str:
    """What participants said about this programme or event page, in its language."""
    if (page.locale_id, page.translation_key) not in pages_with_sections()[1]:
        return ""
    data = {
        "testimonials": list(Testimonial.objects.about(page)),
        "section_id": page.pk,
        "show_pages": False,
    }
    return render_to_string("stories/includes/testimonials.html", data, context.get("request"))


def stories_told(context, page: Page) -> str:
    """The stories told at this event, as cards: content alone (the stories, their narrators
    and thumbnails), so rendered once per content generation, host and language, and then
    kept (an event may have many)."""
    if page.pk not in pages_with_sections()[0]:
        return ""
    request = context.get("request")
    host = request.get_host() if request is not None else ""
    key = f"stories-told:{content_generation()}:{page.pk}:{host}:{get_language()}"

    def render() -> str:
        stories = StoryPage.objects.live().filter(event=page).for_cards()
        return render_to_string("stories/includes/stories_told.html", {"stories": stories}, request)

    return mark_safe(versioned_get_or_set(key, render))  # noqa: S308 - our template


def open_call_link(context, page: Page) -> str:
    """On a Power Stories event: the open call that chose its narrators."""
    if not isinstance(page, PowerStoriesEventPage):
        return ""
    call = latest_open_call(page.locale_id)
    return render_to_string(
        "stories/includes/open_call_link.html", {"open_call": call}, context.get("request")
    )


def page_sections(context, page: Page, place: str) -> str:
    """The `page_sections` hook (core.sections): what stories adds at each place."""
    if place == "home":
        return home_stories(context)
    if place == "event_main":
        return open_call_link(context, page) + stories_told(context, page)
    if place in ("after_body", "event_after"):
        return testimonials_for(context, page)
    return ""
