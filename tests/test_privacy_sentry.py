"""Error reports carry nothing of the applicant (issue 21, item 4).

Sentry runs in the test process with the production options (config.sentry) and a transport
that keeps every envelope instead of sending it. Real requests go through Django: a stand
application is posted, the private page is read, then the same two requests fail inside the
view (with the applicant's data in the frame's variables and the e-mail in the exception's
message). Every envelope, serialised, must hold none of the applicant's values."""

import json
from urllib.parse import quote, quote_plus

import pytest
import sentry_sdk
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from sentry_sdk.envelope import Envelope
from sentry_sdk.transport import Transport
from wagtail.models import Locale

from applications import services
from applications.kinds import kind_for
from applications.models import StandApplication
from config.sentry import before_send, clean_url, scrub_text, sentry_options
from demo.builders import application_fields, make_events_index, make_festival, translate

pytestmark = pytest.mark.django_db

APPLICANT = {
    "contact_name": "Zeynep Kılıçarslan",
    "email": "zeynep.kilicarslan@kirkpinar-gonullu.org.tr",
    "phone": "+905329876543",
    "organisation": "Kırkpınar Gönüllüleri Derneği",
    "exhibit": "El yapımı çömlek sergisi ve atölyesi",
    "website": "https://kirkpinar-gonullu.org.tr",
}
CLIENT_ADDRESS = "203.0.113.77"
DSN = "https://public@sentry.example.org/1"


class CapturingTransport(Transport):
    """Keeps every envelope the SDK would send."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes: list[Envelope] = []

    def capture_envelope(self, envelope: Envelope) -> None:
        self.envelopes.append(envelope)

    def texts(self) -> list[str]:
        """Each envelope as sent, and each item's JSON again without \\u escapes."""
        texts = []
        for envelope in self.envelopes:
            texts.append(envelope.serialize().decode("utf-8", "replace"))
            for item in envelope.items:
                if item.payload.json is not None:
                    texts.append(json.dumps(item.payload.json, ensure_ascii=False, default=str))
        return texts

    def events(self) -> list[dict]:
        return [
            item.payload.json
            for envelope in self.envelopes
            for item in envelope.items
            if item.type in ("event", "transaction")
        ]


@pytest.fixture
def capture():
    transport = CapturingTransport()
    sentry_sdk.init(dsn=DSN, transport=transport, traces_sample_rate=1.0, **sentry_options())
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: an inactive client for the tests that follow


@pytest.fixture
def bare_capture():
    """The configuration before the fix: `send_default_pii=False`, which is the SDK's
    default (passing it now only adds a deprecation warning)."""
    transport = CapturingTransport()
    sentry_sdk.init(dsn=DSN, transport=transport)
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.init()


@pytest.fixture
def festival(home):
    index = make_events_index(home)
    translate(index, Locale.objects.get(language_code="en"), title="Events", slug="events")
    return make_festival(index, stands=2)


def form_data() -> dict:
    data = application_fields(1, **APPLICANT)
    data["consent"] = "on"
    return data


def exploding_submit(model, page, fields, language, *args, **kwargs):
    """A failure deep in the submission: the fields are a local variable, the e-mail is in
    the message (as in a database error's details)."""
    applicant = dict(fields)
    raise RuntimeError(f"could not store the application of {applicant['email']}")


def exploding_status_context(self, application):
    token = application.link_token
    raise RuntimeError(f"the status page failed ({token})")


def wsgi_get(url: str, **headers) -> int:
    """A GET through Django's real WSGI entry point, as gunicorn calls it (the test client
    skips it, and with it Sentry's WSGI middleware, which records the address, the query
    string and the headers). The test's database connection stays open, as in the client."""
    environ = RequestFactory().get(url, **headers).environ
    statuses: list[str] = []
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda status, headers, exc=None: statuses.append(status))
        b"".join(response)
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return int(statuses[0].split()[0])


def run_the_applicant_journey(client, festival, monkeypatch) -> list[str]:
    """Apply, read the private page, then the same two requests failing in the view;
    return the values that must never be reported."""
    apply_url = festival.url + festival.reverse_subpage("apply")
    response = client.post(apply_url, form_data())
    assert response.status_code == 303
    application = StandApplication.objects.get()
    status_link = response["Location"]
    assert client.get(status_link).status_code == 200
    client.raise_request_exception = False
    monkeypatch.setattr(services, "submit", exploding_submit)
    assert client.post(apply_url, form_data()).status_code == 500
    monkeypatch.setattr(
        type(kind_for(StandApplication)), "status_context", exploding_status_context
    )
    private_headers = {
        "HTTP_REFERER": f"http://testserver{status_link}",
        "HTTP_COOKIE": f"sessionid=s3ss10n; applicant={APPLICANT['email']}",
        "HTTP_X_FORWARDED_FOR": CLIENT_ADDRESS,
    }
    assert wsgi_get(status_link, **private_headers) == 500
    # The key in a path segment, too (an old or mistyped private link).
    status_page = festival.url + festival.reverse_subpage("application")
    assert wsgi_get(f"{status_page}{application.link_token}/", **private_headers) == 404
    token, key = application.link_token, application.access_key
    return [
        *APPLICANT.values(),
        *(quote_plus(value) for value in APPLICANT.values()),
        *(quote(value) for value in APPLICANT.values()),
        "05329876543",
        "5329876543",
        token,
        quote(token, safe=""),
        key,
        CLIENT_ADDRESS,
        "s3ss10n",
    ]


