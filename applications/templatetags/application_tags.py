"""Tags of the public application forms."""

import hashlib

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.versions import content_generation, versioned_get_or_set

register = template.Library()

#: How long a form's fields are kept at most; a new content generation retires them at once.
FIELDS_SECONDS = 60 * 60 * 24


def form_shape(form) -> str:
    """What the fields' markup depends on beyond the form's class and the language: the
    choices a form was given (a festival's stand types, in the page's words)."""
    given = [
        (name, list(field.widget.choices))
        for name, field in form.fields.items()
        if isinstance(getattr(field.widget, "choices", None), list | tuple)
    ]
    shape = repr((type(form).__qualname__, given))
    return hashlib.sha256(shape.encode()).hexdigest()[:24]


class UnboundFieldsNode(template.Node):
    def __init__(self, nodelist: template.NodeList, form, name: str) -> None:
        self.nodelist = nodelist
        self.form = form
        self.name = name

    def render(self, context: template.Context) -> SafeString:
        form = self.form.resolve(context)
        if form is None or form.is_bound:
            return self.nodelist.render(context)
        request = context.get("request")
        host = request.get_host() if request is not None else ""
        key = ":".join(
            (
                "apply-fields",
                str(content_generation()),
                self.name,
                host,
                get_language() or "",
                form_shape(form),
            )
        )
        return mark_safe(  # noqa: S308 - a rendered template
            versioned_get_or_set(key, lambda: self.nodelist.render(context), FIELDS_SECONDS)
        )


@register.tag
def unbound_fields(parser, token) -> UnboundFieldsNode:
    """`{% unbound_fields form "name" %}...{% endunbound_fields %}`: the fields of an empty
    form (a GET) are the same for every visitor, so they are rendered once per content
    generation, language and choices given to the form, then kept in each process; a form
    sent back with what was typed and its errors is rendered afresh."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a form and a name.")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return UnboundFieldsNode(nodelist, parser.compile_filter(bits[1]), bits[2].strip("\"'"))
