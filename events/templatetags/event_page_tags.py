"""`{% page_part %}`: a part of a page kept per process (events.page_fragments): an event's,
or a story's (which has no dates of its own)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from events.page_fragments import cached_part

register = template.Library()


class PagePartNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name, vary_on: list) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context: template.Context) -> SafeString:
        page = context.get("page")
        if page is None:
            return self.nodelist.render(context)
        name = repr((self.name.resolve(context), *(v.resolve(context) for v in self.vary_on)))
        request = context.get("request")
        html = cached_part(request, page, name, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 - a rendered template


@register.tag
def page_part(parser, token) -> PagePartNode:
    """`{% page_part "name" var ... %}...{% endpage_part %}`: the enclosed part of the
    page's template, which shows only the page, its related rows and its stored dates,
    rendered once per page, language, site, values of the variables and state of its
    dates (events.page_fragments). Nothing that shows other data may be inside."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a part name.")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return PagePartNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
