"""Finding 3 and 9 (issue 15): login throttling that cannot be turned against the desk."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from editorial.roles import EDITOR, EDITOR_IN_CHIEF
from tests.factories import make_user

LOGIN = reverse("admin:login")
PASSWORD = "the-right-password-2026"
PROXY = "10.0.0.2"


@pytest.fixture
def editor(db):
    user = make_user("liming", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]


def log_in(client, username, password, *, via=None, forwarded_for=None):
    extra = {"REMOTE_ADDR": via or "203.0.113.50"}
    if forwarded_for:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_an_attacker_behind_the_proxy_cannot_lock_an_editor_out(editor, behind_proxy):
    for _ in range(6):
        response = log_in(Client(), "liming", "guess", via=PROXY, forwarded_for="203.0.113.9")
        assert not logged_in(response)
    # The attacker is locked out, even with the right password ...
    assert not logged_in(
        log_in(Client(), "liming", PASSWORD, via=PROXY, forwarded_for="203.0.113.9")
    )
    # ... and the editor, at the office's own address behind the same proxy, is not.
    assert logged_in(log_in(Client(), "liming", PASSWORD, via=PROXY, forwarded_for="198.51.100.7"))


def test_a_forwarded_address_from_an_untrusted_client_is_ignored(editor, behind_proxy):
    """A client that writes X-Forwarded-For itself cannot dodge its lockout with it."""
    for attempt in range(6):
        log_in(Client(), "liming", "guess", via="203.0.113.9", forwarded_for=f"192.0.2.{attempt}")
    assert not logged_in(
        log_in(Client(), "liming", PASSWORD, via="203.0.113.9", forwarded_for="192.0.2.99")
    )


def test_the_proxy_address_is_used_without_trusted_proxies(editor):
    for _ in range(6):
        log_in(Client(), "liming", "guess", via=PROXY, forwarded_for="203.0.113.9")
    # Without TRUSTED_PROXIES the header is a client's claim: everyone is the proxy.
    assert not logged_in(
        log_in(Client(), "liming", PASSWORD, via=PROXY, forwarded_for="198.51.100.7")
    )


def test_an_editor_in_chief_unlocks_a_colleague_from_the_admin(editor):
    for _ in range(6):
        log_in(Client(), "liming", "guess", via="198.51.100.7")
    assert not logged_in(log_in(Client(), "liming", PASSWORD, via="198.51.100.7"))

    chief = make_user("zhubian", is_staff=True)
    chief.groups.add(Group.objects.get(name=EDITOR_IN_CHIEF))
    desk = Client()
    desk.force_login(chief)
    listing = desk.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200
    assert "liming" in listing.content.decode()
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get(username="liming")
    response = desk.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert response.status_code == 302

    assert logged_in(log_in(Client(), "liming", PASSWORD, via="198.51.100.7"))


def test_an_editor_cannot_unlock(editor):
    desk = Client()
    desk.force_login(editor)
    assert desk.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


@pytest.mark.parametrize("username", ["a" * 10_000, "admin\x00", "\x00" * 300])
def test_an_absurd_username_is_a_failed_login_not_a_server_error(db, username):
    response = log_in(Client(), username, "whatever")
    assert response.status_code in {200, 400}  # a form error, or refused before the form
    assert not logged_in(response)
