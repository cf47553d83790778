from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from search.services import search_pages

from .forms import PublicationFilterForm
from .models import PublicationLibraryPage, PublicationPage

PUBLICATIONS_PER_PAGE = 20


def matching_publications(library: PublicationLibraryPage, query: str, filters: dict):
    """The library's publications for these filters and search words (the site search's
    Turkish-aware matching), newest first."""
    publications = PublicationPage.objects.in_library(library)
    if query:
        found = search_pages(query, publications, library.locale.language_code)
        ids = [page.pk for page in found] if found is not None else []
        publications = publications.filter(pk__in=ids)
    return publications.filtered(**filters).newest_first()


def publication_listing(request: HttpRequest, library: PublicationLibraryPage) -> HttpResponse:
    form = PublicationFilterForm(request.GET, **library.filter_choices())
    filters = form.filters()
    results = matching_publications(library, form.query, filters)
    page_obj = Paginator(results, PUBLICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return library.render(
        request,
        context_overrides={
            "form": form,
            "page_obj": page_obj,
            "is_filtered": bool(filters or form.query),
        },
    )
