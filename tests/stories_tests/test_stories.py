"""The stories archive: page rules, both languages, filters, pagination, query counts,
related stories, feeds, click-to-load media, Power Stories event pages and testimonials."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase

from demo.builders import locales, make_standard_page
from demo.tools import make_image, translate
from home.models import HomePage
from stories.media import external_media
from stories.models import StoryIndexPage, StoryPage, Theme
from stories.models import Testimonial as TestimonialSnippet
from tests.stories_tests.helpers import english, make_story

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    # Renditions, the site settings row and cached fragments are made on the first requests.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def listing_titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [story.title for story in response.context["page_obj"]]


class StoryPageRulesTests(WagtailPageTestCase):
    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())


def test_one_archive_per_home(index, home):
    assert not StoryIndexPage.can_create_at(home)


def test_archive_and_story_render_in_both_languages(client, index, themes, narrator, power_stories):
    story = make_story(
        index, themes=[themes["goc"], themes["dayanisma"]], narrator=narrator, event=power_stories
    )
    turkish = client.get("/tr/hikayeler/hikaye-1/").content.decode()
    assert "Hikâye 1" in turkish and "Körfez Mutfağı" in turkish
    assert "Dayanışma" in turkish and "Göç" in turkish
    assert 'href="/tr/etkinlikler/guc-hikayeleri-izmir/"' in turkish

    response = client.get("/en/stories/story-1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Story 1" in html and "Quote 1" in html and "Text 1" in html
    assert "Gulf Kitchen" in html  # the narrator's translation
    assert "Solidarity" in html and "Migration" in html  # themes shown in English
    assert "Dayanışma" not in html
    # The translated story points at the translated event, and links back to it.
    english_story = story.get_translation(english())
    assert english_story.event.locale == english()
    assert 'href="/en/events/power-stories-izmir/"' in html
    assert 'href="/en/stories/?theme=goc"' in html

    for url, title in [("/tr/hikayeler/", "Hikâye 1"), ("/en/stories/", "Story 1")]:
        assert listing_titles(client, url) == [title]
    assert "Hikâyeleri göster" in client.get("/tr/hikayeler/").content.decode()
    assert "Anlatan: Selin Martıgil" in turkish


def test_every_filter_and_bad_values(client, index, themes, power_stories):
    make_story(index, 1, themes=[themes["goc"]], province="34", event=power_stories)
    make_story(
        index, 2, themes=[themes["cevre"]], province="33", date_told=datetime.date(2023, 5, 1)
    )
    make_story(index, 3, themes=[themes["goc"], themes["cevre"]], province="34", date_told=None)
    base = "/en/stories/"
    assert listing_titles(client, base + "?province=34") == ["Story 1", "Story 3"]
    assert listing_titles(client, base + "?theme=cevre") == ["Story 2", "Story 3"]
    assert listing_titles(client, base + "?theme=goc&province=34") == ["Story 1", "Story 3"]
    assert listing_titles(client, base + "?year=2023") == ["Story 2"]
    english_event = power_stories.get_translation(english())
    assert listing_titles(client, base + f"?event={english_event.pk}") == ["Story 1"]
    # Values that are not understood are ignored one by one; the rest still apply.
    assert listing_titles(client, base + "?province=34&year=abc&theme=<x>&page=abc") == [
        "Story 1",
        "Story 3",
    ]
    assert listing_titles(client, base + "?event=999999&page=-3") == [
        "Story 1",
        "Story 2",
        "Story 3",
    ]
    html = client.get(base + "?province=34").content.decode()
    assert '<option value="34" selected>İstanbul</option>' in html
    assert '<option value="goc">Migration</option>' in html  # theme names in English
    assert 'href="/en/stories/"' in html  # clear filters
    assert '<option value="06"' not in html  # only provinces that have stories


def test_an_empty_filtered_archive_offers_the_whole_archive(client, index, themes):
    make_story(index, 1, themes=[themes["goc"]], province="34")
    make_story(index, 2, themes=[themes["cevre"]], province="33")
    html = client.get("/en/stories/?theme=cevre&province=34").content.decode()
    start = html.index('<div class="empty"')
    state = html[start : html.index("</div>", start)]
    assert "No stories match these filters." in state
    assert '<a href="/en/stories/">Clear filters: every story in the archive</a>' in state


def test_filter_choices_follow_the_stories_published(client, index, themes):
    make_story(index, 1, themes=[themes["goc"]], province="34")
    html = client.get("/tr/hikayeler/").content.decode()
    assert '<option value="34">İstanbul</option>' in html
    assert '<option value="65"' not in html and 'value="cevre"' not in html
    make_story(index, 2, themes=[themes["cevre"]], province="65")  # cached choices retire
    html = client.get("/tr/hikayeler/").content.decode()
    assert '<option value="65">Van</option>' in html and 'value="cevre"' in html
    assert listing_titles(client, "/en/stories/?province=65") == ["Story 2"]


def test_pagination_keeps_filters_and_query_count_stays_flat(client, index, themes, narrator):
    image = make_image("Story card", "#0b5563", size=(320, 200))

    def add(number: int) -> None:
        make_story(
            index,
            number,
            translate_to_english=False,
            themes=[themes["goc"], themes["cevre"]],
            narrator=narrator,
            image=image,
            date_told=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        )

    for number in range(1, 4):
        add(number)
    few = count_queries(client, "/tr/hikayeler/?theme=goc")
    for number in range(4, 31):
        add(number)
    many = count_queries(client, "/tr/hikayeler/?theme=goc")
    assert many == few <= 20
    response = client.get("/tr/hikayeler/?theme=goc&page=3")
    assert [story.title for story in response.context["page_obj"]] == [
        f"Hikâye {n}" for n in range(6, 0, -1)
    ]
    html = response.content.decode()
    assert 'href="?theme=goc&amp;page=2"' in html
    assert client.get("/tr/hikayeler/?page=abc").status_code == 200
    assert client.get("/tr/hikayeler/?page=999").context["page_obj"].number == 3


def test_story_page_query_count_does_not_grow_with_the_archive(client, index, themes, narrator):
    target = make_story(index, 1, translate_to_english=False, themes=[themes["goc"]])

    def add(number: int) -> None:
        make_story(
            index,
            number,
            translate_to_english=False,
            themes=[themes["goc"]],
            narrator=narrator,
            image=make_image(f"Photo {number}", "#7a2e8e", size=(320, 200)),
        )

    add(2)
    few = count_queries(client, target.url)
    for number in range(3, 15):
        add(number)
    assert count_queries(client, target.url) == few


def test_related_stories_share_themes_or_province_in_the_same_language(client, index, themes):
    story = make_story(index, 1, themes=[themes["goc"], themes["cevre"]], province="21")
    make_story(index, 2, themes=[themes["goc"], themes["cevre"]], province="06")
    make_story(index, 3, themes=[themes["goc"]], province="06")
    make_story(index, 4, themes=[], province="21")
    make_story(index, 5, themes=[themes["dayanisma"]], province="06")
    related = list(StoryPage.objects.related_to(story))
    assert [page.title for page in related] == ["Hikâye 2", "Hikâye 3", "Hikâye 4"]

    response = client.get("/en/stories/story-1/")
    titles = [page.title for page in response.context["related_stories"]]
    assert titles == ["Story 2", "Story 3", "Story 4"]
    assert all(page.locale == english() for page in response.context["related_stories"])
    # The ranking is cached until a page changes: a closer story published later comes first.
    make_story(index, 6, themes=[themes["goc"], themes["cevre"]], province="21")
    response = client.get("/en/stories/story-1/")
    titles = [page.title for page in response.context["related_stories"]]
    assert titles == ["Story 6", "Story 2", "Story 3"]


def test_rss_and_atom_feeds_per_language(client, index, themes, narrator):
    make_story(index, 1, themes=[themes["goc"]], narrator=narrator)
    make_story(index, 2)
    rss = client.get("/en/stories/feed/")
    assert rss.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")  # noqa: S314 - our own output
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert {item.findtext("title") for item in items} == {"Story 1", "Story 2"}
    first = next(item for item in items if item.findtext("title") == "Story 1")
    assert first.findtext("link") == "http://testserver/en/stories/story-1/"
    assert "Quote 1" in first.findtext("description")
    assert [c.text for c in first.findall("category")] == ["Migration"]

    atom = client.get("/tr/hikayeler/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(atom.content).findall("a:entry", ns)  # noqa: S314
    assert {entry.findtext("a:title", namespaces=ns) for entry in entries} == {
        "Hikâye 1",
        "Hikâye 2",
    }
    archive = client.get("/en/stories/").content.decode()
    assert 'type="application/rss+xml"' in archive and 'href="/en/stories/feed/"' in archive


def test_external_video_makes_no_request_before_consent(client, index):
    make_story(index, 1, video_url="https://youtu.be/abcdefghijk")
    html = client.get("/en/stories/story-1/").content.decode()
    assert "<iframe" not in html
    for provider in ("youtube-nocookie.com", "youtube.com", "ytimg.com"):
        assert f'src="https://www.{provider}' not in html
        assert f'src="https://{provider}' not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/abcdefghijk?' in html
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html  # works without JS
    assert "/static/stories/js/media-consent.js" in html
    # Only our own origin is asked for anything: every src is relative.
    assert 'src="http' not in html


def test_hosted_audio_plays_with_native_controls_and_captions(client, index):
    documents = get_document_model()
    audio = documents.objects.create(title="audio", file=ContentFile(b"ID3", name="story.mp3"))
    vtt = documents.objects.create(
        title="captions", file=ContentFile(b"WEBVTT\n", name="story.vtt")
    )
    make_story(index, 1, audio_file=audio, captions_file=vtt)
    html = client.get("/tr/hikayeler/hikaye-1/").content.decode()
    assert f'<audio controls preload="none" src="{audio.url}">' in html
    assert f'<track kind="captions" src="{vtt.url}" srclang="tr"' in html
    assert 'href="#transcript"' in html and 'id="transcript"' in html
    assert "<iframe" not in html and "media-consent.js" not in html


def test_external_media_parsing():
    assert external_media("https://www.youtube.com/watch?v=abcdefghijk&t=3").embed_url.startswith(
        "https://www.youtube-nocookie.com/embed/abcdefghijk?"
    )
    assert external_media("https://vimeo.com/123456").embed_url.startswith(
        "https://player.vimeo.com/video/123456?"
    )
    channel = external_media("https://www.youtube.com/@stgm")
    assert not channel.can_embed and channel.url == "https://www.youtube.com/@stgm"
    other = external_media("https://podcasts.example.org/ep/1")
    assert other.provider == "podcasts.example.org" and not other.can_embed
    assert external_media("javascript:alert(1)") is None
    assert external_media("") is None


def test_power_stories_page_lists_its_stories_in_both_languages(client, index, power_stories):
    make_story(index, 1, event=power_stories)
    make_story(index, 2, event=power_stories)
    make_story(index, 3)  # told elsewhere
    unpublished = make_story(index, 4, event=power_stories, translate_to_english=False)
    unpublished.unpublish()
    turkish = client.get(power_stories.url).content.decode()
    assert "Hikâye 1" in turkish and "Hikâye 2" in turkish
    assert "Hikâye 3" not in turkish and "Hikâye 4" not in turkish
    english_event = power_stories.get_translation(english())
    html = client.get(english_event.url).content.decode()
    assert 'href="/en/stories/story-1/"' in html and 'href="/en/stories/story-2/"' in html
    assert "Hikâye" not in html


def test_testimonials_where_editors_chose_them(client, home, index, power_stories):
    tr = locales()[0]
    programme = make_standard_page(home, title="STOK", slug="stok", is_programme=True)
    translate(programme, english(), {"STOK": "STOK", "stok": "stok"})
    glossary = {
        "STOK çok işe yaradı.": "STOK helped a lot.",
        "Sahne bana güç verdi.": "The stage gave me strength.",
        "Ana sayfada değil.": "Not on the home page.",
        "Bir STOK katılımcısı": "A STOK participant",
        "Bir anlatıcı": "A narrator",
        "Bir katılımcı": "A participant",
    }
    on_programme = TestimonialSnippet.objects.create(
        quote="STOK çok işe yaradı.",
        attribution="Bir STOK katılımcısı",
        page=programme,
        show_on_home_page=True,
        locale=tr,
    )
    on_event = TestimonialSnippet.objects.create(
        quote="Sahne bana güç verdi.", attribution="Bir anlatıcı", page=power_stories, locale=tr
    )
    hidden = TestimonialSnippet.objects.create(
        quote="Ana sayfada değil.", attribution="Bir katılımcı", locale=tr
    )
    for testimonial in (on_programme, on_event, hidden):
        translate(testimonial, english(), glossary)

    make_story(index, 1)  # the home section needs a story to show its cards
    home_tr = client.get("/tr/").content.decode()
    assert "STOK çok işe yaradı." in home_tr and "Hikâye 1" in home_tr
    assert "Sahne bana güç verdi." not in home_tr and "Ana sayfada değil." not in home_tr
    home_en = client.get("/en/").content.decode()
    assert "STOK helped a lot." in home_en and 'href="/en/stok/"' in home_en
    # Attributed by role, in each language.
    assert "— Bir STOK katılımcısı" in home_tr and "— A STOK participant" in home_en

    programme_en = client.get("/en/stok/").content.decode()
    assert "What participants said" in programme_en and "STOK helped a lot." in programme_en
    assert "The stage gave me strength." not in programme_en
    event_tr = client.get(power_stories.url).content.decode()
    assert "Sahne bana güç verdi." in event_tr and "STOK çok işe yaradı." not in event_tr
    event_en = client.get(power_stories.get_translation(english()).url).content.decode()
    assert "The stage gave me strength." in event_en

    # Editing a testimonial shows on the (cached) home page at once.
    on_programme.quote = "STOK hâlâ işe yarıyor."
    on_programme.save()
    assert "STOK hâlâ işe yarıyor." in client.get("/tr/").content.decode()


def test_home_section_costs_no_query_once_cached(client, index):
    make_story(index, 1)
    client.get("/tr/")  # the first view of the site creates its settings row
    first = count_queries(client, "/tr/")
    for number in range(2, 8):
        make_story(index, number, translate_to_english=False)
    assert count_queries(client, "/tr/") == first


def test_theme_slug_is_derived_and_unique_per_language():
    tr = locales()[0]
    theme = Theme(name="Kadın örgütlenmesi", locale=tr)
    theme.full_clean()
    theme.save()
    assert theme.slug == "kadin-orgutlenmesi"
    clash = Theme(name="Kadın Örgütlenmesi", locale=tr)
    with pytest.raises(Exception, match="slug"):
        clash.full_clean()


def test_a_story_is_found_by_its_province_in_both_languages(client, index):
    make_story(index, title="Körfezde bir mutfak", province="35")
    make_story(index, 2, title="Bozkırda bir okul", province="06")
    turkish = client.get("/tr/search/", {"q": "izmir"}).content.decode()
    assert "Körfezde bir mutfak" in turkish and "Bozkırda bir okul" not in turkish
    english = client.get("/en/search/", {"q": "IZMIR"}).content.decode()
    assert "Story 1" in english and "Story 2" not in english
