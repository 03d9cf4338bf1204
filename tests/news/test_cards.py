"""Story cards are rendered once per version of the story and shared by every list (news.cards)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Byline
from tests.factories import make_article
from tests.news.helpers import make_photo


@pytest.fixture
def uncached(settings):
    settings.NEWS_PAGE_CACHE_SECONDS = 0  # whole pages off: only the cards are kept


def test_a_card_rendered_for_one_list_serves_the_others(client, city, county, uncached):
    story = make_article(union=county, status="published", headline="共用卡片", themes=["劳模"])
    assert "共用卡片" in client.get(county.get_absolute_url()).content.decode()

    with CaptureQueriesContext(connection) as queries:
        for url in [city.get_absolute_url(), "/themes/劳模/"]:
            assert "共用卡片" in client.get(url).content.decode()
    # The card was kept: no list read the story's bylines, themes or photos again.
    read = " ".join(query["sql"] for query in queries)
    assert "articles_byline" not in read and "photos_photo" not in read
    assert story.get_absolute_url() in client.get("/themes/劳模/").content.decode()


def test_every_change_to_a_story_shows_on_its_card(client, city, uncached):
    story = make_article(union=city, status="published", headline="原来的卡片", body="原来的导语。")
    url = city.get_absolute_url()
    assert "原来的卡片" in client.get(url).content.decode()

    story.headline = "改过的卡片"
    story.body = "改过的导语。"
    story.save()
    html = client.get(url).content.decode()
    assert "改过的卡片" in html and "改过的导语" in html and "原来的卡片" not in html

    Byline.objects.create(article=story, role="reporter", name="陈雪")
    make_photo(story, is_lead=True, caption="卡片上的照片")
    html = client.get(url).content.decode()
    assert 'class="story-thumb"' in html

    city.short_name = "宿州(新)"
    city.save()
    assert "宿州(新)" in client.get(url).content.decode()


def test_a_withdrawn_story_leaves_the_lists(client, city, uncached):
    story = make_article(union=city, status="published", headline="将撤回的卡片")
    assert "将撤回的卡片" in client.get(city.get_absolute_url()).content.decode()
    story.status = "withdrawn"
    story.save()
    assert "将撤回的卡片" not in client.get(city.get_absolute_url()).content.decode()
