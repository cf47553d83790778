"""The shared body blocks every page type uses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "core/blocks/heading.html"
        description = _("A section heading")
        preview_value = {"text": "Sivil Sesler Festivali", "level": "h2"}


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/image.html"
        description = _("An image with an optional caption")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote.html"
        description = _("A pull quote with its source")
        preview_value = {
            "quote": "Değişim istiyorsak güçlü olmalıyız.",
            "attribution": "Sivil Sesler Festivali 2022",
        }


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("e.g. 5.000 or 800+"))
    label = blocks.CharBlock(label=_("Label"), max_length=120)

    class Meta:
        icon = "pick"
        label = _("Figure")


class FiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"))

    class Meta:
        icon = "table"
        label = _("Figures")
        template = "core/blocks/figures.html"
        description = _("Impact figures in large type")
        preview_value = {
            "title": "Etkimiz",
            "figures": [
                {"value": "5.000", "label": "STOK kullanıcısı"},
                {"value": "800+", "label": "STK"},
            ],
        }


class CallToActionValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        return page.localized.url if page else self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External link"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "core/blocks/call_to_action.html"
        description = _("A highlighted box with a button")
        value_class = CallToActionValue
        preview_value = {"title": "STOK", "text": "Çevrim içi öğrenme", "button_label": "Keşfet"}


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul"])


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "core/blocks/accordion.html"
        description = _("Frequently asked questions that open one by one")
        preview_value = {
            "title": "SSS",
            "items": [{"question": "STOK nedir?", "answer": "<p>Bir öğrenme platformu.</p>"}],
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        template="core/blocks/paragraph.html",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    figures = FiguresBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        help_text=_("A YouTube or Vimeo link"),
        template="core/blocks/embed.html",
    )
