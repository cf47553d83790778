"""schema.org structured data of a publication: `Report` for reports, `CreativeWork` for the
other kinds, with its group as author and STGM as publisher (events' JSON-LD house style)."""

from django.http import HttpRequest
from django.utils.safestring import SafeString

from events.jsonld import json_ld_script, organizer

from .choices import PublicationKind, PublicationLanguage
from .models import PublicationPage

LANGUAGES = {
    PublicationLanguage.TURKISH: "tr",
    PublicationLanguage.ENGLISH: "en",
    PublicationLanguage.BOTH: ["tr", "en"],
}


def publication_data(page: PublicationPage, request: HttpRequest) -> dict:
    url = request.build_absolute_uri(page.get_url(request) or "/")
    home = request.build_absolute_uri(page.get_site().root_page.localized.get_url(request) or "/")
    data = {
        "@context": "https://schema.org",
        "@type": "Report" if page.kind == PublicationKind.REPORT else "CreativeWork",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "datePublished": page.published_on.isoformat(),
        "inLanguage": LANGUAGES.get(page.language, page.language),
        "genre": str(page.get_kind_display()),
        "publisher": organizer(home),
    }
    if page.group:
        data["author"] = {"@type": "Organization", "name": page.group.name}
        if page.group.acronym:
            data["author"]["alternateName"] = page.group.acronym
    if page.topic_labels:
        data["keywords"] = ", ".join(page.topic_labels)
    file_url = page.document.url if page.document else page.external_url
    if file_url:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(file_url),
        }
    return data


def publication_json_ld(page: PublicationPage, request: HttpRequest) -> SafeString:
    return json_ld_script(publication_data(page, request))
