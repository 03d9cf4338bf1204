import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from editorial.roles import EDITOR
from photos.models import Photo
from tests.factories import make_user
from tests.photos import images


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores its files in its own folder, so parallel workers never meet."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def photo_editor(db):
    """An editor of the desk: manages every story's photos and the photo library."""
    user = make_user(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def editor_client(client, photo_editor):
    client.force_login(photo_editor)
    return client


@pytest.fixture
def superuser_client(client, db):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def stored_files(root):
    """The files under MEDIA_ROOT, as paths relative to it."""
    if not root.exists():
        return set()
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def make_photo(*, data=None, name="photo.jpg", **fields):
    """A photo saved through the model, as an import would: validated and cleaned too."""
    data = data if data is not None else images.phone_jpeg(1800, 1200, orientation=1)
    return Photo.objects.create(image=ContentFile(data, name=name), **fields)
