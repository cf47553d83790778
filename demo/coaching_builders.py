"""Small builders of the coaching requests, shared by the tests and the browser tests (as
demo.builders for the other apps): a programme page with its request page, in both
languages, and request fields."""

from wagtail.models import Page

from coaching.models import CoachingRequestPage, Programme
from demo.builders import locales, make_standard_page, translate

PAGES = {
    Programme.COACHING: (
        ("Örgütsel Koçluk", "orgutsel-kocluk", "Koçluk talebi", "talep"),
        ("Organisational Coaching", "organisational-coaching", "Request coaching", "request"),
    ),
    Programme.TAILOR_MADE: (
        ("Biçilmiş Kaftan Eğitimleri", "bicilmis-kaftan", "Eğitim talebi", "talep"),
        ("Tailor-Made Trainings", "tailor-made-trainings", "Request a training", "request"),
    ),
}


def make_request_page(home: Page, programme: str = Programme.COACHING) -> CoachingRequestPage:
    """The Turkish programme page under `home` with its request page, and their English
    translations (`home` must be translated already)."""
    turkish, english = locales()
    (title_tr, slug_tr, request_tr, request_slug_tr), english_titles = PAGES[programme]
    title_en, slug_en, request_en, request_slug_en = english_titles
    parent = make_standard_page(home, title=title_tr, slug=slug_tr, is_programme=True)
    translate(parent, english, title=title_en, slug=slug_en)
    page = CoachingRequestPage(
        title=request_tr,
        slug=request_slug_tr,
        programme=programme,
        intro="İhtiyacınızı yazın, birlikte tasarlayalım.",
        what_to_expect="<p>Ekip iki hafta içinde size yazar.</p>",
        locale=turkish,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    translate(
        page,
        english,
        title=request_en,
        slug=request_slug_en,
        intro="Tell us your need and we design the work together.",
        what_to_expect="<p>The team writes to you within two weeks.</p>",
    )
    return page


def request_fields(n: int = 1, **overrides) -> dict:
    """A request's cleaned fields, as the form gives them to the submit service."""
    fields = {
        "organisation": "Örnek Kadın Dayanışma Derneği",
        "province": "21",
        "legal_form": "association",
        "need": f"Yönetim kurulumuz yenilendi ve görev dağılımını netleştirmek istiyoruz ({n}).",
        "areas": ",governance,volunteers,",
        "preferred_format": "online",
        "preferred_period": "Mart–Nisan",
        "contact_name": "Zeynep Örnek",
        "email": f"talep{n}@ornek.org.tr",
        "phone": "",
    }
    fields.update(overrides)
    return fields
