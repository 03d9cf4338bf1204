"""The public site reads from a replica; the desk and every write use the primary."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_user

# Committed rows: the replica alias is a second connection to the test database.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def replica(settings):
    settings.DATABASE_REPLICAS = ["replica"]
    settings.NEWS_PAGE_CACHE_SECONDS = 0


def queries_by_database(client, url):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(url)
    return response, len(primary), len(replica)


def test_a_reader_s_pages_are_read_from_the_replica(client, city, replica):
    story = make_article(union=city, status="published", headline="副本读出的稿件")

    for url in ["/", city.get_absolute_url(), story.get_absolute_url(), "/search/?q=稿件"]:
        response, on_primary, on_replica = queries_by_database(client, url)
        assert response.status_code == 200, url
        assert on_replica > 0 and on_primary == 0, url
    assert "副本读出的稿件" in client.get(city.get_absolute_url()).content.decode()


def test_the_desk_and_logged_in_users_use_the_primary(client, city, replica):
    make_article(union=city, status="published")
    client.force_login(make_user(is_staff=True, is_superuser=True))

    for url in ["/admin/", "/admin/articles/article/", "/"]:
        response, on_primary, on_replica = queries_by_database(client, url)
        assert response.status_code == 200, url
        assert on_primary > 0 and on_replica == 0, url


def test_without_replicas_everything_uses_the_primary(client, city, settings):
    settings.NEWS_PAGE_CACHE_SECONDS = 0
    make_article(union=city, status="published")
    response, on_primary, on_replica = queries_by_database(client, city.get_absolute_url())
    assert response.status_code == 200
    assert on_primary > 0 and on_replica == 0
