"""My desk on the admin index, per user, and its counts in the sidebar of every admin page."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from editorial.services import transitions
from tests.editorial.helpers import change_url, changelist_url

INDEX = reverse("admin:index")
REASON = "导语太长，请压缩到一百字以内。\n第二段的数字请核实后再提交。"


def _section(page, key):
    """The HTML of one My desk section."""
    start = page.index(f'id="my-desk-{key}"')
    return page[start : page.index("</section>", start)]


def _count(page, key):
    return int(re.search(r'class="desk-home__badge">(\d+)<', _section(page, key)).group(1))


def test_a_reporter_sees_what_came_back_with_the_reason_in_full(story, reporter, editor, login):
    returned = story(status="review", headline="需要改的稿子")
    transitions.return_to_author(article=returned, actor=editor, reason=REASON, notify=False)
    story(status="draft", headline="还在写的草稿")
    story(status="review", headline="等着审的稿子")
    published = story(status="published", headline="本周见报的稿子")
    published.publish_at = timezone.now() - timedelta(minutes=5)
    published.save()

    page = login(reporter).get(INDEX).content.decode()
    returned_html = _section(page, "returned")
    assert "需要改的稿子" in returned_html
    assert "导语太长，请压缩到一百字以内。<br>第二段的数字请核实后再提交。" in returned_html
    assert "李明" in returned_html
    assert "还在写的草稿" in _section(page, "drafts")
    assert "需要改的稿子" not in _section(page, "drafts")
    assert "等着审的稿子" in _section(page, "in_review")
    assert "本周见报的稿子" in _section(page, "published")
    # Reporters neither review nor schedule.
    assert 'id="my-desk-to_review"' not in page and 'id="my-desk-scheduled"' not in page
    assert [_count(page, key) for key in ("returned", "drafts", "in_review", "published")] == [
        1,
        1,
        1,
        1,
    ]


def test_the_returned_reason_heads_the_story_until_the_author_acts(story, reporter, editor, login):
    article = story(status="review")
    transitions.return_to_author(article=article, actor=editor, reason=REASON, notify=False)
    client = login(reporter)
    page = client.get(change_url(article)).content.decode()
    assert page.index("desk-workflow__returned") < page.index('id="article_form"')
    assert "导语太长" in page
    transitions.submit(article=article, actor=reporter, notify=False)
    assert "desk-workflow__returned" not in client.get(change_url(article)).content.decode()


def test_an_editor_sees_the_queue_what_they_scheduled_and_published(
    story, reporter, editor, second_editor, login
):
    waiting = story(status="review", headline="等审的稿子")
    mine = story(status="review", headline="我排期的稿子")
    transitions.approve(
        article=mine, actor=editor, publish_at=timezone.now() + timedelta(days=1), notify=False
    )
    theirs = story(status="review", headline="别人排期的稿子")
    transitions.approve(
        article=theirs,
        actor=second_editor,
        publish_at=timezone.now() + timedelta(days=1),
        notify=False,
    )
    now = story(status="review", headline="我签发的稿子")
    transitions.approve(article=now, actor=editor, notify=False)

    page = login(editor).get(INDEX).content.decode()
    assert "等审的稿子" in _section(page, "to_review")
    scheduled = _section(page, "scheduled")
    assert "我排期的稿子" in scheduled and "别人排期的稿子" not in scheduled
    assert "我签发的稿子" in _section(page, "published")
    assert waiting.headline not in _section(page, "published")
    assert _count(page, "to_review") == 1 and _count(page, "scheduled") == 1


def test_sections_link_to_the_whole_list_when_longer(story, reporter, login):
    for number in range(10):
        story(status="draft", headline=f"草稿{number}")
    page = login(reporter).get(INDEX).content.decode()
    drafts = _section(page, "drafts")
    assert drafts.count('class="desk-home__story"') == 8
    assert "查看全部 10 篇" in drafts
    link = re.search(r'desk-home__more"><a href="([^"]+)"', drafts).group(1)
    assert link == changelist_url() + "?status=draft"
    assert login(reporter).get(link.replace("&amp;", "&")).status_code == 200


def test_the_sidebar_counts_my_desk_on_every_page(story, reporter, editor, login):
    article = story(status="review")
    transitions.return_to_author(article=article, actor=editor, reason="重写。", notify=False)
    page = login(reporter).get(changelist_url()).content.decode()
    sidebar = page[page.index('id="nav-sidebar"') :]
    assert "我的工作台" in sidebar
    row = re.search(r'desk-sidebar__returned[^"]*".*?<strong>(\d+)</strong>', sidebar, re.S)
    assert row.group(1) == "1"


def test_the_index_takes_a_bounded_number_of_queries(
    story, reporter, editor, login, django_assert_max_num_queries
):
    for number in range(6):
        article = story(status="review", headline=f"稿件{number}")
        if number % 2:
            transitions.return_to_author(article=article, actor=editor, reason="改。", notify=False)
    client = login(editor)
    client.get(INDEX)
    with django_assert_max_num_queries(20):
        assert client.get(INDEX).status_code == 200
