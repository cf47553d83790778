"""The stories archive: narrators, themes, stories told on stage, and what participants said.

Events never import this app: an event page finds the stories told there through the reverse
relation `page.stories_told` (StoryPage.event), and its testimonials through the
`{% testimonials_for page %}` tag of `story_tags`.
"""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from applications.models import (
    SELECTION_OPEN_STATUSES,
    SELECTION_TRANSITIONS,
    BaseApplication,
    SelectionStatus,
    dedupe_key,
)
from home.i18n import any_view_restrictions, original_translation_pk
from home.mixins import BasePage
from home.navigation import navigation_version
from home.provinces import sorted_province_choices
from home.turkish import turkish_slugify
from home.versions import versioned_get_or_set

from .forms import StoryPageForm
from .media import ExternalMedia, external_media

# Pages a story can have been told at, and pages a testimonial can be about.
EVENT_PAGE_TYPES = [
    "events.PowerStoriesEventPage",
    "events.FestivalPage",
    "events.MeetingPage",
    "events.EventSeriesPage",
]
TESTIMONIAL_PAGE_TYPES = ["home.StandardPage", *EVENT_PAGE_TYPES]
CARD_RENDITION = "fill-480x320|format-webp"


class Narrator(TranslatableMixin, index.Indexed, models.Model):
    """A person who told one or more stories."""

    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.CharField(
        _("city or district"), max_length=100, blank=True, help_text=_("e.g. Konak")
    )
    province = models.CharField(
        _("province"), max_length=2, blank=True, choices=sorted_province_choices()
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("province")]),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]
    # A person's name is the same in every language (translators may still adjust it).
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("province", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("narrator")
        verbose_name_plural = _("narrators")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def place(self) -> str:
        """ "Konak, İzmir"."""
        return ", ".join(filter(None, [self.city, self.get_province_display()]))


class ThemeQuerySet(models.QuerySet):
    def in_locale(self, locale: Locale | int) -> ThemeQuerySet:
        return self.filter(locale_id=getattr(locale, "pk", locale))

    def used_by(self, stories: models.QuerySet, locale: Locale | int) -> ThemeQuerySet:
        """This language's themes that at least one of `stories` carries (in any language:
        a translated story may still point at the source language's themes)."""
        keys = Theme.objects.filter(stories__in=stories.order_by().values("pk")).values(
            "translation_key"
        )
        return self.in_locale(locale).filter(translation_key__in=keys).order_by("name")


class Theme(TranslatableMixin, models.Model):
    """A theme of the stories taxonomy, translated like any snippet (not a free tag)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_(
            "Used in the archive's filter addresses, the same in every language. "
            "Filled in from the name if left empty."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    objects = ThemeQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = turkish_slugify(self.name)[:100]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            self.slug = turkish_slugify(self.name)[:100]
        clash = Theme.objects.filter(slug=self.slug, locale_id=self.locale_id)
        if self.locale_id and clash.exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("Another theme already uses this slug.")})


def theme_lookup(locale: Locale | int) -> dict:
    """{translation_key: Theme} for every theme of one language (the taxonomy is small), to
    show linked themes in that language. Cached until a theme, or any page, changes (the
    navigation version, which saving a theme bumps)."""
    locale_id = getattr(locale, "pk", locale)
    key = f"theme-lookup:{navigation_version()}:{locale_id}"

    def compute() -> dict:
        return {theme.translation_key: theme for theme in Theme.objects.in_locale(locale_id)}

    return versioned_get_or_set(key, compute)


def localize_themes(themes, by_key: dict) -> list[Theme]:
    """`themes` shown in the language of `by_key` (see theme_lookup), the linked theme
    itself when it has no translation there."""
    localized = {by_key.get(theme.translation_key, theme) for theme in themes}
    return sorted(localized, key=lambda theme: theme.name)


class TestimonialQuerySet(models.QuerySet):
    def about(self, page: Page) -> TestimonialQuerySet:
        """Testimonials in the page's language about this page (whichever translation of it
        the testimonial points at)."""
        return self.filter(
            locale_id=page.locale_id, page__translation_key=page.translation_key
        ).order_by("sort_order", "pk")

    def for_home_page(self, locale: Locale | int) -> TestimonialQuerySet:
        return self.filter(
            locale_id=getattr(locale, "pk", locale), show_on_home_page=True
        ).order_by("sort_order", "pk")


class Testimonial(TranslatableMixin, index.Indexed, models.Model):
    """What a participant said about a programme or an event."""

    quote = models.TextField(_("quote"), max_length=600)
    person = models.CharField(_("person"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme or event"),
        help_text=_("The testimonial is shown on this page (and its translations)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
    )
    show_on_home_page = models.BooleanField(_("show on the home page"), default=False)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    objects = TestimonialQuerySet.as_manager()

    panels = [
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("person"), FieldPanel("organisation")]),
        PageChooserPanel("page", page_type=TESTIMONIAL_PAGE_TYPES),
        FieldRowPanel([FieldPanel("show_on_home_page"), FieldPanel("sort_order")]),
    ]
    search_fields = [index.SearchField("quote"), index.SearchField("person")]
    override_translatable_fields = [
        SynchronizedField("person"),
        SynchronizedField("show_on_home_page", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self) -> str:
        return f"{self.person}: {self.quote[:60]}"


class StoryIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("stories archive")
        verbose_name_plural = _("stories archives")

    @path("")
    def listing(self, request):
        from .views import story_listing

        return story_listing(request, self)

    def filter_choices(self) -> dict:
        """What the archive's filters offer: the provinces, years, events and themes its
        stories have. Cached until a page or a theme changes (the navigation version): the
        question reads every story of the archive."""
        key = f"story-filter-choices:{navigation_version()}:{self.pk}"

        def compute() -> dict:
            stories = StoryPage.objects.in_index(self)
            themes = list(Theme.objects.used_by(stories, self.locale_id))
            return {**stories.facets(), "themes": themes}

        return versioned_get_or_set(key, compute)

    @path("feed/", name="feed")
    def rss_feed(self, request):
        from .feeds import StoryRssFeed

        return StoryRssFeed()(request, index=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from .feeds import StoryAtomFeed

        return StoryAtomFeed()(request, index=self)


class StoryPageQuerySet(PageQuerySet):
    def visible(self) -> StoryPageQuerySet:
        # .public() costs a query of its own; while no page is private it changes nothing.
        return self.live().public() if any_view_restrictions() else self.live()

    def in_index(self, index: Page) -> StoryPageQuerySet:
        """The published stories of one archive (one language)."""
        return self.visible().child_of(index)

    def in_province(self, code: str) -> StoryPageQuerySet:
        return self.filter(province=code)

    def with_theme(self, slug: str) -> StoryPageQuerySet:
        """Stories carrying the theme with this slug, in whatever language they link it."""
        through = StoryPage.themes.through
        return self.filter(pk__in=through.objects.filter(theme__slug=slug).values("storypage_id"))

    def told_in(self, year: int) -> StoryPageQuerySet:
        return self.filter(date_told__year=year)

    def told_at(self, event: Page | int) -> StoryPageQuerySet:
        return self.filter(event_id=getattr(event, "pk", event))

    def newest_first(self) -> StoryPageQuerySet:
        return self.order_by(F("date_told").desc(nulls_last=True), "path")

    def for_cards(self) -> StoryPageQuerySet:
        """What a story card shows without its themes, in a fixed number of queries."""
        return (
            self.select_related("narrator", "image")
            .prefetch_related("image__renditions")
            .newest_first()
        )

    def for_listing(self) -> StoryPageQuerySet:
        """What a story card shows with its themes, in a fixed number of queries."""
        return self.for_cards().prefetch_related("themes")

    def filtered(
        self,
        province: str = "",
        theme: str = "",
        year: int | None = None,
        event: int | None = None,
    ) -> StoryPageQuerySet:
        stories = self
        if province:
            stories = stories.in_province(province)
        if theme:
            stories = stories.with_theme(theme)
        if year:
            stories = stories.told_in(year)
        if event:
            stories = stories.told_at(event)
        return stories

    def facets(self) -> dict:
        """The provinces, years and event pages these stories have, for the filters (one
        query)."""
        rows = set(
            self.order_by()
            .values_list("province", "date_told__year", "event_id", "event__title")
            .distinct()
        )
        events = {(title, pk) for _, _, pk, title in rows if pk}
        return {
            "provinces": {province for province, *_ in rows if province},
            "years": sorted({year for _, year, *_ in rows if year}, reverse=True),
            "events": [(pk, title) for title, pk in sorted(events)],
        }

    def related_to(self, story: StoryPage, theme_keys: list | None = None) -> StoryPageQuerySet:
        """Other stories in the same language sharing the story's themes (by translation
        key, whichever language's themes they link) or its province, the most shared
        themes first."""
        if theme_keys is None:
            theme_keys = [theme.translation_key for theme in story.themes.all()]
        keys = theme_keys
        through = StoryPage.themes.through
        shared = (
            through.objects.filter(storypage_id=OuterRef("pk"), theme__translation_key__in=keys)
            .order_by()
            .values("storypage_id")
            .annotate(count=Count("pk"))
            .values("count")
        )
        same_province = Case(
            When(province=story.province, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return (
            self.visible()
            .filter(locale_id=story.locale_id)
            .exclude(pk=story.pk)
            .annotate(
                shared_themes=Coalesce(Subquery(shared, output_field=IntegerField()), 0),
                same_province=same_province,
            )
            .filter(Q(shared_themes__gt=0) | Q(same_province=1))
            .select_related("narrator", "image")
            .prefetch_related("themes", "image__renditions")
            .order_by(
                F("shared_themes").desc(),
                F("same_province").desc(),
                F("date_told").desc(nulls_last=True),
                "path",
            )
        )


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryPage(BasePage):
    narrator = models.ForeignKey(
        Narrator,
        verbose_name=_("narrator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    province = models.CharField(_("province"), max_length=2, choices=sorted_province_choices())
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="stories"
    )
    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("told at"),
        help_text=_("The event where the story was told on stage."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories_told",
    )
    date_told = models.DateField(_("date told"), null=True, blank=True)
    pull_quote = models.TextField(
        _("pull quote"),
        max_length=400,
        help_text=_("A sentence from the story, shown large and on the story cards."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        help_text=_("Shown on the story cards and when the story is shared."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = RichTextField(
        _("transcript"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    video_url = models.URLField(
        _("video elsewhere"),
        blank=True,
        help_text=_(
            "A YouTube or Vimeo link. Visitors see a placeholder; the player loads only "
            "after they click."
        ),
    )
    audio_url = models.URLField(
        _("audio elsewhere"),
        blank=True,
        help_text=_("A link to the recording on another site; shown as a link."),
    )
    video_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("video file"),
        help_text=_("An MP4 or WebM file the site hosts, played with the browser's controls."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audio_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("audio file"),
        help_text=_("An MP3 file the site hosts, played with the browser's controls."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    captions_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("captions"),
        help_text=_("A WebVTT (.vtt) file of captions for the video or audio file."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Featured stories come first on the home page.")
    )

    objects = StoryPageManager()
    base_form_class = StoryPageForm
    route_select_related = (
        "narrator",
        "image",
        "social_image",
        "event",
        "video_file",
        "audio_file",
        "captions_file",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("narrator"),
        FieldRowPanel([FieldPanel("province"), FieldPanel("date_told")]),
        PageChooserPanel("event", page_type=EVENT_PAGE_TYPES),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("pull_quote"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("video_url"),
                FieldPanel("video_file"),
                FieldPanel("audio_file"),
                FieldPanel("audio_url"),
                FieldPanel("captions_file"),
            ],
            heading=_("Video and audio"),
        ),
        FieldPanel("transcript"),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
        FieldPanel("is_featured"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("pull_quote"),
        index.SearchField("transcript"),
        index.RelatedFields(
            "narrator",
            [index.SearchField("name"), index.SearchField("organisation")],
        ),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.SearchField("province_name"),
        index.FilterField("province"),
        index.FilterField("date_told"),
    ]
    # The event follows the story's language (the translated story points at the translated
    # event, so `event_page.stories_told` works in both languages); the themes stay those
    # of the source and are shown in the visitor's language by their translation key.
    override_translatable_fields = [
        TranslatableField("event"),
        SynchronizedField("themes"),
        SynchronizedField("province", overridable=False),
        SynchronizedField("date_told", overridable=False),
        SynchronizedField("video_url"),
        SynchronizedField("audio_url"),
        SynchronizedField("is_featured", overridable=False),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @property
    def sharing_image(self):
        return self.social_image or self.image

    @property
    def external_video(self) -> ExternalMedia | None:
        return external_media(self.video_url)

    @property
    def external_audio(self) -> ExternalMedia | None:
        return external_media(self.audio_url)

    def localized_themes(self, by_key: dict | None = None) -> list[Theme]:
        """The story's themes in its own language."""
        if by_key is None:
            by_key = theme_lookup(self.locale_id)
        return localize_themes(self.themes.all(), by_key)

    @property
    def province_name(self) -> str:
        return self.get_province_display()

    def search_result_meta(self) -> dict:
        return {
            "date": self.date_told,
            "place": self.get_province_display(),
            "summary": self.search_description or self.pull_quote,
        }

    def archive(self) -> StoryIndexPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        by_key = theme_lookup(self.locale_id)
        own_themes = list(self.themes.all())
        keys = [theme.translation_key for theme in own_themes]
        related = self.related_stories(keys)
        for story in related:
            story.display_themes = story.localized_themes(by_key)
        context.update(
            {
                "themes": localize_themes(own_themes, by_key),
                "related_stories": related,
                "archive": self.archive(),
                "photos": self.photos.select_related("image").prefetch_related("image__renditions"),
                "event_page": self.event_page(),
            }
        )
        return context

    def related_stories(self, theme_keys: list) -> list[StoryPage]:
        """The three stories `related_to` ranks first. Which ones is cached until a page or
        a theme changes (the navigation version): ranking reads every story of the language
        (59 ms at the benchmark's 5,000); the cards are then read by their ids."""
        key = f"related-stories:{navigation_version()}:{self.pk}"

        def ranked_ids() -> list[int]:
            related = StoryPage.objects.related_to(self, theme_keys)
            return list(related.values_list("pk", flat=True)[:3])

        ids = versioned_get_or_set(key, ranked_ids)
        cards = StoryPage.objects.filter(pk__in=ids).select_related("narrator", "image")
        by_pk = cards.prefetch_related("themes", "image__renditions").in_bulk()
        return [by_pk[pk] for pk in ids if pk in by_pk]

    def event_page(self) -> Page | None:
        """The live event where the story was told, in the story's language if translated."""
        event = self.event
        if event is not None and event.locale_id != self.locale_id:
            event = event.get_translation_or_none(self.locale_id) or event
        return event if event is not None and event.live else None


