"""The map page (with a page per province as its routes) and the impact page."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.mixins import BasePage

from .blocks import SourcedFigureBlock


class MapPage(RoutablePageMixin, BasePage):
    """Where civil society met: the 81 provinces shaded by what happened there."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("map of the provinces")
        verbose_name_plural = _("maps of the provinces")

    @path("")
    def map(self, request):
        from .views import map_view

        return map_view(request, self)

    @path("<slug:slug>/", name="province")
    def province(self, request, slug: str):
        from .maps import code_for_slug
        from .views import province_view

        code = code_for_slug().get(slug)
        if code is None:
            raise Http404
        return province_view(request, self, code)


class ImpactPage(BasePage):
    """The programme in figures: charts from the site's data and sourced figures."""

    intro = models.TextField(_("introduction"), blank=True)
    figures = StreamField([("figure", SourcedFigureBlock())], verbose_name=_("figures"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("figures")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("impact page")
        verbose_name_plural = _("impact pages")

    def get_context(self, request, *args, **kwargs):
        from .charts import impact_charts_html

        context = super().get_context(request, *args, **kwargs)
        return {**context, "charts_html": impact_charts_html(request)}
