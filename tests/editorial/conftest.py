import pytest
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import EDITOR, REPORTER
from tests.factories import make_article, make_user


def member(group_name, username, **fields):
    """A desk account in one of the groups the data migration made."""
    fields.setdefault("email", f"{username}@example.org")
    user = make_user(username, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def reporter(db):
    return member(REPORTER, "chenxue", first_name="陈雪")


@pytest.fixture
def other_reporter(db):
    return member(REPORTER, "wangzhigang", first_name="王志刚")


@pytest.fixture
def editor(db):
    return member(EDITOR, "liming", first_name="李明")


@pytest.fixture
def second_editor(db):
    return member(EDITOR, "zhaoli", first_name="赵丽")


@pytest.fixture
def superuser(db):
    return make_user("chief", is_staff=True, is_superuser=True, email="chief@example.org")


@pytest.fixture
def login():
    """A separate logged-in browser session per user: login(user) -> Client."""

    def log_in(user):
        client = Client()
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def story(city, reporter):
    """story(status=..., author=...) -> a story by the reporter (or author) in the city union."""

    def make(status="draft", author=None, **fields):
        fields.setdefault("union", city)
        return make_article(status=status, created_by=author or reporter, **fields)

    return make
