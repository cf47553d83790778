"""Links to event pages from the listing and the calendar, without a page instance each.

`Page.get_url` reverses Wagtail's serve view in the page's language for every link: a
month of the calendar shows over a hundred dates. The URL depends only on the page's
`url_path`, the language, the host (which site is current) and the sites' root paths, which
change only with a publish, a move or a site's settings (all retire the `content`
generation): so each process keeps the URLs it computed under the current generation."""

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page

from core.versions import CONTENT, LocalCopies, generation

_urls = LocalCopies(4000)


def page_url(request: HttpRequest, page_id: int, url_path: str) -> str:
    """What `{% pageurl page %}` gives for the page with this id and `url_path`."""
    key = f"{generation(CONTENT)}:{get_language()}:{request.get_host()}:{url_path}"
    found, url = _urls.get(key)
    if not found:
        url = Page(id=page_id, url_path=url_path).get_url(request=request)
        _urls.put(key, url, None)
    return url
