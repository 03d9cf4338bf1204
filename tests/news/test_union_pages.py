"""A union's page keeps what changes only with a change: the union tree (news.directory), its
first page of stories and their cards. Every change shows at once all the same, with the page
cache off (what these tests look at) as with it on."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from news import cache as news_cache
from news.templatetags import news_tags
from tests.factories import make_article, make_column, make_union
from tests.forms import form_data


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.NEWS_PAGE_CACHE_SECONDS = 0


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def sidebar(text):
    """The "unions under it" list of a union page."""
    return text.partition('id="sub-unions-heading"')[2].partition("</aside>")[0]


def test_renaming_a_union_in_the_admin_shows_on_its_page_and_below_it(
    client, admin_client, city, county
):
    make_article(union=county, status="published")
    page_text(client, city.get_absolute_url())
    page_text(client, county.get_absolute_url())

    url = f"/admin/unions/union/{city.pk}/change/"
    data = form_data(admin_client.get(url), "union_form")
    data.update(name="宿州市总工会（更名）", short_name="宿州新")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    assert '<h1 class="page-title">宿州市总工会（更名）</h1>' in page_text(
        client, city.get_absolute_url()
    )
    crumbs = page_text(client, county.get_absolute_url()).partition('class="breadcrumbs"')[2]
    assert "宿州新" in crumbs.partition("</nav>")[0]


def test_a_union_made_inactive_has_no_page_and_leaves_its_parent_s_list(client, city, county):
    make_article(union=county, status="published")
    assert "泗县总工会" in sidebar(page_text(client, city.get_absolute_url()))

    county.is_active = False
    county.save()

    assert client.get(county.get_absolute_url()).status_code == 404
    assert "泗县总工会" not in sidebar(page_text(client, city.get_absolute_url()))


def test_a_new_union_has_its_page_at_once(client, city):
    page_text(client, city.get_absolute_url())
    town = make_union("灵璧县总工会", parent=city, kind="county", short_name="灵璧")
    make_article(union=town, status="published", headline="灵璧县的第一篇报道")

    assert "灵璧县的第一篇报道" in page_text(client, town.get_absolute_url())
    city_page = page_text(client, city.get_absolute_url())
    assert "灵璧县的第一篇报道" in city_page
    assert "灵璧县总工会" in sidebar(city_page)


def test_a_union_moved_takes_its_stories_to_its_new_parent(client, city, county, other_city):
    make_article(union=county, status="published", headline="泗县的报道")
    assert "泗县的报道" in page_text(client, city.get_absolute_url())
    assert "泗县的报道" not in page_text(client, other_city.get_absolute_url())

    county.parent = other_city
    county.save()

    assert "泗县的报道" not in page_text(client, city.get_absolute_url())
    other_page = page_text(client, other_city.get_absolute_url())
    assert "泗县的报道" in other_page
    assert "泗县总工会" in sidebar(other_page)
    crumbs = page_text(client, county.get_absolute_url()).partition('class="breadcrumbs"')[2]
    assert "蚌埠" in crumbs.partition("</nav>")[0]


def test_the_first_page_follows_publishing_editing_and_withdrawing(client, city, county):
    older = make_article(union=city, status="published", headline="早先的报道")
    url = city.get_absolute_url()
    assert "早先的报道" in page_text(client, url)

    # Published in a union under the city: on the city's first page at once.
    story = make_article(union=county, status="review", headline="刚签发的报道")
    story.status = Article.Status.PUBLISHED
    story.publish_at = timezone.now()
    story.save()
    page = page_text(client, url)
    assert page.index("刚签发的报道") < page.index("早先的报道")

    # An edit shows on its card (the card's token is kept with the first page).
    story.headline = "改过标题的报道"
    story.save()
    page = page_text(client, url)
    assert "改过标题的报道" in page and "刚签发的报道" not in page

    older.status = Article.Status.WITHDRAWN
    older.save()
    assert "早先的报道" not in page_text(client, url)


def test_a_lost_story_token_never_shows_an_old_card(client, city):
    """The cache drops the token of a story listed on a kept first page; an edit still shows."""
    story = make_article(union=city, status="published", headline="原来的标题")
    url = city.get_absolute_url()
    assert "原来的标题" in page_text(client, url)

    cache.delete(news_cache.story_token_key(story.pk))
    assert "原来的标题" in page_text(client, url)
    story.headline = "后来的标题"
    story.save()
    page = page_text(client, url)
    assert "后来的标题" in page and "原来的标题" not in page


def test_further_pages_and_cursor_pages_read_their_own_stories(client, city):
    now = timezone.now()
    stories = [
        make_article(
            union=city,
            status="published",
            headline=f"第{number:02d}篇",
            publish_at=now - timezone.timedelta(minutes=number + 1),
        )
        for number in range(25)
    ]
    url = city.get_absolute_url()
    first = page_text(client, url)
    assert "第00篇" in first and "第19篇" in first and "第20篇" not in first
    second = page_text(client, f"{url}?page=2")
    assert "第20篇" in second and "第24篇" in second and "第19篇" not in second
    by_cursor = page_text(client, f"{url}?before={stories[19].pk}")
    assert "第20篇" in by_cursor and "第19篇" not in by_cursor
    # Ways of writing the first page show the kept one.
    for query in ["?page=1", "?page=0", "?page=abc"]:
        assert "第00篇" in page_text(client, url + query), query


@pytest.mark.parametrize("slug", ["no-such-union", "x" * 81, "x" * 5000])
def test_an_unknown_union_is_not_found(client, city, slug):
    response = client.get(f"/unions/{slug}/")
    assert response.status_code == 404


def test_the_navigation_follows_a_column_s_first_story_and_its_rename(client, city):
    column = make_column("职工风采")
    url = city.get_absolute_url()
    assert "职工风采" not in page_text(client, url).partition("</header>")[0]

    make_article(union=city, status="published", column=column)
    assert "职工风采" in page_text(client, url).partition("</header>")[0]

    column.name = "劳动者风采"
    column.save()
    header = page_text(client, url).partition("</header>")[0]
    assert "劳动者风采" in header and "职工风采" not in header


def test_the_header_marks_the_section_and_keeps_a_search_s_words(client, city):
    make_article(union=city, status="published", headline="职工书屋建成")
    union_header = page_text(client, city.get_absolute_url()).partition("</header>")[0]
    assert 'href="/unions/" aria-current="page"' in union_header
    home_header = page_text(client, "/").partition("</header>")[0]
    assert 'href="/" aria-current="page"' in home_header
    assert 'href="/unions/" aria-current="page"' not in home_header

    search_header = page_text(client, "/search/?q=%3Cb%3E书屋").partition("</header>")[0]
    assert 'value="&lt;b&gt;书屋"' in search_header
    # The kept headers hold no search words.
    assert all("书屋" not in html for html in news_tags._kept_chrome.values())
