"""Form widgets of the public pages."""

import hashlib

from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .versions import versioned_get_or_set


class FastSelect(forms.Select):
    """Django's <select>, with its options written in one template loop.

    Django renders a template per option and another for its attributes: for the listings'
    filter forms (81 provinces, every event stories were told at) that was 40 % of an
    uncached stories archive. The markup is the same.
    """

    template_name = "core/widgets/select.html"


def mark_selected(html: str, value: str) -> str:
    """`html`, a <select> with no option selected, with the first option of `value`
    selected, as Django marks it (an unknown value selects nothing)."""
    opening = f'<option value="{escape(value)}">'
    at = html.find(opening)
    if at < 0:
        return html
    end = at + len(opening) - 1
    return html[:end] + " selected" + html[end:]


class CachedSelect(FastSelect):
    """A FastSelect whose options are rendered once per `cache_key` (set by the form, and
    carrying a cache generation and the language): a list that grows with the content
    (every event stories were told at) then costs the same to show however long it is.
    Without a key it renders as FastSelect does. The markup is the same."""

    cache_key = ""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        if not self.cache_key or self.allow_multiple_selected:
            return super().render(name, value, attrs, renderer)
        shape = hashlib.sha256(repr((name, sorted((attrs or {}).items()))).encode()).hexdigest()
        key = f"{self.cache_key}:{shape[:16]}"

        def unselected() -> str:
            # An empty list of values selects no option (None would select the empty one).
            return str(super(CachedSelect, self).render(name, [], attrs, renderer))

        html = versioned_get_or_set(key, unselected)
        values = self.format_value(value)
        return mark_safe(mark_selected(html, values[0]) if values else html)  # noqa: S308 - our template
