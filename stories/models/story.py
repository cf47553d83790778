"""A story told on stage: narrator, province, themes, media, transcript and photos."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.i18n import any_view_restrictions
from core.mixins import BasePage
from core.provinces import Province, sorted_province_choices
from core.versions import content_generation, versioned_get_or_set
from events.models import EVENT_PAGE_TYPES
from events.panels import EventChooserPanel

from ..forms import StoryPageForm
from ..media import ExternalMedia, external_media
from .narrators import Narrator
from .themes import Theme, localize_themes, theme_lookup

if TYPE_CHECKING:
    from .index_page import StoryIndexPage

PROVINCE_NAMES = dict(Province.choices)


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
        """Stories carrying the theme with this slug, in whatever language they link it.
        Asked of each story as the archive reads them newest first (EXISTS), not as the
        list of every story with the theme (IN), which grows with the archive."""
        through = StoryPage.themes.through
        links = through.objects.filter(storypage_id=OuterRef("pk"), theme__slug=slug)
        return self.filter(Exists(links))

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

    def for_cards_cached(self) -> StoryPageQuerySet:
        """What a story card shows, without the themes and renditions that only a card not
        yet cached reads (stories.cards)."""
        return self.select_related("narrator", "image").newest_first()

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
        """The provinces, years and event pages these stories have, for the filters: three
        DISTINCT queries, each returning only the values offered (never a row per story,
        nor per combination of the three)."""
        stories = self.order_by()
        provinces = stories.exclude(province="").values_list("province", flat=True).distinct()
        years = stories.dates("date_told", "year", order="DESC")
        events = (
            stories.filter(event__isnull=False).values_list("event_id", "event__title").distinct()
        )
        return {
            "provinces": set(provinces),
            "years": [day.year for day in years],
            "events": sorted(events, key=lambda event: (event[1], event[0])),
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
    search_type, search_type_label = "stories", _("Stories")

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
    # Only what every request shows (the shared image): the rest is read when the story's
    # kept part of the page is rendered again (page_part), not on each request.
    route_select_related = ("image", "social_image")

    content_panels = [
        *Page.content_panels,
        FieldPanel("narrator"),
        FieldRowPanel([FieldPanel("province"), FieldPanel("date_told")]),
        EventChooserPanel("event", page_type=EVENT_PAGE_TYPES),
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

    def get_province_display(self) -> str:
        # Django's own rebuilds a dict of the 81 choices at each call (a dozen per archive page).
        return PROVINCE_NAMES.get(self.province, self.province)

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
        """The archive the story is in (its parent, which is always one): one query, or
        none when routing handed the parent over."""
        from .index_page import StoryIndexPage

        parent = getattr(self, "_cached_parent_obj", None)
        if isinstance(parent, StoryIndexPage):
            return parent
        return StoryIndexPage.objects.filter(path=self.path[: -self.steplen]).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the story's part of the page is not kept already (page_part).
        own_themes = SimpleLazyObject(lambda: list(self.themes.all()))

        def related_cards() -> list[StoryPage]:
            by_key = theme_lookup(self.locale_id)
            related = self.related_stories([theme.translation_key for theme in own_themes])
            for story in related:
                story.display_themes = story.localized_themes(by_key)
            return related

        related = SimpleLazyObject(related_cards)
        context.update(
            {
                "themes": SimpleLazyObject(
                    lambda: localize_themes(own_themes, theme_lookup(self.locale_id))
                ),
                "related_stories": related,
                "related_section": self.related_section(request, related),
                "archive": self.archive(),
                "photos": self.photos.select_related("image").prefetch_related("image__renditions"),
                "event_page": SimpleLazyObject(self.event_page),
            }
        )
        return context

    def related_section(self, request, related: list[StoryPage]) -> str:
        """The related stories' cards, which show content alone, rendered once per content
        generation, host and language: their three stories, themes and thumbnails are then
        read only when a page or a theme changes."""
        language = get_language()
        key = f"related-section:{content_generation()}:{self.pk}:{request.get_host()}:{language}"

        def render() -> str:
            template = "stories/includes/related_stories.html"
            return render_to_string(template, {"related_stories": related}, request)

        return mark_safe(versioned_get_or_set(key, render))  # noqa: S308 - our template

    def related_stories(self, theme_keys: list) -> list[StoryPage]:
        """The three stories `related_to` ranks first. Which ones is cached until a page or
        a theme changes (the content generation): ranking reads every story of the language,
        which grows with the archive; the cards are then read by their ids."""
        key = f"related-stories:{content_generation()}:{self.pk}"

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
