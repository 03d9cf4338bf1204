"""The Reporter and Editor groups, and the functions the demo loader calls."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from reversion.models import Version

from editorial import roles
from editorial.services import filing


def _codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_the_migration_made_both_groups(db):
    reporter, editor = _codenames("Reporter"), _codenames("Editor")
    assert {"add_article", "change_article", "submit_article"} <= reporter
    assert not reporter & {"review_article", "publish_article", "withdraw_article"}
    assert {"review_article", "publish_article", "withdraw_article", "correct_article"} <= editor
    assert reporter < editor


def test_ensure_groups_is_idempotent_and_repairs(db):
    Group.objects.get(name="Editor").permissions.clear()
    roles.ensure_groups()
    roles.ensure_groups()
    assert Group.objects.filter(name__in=["Reporter", "Editor"]).count() == 2
    assert "publish_article" in _codenames("Editor")


def test_ensure_groups_names_a_missing_permission(db, monkeypatch):
    monkeypatch.setitem(roles.GROUP_PERMISSIONS, "Editor", ["articles.fly_article"])
    with pytest.raises(LookupError, match="articles.fly_article"):
        roles.ensure_groups()


@pytest.mark.parametrize(
    ("state", "status", "kinds"),
    [
        ("draft", "draft", ["created"]),
        ("review", "review", ["created", "submitted"]),
        ("returned", "draft", ["created", "submitted", "returned"]),
        ("published", "published", ["created", "submitted", "approved"]),
        ("withdrawn", "withdrawn", ["created", "submitted", "approved", "withdrawn"]),
    ],
)
def test_demo_stories_go_through_the_workflow(city, reporter, editor, state, status, kinds):
    article = filing.file_draft(
        actor=reporter,
        union=city,
        headline="演示稿件",
        body="正文。",
        bylines=[("reporter", "陈雪")],
    )
    filing.drive_to_status(
        article=article, status=state, author=reporter, editor=editor, reason="演示。"
    )
    article.refresh_from_db()
    assert article.status == status
    recorded = list(article.events.order_by("created_at", "pk").values_list("kind", flat=True))
    assert recorded == kinds
    assert Version.objects.get_for_object(article).count() == 1


def test_demo_story_scheduled(city, reporter, editor):
    article = filing.file_draft(actor=reporter, union=city, headline="排期", body="正文。")
    filing.drive_to_status(
        article=article,
        status="published",
        author=reporter,
        editor=editor,
        publish_at=timezone.now() + timedelta(days=1),
    )
    article.refresh_from_db()
    assert article.is_scheduled()
