"""A group's publications on its programme page (the LAG page), added through the
`page_sections` hook of core.sections so that home never imports this app."""

from django.template.loader import render_to_string
from wagtail.models import Page

from core.versions import content_generation, versioned_get_or_set

from .models import AuthoringGroup, PublicationLibraryPage, PublicationPage

GROUP_PAGE_PUBLICATIONS = 6


def group_page_keys() -> frozenset:
    """The translation keys of the groups' programme pages: most pages are no group's, and
    then pay no query for this section. Cached until a page or a group changes (the content
    generation)."""

    def compute() -> frozenset:
        keys = AuthoringGroup.objects.exclude(page=None).values_list("page__translation_key")
        return frozenset(key for (key,) in keys)

    return versioned_get_or_set(f"publications:group-pages:{content_generation()}", compute)


def group_publications(page: Page) -> dict | None:
    """The group whose programme page this is (in any language), its newest publications in
    the page's language and the library holding them; None if the page is no group's."""
    group = (
        AuthoringGroup.objects.filter(page__translation_key=page.translation_key)
        .order_by("pk")
        .first()
    )
    if group is None:
        return None
    publications = list(
        PublicationPage.objects.by_group(group, page.locale_id).newest_first()[
            :GROUP_PAGE_PUBLICATIONS
        ]
    )
    if not publications:
        return None
    library = PublicationLibraryPage.objects.live().filter(locale_id=page.locale_id).first()
    own_group = group.get_translation_or_none(page.locale) or group
    return {"group": own_group, "publications": publications, "library": library}


def page_sections(context, page, place: str) -> str:
    if place != "after_body" or not isinstance(page, Page):
        return ""
    if page.translation_key not in group_page_keys():
        return ""
    found = group_publications(page)
    if found is None:
        return ""
    return render_to_string(
        "publications/includes/group_publications.html", found, request=context.get("request")
    )
