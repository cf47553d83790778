"""Admin sign-in lockouts (django-axes) by user name + address, the client's address behind
trusted proxies only (core.client), and unlocking in Wagtail's admin."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory, override_settings
from django.urls import reverse

from core.client import UNKNOWN, client_address

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
ADDRESS_A = "203.0.113.10"
ADDRESS_B = "198.51.100.20"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", "right", is_staff=True, first_name="Deniz"
    )


@pytest.fixture
def editor_group_member():
    """An editor who may unlock (delete access attempts) but is no superuser."""
    user = get_user_model().objects.create_user("desk", "desk@example.org", "desk-pw")
    group = Group.objects.create(name="Lockout desk")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="delete_accessattempt"),
    )
    user.groups.add(group)
    return user


def sign_in(client, password: str, address: str, username: str = "editor", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def fail_five_times(client, address: str, username: str = "editor", **extra) -> None:
    for _attempt in range(5):
        response = sign_in(client, "wrong", address, username, **extra)
        assert response.status_code in (200, 429)


# --- the client's address -------------------------------------------------------------------


def request_from(peer: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_a_direct_client_cannot_choose_its_address_with_a_header():
    assert client_address(request_from(ADDRESS_A, "1.2.3.4")) == ADDRESS_A
    # A Unix socket has no peer address: one shared counter rather than an error.
    assert client_address(request_from("", "1.2.3.4")) == UNKNOWN


@override_settings(STGM_TRUSTED_PROXIES=["10.0.0.0/8", "127.0.0.1"])
def test_through_a_trusted_proxy_the_forwarded_address_is_the_client():
    assert client_address(request_from("127.0.0.1", ADDRESS_B)) == ADDRESS_B
    # Two proxies: the right-most address that is not a trusted proxy is the client; what
    # the client wrote further left is ignored.
    assert client_address(request_from("127.0.0.1", f"9.9.9.9, {ADDRESS_B}, 10.1.2.3")) == (
        ADDRESS_B
    )
    # IPv6 and a garbled header from a trusted proxy.
    assert client_address(request_from("10.0.0.5", "2001:db8::7")) == "2001:db8::7"
    assert client_address(request_from("10.0.0.5", "not an address")) == "10.0.0.5"
    # A peer outside the list is the client, whatever it forwards.
    assert client_address(request_from(ADDRESS_A, ADDRESS_B)) == ADDRESS_A


# --- lockouts by user name + address --------------------------------------------------------


def test_five_wrong_passwords_lock_that_user_name_from_that_address_only(client, editor):
    fail_five_times(client, ADDRESS_A)
    locked = sign_in(client, "right", ADDRESS_A)
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    # The same user name from another address signs in.
    assert sign_in(client, "right", ADDRESS_B).status_code == 302
    # axes keeps the pair and the count, never the password typed.
    assert "wrong" not in AccessAttempt.objects.get().post_data


def test_the_lockout_page_is_translated_and_says_what_to_do(client, editor):
    fail_five_times(client, ADDRESS_A)
    turkish = sign_in(client, "right", ADDRESS_A, HTTP_ACCEPT_LANGUAGE="tr")
    assert turkish["Content-Type"].startswith("text/html")
    text = turkish.content.decode()
    assert "Oturum açma durduruldu" in text
    assert "15 dakika sonra" in text
    english = sign_in(client, "right", ADDRESS_A, HTTP_ACCEPT_LANGUAGE="en")
    assert "Try again in 15 minutes" in english.content.decode()
    assert "editor" not in text  # the user name is not echoed back


def test_other_user_names_from_the_locked_address_still_sign_in(client, editor):
    get_user_model().objects.create_user("other", "o@example.org", "right", is_staff=True)
    fail_five_times(client, ADDRESS_A)
    assert sign_in(client, "right", ADDRESS_A, username="other").status_code == 302


def test_a_rotating_forwarded_header_from_a_direct_client_is_still_locked(client, editor):
    for number in range(5):
        sign_in(client, "wrong", ADDRESS_A, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    locked = sign_in(client, "right", ADDRESS_A, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert locked.status_code == 429


@override_settings(STGM_TRUSTED_PROXIES=["127.0.0.1"])
def test_behind_a_trusted_proxy_each_forwarded_client_is_its_own_pair(client, editor):
    fail_five_times(client, "127.0.0.1", HTTP_X_FORWARDED_FOR=ADDRESS_A)
    assert AccessAttempt.objects.get().ip_address == ADDRESS_A
    assert sign_in(client, "right", "127.0.0.1", HTTP_X_FORWARDED_FOR=ADDRESS_A).status_code == (
        429
    )
    assert sign_in(client, "right", "127.0.0.1", HTTP_X_FORWARDED_FOR=ADDRESS_B).status_code == (
        302
    )


def test_a_successful_sign_in_clears_the_failures(client, editor):
    for _attempt in range(4):
        sign_in(client, "wrong", ADDRESS_A)
    assert sign_in(client, "right", ADDRESS_A).status_code == 302
    client.logout()
    for _attempt in range(4):
        assert sign_in(client, "wrong", ADDRESS_A).status_code == 200
    assert sign_in(client, "right", ADDRESS_A).status_code == 302


# --- the lockout list and unlock in Wagtail's admin ----------------------------------------


def test_an_editor_sees_the_lockouts_and_unlocks_one(client, editor, editor_group_member):
    fail_five_times(client, ADDRESS_A)
    assert sign_in(client, "right", ADDRESS_A).status_code == 429
    attempt = AccessAttempt.objects.get(username="editor")

    client.force_login(editor_group_member)
    index = client.get(reverse("login_lockouts:index"), HTTP_ACCEPT_LANGUAGE="tr")
    assert index.status_code == 200
    page = index.content.decode()
    assert "Oturum açma kilitleri" in page and ADDRESS_A in page and "Kilidi aç" in page
    unlock_url = reverse("login_lockouts:delete", args=[attempt.pk])
    confirm = client.get(unlock_url)
    assert confirm.status_code == 200 and ADDRESS_A in confirm.content.decode()
    assert client.post(unlock_url).status_code == 302
    assert not AccessAttempt.objects.exists()
    client.logout()

    assert sign_in(client, "right", ADDRESS_A).status_code == 302


def test_lockouts_cannot_be_added_or_edited_and_need_the_permission(client, editor):
    fail_five_times(client, ADDRESS_A)
    attempt = AccessAttempt.objects.get()
    admin_only = get_user_model().objects.create_user("viewer", "v@example.org", "pw")
    admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(admin_only)
    assert client.get(reverse("login_lockouts:index")).status_code == 302
    assert client.post(reverse("login_lockouts:delete", args=[attempt.pk])).status_code == 302
    assert AccessAttempt.objects.exists()

    superuser = get_user_model().objects.create_superuser("root", "r@example.org", "pw")
    client.force_login(superuser)
    assert client.get(reverse("login_lockouts:add")).status_code == 302
    assert client.get(reverse("login_lockouts:edit", args=[attempt.pk])).status_code == 302
