"""The page cache at scale: renewed by what a change touches, built once, and held by proxies."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial.roles import EDITOR
from news import cache as page_cache
from tests.factories import make_article, make_user

PURGE_PORT = 9650


def test_publishing_renews_only_the_pages_the_story_shows_on(
    client, city, other_city, django_assert_num_queries
):
    make_article(union=city, status="published", headline="宿州的旧闻")
    make_article(union=other_city, status="published", headline="蚌埠的旧闻")
    untouched = other_city.get_absolute_url()
    for url in ["/", city.get_absolute_url(), untouched]:
        client.get(url)

    make_article(
        union=city,
        status="published",
        publish_at=timezone.now() - timezone.timedelta(minutes=1),
        headline="宿州的新闻",
    )

    with django_assert_num_queries(0):
        assert "宿州的新闻" not in client.get(untouched).content.decode()
    assert "宿州的新闻" in client.get(city.get_absolute_url()).content.decode()
    assert "宿州的新闻" in client.get("/").content.decode()


def test_a_draft_saved_on_the_desk_renews_no_page(client, city, django_assert_num_queries):
    make_article(union=city, status="published", headline="已发布")
    client.get("/")
    draft = make_article(union=city, status="draft", headline="草稿")
    draft.headline = "草稿改过"
    draft.save()
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200


def test_while_one_request_renders_a_changed_page_others_get_the_previous_one(client, city):
    story = make_article(union=city, status="published", headline="第一版标题")
    url = story.get_absolute_url()
    client.get(url)
    story.headline = "第二版标题"
    story.save()
    # Another request is rendering the page right now.
    request = RequestFactory().get(url)
    lock = f"{page_cache._entry_key(request)}:rendering"
    assert cache.add(lock, 1, timeout=30)

    assert "第一版标题" in client.get(url).content.decode()

    cache.delete(lock)
    assert "第二版标题" in client.get(url).content.decode()


def test_anonymous_pages_can_be_held_by_a_proxy_and_revalidated(client, city, settings):
    settings.NEWS_PAGE_CACHE_SECONDS = 300
    story = make_article(union=city, status="published")
    url = story.get_absolute_url()

    first = client.get(url)
    second = client.get(url)

    for response in (first, second):
        assert "public" in response["Cache-Control"]
        assert "max-age=300" in response["Cache-Control"]
        assert "stale-while-revalidate" in response["Cache-Control"]
        assert response["ETag"] == first["ETag"]
        assert response["Last-Modified"]
        # Nothing ties the page to a visitor: no session, no CSRF cookie, no Vary: Cookie.
        assert not response.cookies
        assert "Cookie" not in response.get("Vary", "")
    not_modified = client.get(url, headers={"if-none-match": first["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304


def test_logged_in_pages_are_private(client, city):
    story = make_article(union=city, status="published")
    client.force_login(make_user())
    response = client.get(story.get_absolute_url())
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeRecorder.received.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.received = []
    server = HTTPServer(("127.0.0.1", PURGE_PORT), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_a_publication_purges_its_pages_from_the_proxy(
    city, province, settings, purge_server, django_capture_on_commit_callbacks
):
    settings.NEWS_PURGE_URL = f"http://127.0.0.1:{PURGE_PORT}/purge{{path}}"
    editor = make_user("purging-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    desk = Client()
    desk.force_login(editor)
    story = make_article(union=city, status="review", headline="将签发的稿件", themes=["劳模"])

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            reverse("admin:articles_article_transition", args=[story.pk, "approve"]),
            {"when": "now"},
        )
    assert response.status_code == 302
    assert Article.objects.get(pk=story.pk).is_published()

    theme = "/themes/%E5%8A%B3%E6%A8%A1/"
    expected = {
        "/",
        f"/news/{story.pk}/",
        city.get_absolute_url(),
        f"{city.get_absolute_url()}feed/",
        province.get_absolute_url(),
        f"{province.get_absolute_url()}feed/",
        theme,
        f"{theme}feed/",
        "/unions/",
        "/photos/",
        "/feeds/latest/",
        "/sitemap.xml",
    }
    assert {path.removeprefix("/purge") for path in purge_server} == expected
    # Only those: another city's pages stay in the proxy.
    assert len(purge_server) == len(expected)