def leaked(transport: CapturingTransport, values: list[str]) -> set[str]:
    return {value for value in values for text in transport.texts() if value in text}


def test_error_reports_carry_nothing_of_the_applicant(client, festival, capture, monkeypatch):
    secrets = run_the_applicant_journey(client, festival, monkeypatch)
    errors = [event for event in capture.events() if event.get("exception")]
    assert len(errors) >= 2  # both failures were reported
    assert any(event.get("type") == "transaction" for event in capture.events())
    messages = [value["value"] for event in errors for value in event["exception"]["values"]]
    assert any("could not store the application of" in message for message in messages)
    assert leaked(capture, secrets) == set()
    for event in capture.events():
        request = event.get("request") or {}
        assert not {"data", "cookies", "query_string", "env"} & set(request)
        assert set(request.get("headers") or {}) <= {
            "Accept",
            "Accept-Language",
            "Content-Length",
            "Content-Type",
            "Host",
        }


def test_the_capture_sees_what_the_bare_configuration_leaks(
    client, festival, bare_capture, monkeypatch
):
    """The detector works: with `send_default_pii=False` alone the body and key leave."""
    assert sentry_sdk.get_client().options["data_collection"]["user_info"] is False
    secrets = run_the_applicant_journey(client, festival, monkeypatch)
    found = leaked(bare_capture, secrets)
    assert APPLICANT["email"] in found
    assert {APPLICANT["organisation"], secrets[-5]} <= found  # the body, the private key


def test_urls_lose_query_strings_and_key_segments():
    token = "Vq3dX0sVb2m9Yk1hQ8sT0eN4rW7uZ2pL:J3kQm0x9ZyQfW1r8vT5nL2aB7cD"
    assert clean_url(f"https://stgm.example.org/tr/f/application/?key={token}") == (
        "https://stgm.example.org/tr/f/application/"
    )
    assert clean_url(f"/tr/f/application/{token}/") == "/tr/f/application/[Filtered]/"
    assert clean_url("/tr/etkinlikler/sivil-sesler-festivali-2027/") == (
        "/tr/etkinlikler/sivil-sesler-festivali-2027/"
    )
    text = scrub_text(f"GET /tr/f/application/?key={token} for ayse@ornek.org failed {token}")
    assert token not in text and "ayse@ornek.org" not in text and "/tr/f/application/" in text


def test_before_send_keeps_the_bug_and_drops_the_person():
    event = {
        "request": {
            "method": "POST",
            "url": "https://stgm.example.org/tr/f/apply/",
            "query_string": "key=abc",
            "data": {"email": "ayse@ornek.org"},
            "cookies": {"sessionid": "x"},
            "headers": {"Referer": "https://stgm.example.org/?key=abc", "Accept": "text/html"},
            "env": {"REMOTE_ADDR": "10.0.0.1"},
        },
        "user": {"id": 7, "email": "editor@stgm.org.tr", "username": "editor"},
        "exception": {
            "values": [
                {
                    "type": "IntegrityError",
                    "value": "Key (email)=(ayse@ornek.org) already exists.",
                    "stacktrace": {"frames": [{"function": "submit", "vars": {"x": "Ayşe"}}]},
                }
            ]
        },
        "breadcrumbs": {
            "values": [
                {"category": "httplib", "data": {"url": "https://api.example.org/x?key=abc"}},
                {"category": "query", "message": "SELECT 1", "data": {"db.params": ["Ayşe"]}},
            ]
        },
    }
    cleaned = json.dumps(before_send(event, {}), ensure_ascii=False)
    assert "ayse@ornek.org" not in cleaned and "Ayşe" not in cleaned
    assert "key=abc" not in cleaned and "editor@stgm.org.tr" not in cleaned
    assert "10.0.0.1" not in cleaned and "sessionid" not in cleaned
    assert event["user"] == {"id": 7} and event["request"]["method"] == "POST"
    assert event["exception"]["values"][0]["type"] == "IntegrityError"
