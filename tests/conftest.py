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


@pytest.fixture(autouse=True)
def _index_without_commit(request, monkeypatch):
    """Tests run inside a transaction that never commits, so search indexing, which waits for
    the commit, would never run: here it runs when the change is made. Tests about that timing
    (marked `index_on_commit`) keep the real wait, and commit with
    django_capture_on_commit_callbacks."""
    if request.node.get_closest_marker("index_on_commit") is None:
        from search import queue

        monkeypatch.setattr(queue, "on_commit", lambda callback, using=None: callback())


@pytest.fixture
def province(db):
    return make_union("安徽省总工会", kind="province", short_name="安徽")


@pytest.fixture
def city(province):
    return make_union("宿州市总工会", parent=province, kind="city", short_name="宿州")
