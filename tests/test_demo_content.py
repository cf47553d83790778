"""The demo loader builds a real bilingual tree and is idempotent."""

from django.core.management import call_command
from wagtail.models import Locale, Page

from home.models import HomePage, SiteSettings, StandardPage


def tree_snapshot() -> list[tuple]:
    return list(
        Page.objects.filter(depth__gte=2)
        .order_by("path")
        .values_list("locale__language_code", "url_path", "title", "live", "numchild")
    )


def test_demo_content_is_bilingual_and_loading_twice_changes_nothing(client, db):
    call_command("load_demo_content")
    first = tree_snapshot()
    call_command("load_demo_content")
    assert tree_snapshot() == first

    english = Locale.objects.get(language_code="en")
    turkish_pages = Page.objects.filter(depth__gte=2, locale__language_code="tr")
    for page in turkish_pages:
        translation = page.get_translation_or_none(english)
        assert translation is not None and translation.live, page.url_path
        assert translation.title != page.title or page.title in {"STOK"}, page.title

    assert HomePage.objects.count() == 2
    assert StandardPage.objects.filter(is_programme=True, locale=english).count() == 6
    assert SiteSettings.objects.get().privacy_page.slug == "aydinlatma-metni"

    for url in ["/tr/", "/en/", "/tr/programlar/stok/", "/en/programmes/information-center/"]:
        assert client.get(url).status_code == 200, url
    assert "5,000" in client.get("/en/").content.decode()
    assert "5.000" in client.get("/tr/").content.decode()


def test_if_empty_leaves_an_existing_site_alone(db, home, capsys):
    call_command("load_demo_content", "--if-empty")
    assert "nothing to do" in capsys.readouterr().out
    assert not StandardPage.objects.exists()


def test_demo_admin_can_log_in(client, db):
    call_command("load_demo_content")
    assert client.login(username="admin", password="stgm-demo")
    assert client.get("/admin/").status_code == 200
