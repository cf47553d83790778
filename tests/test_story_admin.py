"""Editors make stories in the admin: the form, its checks, the themes it offers, and the
snippets' screens."""

from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from demo.builders import locales, make_home, publish
from demo.tools import translate
from stories.models import StoryIndexPage, StoryPage, Theme


class StoryAdminTests(WagtailPageTestCase):
    """An editor creates a story in the admin and the snippets' screens open."""

    def setUp(self):
        self.home = make_home()
        self.index = StoryIndexPage(title="Hikâyeler", slug="hikayeler")
        self.home.add_child(instance=self.index)
        publish(self.index)
        self.theme = Theme.objects.create(name="Göç", slug="goc", locale=locales()[0])
        user = get_user_model().objects.create_superuser("editor", "e@example.org", "x")
        self.client.force_login(user)

    def test_editor_creates_a_story(self):
        data = nested_form_data(
            {
                "title": "Yeni hikâye",
                "slug": "yeni-hikaye",
                "province": "35",
                "pull_quote": "Bir cümle.",
                "transcript": rich_text("<p>Metin</p>"),
                "video_url": "https://www.youtube.com/@stgm",
                "photos": inline_formset([]),
            }
        )
        data["themes"] = [str(self.theme.pk)]
        response = self.client.post(f"/admin/pages/add/stories/storypage/{self.index.pk}/", data)
        assert response.status_code == 200  # the channel link is refused
        assert "kanal ya da liste değil" in response.content.decode()
        data["video_url"] = "https://vimeo.com/123456"
        data["action-publish"] = "action-publish"
        self.assertCanCreate(self.index, StoryPage, data)
        story = StoryPage.objects.get(slug="yeni-hikaye")
        assert story.live and list(story.themes.all()) == [self.theme]

    def test_snippet_screens_open(self):
        for url in [
            "/admin/snippets/stories/narrator/",
            "/admin/snippets/stories/narrator/add/",
            "/admin/snippets/stories/theme/add/",
            "/admin/snippets/stories/testimonial/add/",
            "/admin/snippets/stories/testimonial/",
        ]:
            assert self.client.get(url).status_code == 200, url

    def test_the_editor_offers_the_themes_of_the_page_language(self):
        turkish, english = locales()
        translate(self.theme, english, {"Göç": "Migration"})
        english_index = translate(
            self.index, english, {"Hikâyeler": "Stories", "hikayeler": "stories"}
        )
        names = {}
        for index in (self.index, english_index):
            response = self.client.get(f"/admin/pages/add/stories/storypage/{index.pk}/")
            queryset = response.context["form"].fields["themes"].queryset
            names[index.locale.language_code] = {theme.name for theme in queryset}
        assert names == {"tr": {"Göç"}, "en": {"Migration"}}
