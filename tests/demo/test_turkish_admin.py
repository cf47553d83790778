"""A Turkish admin that reads as Turkish: an editor with the admin in Turkish opens every admin
screen the project adds, on the demo content, and none shows an English interface word that
the project's catalogues know in Turkish (tests/turkish_admin.py)."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale, Page, Site
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

from tests.demo.conftest import DEMO
from tests.turkish_admin import english_words, misread_turkish

pytestmark = DEMO


def project_apps() -> set[str]:
    """Every app of this repository (not Django's, Wagtail's or a library's), so a new app's
    screens are checked without anyone remembering to list it."""
    root = Path(settings.BASE_DIR).resolve()
    return {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == root
    }


PROJECT_APPS = project_apps()


def project_models(base=None):
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS and (base is None or issubclass(model, base)):
            yield model


def first_in(model, language: str):
    objects = model.objects.all()
    if hasattr(model, "locale"):
        objects = objects.filter(locale__language_code=language)
    return objects.order_by("pk").first()


def snippet_screens() -> list[str]:
    urls = []
    for model in get_snippet_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        viewset = model.snippet_viewset
        instance = first_in(model, "tr")
        for name, args in [
            ("list", []),
            ("add", []),
            ("edit", [instance.pk] if instance else None),
            ("inspect", [instance.pk] if instance else None),
            ("history", [instance.pk] if instance else None),
        ]:
            if args is None:
                continue
            try:
                urls.append(reverse(viewset.get_url_name(name), args=args))
            except NoReverseMatch:
                pass
        chooser = viewset.chooser_viewset
        urls.append(reverse(chooser.get_url_name("choose")))
    return urls


def page_screens() -> list[str]:
    urls = []
    for model in project_models(Page):
        turkish, english = first_in(model, "tr"), first_in(model, "en")
        if turkish is None:
            continue
        urls.append(reverse("wagtailadmin_pages:edit", args=[turkish.pk]))
        if english is not None:
            # An English translation opens in wagtail-localize's translation editor.
            urls.append(reverse("wagtailadmin_pages:edit", args=[english.pk]))
        parent = turkish.get_parent()
        urls.append(
            reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, parent.pk],
            )
        )
    return urls


def other_screens() -> list[str]:
    site = Site.objects.get(is_default_site=True)
    series = apps.get_model("events", "EventSeriesPage").objects.filter(locale=Locale.get_default())
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailsnippets:index"),
        reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk]),
        reverse("events_admin:cancel_dates", args=[series.first().pk]),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse(
            "wagtailadmin_explore", args=[Page.objects.get(depth=2, locale__language_code="tr").pk]
        ),
    ]


def content_texts() -> frozenset[str]:
    """What editors wrote, in both languages: titles, slugs and names of pages and snippets."""
    texts = set()
    for page in Page.objects.all():
        texts.update({page.title, page.slug, page.draft_title})
    for model in project_models():
        if issubclass(model, Page):
            continue
        for instance in model.objects.all():
            texts.add(str(instance))
            texts.update(str(getattr(instance, name, "")) for name in ("name", "title", "slug"))
    return frozenset(text.lower() for text in texts if text)


@pytest.fixture
def turkish_editor(client):
    user = get_user_model().objects.create_superuser("duzenleyici", "d@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "tr"
    profile.save()
    client.force_login(user)
    return client


def test_every_project_admin_screen_reads_as_turkish(turkish_editor):
    screens = [*other_screens(), *snippet_screens(), *page_screens()]
    assert len(screens) > 30
    content = content_texts()
    problems = {}
    for url in screens:
        response = turkish_editor.get(url)
        assert response.status_code in (200, 302), url
        if response.status_code == 302:
            continue  # a screen the project switched off (applications are not added by hand)
        content_html = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            content_html = json.loads(content_html)["html"]  # a chooser
        words = english_words(content_html, content) | misread_turkish(content_html, content)
        if words:
            problems[url] = sorted(words)
    assert problems == {}
