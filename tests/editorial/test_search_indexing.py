"""Finding 13 (issue 15): a story's search document is refreshed once per commit, in a task."""

import pytest
from django.db import transaction
from django.urls import reverse
from django_tasks.signals import task_enqueued
from taggit.models import Tag

from tests.editorial.helpers import change_url, form_data
from tests.search.conftest import found, published, search

pytestmark = [pytest.mark.django_db, pytest.mark.index_on_commit]


@pytest.fixture
def index_tasks():
    enqueued = []

    def heard(sender, task_result, **kwargs):
        if task_result.task.name == "index_stories":
            enqueued.append(sorted(task_result.args[0]))

    task_enqueued.connect(heard)
    yield enqueued
    task_enqueued.disconnect(heard)


def test_saving_a_story_with_bylines_and_themes_indexes_it_once_after_the_commit(
    client, story, editor, login, index_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = story(status="published", headline="夜校开课", bylines=[("reporter", "陈雪")])
    index_tasks.clear()
    desk = login(editor)
    data = form_data(desk.get(change_url(article)))
    data.update(
        {
            "headline": ["职工书屋揭牌"],
            "bylines-0-name": ["黄元明"],
            "themes": ["普惠服务, 乡村振兴"],
            "correction_note": [""],
        }
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert desk.post(change_url(article), data).status_code == 302
        assert index_tasks == []  # nothing is indexed before the commit

    assert index_tasks == [[article.pk]]
    assert found(search(client, "职工书屋")) == [article]
    assert found(search(client, "黄元明")) == [article]
    assert found(search(client, "普惠服务")) == [article]


def test_a_renamed_theme_reindexes_its_stories_in_one_task(
    client, city, editor, login, index_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        stories = [
            published(union=city, headline=f"稿件{n}", themes=["劳模工匠"]) for n in range(3)
        ]
    index_tasks.clear()
    tag = Tag.objects.get(name="劳模工匠")
    desk = login(editor)
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    data = form_data(desk.get(url), form_id="tag_form")
    data["name"] = ["大国工匠"]

    with django_capture_on_commit_callbacks(execute=True):
        assert desk.post(url, data).status_code == 302

    assert index_tasks == [sorted(article.pk for article in stories)]
    assert sorted(found(search(client, "大国工匠")), key=lambda s: s.pk) == stories


def test_a_rolled_back_save_indexes_nothing(city, index_tasks, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        published(union=city, headline="回滚的稿件")
        raise RuntimeError
    assert index_tasks == []
