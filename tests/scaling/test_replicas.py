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
    # A union's first page is kept whole with the fragments; its second page reads its stories.
    urls = ["/", f"{city.get_absolute_url()}?page=2", story.get_absolute_url(), "/search/?q=稿件"]
    for url in urls:
        client.get(url)  # builds the fragments and cards, from the primary

    for url in urls:
        response, on_primary, on_replica = queries_by_database(client, url)
        assert response.status_code == 200, url
        assert on_replica > 0 and on_primary == 0, url
    assert "副本读出的稿件" in client.get(city.get_absolute_url()).content.decode()


def test_what_is_kept_until_the_next_change_is_read_from_the_primary(client, city, replica):
    """Fragments, the union directory and story cards are kept under the token of the change
    they were built after: built from a replica still behind that change, they would show the
    old rows until the next one."""
    make_article(union=city, status="published", headline="主库读出的稿件")

    response, on_primary, on_replica = queries_by_database(client, city.get_absolute_url())
    assert response.status_code == 200
    assert "主库读出的稿件" in response.content.decode()
    assert on_primary > 0 and on_replica == 0

    response, on_primary, on_replica = queries_by_database(client, city.get_absolute_url())
    assert "主库读出的稿件" in response.content.decode()
    assert on_primary == on_replica == 0  # all of it kept


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
