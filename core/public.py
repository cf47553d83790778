"""`PageQuerySet.public()` without its query while no page of the site is private.

Wagtail's `public()` reads every view restriction (a query with a join) to exclude the pages
under them, each time it is called: twice on a programme page, more on the home page and in
listings. Most of the time no page is private, and whether any is is cached under the
content generation (`core.i18n.any_view_restrictions`; a restriction saved or deleted
retires it). While none is, `public()` returns the query set as it is: what Wagtail's
exclusion of nothing would return. Installed by CoreConfig.ready().
"""

from wagtail.query import PageQuerySet

from .i18n import any_view_restrictions

wagtail_public = PageQuerySet.public


def public(self: PageQuerySet) -> PageQuerySet:
    if any_view_restrictions():
        return wagtail_public(self)
    return self.all()


def install() -> None:
    PageQuerySet.public = public
