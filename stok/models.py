"""STOK (Sivil Toplum Okulu): the catalogue of its modules, the catalogue page, face-to-face
trainings as a kind of event, and the address of the digital learning platform."""

from __future__ import annotations

from urllib.parse import urljoin

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.fields import ChoiceListField, contains_choice
from core.mixins import BasePage
from core.versions import content_generation, versioned_get_or_set
from events.choices import EventType
from events.models import EVENT_SEARCH_FIELDS, EventFields, RegistrationRoutes, event_panels

from .choices import ModuleLevel, ModuleTopic
from .forms import ModuleFilterForm, StokTrainingPageForm


@register_setting(icon="link")
class StokSettings(BaseGenericSetting):
    platform_url = models.URLField(
        _("digital learning platform address"),
        blank=True,
        help_text=_("The STOK platform's base address; each module adds its own path to it."),
    )

    class Meta:
        verbose_name = _("STOK platform")


def platform_base() -> str:
    """The platform's base address, read once per content generation (saving the setting
    retires it)."""
    key = f"stok-platform:{content_generation()}"
    return versioned_get_or_set(key, lambda: StokSettings.load().platform_url)


class StokModuleQuerySet(models.QuerySet):
    def in_locale(self, locale: Locale | int) -> StokModuleQuerySet:
        return self.filter(locale_id=getattr(locale, "pk", locale))

    def filtered(self, level: str = "", topic: str = "") -> StokModuleQuerySet:
        modules = self
        if level:
            modules = modules.filter(level=level)
        if topic:
            modules = modules.filter(contains_choice("topics", topic))
        return modules


class StokModule(TranslatableMixin, index.Indexed, models.Model):
    """One module of the STOK curriculum, as its catalogue and the digital platform show it."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    level = models.CharField(
        _("level"), max_length=20, choices=ModuleLevel.choices, default=ModuleLevel.INTRODUCTORY
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), help_text=_("How long the module takes on the platform.")
    )
    topics = ChoiceListField(_("topics"), item_choices=ModuleTopic.choices)
    platform_path = models.CharField(
        _("path on the platform"),
        max_length=200,
        blank=True,
        help_text=_("e.g. courses/advocacy-basics; added to the platform's address."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order in the catalogue"), default=0)

    objects = StokModuleQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("duration_minutes")]),
        FieldPanel("topics"),
        FieldRowPanel([FieldPanel("platform_path"), FieldPanel("sort_order")]),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
    ]
    override_translatable_fields = [
        SynchronizedField("level", overridable=False),
        SynchronizedField("duration_minutes", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("platform_path"),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "title"]
        verbose_name = _("STOK module")
        verbose_name_plural = _("STOK modules")

    def __str__(self) -> str:
        return self.title

    @property
    def platform_link(self) -> str:
        """The module on the digital platform; empty while the platform has no address."""
        base = platform_base()
        if not base or not self.platform_path:
            return ""
        return urljoin(base.rstrip("/") + "/", self.platform_path.lstrip("/"))

    @property
    def topic_labels(self) -> list[str]:
        return self._meta.get_field("topics").labels(self.topics)

    @property
    def duration_hours(self) -> float:
        return round(self.duration_minutes / 60, 1)


class StokCatalogPage(BasePage):
    """The public catalogue of STOK modules in the page's language, with filters."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("STOK module catalogue")
        verbose_name_plural = _("STOK module catalogues")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ModuleFilterForm(request.GET)
        filters = form.filters()
        context.update(
            form=form,
            modules=list(StokModule.objects.in_locale(self.locale_id).filtered(**filters)),
            is_filtered=bool(filters),
        )
        return context


class StokTrainingPage(RegistrationRoutes, EventFields, BasePage):
    """A face-to-face STOK training: an event like any other (listings, calendar, feeds,
    registration), with the modules it covers, its trainers and its places."""

    modules = ParentalManyToManyField(
        StokModule, verbose_name=_("modules covered"), blank=True, related_name="trainings"
    )
    trainers = models.CharField(
        _("trainers"),
        max_length=300,
        blank=True,
        help_text=_("Names or roles, separated by commas."),
    )
    places = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("How many people the room holds.")
    )
    completed = models.PositiveIntegerField(
        _("participants who completed it"), null=True, blank=True
    )

    event_type = EventType.TRAINING
    base_form_class = StokTrainingPageForm

    content_panels = [
        *Page.content_panels,
        *event_panels(),
        MultiFieldPanel(
            [
                FieldPanel("modules", widget=forms.CheckboxSelectMultiple),
                FieldPanel("trainers"),
                FieldRowPanel([FieldPanel("places"), FieldPanel("completed")]),
            ],
            heading=_("Training"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        *EVENT_SEARCH_FIELDS,
        index.SearchField("trainers"),
        index.RelatedFields("modules", [index.SearchField("title")]),
    ]
    override_translatable_fields = [SynchronizedField("modules", overridable=False)]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("STOK training")
        verbose_name_plural = _("STOK trainings")

    def localized_modules(self) -> list[StokModule]:
        """The modules covered, in the page's language where they are translated."""
        modules = list(self.modules.all())
        keys = [module.translation_key for module in modules]
        own = {
            module.translation_key: module
            for module in StokModule.objects.in_locale(self.locale_id).filter(
                translation_key__in=keys
            )
        }
        return [own.get(module.translation_key, module) for module in modules]