class StoryPhoto(TranslatableMixin, Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


# --- The open call for narrators ---------------------------------------------------------


class OpenCallState(models.TextChoices):
    NOT_YET_OPEN = "not_yet_open", _("Applications not yet open")
    OPEN = "open", _("Applications open")
    CLOSED = "closed", _("Applications closed")


class OpenCallPage(RoutablePageMixin, BasePage):
    """A Power Stories call for narrators: open between two moments; the form at `apply/`,
    the applicant's private page at `application/?key=...` (views in stories.views)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("about the call"), blank=True)
    applications_open = models.DateTimeField(_("applications open"))
    applications_close = models.DateTimeField(_("applications close"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("applications_open"), FieldPanel("applications_close")]),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    override_translatable_fields = [
        SynchronizedField("applications_open", overridable=False),
        SynchronizedField("applications_close", overridable=False),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("open call for narrators")
        verbose_name_plural = _("open calls for narrators")

    def clean(self) -> None:
        super().clean()
        if (
            self.applications_open
            and self.applications_close
            and self.applications_close <= self.applications_open
        ):
            raise ValidationError(
                {"applications_close": _("Applications must close after they open.")}
            )

    def call_page(self) -> OpenCallPage:
        """The original of the translations: applications in every language belong to it."""
        if not self.pk:
            return self
        original_pk = original_translation_pk(self)
        if original_pk == self.pk:
            return self
        return OpenCallPage.objects.filter(pk=original_pk).first() or self

    def state(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if now < self.applications_open:
            return OpenCallState.NOT_YET_OPEN
        if now >= self.applications_close:
            return OpenCallState.CLOSED
        return OpenCallState.OPEN

    def accepts_applications(self, now: datetime.datetime | None = None) -> bool:
        return self.state(now) == OpenCallState.OPEN

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["call_state"] = self.state()
        context["call_state_label"] = OpenCallState(context["call_state"]).label
        return context

    @path("")
    def landing(self, request):
        return self.render(request)

    @path("apply/", name="apply")
    def apply(self, request):
        from .views import narrator_apply

        return narrator_apply(request, self)

    @path("application/", name="application")
    def application(self, request):
        # The private key travels in the query string, which the logs never record.
        from .views import narrator_application_status

        return narrator_application_status(request, self)


class NarratorApplication(BaseApplication):
    """Someone who would like to tell their story on a Power Stories stage."""

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SelectionStatus.choices,
        default=SelectionStatus.SUBMITTED,
    )
    call = models.ForeignKey(
        OpenCallPage,
        verbose_name=_("open call"),
        on_delete=models.PROTECT,
        related_name="narrator_applications",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=2, choices=sorted_province_choices())
    summary = models.TextField(_("the story in short"), max_length=1500)
    why_it_matters = models.TextField(_("why it matters"), max_length=1500)
    preferred_province = models.CharField(
        _("preferred province"), max_length=2, blank=True, choices=sorted_province_choices()
    )
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)

    transitions = SELECTION_TRANSITIONS
    open_statuses = SELECTION_OPEN_STATUSES
    decision_statuses = (SelectionStatus.SELECTED, SelectionStatus.DECLINED)
    personal_fields = (
        "contact_name",
        "email",
        "phone",
        "organisation",
        "summary",
        "why_it_matters",
        "accessibility_needs",
    )
    link_salt = "stories.narrator"

    class Meta:
        verbose_name = _("narrator application")
        verbose_name_plural = _("narrator applications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "dedupe_key"], name="one_narrator_application_per_email"
            ),
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return self.contact_name

    def compute_dedupe_key(self) -> str:
        # E-mail addresses fold the ASCII way ("I" is "i" here, not the Turkish "ı").
        return dedupe_key(self.email.strip().lower())

    def duplicate_message(self) -> str:
        return str(
            _(
                "We already have an application with this e-mail address for this call. "
                "Its private link is in the e-mail we sent you."
            )
        )

    def anonymise_related(self) -> None:
        self.reviews.update(note="")  # the scores stay for statistics

    def localized_call(self) -> OpenCallPage:
        """The call page in the applicant's language (the original otherwise)."""
        locale = Locale.objects.filter(language_code=self.language).first()
        page = self.call.get_translation_or_none(locale) if locale else None
        return page if page is not None and page.live else self.call

    def email_template(self) -> str:
        return f"stories/email/narratorapplication_{self.status}.txt"

    def email_context(self) -> dict[str, object]:
        return {"call": self.localized_call()}

    def status_url(self) -> str:
        page = self.localized_call()
        return f"{page.full_url}{page.reverse_subpage('application')}?key={self.link_token}"


class NarratorReview(models.Model):
    """One reviewer's score (1-5) and note on one narrator application."""

    application = models.ForeignKey(
        NarratorApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="narrator_reviews",
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("given"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_review_per_reviewer"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="review_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score}/5"
