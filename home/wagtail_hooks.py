from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.coreutils import get_dummy_request
from wagtail.models import Locale, Page

from core.caching import FRONTEND_CACHE_URLS_HOOK

from .sitemap import sitemap_sections


def untranslated_pages(limit: int = 10) -> list[tuple[Page, Locale]]:
    """Live pages of the default language that are missing a live translation; each page's
    `draft_id` is its translation's draft in that language, if one was submitted."""
    default = Locale.get_default()
    others = list(Locale.objects.exclude(pk=default.pk))
    pages = Page.objects.live().filter(locale=default, depth__gt=1).order_by("-last_published_at")
    result = []
    for locale in others:
        in_locale = Page.objects.filter(locale=locale, translation_key=OuterRef("translation_key"))
        missing = pages.filter(~Exists(in_locale.filter(live=True))).annotate(
            draft_id=Subquery(in_locale.values("pk")[:1])
        )
        for page in missing[:limit]:
            result.append((page, locale))
    return result[:limit]


class UntranslatedPagesPanel(Component):
    name = "untranslated_pages"
    order = 95
    template_name = "home/admin/untranslated_pages_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["missing"] = untranslated_pages()
        return context


@hooks.register("construct_homepage_panels")
def add_untranslated_pages_panel(request, panels) -> None:
    panels.append(UntranslatedPagesPanel())


@hooks.register(FRONTEND_CACHE_URLS_HOOK)
def sitemap_urls_to_purge(site, root_url: str, pages) -> list[str]:
    """Every file of the sitemap: a new page shifts the pages after it into the next file."""
    urls = [root_url + reverse("sitemap")]
    for section, sitemap in sitemap_sections(get_dummy_request(site=site)).items():
        section_url = root_url + reverse("sitemap_section", kwargs={"section": section})
        urls.append(section_url)
        urls.extend(f"{section_url}?p={number}" for number in sitemap.paginator.page_range[1:])
    return urls
