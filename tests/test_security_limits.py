"""The per-address limit on applications (django-ratelimit): only accepted applications
count, the limit fits a shared address, a refusal keeps what was typed, and the address is
core.client's (X-Forwarded-For only from a trusted proxy)."""

import pytest
from django.conf import settings
from django.core.cache.backends.dummy import DummyCache
from django.test import override_settings
from wagtail.models import Locale

from applications.models import StandApplication
from demo.builders import application_fields, make_events_index, make_festival, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def festival(home):
    index = make_events_index(home)
    translate(index, Locale.objects.get(language_code="en"), title="Events", slug="events")
    return make_festival(index, stands=2, english=True)


def form_data(n: int = 1, **overrides) -> dict:
    data = application_fields(n, **overrides)
    data["consent"] = "on"
    data["phone"] = "0532 123 45 67"
    return data


def apply_url(page) -> str:
    return page.url + page.reverse_subpage("apply")


def test_the_limit_fits_a_shared_office_or_festival_wifi():
    assert settings.STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS >= 30
    assert settings.STGM_APPLICATION_RATE_WINDOW == 60 * 60


@override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=3)
def test_invalid_submissions_do_not_use_up_the_limit(client, festival):
    for number in range(10):
        response = client.post(apply_url(festival), form_data(number, email="not-an-address"))
        assert response.status_code == 400
    assert client.post(apply_url(festival), form_data(1)).status_code == 303
    assert StandApplication.objects.count() == 1


@override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=3)
def test_accepted_applications_use_it_up_and_the_refusal_keeps_every_answer(client, festival):
    for number in range(3):
        assert client.post(apply_url(festival), form_data(number)).status_code == 303
    typed = form_data(9, organisation="Kadın Emeği Kooperatifi", exhibit="El dokuması kilimler")
    refused = client.post(apply_url(festival), typed, HTTP_ACCEPT_LANGUAGE="tr")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "bağlantınızdan çok sayıda başvuru gönderildi" in page
    assert "Yanıtlarınız aşağıda duruyor" in page
    for answer in ("Kadın Emeği Kooperatifi", "El dokuması kilimler", "basvuru9@ornek.org.tr"):
        assert answer in page
    assert StandApplication.objects.count() == 3

    english = festival.get_translation(Locale.objects.get(language_code="en"))
    refused_en = client.post(apply_url(english), form_data(10))
    assert refused_en.status_code == 429
    assert "Your answers are kept below" in refused_en.content.decode()


@override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=2)
def test_a_direct_client_rotating_x_forwarded_for_is_still_limited(client, festival):
    for number in range(2):
        response = client.post(
            apply_url(festival), form_data(number), HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"
        )
        assert response.status_code == 303
    rotated = client.post(apply_url(festival), form_data(5), HTTP_X_FORWARDED_FOR="192.0.2.77")
    assert rotated.status_code == 429


@override_settings(STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=2, STGM_TRUSTED_PROXIES=["127.0.0.1"])
def test_through_a_trusted_proxy_each_forwarded_client_has_its_own_limit(client, festival):
    office = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    for number in range(2):
        assert client.post(apply_url(festival), form_data(number), **office).status_code == 303
    assert client.post(apply_url(festival), form_data(3), **office).status_code == 429
    other = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    assert client.post(apply_url(festival), form_data(4), **other).status_code == 303


class SilentCache(DummyCache):
    """What a cache that hides its outage answers: no add, no value."""

    def add(self, *args, **kwargs) -> bool:
        return False

    def get(self, key, default=None, version=None):
        return None

    def incr(self, key, delta=1, version=None):
        return None


@pytest.mark.parametrize(
    "backend",
    [
        # Redis down: every call raises.
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
        # A cache that swallows its errors: nothing added, nothing read.
        {"BACKEND": "tests.test_security_limits.SilentCache"},
    ],
)
def test_unreadable_counters_never_close_the_forms(rf, backend):
    from django.core.cache import caches

    from applications.views import count_submission, submissions_used_up

    request = rf.post("/apply/", REMOTE_ADDR="203.0.113.5")
    with override_settings(CACHES={"default": backend}, STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS=1):
        try:
            for _attempt in range(3):
                assert not submissions_used_up("stand-application", request)
                count_submission("stand-application", request)
        finally:
            caches["default"].close()
