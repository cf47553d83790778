"""schema.org structured data of an entry: `FAQPage` with its one question and answer, as
search engines read it (Google's FAQ guidelines: the question, the full answer as text)."""

import json

from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

# The escapes of django.utils.html.json_script: a text cannot end the script block.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def faq_data(entry) -> dict:
    answer = " ".join(strip_tags(expand_db_html(entry.answer)).split())
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": entry.locale.language_code,
        "dateModified": entry.last_reviewed.isoformat(),
        "mainEntity": [
            {
                "@type": "Question",
                "name": " ".join(entry.question_text.split()),
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
        ],
    }


def faq_json_ld(entry) -> SafeString:
    data = json.dumps(faq_data(entry), ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))  # noqa: S308
