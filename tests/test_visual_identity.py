"""The site's look: the wordmark in the header, an illustration by kind of page when a page
has no image, and lead images as focal-point crops in several widths (srcset/sizes, width
and height set) that work for uploaded photographs and for the demo's SVG illustrations."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from demo.builders import aware, make_event, make_events_index, make_standard_page, publish
from demo.tools import ILLUSTRATION_FOCUS, make_illustration
from events.models import MeetingPage, PowerStoriesEventPage

pytestmark = pytest.mark.django_db

ILLUSTRATIONS = Path(__file__).resolve().parents[1] / "site/static/img/illustrations"


def two_colour_photo(width: int = 2400, height: int = 1000):
    """A wide "photograph": red on its left eighth, blue elsewhere, focal point on the red
    (a crop from the middle would show no red at all)."""
    canvas = PILImage.new("RGB", (width, height), "#0000ff")
    canvas.paste("#ff0000", (0, 0, width // 8, height))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = get_image_model().objects.create(
        title="Foto",
        file=ImageFile(buffer, name="foto.png"),
        focal_point_x=width // 16,
        focal_point_y=height // 2,
        focal_point_width=width // 16,
        focal_point_height=height // 2,
    )
    return image


def test_header_shows_the_wordmark_with_its_name(client, home):
    html = client.get("/tr/").content.decode()
    assert re.search(
        r'<img class="site-header__logo" src="[^"]*stgm-wordmark\.svg"[^>]*alt="STGM"', html
    )


def test_every_illustration_is_light_svg_with_the_site_palette():
    kinds = {path.stem for path in ILLUSTRATIONS.glob("*.svg")}
    assert (
        kinds == set(ILLUSTRATION_FOCUS) == {"festival", "meeting", "series", "story", "programme"}
    )
    for path in ILLUSTRATIONS.glob("*.svg"):
        text = path.read_text()
        assert len(text.encode()) < 4000, path
        assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 900">')
        assert text.rstrip().endswith("</svg>")
        assert "<script" not in text and "<text" not in text and "href" not in text


def test_event_without_image_shows_the_illustration_of_its_kind(client, home):
    index = make_events_index(home)
    start = aware(2030, 3, 1, 10)
    meeting = make_event(index, MeetingPage, title="Buluşma", start=start, end=start)
    tour = make_event(index, PowerStoriesEventPage, title="Güç Hikâyeleri", start=start, end=start)
    assert (
        'illustrations/meeting.svg" width="1600" height="900"'
        in client.get(meeting.url).content.decode()
    )
    assert "illustrations/story.svg" in client.get(tour.url).content.decode()


def test_programme_without_image_shows_the_programme_illustration(client, home):
    page = make_standard_page(home, title="STOK", slug="stok", is_programme=True)
    about = make_standard_page(home, title="Hakkımızda", slug="hakkimizda")
    assert "illustrations/programme.svg" in client.get(page.url).content.decode()
    assert "illustrations/" not in client.get(about.url).content.decode()


def test_uploaded_photo_is_cropped_around_its_focal_point_in_three_widths(client, home):
    photo = two_colour_photo()
    index = make_events_index(home)
    start = aware(2030, 3, 1, 10)
    page = make_event(index, MeetingPage, title="Buluşma", start=start, end=start, image=photo)
    html = client.get(page.url).content.decode()
    tag = re.search(r'<img[^>]*class="page-image"[^>]*>', html).group(0)
    widths = re.findall(r"\.webp (\d+)w", tag)
    assert widths == ["480", "960", "1440"], tag
    assert 'sizes="(min-width: 72rem) 46rem' in tag
    assert 'height="270"' in tag and 'width="480"' in tag
    # The 16:9 crop of the 12:5 photo keeps the focal point: its left edge is the red.
    rendition = photo.get_rendition("fill-480x270|format-webp")
    with rendition.file.open() as file:
        cropped = PILImage.open(file).convert("RGB")
        red, _green, blue = cropped.getpixel((40, cropped.height // 2))
    assert red > 200 and blue < 50


def test_demo_illustrations_are_images_with_focal_points_and_svg_renditions(client, home):
    image = make_illustration("meeting")
    assert image.is_svg() and image.focal_point_x == 800
    assert make_illustration("meeting").pk == image.pk
    index = make_events_index(home)
    start = aware(2030, 3, 1, 10)
    page = make_event(index, MeetingPage, title="Buluşma", start=start, end=start, image=image)
    html = client.get(page.url).content.decode()
    tag = re.search(r'<img[^>]*class="page-image"[^>]*>', html).group(0)
    # (Wagtail writes SVG sizes as floats, "480.0w": browsers read them as integers.)
    assert re.findall(r"\.svg (\d+)(?:\.0)?w", tag) == ["480", "960", "1440"], tag
    # Social networks take no SVG: the page is shared without an image rather than a broken one.
    assert 'property="og:image"' not in html


def test_stories_with_an_svg_illustration_render_in_the_archive_and_on_their_page(client, home):
    """SVG images stay SVG in every rendition (a format-webp alone would refuse them)."""
    from stories.models import StoryIndexPage, StoryPage, StoryPhoto

    index = StoryIndexPage(title="Hikâyeler", slug="hikayeler")
    home.add_child(instance=index)
    publish(index)
    illustration = make_illustration("story")
    story = StoryPage(
        title="Körfezde Bir Mutfak",
        slug="korfezde-bir-mutfak",
        pull_quote="Birlikte daha güçlüyüz.",
        province="35",
        image=illustration,
        photos=[StoryPhoto(locale=home.locale, image=illustration, alt_text="Çizim")],
    )
    index.add_child(instance=story)
    publish(story)
    for url in (index.url, story.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "stgm-story" in response.content.decode() and ".svg" in response.content.decode()
