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


@pytest.fixture(autouse=True)
def _renditions_without_commit(request, monkeypatch):
    """Photo renditions wait for the commit too: here the task is enqueued (and, with the
    immediate backend, run) when the photo is saved. Tests about that timing (marked
    `renditions_on_commit`) keep the real wait."""
    if request.node.get_closest_marker("renditions_on_commit") is None:
        from photos import tasks

        def enqueue_now(photo, using=None):
            tasks.make_renditions.enqueue(photo.pk, photo.image.name)
            photo.refresh_from_db(fields=["renditions_ready"])

        monkeypatch.setattr(tasks, "renditions_after_commit", enqueue_now)


@pytest.fixture(autouse=True)
def _imports_without_commit(request, monkeypatch):
    """Imports are parsed and filed by tasks enqueued after the commit: here they are enqueued
    (and, with the immediate backend, run) at once. Tests about that timing (marked
    `import_on_commit`) keep the real wait."""
    if request.node.get_closest_marker("import_on_commit") is None:
        from importer import tasks

        monkeypatch.setattr(tasks, "parse_after_commit", lambda b: tasks.parse_batch.enqueue(b.pk))
        monkeypatch.setattr(
            tasks, "import_after_commit", lambda b: tasks.import_batch.enqueue(b.pk)
        )


@pytest.fixture
def province(db):
    return make_union("安徽省总工会", kind="province", short_name="安徽")


@pytest.fixture
def city(province):
    return make_union("宿州市总工会", parent=province, kind="city", short_name="宿州")
