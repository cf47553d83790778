"""The publications library: reports, policy recommendations and strategy documents of the
groups STGM works with (LAG, TIF, URG), each a page with its file or link."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.fields import ChoiceListField, contains_choice
from core.mixins import BasePage
from core.turkish import turkish_slugify

from .choices import PublicationKind, PublicationLanguage, PublicationTopic


class AuthoringGroup(TranslatableMixin, models.Model):
    """A group that writes publications (the Localisation Advocacy Group, TIF, URG)."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("short name"), max_length=20, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        blank=True,
        help_text=_("Used in the library's filter addresses, the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group's own page lists its publications."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("slug")]),
        FieldPanel("description"),
        FieldPanel("page"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("acronym"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("authoring group")
        verbose_name_plural = _("authoring groups")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = turkish_slugify(self.acronym or self.name)[:60]
        super().save(*args, **kwargs)


class PublicationQuerySet(PageQuerySet):
    def in_library(self, library: PublicationLibraryPage) -> PublicationQuerySet:
        return self.live().public().child_of(library)

    def filtered(
        self,
        kind: str = "",
        group: str = "",
        year: int | None = None,
        language: str = "",
        topic: str = "",
    ) -> PublicationQuerySet:
        """Publications matching every filter given (each one optional)."""
        publications = self
        if kind:
            publications = publications.filter(kind=kind)
        if group:
            publications = publications.filter(group__slug=group)
        if year:
            publications = publications.filter(published_on__year=year)
        if language:
            # A bilingual document is also in each of its languages.
            publications = publications.filter(
                language__in=[language, PublicationLanguage.BOTH]
                if language != PublicationLanguage.BOTH
                else [language]
            )
        if topic:
            publications = publications.filter(contains_choice("topics", topic))
        return publications

    def by_group(self, group: AuthoringGroup, locale: Locale | int) -> PublicationQuerySet:
        """A group's live publications in one language, whichever language's group row
        they point at."""
        return (
            self.live()
            .public()
            .filter(
                locale_id=getattr(locale, "pk", locale),
                group__translation_key=group.translation_key,
            )
        )

    def newest_first(self) -> PublicationQuerySet:
        return self.select_related("group", "document").order_by("-published_on", "-pk")


class PublicationPage(BasePage):
    summary = models.TextField(_("summary"), max_length=800)
    published_on = models.DateField(_("publication date"))
    language = models.CharField(
        _("language of the document"),
        max_length=10,
        choices=PublicationLanguage.choices,
        default=PublicationLanguage.TURKISH,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices)
    group = models.ForeignKey(
        AuthoringGroup,
        verbose_name=_("authoring group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )
    topics = ChoiceListField(_("topics"), item_choices=PublicationTopic.choices, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(
        _("external link"), blank=True, help_text=_("Where the document is published elsewhere.")
    )

    objects = PageManager.from_queryset(PublicationQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("group")]),
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("language")]),
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url")],
            heading=_("The document"),
            help_text=_("A file, a link, or both."),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("group", [index.SearchField("name"), index.SearchField("acronym")]),
        index.FilterField("kind"),
        index.FilterField("published_on"),
    ]
    override_translatable_fields = [
        SynchronizedField("published_on", overridable=False),
        SynchronizedField("language", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("document"),
        SynchronizedField("external_url"),
    ]

    parent_page_types = ["publications.PublicationLibraryPage"]
    subpage_types: list[str] = []
    route_select_related = ("group", "document", "social_image")

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def clean(self) -> None:
        super().clean()
        if not self.document_id and not self.external_url:
            raise ValidationError(
                {"document": _("Upload the file or give the link where it is published.")}
            )

    @property
    def topic_labels(self) -> list[str]:
        return self._meta.get_field("topics").labels(self.topics)

    def search_result_meta(self) -> dict:
        return {"summary": self.summary, "date": self.published_on}

    def get_context(self, request, *args, **kwargs):
        from .jsonld import publication_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = publication_json_ld(self, request)
        return context


class PublicationLibraryPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.StandardPage", "home.HomePage"]
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("publications library")
        verbose_name_plural = _("publications libraries")

    @path("")
    def listing(self, request):
        from .views import publication_listing

        return publication_listing(request, self)

    @path("feed/", name="feed")
    def rss_feed(self, request):
        from .feeds import PublicationFeed

        return PublicationFeed()(request, library=self)

    def filter_choices(self) -> dict:
        """The years and groups the library's publications have."""
        publications = PublicationPage.objects.in_library(self)
        years = sorted(
            {day.year for day in publications.values_list("published_on", flat=True)},
            reverse=True,
        )
        groups = AuthoringGroup.objects.filter(
            locale_id=self.locale_id,
            translation_key__in=publications.values("group__translation_key"),
        )
        return {"years": years, "groups": list(groups)}
