import pytest

from tests.factories import make_union

pytest_plugins = ["tests.browser"]


def pytest_configure(config):
    """WhiteNoise warns about a missing STATIC_ROOT; the test settings themselves write nothing."""
    from django.conf import settings

    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache outlives each test's rolled-back database: start every test without it."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def province(db):
    return make_union("安徽省总工会", kind="province", short_name="安徽")


@pytest.fixture
def city(province):
    return make_union("宿州市总工会", parent=province, kind="city", short_name="宿州")
