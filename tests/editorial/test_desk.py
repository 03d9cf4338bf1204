"""The review desk: the story list's columns, filters, queue order, query count; the index."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from editorial import selectors
from editorial.services import filing, transitions
from tests.editorial.helpers import changelist_url
from tests.factories import make_union


def _rows(response):
    """The headlines on the list page, in order."""
    return [article.headline for article in response.context["cl"].result_list]


def test_list_columns(story, editor, login):
    article = story(status="draft", headline="列表栏目", body="一二三四五。")
    # The submission time comes from the workflow's event.
    with time_machine.travel(timezone.now() - timedelta(hours=2)):
        transitions.submit(article=article, actor=article.created_by, notify=False)
    page = login(editor).get(changelist_url()).content.decode()
    for text in ("列表栏目", "desk-status--review", "宿州市总工会", "陈雪", "字数"):
        assert text in page
    assert '<td class="field-length_column">6</td>' in page  # punctuation counts
    submitted = timezone.localtime(article.events.get().created_at)
    assert submitted.strftime("%H:%M") in page


def test_scheduled_and_returned_are_told_apart(story, editor, login):
    story(status="published", publish_at=timezone.now() + timedelta(days=1), headline="排期稿")
    returned = story(status="review", headline="退回稿")
    transitions.return_to_author(article=returned, actor=editor, reason="重写。", notify=False)
    page = login(editor).get(changelist_url()).content.decode()
    assert "desk-status--scheduled" in page and "desk-status--returned" in page
    assert "已排期" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Each desk status is its own list: a returned draft is under "returned" only.
        ({"status": "draft"}, {"草稿", "编辑自己的稿"}),
        ({"status": "returned"}, {"退回稿"}),
        ({"status": "review"}, {"审核中"}),
        ({"status": "scheduled"}, {"排期稿"}),
        ({"status": "published"}, {"已发"}),
        ({"status": "withdrawn"}, {"已撤"}),
        ({"genre": "feature"}, {"已发"}),
        ({"mine": "yes"}, {"编辑自己的稿"}),
    ],
)
def test_filters(story, editor, login, query, expected):
    story(status="draft", headline="草稿")
    returned = story(status="review", headline="退回稿")
    transitions.return_to_author(article=returned, actor=editor, reason="重写。", notify=False)
    story(status="review", headline="审核中")
    story(status="published", publish_at=timezone.now() + timedelta(days=1), headline="排期稿")
    story(status="published", headline="已发", genre="feature")
    story(status="withdrawn", publish_at=timezone.now() - timedelta(days=1), headline="已撤")
    story(status="draft", headline="编辑自己的稿", author=editor, genre="commentary")
    response = login(editor).get(changelist_url(), query)
    assert response.status_code == 200
    assert set(_rows(response)) == expected


def test_union_filter_includes_sub_unions(province, city, story, editor, login):
    county = make_union("泗县总工会", parent=city, kind="county")
    enterprise = make_union("泗县某厂工会", parent=county, kind="enterprise")
    other_city = make_union("合肥市总工会", parent=province)
    story(headline="市里的稿")
    story(headline="县里的稿", union=county)
    story(headline="厂里的稿", union=enterprise)
    story(headline="合肥的稿", union=other_city)
    client = login(editor)
    assert set(_rows(client.get(changelist_url(), {"union": city.pk}))) == {
        "市里的稿",
        "县里的稿",
        "厂里的稿",
    }
    assert set(_rows(client.get(changelist_url(), {"union": county.pk}))) == {
        "县里的稿",
        "厂里的稿",
    }


def test_theme_and_author_filters(story, editor, reporter, other_reporter, login):
    theme = Tag.objects.create(name="职工之家", slug="职工之家")
    story(headline="有主题", themes=[theme])
    story(headline="没主题", author=other_reporter)
    client = login(editor)
    assert _rows(client.get(changelist_url(), {"theme": "职工之家"})) == ["有主题"]
    by_author = client.get(changelist_url(), {"author": other_reporter.pk})
    assert _rows(by_author) == ["没主题"]
    # The filter names the authors as the desk knows them, not by their login.
    filters = by_author.content.decode().split('id="changelist-filter"')[1]
    assert "王志刚" in filters and "陈雪" in filters and "wangzhigang" not in filters


def test_review_queue_is_oldest_first(story, editor, reporter, login):
    start = timezone.now() - timedelta(days=1)
    for hours, headline in ((5, "最晚提交"), (1, "最早提交"), (3, "中间提交")):
        article = story(status="draft", headline=headline)
        with time_machine.travel(start + timedelta(hours=hours)):
            transitions.submit(article=article, actor=reporter, notify=False)
    response = login(editor).get(changelist_url(), {"status": "review"})
    assert _rows(response) == ["最早提交", "中间提交", "最晚提交"]


def test_reporter_list_has_no_author_filters(story, reporter, login):
    story()
    page = login(reporter).get(changelist_url()).content.decode()
    assert "?mine=yes" not in page
    assert "?author=" not in page


def _fill_desk(city, reporter, editor, count):
    theme = Tag.objects.get_or_create(name="集体协商", slug="集体协商")[0]
    statuses = ["draft", "review", "published", "withdrawn"]
    for n in range(count):
        status = statuses[n % 4]
        article = filing.file_draft(
            actor=reporter,
            union=city,
            headline=f"稿件{n}",
            body="正文。",
            bylines=[("reporter", "陈雪")],
            themes=[theme],
        )
        if status != "draft":
            filing.drive_to_status(
                article=article, status=status, author=reporter, editor=editor, reason="测试。"
            )


@pytest.mark.parametrize("query", [{}, {"status": "review"}, {"q": "稿件"}])
def test_list_query_count_does_not_grow_with_rows(
    city, reporter, editor, login, django_assert_max_num_queries, query
):
    client = login(editor)
    _fill_desk(city, reporter, editor, 2)
    with CaptureQueriesContext(connection) as two_rows:
        assert client.get(changelist_url(), query).status_code == 200
    _fill_desk(city, reporter, editor, 28)
    with django_assert_max_num_queries(len(two_rows)):
        response = client.get(changelist_url(), query)
    assert response.status_code == 200
    expected = Article.objects.in_review().count() if "status" in query else 30
    assert len(response.context["cl"].result_list) == expected


def test_admin_index_shows_the_desk(story, editor, reporter, login):
    now = timezone.now()
    story(status="draft")
    waiting = story(status="draft", headline="等得最久")
    with time_machine.travel(now - timedelta(days=2)):
        transitions.submit(article=waiting, actor=reporter, notify=False)
    story(status="published", publish_at=now + timedelta(hours=20), headline="明天见报")
    story(status="published", publish_at=now + timedelta(hours=72), headline="三天后见报")
    story(status="published")
    response = login(editor).get("/admin/")
    assert response.status_code == 200
    page = response.content.decode()
    # The story in review is listed in My desk's "In review" (and in 三审's queue, which the
    # editor may sign), not again in the desk summary.
    start = page.index('class="module desk-summary"')
    summary = page[start : page.index("</section>", start)]
    assert "等得最久" not in summary and "等得最久" in page
    assert "待审稿件" in page and "等待审核最久的稿件" not in page
    assert "明天见报" in page
    assert "三天后见报" not in page
    counts = dict((key, count) for key, _label, count in response.context["counts"])
    assert counts == {
        "draft": 1,
        "returned": 0,
        "review": 1,
        "scheduled": 2,
        "published": 1,
        "withdrawn": 0,
    }


def test_the_desk_summary_counts_published_stories_up_to_a_cap(story, editor, login, monkeypatch):
    """Counting every story ever published reads the whole index: past the cap, "N+"."""
    monkeypatch.setattr(selectors, "PUBLISHED_COUNT_CAP", 2)
    for _ in range(3):
        story(status="published")
    story(status="review")
    page = login(editor).get("/admin/").content.decode()
    start = page.index('class="module desk-summary"')
    summary = page[start : page.index("</section>", start)]
    published = summary.partition("?status=published")[2].partition("</li>")[0]
    assert "<strong>2+</strong>" in published
    in_review = summary.partition("?status=review")[2].partition("</li>")[0]
    assert "<strong>1</strong>" in in_review

    monkeypatch.setattr(selectors, "PUBLISHED_COUNT_CAP", 3)
    page = login(editor).get("/admin/").content.decode()
    start = page.index('class="module desk-summary"')
    published = page[start:].partition("?status=published")[2].partition("</li>")[0]
    assert "<strong>3</strong>" in published


def test_admin_index_counts_only_own_stories_for_a_reporter(story, reporter, other_reporter, login):
    story(status="draft")
    story(status="draft", author=other_reporter)
    response = login(reporter).get("/admin/")
    counts = dict((key, count) for key, _label, count in response.context["counts"])
    assert counts["draft"] == 1


def test_admin_index_query_count_does_not_grow_with_the_desk(
    city, reporter, editor, login, django_assert_max_num_queries
):
    client = login(editor)
    _fill_desk(city, reporter, editor, 4)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/admin/").status_code == 200
    _fill_desk(city, reporter, editor, 24)
    with django_assert_max_num_queries(len(few)):
        response = client.get("/admin/")
    counts = dict((key, count) for key, _label, count in response.context["counts"])
    assert counts["review"] == 7


def test_the_list_shows_fifty_stories_a_page_each_with_its_selection_box(story, editor, login):
    for number in range(51):
        story(status="draft", headline=f"第{number}篇")
    client = login(editor)
    page = client.get(changelist_url())
    html = page.content.decode()
    assert len(page.context["cl"].result_list) == 50
    assert html.count('name="_selected_action"') == 50
    assert 'class="action-select" aria-label="选择此对象执行操作 - 第50篇"' in html
    # The selection boxes post the stories an action is for.
    newest = Article.objects.get(headline="第50篇")
    assert f'name="_selected_action" value="{newest.pk}"' in html
    second = client.get(changelist_url() + "?p=2")
    assert [article.headline for article in second.context["cl"].result_list] == ["第0篇"]
