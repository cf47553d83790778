"""The ROTA questionnaire as StreamField blocks: areas, their statements and, per score band,
their prescriptions with links.

Why blocks and not InlinePanels: wagtail-localize translates a StreamField string by string
and keeps every block's id in the translation, list items included. Those ids are therefore
the same in Turkish and English, so an answer can name its area and statement by id
(`Answer.area_key`, `Answer.statement_key`) whatever language the tool was taken in, and the
aggregates join both languages without a mapping table. Nested InlinePanels (areas holding
statements holding prescriptions) would need three translatable models synchronised by
translation key."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class Band:
    """The score bands a prescription is written for (percent of the scale, see scoring)."""

    STARTING = "starting"
    DEVELOPING = "developing"
    STRONG = "strong"

    CHOICES = [
        (STARTING, _("Starting (low score)")),
        (DEVELOPING, _("Developing (middle score)")),
        (STRONG, _("Strong (high score)")),
    ]
    PUBLIC_LABELS = {
        STARTING: _("Starting"),
        DEVELOPING: _("Developing"),
        STRONG: _("Strong"),
    }


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    label = blocks.CharBlock(
        label=_("label"), required=False, help_text=_("Leave empty to use the page's title.")
    )

    class Meta:
        icon = "doc-empty"
        label = _("Page (knowledge base, training, coaching)")
        template = "rota/blocks/page_link.html"
        description = _("A link to a page of this site")
        preview_value = {"label": "Bilgi Merkezi"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("label"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "rota/blocks/document_link.html"
        description = _("A link to a document")
        preview_value = {"label": "Rehber"}


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("address"))
    label = blocks.CharBlock(label=_("label"))

    class Meta:
        icon = "link-external"
        label = _("Other address")
        template = "rota/blocks/external_link.html"
        description = _("A link to another site")
        preview_value = {"url": "https://www.stgm.org.tr/", "label": "STGM"}


class LinksBlock(blocks.StreamBlock):
    page = PageLinkBlock()
    document = DocumentLinkBlock()
    url = ExternalLinkBlock()

    class Meta:
        icon = "link"


class PrescriptionBlock(blocks.StructBlock):
    band = blocks.ChoiceBlock(choices=Band.CHOICES, label=_("score band"))
    title = blocks.CharBlock(label=_("title"))
    text = blocks.RichTextBlock(
        label=_("what to do next"), features=["bold", "italic", "link", "ol", "ul"]
    )
    links = LinksBlock(label=_("links"), required=False)
    # By model name: the STOK app is a sibling that rota never imports.
    module = SnippetChooserBlock(
        "stok.StokModule",
        label=_("STOK module"),
        required=False,
        help_text=_("A module of the STOK digital learning platform to follow."),
    )

    class Meta:
        icon = "pick"
        label = _("Prescription")
        template = "rota/blocks/prescription.html"
        description = _("What an organisation in this score band should do next")
        preview_value = {
            "band": Band.STARTING,
            "title": "Yönetim kurulunuzla bir yol haritası çıkarın",
            "text": "<p>Önce görev dağılımını yazıya dökün.</p>",
        }


class AreaBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    description = blocks.TextBlock(label=_("description"), required=False)
    statements = blocks.ListBlock(
        blocks.CharBlock(label=_("statement")), label=_("statements"), min_num=1
    )
    prescriptions = blocks.ListBlock(
        PrescriptionBlock(), label=_("prescriptions by score band"), required=False
    )

    class Meta:
        icon = "list-ul"
        label = _("Area")
        template = "rota/blocks/area.html"
        description = _("An area of the assessment: its statements and prescriptions")
        preview_value = {
            "title": "Yönetişim",
            "statements": ["Yönetim kurulumuz düzenli toplanır."],
        }
