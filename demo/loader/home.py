"""The home page, the programme pages, About, the privacy notice and the site settings
(demo/content/home.yaml)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from demo.tools import get_locale, make_illustration, translate, upsert_page
from home.models import HomePage, SiteSettings, StandardPage

from .data import Texts, read


def load_home() -> HomePage:
    """Create or update the home app's demo pages in Turkish and English."""
    content = read("home")
    turkish, english = get_locale("tr"), get_locale("en")
    t = Texts()
    spec = content["home"]

    hero_image = make_illustration("meeting")
    impact = [
        (
            "figures",
            {
                "title": t(spec["impact"]["title"]),
                "figures": [
                    {"value": figure_value(figure, t), "label": t(figure["label"])}
                    for figure in spec["impact"]["figures"]
                ],
            },
        )
    ]
    home_fields = {
        "title": t(spec["title"]),
        "hero_title": t(spec["hero_title"]),
        "hero_text": t(spec["hero_text"]),
        "hero_image": hero_image,
        "hero_link_label": t(spec["hero_link_label"]),
        "impact": impact,
        "programmes_title": t(spec["programmes_title"]),
    }
    slug = t(spec["slug"])
    home = HomePage.objects.filter(depth=2, locale=turkish).first()
    if home is None:
        home = HomePage(slug=slug, **home_fields)
        Page.get_first_root_node().add_child(instance=home)
    else:
        for name, value in home_fields.items():
            setattr(home, name, value)
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.site_name = content["site"]["site_name"]
    site.root_page = home
    point_site_at_base_url(site)
    # The "Welcome to Wagtail" page that a fresh database starts with.
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()

    pages = []
    for page_spec in content["pages"]:
        page = load_standard_page(home, page_spec, t)
        pages.append(page)
        for child_spec in page_spec.get("children", []):
            pages.append(load_standard_page(page, child_spec, t))

    load_settings(site, content["settings"], home)

    translate(home, english, t.glossary)
    for page in pages:
        translate(page, english, t.glossary)
    return home


def festivals_held() -> int:
    """The festival editions of events.yaml that have taken place (not the upcoming one)."""
    return sum(1 for e in read("events")["festivals"]["editions"] if e["year"] != "upcoming")


def figure_value(spec: dict, t: Texts) -> str:
    if spec.get("count") == "festivals_held":
        held = str(festivals_held())
        return t({"tr": held, "en": held})
    return t(spec["value"])


def point_site_at_base_url(site: Site | None = None) -> None:
    """Give the Site the host and port the site is served on (WAGTAILADMIN_BASE_URL, which
    follows `make run PORT=...`): e-mailed links are built from the Site."""
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = url.hostname or "localhost"
    site.port = url.port or (443 if url.scheme == "https" else 80)
    site.save()


def load_standard_page(parent: Page, spec: dict, t: Texts) -> StandardPage:
    fields = {"title": t(spec["title"]), "intro": t(spec["intro"])}
    if "show_in_menus" in spec:
        fields["show_in_menus"] = spec["show_in_menus"]
    if "is_programme" in spec:
        fields["is_programme"] = spec["is_programme"]
    if "image" in spec:
        fields["image"] = make_illustration("programme")
    if "body" in spec:
        fields["body"] = t.paragraphs(spec["body"])
    return upsert_page(parent, StandardPage, t(spec["slug"]), **fields)


def load_settings(site: Site, spec: dict, home: HomePage) -> SiteSettings:
    settings = SiteSettings.for_site(site)
    names = ["contact_email", "contact_phone", "address", "address_en", "x_url", "youtube_url"]
    for name in [*names, "funders", "sample_content_notice"]:
        setattr(settings, name, spec[name])
    settings.privacy_page = StandardPage.objects.child_of(home).get(slug=spec["privacy_page"])
    settings.save()
    return settings
