"""A reviewer in the Turkish admin writes to a selection of stand applicants: ticks two rows,
presses "Yaz", writes the message in each language the two read, sends it, and finds it in
each application's history."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect

from applications.stands import services
from demo.builders import application_fields
from events.models import FestivalPage

pytestmark = pytest.mark.e2e

USERNAME, PASSWORD = "gozden", "Gizli-Parola-2030"


@pytest.fixture
def turkish_admin(new_page) -> Page:
    """A superuser signed in to the admin in Turkish."""
    get_user_model().objects.create_superuser(USERNAME, "gozden@stgm.org.tr", PASSWORD)
    page = new_page(locale="tr-TR")
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(USERNAME)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Oturum aç").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def test_reviewer_writes_to_a_selection_in_each_applicants_language(turkish_admin, axe):
    page = turkish_admin
    festival = FestivalPage.objects.get(locale__language_code="tr")
    turkish = services.submit_stand_application(
        festival, application_fields(1, organisation="Van Kadın Dayanışma Derneği"), "tr"
    )
    english = services.submit_stand_application(
        festival, application_fields(2, organisation="Kars Doğa Derneği"), "en"
    )
    left_out = services.submit_stand_application(
        festival, application_fields(3, organisation="İzmir Gençlik Derneği"), "tr"
    )
    mail.outbox.clear()

    page.goto("/admin/applications/stands/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stant başvuruları")
    for name in ("Van Kadın Dayanışma Derneği", "Kars Doğa Derneği"):
        page.get_by_role("row").filter(has_text=name).get_by_role("checkbox").check()
    page.get_by_role("link", name="Seçili başvuranlara yaz").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Başvuranlara yaz")
    expect(page.get_by_text("İleti 2 başvurana, her birinin kendi dilinde")).to_be_visible()
    expect(page.get_by_text("İzmir Gençlik Derneği")).to_have_count(0)
    axe(page)
    # Sent empty: translated errors, nothing sent.
    page.get_by_role("button", name="Gönder").click()
    expect(page.get_by_text("Konuyu Türkçe yazın.")).to_be_visible()
    expect(page.get_by_text("İletiyi İngilizce yazın.")).to_be_visible()
    assert mail.outbox == []

    page.get_by_label("Konu (Türkçe)").fill("Kurulum saati değişti")
    page.get_by_label("İleti (Türkçe)").fill("Stantlar sabah 8'de kurulacak.")
    page.get_by_label("Konu (İngilizce)").fill("Set-up time changed")
    page.get_by_label("İleti (İngilizce)").fill("Stands are set up at 8 in the morning.")
    page.get_by_role("button", name="Gönder").click()

    expect(page).to_have_url(re.compile(r"/admin/applications/stands/"))
    expect(page.get_by_text("İleti 2 başvuran için, her birinin kendi dilinde")).to_be_visible()
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {turkish.email, english.email}
    assert sent[turkish.email].subject == "Kurulum saati değişti"
    assert "Sayın Ayşe Yılmaz," in sent[turkish.email].body
    assert sent[english.email].subject == "Set-up time changed"
    assert "Dear Ayşe Yılmaz," in sent[english.email].body
    assert left_out.email not in sent

    page.goto(f"/admin/applications/stands/history/{english.pk}/")
    expect(page.get_by_text("Başvurana ileti gönderildi")).to_be_visible()
    expect(page.get_by_text("Set-up time changed")).to_be_visible()
