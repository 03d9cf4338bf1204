"""Small factories for tests: each makes one valid row with sensible defaults."""

from itertools import count

from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Article, Byline, Column
from unions.models import Union

_sequence = count(1)


def make_union(name=None, *, parent=None, kind=Union.Kind.CITY, **fields):
    name = name or f"测试{next(_sequence)}市总工会"
    return Union.objects.create(name=name, parent=parent, kind=kind, **fields)


def make_user(username=None, *, password="pass-for-tests-1", **fields):
    username = username or f"user{next(_sequence)}"
    return get_user_model().objects.create_user(username=username, password=password, **fields)


def make_column(name="扶贫村里的故事", **fields):
    column, _ = Column.objects.get_or_create(name=name, defaults={"slug": name, **fields})
    return column


def make_article(
    *, union=None, status=Article.Status.DRAFT, publish_at=None, themes=(), bylines=(), **fields
):
    """A story; a published one without publish_at is published an hour ago."""
    if status == Article.Status.PUBLISHED and publish_at is None:
        publish_at = timezone.now() - timezone.timedelta(hours=1)
    fields.setdefault("headline", f"测试稿件{next(_sequence)}")
    fields.setdefault("body", "第一段正文。\n\n第二段正文。")
    article = Article.objects.create(
        union=union or make_union(), status=status, publish_at=publish_at, **fields
    )
    if themes:
        article.themes.add(*themes)
    for position, (role, name) in enumerate(bylines):
        Byline.objects.create(article=article, position=position, role=role, name=name)
    return article
