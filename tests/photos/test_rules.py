"""A photo story needs a credited photo before it goes to review (the workflow asks this)."""

import pytest
from django.core.exceptions import ValidationError

from photos.rules import check_photo_story_ready, photo_story_ready
from tests.factories import make_article
from tests.photos import images
from tests.photos.conftest import make_photo


def test_other_genres_need_no_photo(city):
    assert photo_story_ready(make_article(union=city, genre="news")) is None


def test_a_photo_story_without_a_photo_is_not_ready(city):
    article = make_article(union=city, genre="photo")

    assert "需要先上传一张照片" in str(photo_story_ready(article))
    with pytest.raises(ValidationError) as refused:
        check_photo_story_ready(article)
    assert refused.value.code == "photo_story_not_ready"


def test_a_photo_story_whose_photos_lack_a_credit_is_not_ready(city):
    article = make_article(union=city, genre="photo")
    make_photo(article=article, data=images.png(400, 300), credit="  ")

    assert "署名" in str(photo_story_ready(article))


def test_a_photo_story_with_a_credited_photo_is_ready(city, django_assert_num_queries):
    article = make_article(union=city, genre="photo")
    make_photo(article=article, data=images.png(400, 300))
    make_photo(article=article, data=images.png(400, 300), credit="姚佳佳")

    with django_assert_num_queries(1):
        assert photo_story_ready(article) is None
    check_photo_story_ready(article)
