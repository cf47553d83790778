"""The blocks of a knowledge-base entry: links to documents, on the site or elsewhere."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class DocumentLinkValue(blocks.StructValue):
    def link_title(self) -> str:
        document = self.get("document")
        return self.get("title") or (document.title if document else "")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, help_text=_("The document's own title if empty.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "knowledge/blocks/document_link.html"
        description = _("A document of the site's library (a form, a guide, a template)")
        value_class = DocumentLinkValue
        preview_value = {"title": "Dernek tüzüğü örneği"}


class ExternalLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link-external"
        label = _("Link")
        template = "knowledge/blocks/external_link.html"
        description = _("A document or page on another site (e.g. the law on mevzuat.gov.tr)")
        preview_value = {
            "title": "5253 sayılı Dernekler Kanunu",
            "url": "https://www.mevzuat.gov.tr/",
        }


class DocumentsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()
    link = ExternalLinkBlock()
