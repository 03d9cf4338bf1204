import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from correspondents import links, services
from correspondents.models import Correspondent
from editorial.roles import EDITOR, REPORTER
from tests.editorial.conftest import member as desk_member
from tests.factories import make_union
from tests.photos import images


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(db):
    return desk_member(EDITOR, "liming", first_name="李明")


@pytest.fixture
def reporter(db):
    return desk_member(REPORTER, "chenxue", first_name="陈雪")


@pytest.fixture
def county(city):
    return make_union("泗县总工会", parent=city, kind="county", short_name="泗县")


@pytest.fixture
def correspondent(county):
    person = Correspondent.objects.create(
        name="黄元明", union=county, phone="13800000000", email="huang@example.org"
    )
    services.issue_link(correspondent=person)
    return person


@pytest.fixture
def link(correspondent):
    return links.path_for(correspondent)


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def jpeg_upload(name="现场.jpg"):
    return SimpleUploadedFile(name, images.phone_jpeg(800, 600), content_type="image/jpeg")


def filing_data(union, **overrides):
    data = {
        "headline": "泗县总工会开展夏送清凉活动",
        "body": "7月15日,泗县总工会走进建筑工地。\n\n为一线职工送去防暑降温物品。",
        "union": str(union.pk),
        "genre": "news",
        "coauthors": "沈春 李宗泰",
    }
    data.update(overrides)
    return data
