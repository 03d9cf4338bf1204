"""Pages are cached for anonymous readers, and every change to a story shows at once."""

import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline
from editorial.roles import EDITOR
from news.rendering import render_article
from tests.factories import make_article, make_union, make_user
from tests.news.helpers import make_photo


def test_second_anonymous_request_is_served_from_the_cache(client, city, django_assert_num_queries):
    story = make_article(union=city, status="published", headline="缓存测试")
    for url in ["/", story.get_absolute_url(), city.get_absolute_url(), "/feeds/latest/"]:
        first = client.get(url)
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second.status_code == 200
        assert second.content == first.content


def test_logged_in_readers_always_get_a_fresh_page(client, city):
    make_article(union=city, status="published", headline="编辑看到的稿件")
    client.force_login(make_user())
    client.get("/")
    story = Article.objects.get()
    # A change that no signal announces: only a fresh render can show it.
    Article.objects.filter(pk=story.pk).update(headline="悄悄改过的标题")
    assert "悄悄改过的标题" in client.get("/").content.decode()


def test_publishing_shows_at_once(client, city):
    story = make_article(union=city, status="review", headline="刚刚签发的稿件", themes=["劳模"])
    assert client.get(story.get_absolute_url()).status_code == 404
    assert "刚刚签发的稿件" not in client.get("/").content.decode()
    client.get(city.get_absolute_url())

    story.status = Article.Status.PUBLISHED
    story.publish_at = timezone.now()
    story.save()

    assert client.get(story.get_absolute_url()).status_code == 200
    assert "刚刚签发的稿件" in client.get("/").content.decode()
    assert "刚刚签发的稿件" in client.get(city.get_absolute_url()).content.decode()
    assert "刚刚签发的稿件" in client.get("/feeds/latest/").content.decode()


def test_withdrawing_shows_at_once(client, city):
    story = make_article(union=city, status="published", headline="将被撤回的稿件")
    assert client.get(story.get_absolute_url()).status_code == 200
    assert "将被撤回的稿件" in client.get("/").content.decode()
    assert "将被撤回的稿件" in client.get("/feeds/latest/").content.decode()

    story.status = Article.Status.WITHDRAWN
    story.save()

    assert client.get(story.get_absolute_url()).status_code == 410
    assert "将被撤回的稿件" not in client.get("/").content.decode()
    assert "将被撤回的稿件" not in client.get("/feeds/latest/").content.decode()


def test_editing_a_story_its_byline_photo_and_themes_shows_at_once(client, city):
    story = make_article(union=city, status="published", headline="原来的标题")
    url = story.get_absolute_url()
    client.get(url)

    story.headline = "改过的标题"
    story.save()
    assert "改过的标题" in client.get(url).content.decode()

    Byline.objects.create(article=story, role="reporter", name="陈雪")
    assert "\uff08本报记者 陈雪\uff09" in client.get(url).content.decode()

    make_photo(story, is_lead=True, caption="新加的照片")
    assert "新加的照片" in client.get(url).content.decode()

    story.themes.add("职工之家")
    assert "职工之家" in client.get(url).content.decode()
    assert "改过的标题" in client.get("/themes/职工之家/").content.decode()

    story.themes.remove("职工之家")
    assert client.get("/themes/职工之家/").status_code == 404


def test_renaming_a_union_shows_at_once(client, city):
    make_article(union=city, status="published")
    client.get("/unions/")
    city.name = "宿州市总工会(新名)"
    city.save()
    assert "宿州市总工会(新名)" in client.get("/unions/").content.decode()


def test_scheduled_story_appears_when_its_time_comes(
    client, city, django_capture_on_commit_callbacks
):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        # Committed, as the desk's step is: the commit notes when the story falls due.
        with django_capture_on_commit_callbacks(execute=True):
            story = make_article(
                union=city,
                status="published",
                publish_at=timezone.now() + timezone.timedelta(hours=1),
                headline="定时发布的稿件",
            )
        assert "定时发布的稿件" not in client.get("/").content.decode()
        assert client.get(story.get_absolute_url()).status_code == 404

        traveller.shift(timezone.timedelta(hours=1, minutes=1))

        assert "定时发布的稿件" in client.get("/").content.decode()
        assert client.get(story.get_absolute_url()).status_code == 200


def test_caching_can_be_turned_off(client, city, settings):
    settings.NEWS_PAGE_CACHE_SECONDS = 0
    story = make_article(union=city, status="published", headline="不缓存")
    client.get("/")
    Article.objects.filter(pk=story.pk).update(headline="不缓存也能看到")
    assert "不缓存也能看到" in client.get("/").content.decode()


def test_preview_is_marked_noindex_and_never_cached(client, city):
    draft = make_article(union=city, status="draft", headline="预览中的稿件")
    request = RequestFactory().get("/editorial/preview/")
    request.user = make_user()

    response = render_article(request, draft, preview=True)

    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="preview-banner"' in html and "读者现在还看不到它" in html
    assert "预览中的稿件" in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]
    # The public address of the draft still answers 404: the preview left nothing cached.
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_public_story_page_has_no_preview_marks(client, city):
    story = make_article(union=city, status="published")
    html = client.get(story.get_absolute_url()).content.decode()
    assert 'content="noindex"' not in html and "preview-banner" not in html


