import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_article, make_union

SEARCH_URL = reverse("search:search")


def published(**fields):
    """A story the public can read, published an hour ago unless told otherwise."""
    return make_article(status=Article.Status.PUBLISHED, **fields)


def search(client, q=None, **params):
    """GET the search page as a reader would; returns the response."""
    if q is not None:
        params["q"] = q
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 200
    return response


def found(response):
    """The stories on the result page, in their order."""
    return [hit.article for hit in response.context["hits"]]


@pytest.fixture
def county(city):
    return make_union("泗县总工会", parent=city, kind="county", short_name="泗县")


@pytest.fixture
def other_city(province):
    return make_union("宣城市总工会", parent=province, kind="city", short_name="宣城")
