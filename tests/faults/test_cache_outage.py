"""Finding 1: with Redis down, readers get uncached pages and the desk keeps working."""

import logging

import pytest
from django.urls import reverse

from articles.models import Article
from tests.editorial.helpers import change_url, form_data, transition_url
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def _public_pages(article):
    return [
        "/",
        article.get_absolute_url(),
        article.union.get_absolute_url(),
        reverse("news:latest_feed"),
        reverse("news:photos"),
        reverse("news:sitemap"),
        reverse("search:search") + "?q=工会",
    ]


def test_public_pages_are_served_while_the_cache_is_down(dead_cache, city, client, caplog):
    article = make_article(union=city, status="published", headline="缓存故障时照常阅读")
    with caplog.at_level(logging.WARNING, logger="newsroom.resilient_cache"):
        for _ in range(3):
            for url in _public_pages(article):
                assert client.get(url).status_code == 200, url
    assert "缓存故障时照常阅读" in client.get("/").content.decode()
    # Logged once for the outage (when the test began), not once per request.
    records = caplog.get_records("setup") + caplog.get_records("call")
    assert [record.levelname for record in records] == ["ERROR"]


def test_withdraw_and_correction_succeed_while_the_cache_is_down(
    dead_cache, story, editor, login, client
):
    withdrawn = story(status="published", headline="故障中撤回")
    corrected = story(status="published", body="参会职工300人。")
    desk = login(editor)

    response = desk.post(transition_url(withdrawn, "withdraw"), {"reason": "数据有误，待核实。"})
    assert response.status_code == 302
    withdrawn.refresh_from_db()
    assert withdrawn.status == Article.Status.WITHDRAWN
    assert client.get(withdrawn.get_absolute_url()).status_code == 410

    data = form_data(desk.get(change_url(corrected)))
    data.update({"body": ["参会职工350人。"], "correction_note": ["原稿人数有误，已更正。"]})
    assert desk.post(change_url(corrected), data).status_code == 302
    corrected.refresh_from_db()
    assert corrected.body == "参会职工350人。"
    assert "参会职工350人。" in client.get(corrected.get_absolute_url()).content.decode()


def test_a_withdrawal_missed_by_the_cache_shows_once_it_is_back(
    redis_server, story, editor, login, client
):
    article = story(status="published", headline="恢复后不得再现")
    assert client.get(article.get_absolute_url()).status_code == 200  # now cached in Redis
    redis_server.stop()

    response = login(editor).post(transition_url(article, "withdraw"), {"reason": "撤稿。"})
    assert response.status_code == 302
    assert client.get(article.get_absolute_url()).status_code == 410

    # Redis comes back with its data: the page cached before the outage and the generation it
    # was cached under. The withdrawal could not bump that generation while Redis was down.
    redis_server.start()
    assert client.get(article.get_absolute_url()).status_code == 410
    assert "恢复后不得再现" not in client.get("/").content.decode()


def test_the_cache_keeps_one_redis_client_which_reconnects_after_a_restart(redis_server):
    """Django builds a redis client on every call; the site's backend keeps one per pool (a
    tenth of a millisecond each time, several times a page). The kept client is still the one
    that answers once Redis is back after an outage."""
    from django.core.cache import cache

    cache.set("probe", "before")
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    redis_server.stop()
    assert cache.get("probe") is None  # answered as a miss while Redis is down
    redis_server.start()
    cache.set("probe", "after")
    assert cache.get("probe") == "after"
    assert cache._cache.get_client() is client
