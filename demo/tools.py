"""Building blocks of the idempotent demo loader (demo.loader) and of the bench.

Pages are created in Turkish and translated to English through wagtail-localize (a
TranslationSource, its string translations, then save_target), exactly as the translation
editor does, so the English tree is a real translation that editors can keep in sync.
"""

import io
from typing import TypeVar

from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.rect import Rect
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.turkish import turkish_slugify

P = TypeVar("P", bound=Page)
M = TypeVar("M", bound=models.Model)

# Text pairs: Turkish source -> English translation.
Glossary = dict[str, str]


class MissingDemoTranslation(Exception):
    pass


def get_locale(language_code: str) -> Locale:
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    return locale


def upsert_page(parent: Page, model: type[P], slug: str, **fields) -> P:
    """Create or update the child of `parent` with this slug, and publish it.

    Fields may include child relations and ParentalManyToMany fields.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    is_new = page is None
    if is_new:
        page = model(slug=slug, locale=parent.locale)
    for name, value in fields.items():
        setattr(page, name, value)
    if is_new:
        parent.add_child(instance=page)
    else:
        page.save()
    page.save_revision().publish()
    return page


def upsert_object(model: type[M], lookup: dict, **fields) -> M:
    instance, _ = model.objects.update_or_create(**lookup, defaults=fields)
    return instance


def translate(instance: M, locale: Locale, glossary: Glossary) -> M:
    """Translate a page or snippet through wagtail-localize, every string from `glossary`."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        if text not in glossary:
            raise MissingDemoTranslation(f"No English text for {text!r} ({instance!r})")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": glossary[text]},
        )
    if not isinstance(instance, DraftStateMixin):
        translation.save_target()
        return instance.get_translation(locale)
    # wagtail-localize publishes through transaction.on_commit with an instance it loaded
    # earlier, which resets the tree's child count and never runs inside a test
    # transaction; save a draft and publish it from a fresh instance instead.
    translation.save_target(publish=False)
    translated = instance.get_translation(locale)
    translated.get_latest_revision().publish()
    return type(instance).objects.get(pk=translated.pk)


# The site's illustrations (site/static/img/illustrations/), one per kind of page, and the
# point each one's subject is drawn around: crops for cards and sharing keep it in view.
ILLUSTRATION_FOCUS = {
    "festival": (800, 500, 1300, 500),
    "meeting": (800, 470, 1000, 560),
    "series": (800, 480, 900, 620),
    "story": (900, 440, 1100, 600),
    "programme": (800, 440, 860, 640),
}


def make_illustration(kind: str):
    """The site's SVG illustration of this kind of page, stored once as a Wagtail image
    with its focal point, so the demo shows what editors see with their own photographs."""
    image_model = get_image_model()
    title = f"STGM illustration: {kind}"
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    path = finders.find(f"img/illustrations/{kind}.svg")
    with open(path, "rb") as svg:
        image = image_model(title=title, file=File(svg, name=f"stgm-{kind}.svg"))
        image.set_focal_point(Rect.from_point(*ILLUSTRATION_FOCUS[kind]))
        image.save()
    return image


def make_image(title: str, colour: str, accent: str = "#ffffff", size=(1600, 900)):
    """A generated raster image (shapes only), stored as a Wagtail image once per title: for
    the tests and the bench, which need real PNG renditions."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    width, height = size
    seed = sum(map(ord, title))
    for index in range(7):
        radius = 80 + (seed * (index + 3)) % 260
        x = (seed * (index + 1) * 97) % width
        y = (seed * (index + 2) * 61) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=accent, width=10)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    filename = f"{turkish_slugify(title)[:40] or 'image'}.png"
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=filename))


def upsert_document(title: str, filename: str, content: bytes):
    """A Wagtail document stored once per title."""
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    return document_model.objects.create(title=title, file=ContentFile(content, name=filename))


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing `lines` (ASCII-folded: the standard Helvetica font has no
    Turkish letters), for sample documents without shipping binaries."""
    from core.turkish import ascii_fold

    def text(line: str) -> str:
        folded = ascii_fold(line).encode("ascii", "replace").decode()
        return folded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " T* ".join(f"({text(line)}) Tj" for line in lines)
    stream = f"BT /F1 14 Tf 18 TL 72 770 Td {shown} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(output)
