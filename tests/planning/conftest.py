import re
from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from editorial.roles import EDITOR, REPORTER
from tests.factories import make_user


def member(group_name, username, **fields):
    """A desk account in one of the groups the data migrations made."""
    fields.setdefault("email", f"{username}@example.org")
    user = make_user(username, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def beijing(*args):
    """An aware time read on a Beijing clock: beijing(2026, 12, 1, 0, 30)."""
    return timezone.make_aware(datetime(*args))


def day_cells(html):
    """{"2026-12-01": the HTML of that day's calendar cell, ...}"""
    return dict(re.findall(r'data-date="(\d{4}-\d\d-\d\d)">(.*?)</td>', html, re.S))


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
def login():
    def log_in(user):
        client = Client()
        client.force_login(user)
        return client

    return log_in
