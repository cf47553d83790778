"""The admin's snippet lists and choosers search venues, narrators and testimonials without
a server error, in both languages' content, with Turkish folding ("kulturpark" finds
"Kültürpark", "ISIK" finds "Işık")."""

import pytest
from wagtail.users.models import UserProfile

from demo.builders import locales, make_venue
from stories.models import Narrator, Testimonial

pytestmark = pytest.mark.django_db


@pytest.fixture
def snippets(home):
    turkish, english = locales()
    venue = make_venue(name="İzmir Kültürpark", province="35", district="Konak")
    narrator = Narrator.objects.create(
        name="Ayşe Işık", organisation="Çağ Derneği", city="Van", province="65", locale=turkish
    )
    Testimonial.objects.create(
        quote="Güçlü bir buluşmaydı.", attribution="Bir STOK katılımcısı", locale=turkish
    )
    Testimonial.objects.create(
        quote="A strong meeting.", attribution="A STOK participant", locale=english
    )
    return venue, narrator


CASES = [
    ("events/venue", "kulturpark", "İzmir Kültürpark"),
    ("events/venue", "KÜLTÜRPARK", "İzmir Kültürpark"),
    ("events/venue", "konak", "İzmir Kültürpark"),
    ("stories/narrator", "ayse isik", "Ayşe Işık"),
    ("stories/narrator", "ISIK", "Ayşe Işık"),
    ("stories/narrator", "cag dernegi", "Ayşe Işık"),
    ("stories/testimonial", "katilimcisi", "Bir STOK katılımcısı"),
    ("stories/testimonial", "participant", "A STOK participant"),
]


@pytest.mark.parametrize(("model", "query", "expected"), CASES)
def test_snippet_list_search(admin_client, snippets, model, query, expected):
    response = admin_client.get(f"/admin/snippets/{model}/", {"q": query})
    assert response.status_code == 200
    assert expected in response.content.decode()


@pytest.mark.parametrize(("model", "query", "expected"), CASES)
def test_snippet_chooser_search(admin_client, snippets, model, query, expected):
    response = admin_client.get(f"/admin/snippets/choose/{model}/results/", {"q": query})
    assert response.status_code == 200
    assert expected in response.content.decode()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_snippet_list_search_in_either_admin_language(admin_client, admin_user, snippets, language):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    response = admin_client.get("/admin/snippets/stories/narrator/", {"q": "işık"})
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    assert "Ayşe Işık" in response.content.decode()
