"""Widgets of the public forms: faster, and the same markup as Django's."""

from django import forms

from core.provinces import sorted_province_choices
from core.widgets import FastSelect

CHOICES = [
    ("", "Tüm iller"),
    *sorted_province_choices(),
    ("Diğer", [("x<y", "Kıbrıs & <Ada>"), (7, "Yedi")]),
]


def render(widget: forms.Select, value) -> str:
    widget.choices = CHOICES
    return widget.render("province", value, attrs={"id": "id_province", "aria-describedby": "h"})


def test_fast_select_writes_what_django_s_select_writes():
    for value in ["", "34", "x<y", 7, None, "no-such-value"]:
        assert render(FastSelect(), value) == render(forms.Select(), value)
    assert '<option value="34" selected>İstanbul</option>' in render(FastSelect(), "34")
    assert "Kıbrıs &amp; &lt;Ada&gt;" in render(FastSelect(), "")
