from collections.abc import Callable

from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock, FiguresBlock
from core.i18n import any_view_restrictions
from core.mixins import BasePage, ProgrammeMixin, programme_page_models
from core.versions import content_generation, versioned_get_or_set
from events.models import EventIndexPage, Occurrence
from events.series_cards import with_rhythms


class HomePage(BasePage):
    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero button label"), max_length=80, blank=True)
    impact = StreamField(
        [("figures", FiguresBlock())],
        verbose_name=_("impact figures"),
        blank=True,
        max_num=1,
    )
    programmes_title = models.CharField(_("programmes heading"), max_length=200, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                PageChooserPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("impact"),
        FieldPanel("programmes_title"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def sharing_image(self):
        return self.social_image or self.hero_image

    def programme_pages(self) -> list[Page]:
        """The programme pages shown as teasers: pages of this home marked as programmes.
        Cached until a page or an image changes (the content generation): the question
        reads every page of these types, and their number grows with the site. Callers
        must not change the pages they get (they are shared by the process's requests)."""

        def compute() -> list[Page]:
            pages = []
            for model in programme_page_models():
                found = model.objects.descendant_of(self).live().filter(is_programme=True)
                if any_view_restrictions():
                    found = found.public()
                pages.extend(found.select_related("image"))
            return sorted(pages, key=lambda page: page.path)

        return versioned_get_or_set(f"home-programmes:{content_generation()}:{self.pk}", compute)

    def upcoming_occurrences(self, limit: int = 4) -> list[Occurrence]:
        """The next events, a recurring series once (its rhythm and next date)."""
        occurrences = Occurrence.objects.visible_in(self.locale_id).for_listing().upcoming()
        return with_rhythms(occurrences.one_per_series()[:limit])

    def events_index(self) -> EventIndexPage | None:
        """This language's events index (cached until a page changes: the content
        generation)."""

        def compute() -> EventIndexPage | None:
            return EventIndexPage.objects.live().filter(locale_id=self.locale_id).first()

        return versioned_get_or_set(f"home-events-index:{content_generation()}:{self.pk}", compute)

    def content_fragment(self, request, name: str, context: Callable[[], dict]) -> str:
        """The part `home/includes/<name>.html` of the page, which shows content alone (no
        dates, nothing personal), rendered once per content generation, host and language:
        its images' renditions and its pages' addresses cost lookups on every request."""
        key = f"home-{name}:{content_generation()}:{self.pk}:{request.get_host()}:{get_language()}"

        def render() -> str:
            data = {"page": self, **context()}
            return render_to_string(f"home/includes/{name}.html", data, request)

        return mark_safe(versioned_get_or_set(key, render))  # noqa: S308 - our template

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hero"] = self.content_fragment(request, "hero", dict)
        context["programmes_section"] = self.content_fragment(
            request, "programmes", lambda: {"programmes": self.programme_pages()}
        )
        context["upcoming"] = self.upcoming_occurrences()
        context["events_index"] = self.events_index()
        return context


class StandardPage(ProgrammeMixin, BasePage):
    """A programme, about or notice page: an introduction, an image and the shared body."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *ProgrammeMixin.programme_panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("is_programme"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    # A programme's own tool (defined in a higher app) can sit under Programmes.
    subpage_types = [
        "home.StandardPage",
        "rota.RotaPage",
        "knowledge.KnowledgeIndexPage",
        "coaching.CoachingRequestPage",
        "stok.StokCatalogPage",
        "publications.PublicationLibraryPage",
    ]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    @property
    def sharing_image(self):
        return self.social_image or self.image


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Footer contact details, social links and the privacy notice."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    # Settings are not translated: the English footer needs its own address.
    address_en = models.TextField(
        _("address in English"), blank=True, help_text=_("Shown on English pages.")
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        help_text=_("The KVKK privacy notice, linked from the footer and every form."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    funders = RichTextField(
        _("funders and partners"), blank=True, features=["bold", "italic", "link"]
    )
    sample_content_notice = models.BooleanField(
        _("show the sample content notice"),
        default=False,
        help_text=_(
            "A banner on every page saying that people, organisations and applications on "
            "the site are invented examples. For demonstration sites only."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
                FieldPanel("address_en"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Social links"),
        ),
        PageChooserPanel("privacy_page"),
        FieldPanel("funders"),
        FieldPanel("sample_content_notice"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in links if url]
