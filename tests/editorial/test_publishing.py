"""Approving now or at a time, returning and withdrawing: what the desk and the public see."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone

from articles.models import Article
from editorial.models import ArticleEvent
from tests.editorial.helpers import (
    change_url,
    changelist_url,
    message_codes,
    messages_of,
    transition_url,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_approve_page_says_the_time_zone(story, editor, login):
    article = story(status="review")
    page = login(editor).get(transition_url(article, "approve")).content.decode()
    assert "Asia/Shanghai" in page
    assert 'type="datetime-local"' in page


def test_scheduled_in_the_future_is_not_public_until_its_time(story, editor, login, client):
    article = story(status="review", headline="职工书屋揭牌")
    with time_machine.travel(datetime(2026, 5, 1, 8, 0, tzinfo=SHANGHAI), tick=False):
        response = login(editor).post(
            transition_url(article, "approve"), {"when": "at", "publish_at": "2026-05-02T09:30"}
        )
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.status == "published"
        # The time typed is Beijing time.
        assert article.publish_at == datetime(2026, 5, 2, 9, 30, tzinfo=SHANGHAI)
        assert article.is_scheduled()
        assert client.get(article.get_absolute_url()).status_code == 404
        listing = login(editor).get(changelist_url()).content.decode()
        assert "desk-status--scheduled" in listing
        assert "已排期" in listing
        assert any("2026" in message for message in messages_of(response))
    with time_machine.travel(datetime(2026, 5, 2, 9, 31, tzinfo=SHANGHAI), tick=False):
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "职工书屋揭牌" in response.content.decode()


def test_approved_with_a_past_time_is_public_at_once(story, editor, login, client):
    article = story(status="review")
    earlier = (timezone.localtime() - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    login(editor).post(
        transition_url(article, "approve"),
        {"when": "at", "publish_at": earlier, "confirm_past": "on"},
    )
    article.refresh_from_db()
    assert article.is_published()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_approve_now_is_public_at_once(story, editor, login, client):
    article = story(status="review")
    login(editor).post(transition_url(article, "approve"), {"when": "now"})
    article.refresh_from_db()
    assert article.is_published()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_approve_at_a_time_without_the_time_is_refused(story, editor, login):
    article = story(status="review")
    response = login(editor).post(transition_url(article, "approve"), {"when": "at"})
    assert response.status_code == 200
    assert response.context["form"].errors["publish_at"]
    article.refresh_from_db()
    assert article.status == "review"
    assert not ArticleEvent.objects.filter(article=article).exists()


def test_approve_with_a_garbled_time_is_refused(story, editor, login):
    article = story(status="review")
    response = login(editor).post(
        transition_url(article, "approve"), {"when": "at", "publish_at": "明天上午"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["publish_at"]
    article.refresh_from_db()
    assert article.status == "review"


def test_rescheduling_moves_the_time_and_taking_off_returns_to_review(story, editor, login):
    article = story(status="published", publish_at=timezone.now() + timedelta(days=3))
    client = login(editor)
    later = (timezone.localtime() + timedelta(days=5)).replace(second=0, microsecond=0)
    client.post(
        transition_url(article, "reschedule"),
        {"when": "at", "publish_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    article.refresh_from_db()
    assert article.publish_at == later
    client.post(transition_url(article, "unschedule"))
    article.refresh_from_db()
    assert (article.status, article.publish_at) == ("review", None)


def test_return_without_a_reason_is_refused(story, editor, login):
    article = story(status="review")
    for data in ({}, {"reason": ""}, {"reason": "   \n "}):
        response = login(editor).post(transition_url(article, "return"), data)
        assert response.status_code == 200
        assert response.context["form"].errors["reason"]
        assert "errornote" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "review"
    assert not ArticleEvent.objects.filter(article=article).exists()


def test_return_with_a_reason_shows_it_to_the_author(story, editor, reporter, login):
    article = story(status="review")
    login(editor).post(transition_url(article, "return"), {"reason": "请补充<职工>人数。"})
    article.refresh_from_db()
    assert article.status == "draft"
    page = login(reporter).get(change_url(article)).content.decode()
    assert "请补充&lt;职工&gt;人数。" in page
    assert "desk-status--returned" in page
    # Returned to them, the author edits it again.
    assert 'name="body"' in page


def test_withdrawn_story_answers_410(story, editor, login, client):
    article = story(status="published", headline="撤稿测试")
    assert client.get(article.get_absolute_url()).status_code == 200
    response = login(editor).post(
        transition_url(article, "withdraw"), {"reason": "数据有误,待核实。"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "withdrawn"
    assert client.get(article.get_absolute_url()).status_code == 410
    event = ArticleEvent.objects.get(article=article)
    assert (event.kind, event.reason, event.actor) == ("withdrawn", "数据有误,待核实。", editor)


def test_withdraw_without_a_reason_is_refused(story, editor, login, client):
    article = story(status="published")
    response = login(editor).post(transition_url(article, "withdraw"), {"reason": ""})
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == "published"
    assert client.get(article.get_absolute_url()).status_code == 200


def _run_action(client, action, articles, **extra):
    return client.post(
        changelist_url(),
        {"action": action, "_selected_action": [a.pk for a in articles], **extra},
    )


def test_bulk_publish_reports_each_story(story, editor, login):
    ready = [story(status="review", headline=f"待签发{n}") for n in range(2)]
    draft = story(status="draft", headline="还是草稿")
    response = _run_action(login(editor), "publish_now", [*ready, draft])
    assert response.status_code == 302
    for article in ready:
        article.refresh_from_db()
        assert article.is_published()
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert sorted(message_codes(response)) == ["approved", "approved", "wrong_status"]
    messages = messages_of(response)
    assert any("还是草稿" in m for m in messages)
    assert all(any(a.headline in m for m in messages) for a in ready)


def test_bulk_return_asks_for_a_reason_then_returns(story, editor, login):
    articles = [story(status="review", headline=f"待退回{n}") for n in range(2)]
    client = login(editor)
    page = _run_action(client, "return_to_authors", articles)
    assert page.status_code == 200
    assert "待退回0" in page.content.decode() and 'name="reason"' in page.content.decode()

    refused = _run_action(client, "return_to_authors", articles, confirm="yes", reason="")
    assert refused.status_code == 200
    assert refused.context["form"].errors["reason"]
    assert set(Article.objects.values_list("status", flat=True)) == {"review"}

    done = _run_action(client, "return_to_authors", articles, confirm="yes", reason="统一改稿。")
    assert done.status_code == 302
    assert set(Article.objects.values_list("status", flat=True)) == {"draft"}
    assert set(ArticleEvent.objects.values_list("reason", flat=True)) == {"统一改稿。"}


def test_bulk_withdraw_with_a_reason(story, editor, login, client):
    live = story(status="published")
    scheduled = story(status="published", publish_at=timezone.now() + timedelta(days=1))
    response = _run_action(
        login(editor), "withdraw_selected", [live, scheduled], confirm="yes", reason="重复稿件。"
    )
    assert response.status_code == 302
    live.refresh_from_db()
    scheduled.refresh_from_db()
    assert live.status == "withdrawn"
    assert scheduled.status == "published"
    assert client.get(live.get_absolute_url()).status_code == 410
    assert len(messages_of(response)) == 2


def test_reporters_have_no_bulk_actions(story, reporter, login):
    article = story(status="review")
    client = login(reporter)
    page = client.get(changelist_url()).content.decode()
    assert "publish_now" not in page and "withdraw_selected" not in page
    _run_action(client, "publish_now", [article])
    article.refresh_from_db()
    assert article.status == "review"