def test_the_desk_approving_and_withdrawing_in_the_admin_shows_at_once(client, city):
    """The editor works in the admin (a browser of their own) while readers hit cached pages."""
    reporter = make_user("reporter-on-the-desk")
    editor = make_user("editor-on-the-desk", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    desk = Client()
    desk.force_login(editor)
    story = make_article(
        union=city, status="review", headline="编辑签发的稿件", created_by=reporter
    )
    pages = ["/", city.get_absolute_url(), "/feeds/latest/", "/sitemap.xml"]
    for url in pages:
        assert "编辑签发的稿件" not in client.get(url).content.decode()
    assert client.get(story.get_absolute_url()).status_code == 404

    def transition(name, data):
        url = reverse("admin:articles_article_transition", args=[story.pk, name])
        assert desk.post(url, data).status_code == 302

    transition("approve", {"when": "now"})

    assert "编辑签发的稿件" in client.get("/").content.decode()
    assert "编辑签发的稿件" in client.get(city.get_absolute_url()).content.decode()
    assert "编辑签发的稿件" in client.get("/feeds/latest/").content.decode()
    assert story.get_absolute_url() in client.get("/sitemap.xml").content.decode()
    assert client.get(story.get_absolute_url()).status_code == 200

    transition("withdraw", {"reason": "数据有误，待核实。"})

    assert client.get(story.get_absolute_url()).status_code == 410
    for url in pages:
        assert "编辑签发的稿件" not in client.get(url).content.decode(), url
        assert story.get_absolute_url() not in client.get(url).content.decode(), url


def _page_served_from_cache(client, url, django_assert_num_queries):
    with django_assert_num_queries(0):
        return client.get(url).content.decode()


def test_story_falling_due_renews_only_its_pages(
    client, city, province, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The first reader after the time renews the story's pages; another city's stays cached."""
    from news.cache import SITE_KEY

    other = make_union("蚌埠市总工会", parent=province, kind="city")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        # One transaction (the test's own never commits, so it gathers every renewal).
        with django_capture_on_commit_callbacks(execute=True):
            make_article(union=other, status="published", headline="别市的旧闻")
            story = make_article(
                union=city,
                status="published",
                # Sooner than a cached page's lifetime, which would renew every page anyway.
                publish_at=timezone.now() + timezone.timedelta(minutes=2),
                headline="定时发布的稿件",
            )
        for url in ["/", city.get_absolute_url(), other.get_absolute_url()]:
            assert "定时发布的稿件" not in client.get(url).content.decode()
        token = cache.get(SITE_KEY)["token"]

        traveller.shift(timezone.timedelta(minutes=2, seconds=1))

        assert "定时发布的稿件" in client.get("/").content.decode()
        assert "定时发布的稿件" in client.get(city.get_absolute_url()).content.decode()
        assert client.get(story.get_absolute_url()).status_code == 200
        assert cache.get(SITE_KEY)["token"] == token
        html = _page_served_from_cache(client, other.get_absolute_url(), django_assert_num_queries)
        assert "别市的旧闻" in html


def test_the_task_at_publication_time_renews_the_pages_without_a_reader(
    client, city, django_capture_on_commit_callbacks
):
    """editorial's task at the publication time sends story_fell_due; news renews the pages."""
    from editorial.tasks import announce_fallen_due
    from news.cache import SITE_KEY

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        with django_capture_on_commit_callbacks(execute=True):
            story = make_article(
                union=city,
                status="published",
                publish_at=timezone.now() + timezone.timedelta(minutes=3),
                headline="到点发布的稿件",
            )
        assert "到点发布的稿件" not in client.get(city.get_absolute_url()).content.decode()
        traveller.shift(timezone.timedelta(minutes=3, seconds=1))

        assert announce_fallen_due.call(article_id=story.pk) == 0
        assert cache.get(SITE_KEY)["due"] == 0  # nothing else is scheduled
        # The page (cached a moment ago) was renewed by the task: the reader gets it afresh.
        assert "到点发布的稿件" in client.get(city.get_absolute_url()).content.decode()


def test_fragments_kept_by_other_code_are_never_read(db, monkeypatch):
    """After a deploy, a fragment of the old code's shape is not read, even with no publication."""
    from news import cache as news_cache

    assert news_cache.fragment("probe", lambda: "kept by the old code") == "kept by the old code"
    assert news_cache.fragment("probe", lambda: "not built again") == "kept by the old code"
    monkeypatch.setattr(news_cache, "code_version", lambda: "new-deploy")
    assert news_cache.fragment("probe", lambda: "built by the new code") == "built by the new code"


def test_a_cache_that_loses_tokens_never_serves_a_page_from_before_a_change(client, city):
    """A full cache drops keys (LocMemCache culls a third of them, Redis evicts): a lost token
    is set anew, never read as a constant that a page stored after an earlier loss matches."""
    from news import cache as news_cache

    make_article(union=city, status="published", headline="第一篇报道")
    url = city.get_absolute_url()
    page_tokens = [news_cache.path_token_key(url), news_cache.STORIES_KEY]
    client.get(url)
    cache.delete_many(page_tokens)
    assert "第一篇报道" in client.get(url).content.decode()

    # A story is published, and the cache loses the tokens before anyone reads the page.
    second = make_article(union=city, status="published", headline="第二篇报道")
    cache.delete_many([*page_tokens, news_cache.story_token_key(second.pk)])

    page = client.get(url).content.decode()
    assert "第一篇报道" in page and "第二篇报道" in page
    assert "第二篇报道" in client.get("/").content.decode()
