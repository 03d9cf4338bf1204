"""The ninjs API makes the same number of queries for 2 stories as for 30."""

import pytest
from django.utils import timezone

from photos.models import Photo
from tests.factories import make_article, make_column

# Token, stories and their bylines, themes and photos; the theme filter adds its tag, the
# union filter the union's subtree.
LIST_QUERIES = 8
DETAIL_QUERIES = 7


@pytest.mark.parametrize("count", [2, 30])
def test_queries_do_not_grow_with_stories(api, city, count, django_assert_max_num_queries):
    column = make_column()
    stories = [
        make_article(
            union=city,
            status="published",
            publish_at=timezone.now() - timezone.timedelta(minutes=number + 1),
            column=column,
            themes=["劳模", f"专题{number % 3}"],
            bylines=[("reporter", "陈雪"), ("correspondent", "孙晓东")],
        )
        for number in range(count)
    ]
    Photo.objects.bulk_create(
        Photo(article=story, image=f"photos/test/{story.pk}.jpg", width=300, height=200)
        for story in stories
    )
    api.get("/api/ninjs/")  # the token's "last used" is written on the first request

    with django_assert_max_num_queries(LIST_QUERIES):
        response = api.get("/api/ninjs/", {"theme": "劳模", "union": city.slug})
    assert len(response.json()["items"]) == count
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert api.get(f"/api/ninjs/{stories[0].pk}/").status_code == 200
