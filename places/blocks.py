from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SourcedFigureBlock(blocks.StructBlock):
    """A figure an editor enters, with where it comes from (shown beside it)."""

    value = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("e.g. 5.000+ or 404"))
    label = blocks.CharBlock(label=_("What it counts"), max_length=160)
    source = blocks.CharBlock(
        label=_("Source"), max_length=200, help_text=_("e.g. STGM programme report, 2024")
    )
    source_url = blocks.URLBlock(label=_("Source link"), required=False)

    class Meta:
        icon = "pick"
        label = _("Figure with its source")
