import pytest
from django.core.cache import cache

from tests.factories import make_union


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached pages (the cache outlives the rolled-back database)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def county(city):
    return make_union("泗县总工会", parent=city, kind="county", short_name="泗县")


@pytest.fixture
def other_city(province):
    return make_union("蚌埠市总工会", parent=province, kind="city", short_name="蚌埠")
