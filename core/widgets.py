"""Form widgets of the public pages."""

from django import forms


class FastSelect(forms.Select):
    """Django's <select>, with its options written in one template loop.

    Django renders a template per option and another for its attributes: for the listings'
    filter forms (81 provinces, every event stories were told at) that was 40 % of an
    uncached stories archive. The markup is the same.
    """

    template_name = "core/widgets/select.html"
