"""Security headers on a public page, a static file and the admin: Cross-Origin-Resource-
Policy, frame rules that agree (X-Frame-Options and the CSP's frame-ancestors) and the
Permissions-Policy from django-permissions-policy."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from demo.builders import make_standard_page

pytestmark = pytest.mark.django_db

STATIC_FILE = "/static/img/favicon.svg"


def frame_ancestors(response) -> list[str]:
    for directive in response["Content-Security-Policy"].split(";"):
        words = directive.split()
        if words and words[0] == "frame-ancestors":
            return words[1:]
    raise AssertionError("no frame-ancestors")


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def test_a_public_page_is_same_origin_and_never_framed(client, home):
    response = client.get(home.url)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == ["'none'"]


def test_the_permissions_policy_comes_from_django_permissions_policy(client, home):
    from django.conf import settings

    assert "django_permissions_policy.PermissionsPolicyMiddleware" in settings.MIDDLEWARE
    assert "config.security.PermissionsPolicyMiddleware" not in settings.MIDDLEWARE
    policy = client.get(home.url)["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy
    assert 'fullscreen=(self "https://www.youtube-nocookie.com")' in policy
    with override_settings(PERMISSIONS_POLICY={"usb": []}):
        assert client.get(home.url)["Permissions-Policy"] == "usb=()"


def test_a_static_file_has_its_own_resource_policy(client):
    response = client.get(STATIC_FILE)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-site"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_pages_are_never_framed_and_both_headers_say_so(client, home, editor):
    page = make_standard_page(home, title="Çerçeve")
    for url in ("/admin/", f"/admin/pages/{page.pk}/edit/", reverse("login_lockouts:index")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY", url
        assert frame_ancestors(response) == ["'none'"], url
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", url


def test_the_page_preview_may_be_framed_by_the_admin_only(client, home, editor):
    """Wagtail's editor shows the preview in a same-origin iframe: that view alone says
    SAMEORIGIN, and its CSP says 'self' with it."""
    page = make_standard_page(home, title="Önizleme")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.get(url)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert frame_ancestors(response) == ["'self'"]
