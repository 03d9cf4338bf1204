"""Every public page makes the same number of queries with 2 stories as with 40.

The page cache is off: the first request also builds the fragments (counts, each city's newest
stories) that a publication renews; the second reads them, as readers normally do.
"""

import pytest
from django.core.cache import cache
from django.utils import timezone

from photos.models import Photo
from tests.factories import make_article, make_column

# The most queries each page may make, whatever the number of stories on it: with the
# fragments to build, and with the fragments built. Pages count one query for the columns in
# the navigation; the home page two more for its columns, the column page one for the other
# columns, the story page one for the date of its correction. A union's page reads the union
# tree once per process and change to it (news.directory) and keeps its first page with the
# fragments, so it makes no query once they are built; its further pages read their stories.
# The union feed reads the union's subtree first (ArticleQuerySet.by_union), the home page each
# city's, the story page its union's when too few stories share its themes.
PAGES = {
    "home": (30, 12),
    "union index": (7, 2),
    "city": (12, 0),
    "city, page 2": (12, 1),
    "county": (12, 0),
    "theme": (14, 4),
    "column": (13, 4),
    "photos": (8, 3),
    "story": (10, 10),
    "latest feed": (4, 4),
    "union feed": (6, 6),
    "theme feed": (6, 6),
    "sitemap": (9, 9),
}


def build_newsroom(count, city, county, other_city):
    column = make_column()
    unions = [city, county, other_city]
    stories = []
    for number in range(count):
        story = make_article(
            union=unions[number % 3],
            status="published",
            publish_at=timezone.now() - timezone.timedelta(minutes=number + 1),
            genre="photo" if number % 4 == 0 else "news",
            column=column,
            themes=["劳模", f"专题{number % 5}"],
            bylines=[("reporter", "陈雪"), ("photographer", "姚佳佳")],
        )
        stories.append(story)
    # Photo rows without files: the pages read stored sizes and names, never the image.
    Photo.objects.bulk_create(
        Photo(
            article=story, image=f"photos/test/{story.pk}.jpg", width=300, height=200, is_lead=True
        )
        for story in stories
    )
    return stories, column


@pytest.mark.parametrize("story_count", [2, 40])
def test_queries_do_not_grow_with_stories(
    client, city, county, other_city, story_count, django_assert_max_num_queries, settings
):
    settings.NEWS_PAGE_CACHE_SECONDS = 0
    stories, column = build_newsroom(story_count, city, county, other_city)
    urls = {
        "home": "/",
        "union index": "/unions/",
        "city": city.get_absolute_url(),
        "city, page 2": f"{city.get_absolute_url()}?page=2",
        "county": county.get_absolute_url(),
        "theme": "/themes/劳模/",
        "column": column.get_absolute_url(),
        "photos": "/photos/",
        "story": stories[0].get_absolute_url(),
        "latest feed": "/feeds/latest/",
        "union feed": f"/unions/{city.slug}/feed/",
        "theme feed": "/themes/劳模/feed/",
        "sitemap": "/sitemap.xml",
    }
    assert set(urls) == set(PAGES)

    for page, url in urls.items():
        cache.clear()
        cold, warm = PAGES[page]
        with django_assert_max_num_queries(cold, info=f"{page} with {story_count} stories"):
            response = client.get(url)
        assert response.status_code == 200, page
        with django_assert_max_num_queries(warm, info=f"{page}, fragments built"):
            assert client.get(url).content == response.content
        # The page really lists the stories it should (not an empty page that is cheap).
        if page in {"home", "city", "theme", "column", "photos"}:
            assert stories[0].headline in response.content.decode(), page
