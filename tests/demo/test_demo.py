from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article
from demo import content
from unions.models import Union

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_builds_the_anhui_union_tree(demo):
    province = Union.objects.get(name="安徽省总工会")
    cities = Union.objects.filter(parent=province, kind="city")
    assert sorted(city.short_name for city in cities) == sorted(content.CITIES)
    assert Union.objects.get(name="蚌埠市总工会").slug == "beng-bu-shi-zong-gong-hui"
    community = Union.objects.get(name="龙西社区工会")
    assert [union.name for union in community.ancestors()] == [
        "安徽省总工会",
        "黄山市总工会",
        "黄山区总工会",
    ]


def test_demo_has_stories_in_every_state(demo):
    now = timezone.now()
    assert Article.objects.drafts().count() >= 2
    assert Article.objects.in_review().count() >= 2
    assert Article.objects.published().count() >= 8
    assert Article.objects.filter(status="published", publish_at__gt=now).count() == 1
    assert Article.objects.withdrawn().count() == 1
    assert set(Article.objects.values_list("genre", flat=True)) == {
        "news",
        "feature",
        "photo",
        "commentary",
    }
    photo_story = Article.objects.get(genre="photo")
    assert photo_story.photos.get().credit == "姚佳佳"


def test_demo_loads_again_without_duplicates(demo):
    counts = (Union.objects.count(), Article.objects.count())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert (Union.objects.count(), Article.objects.count()) == counts
    assert "0 unions and 0 stories created" in out.getvalue()


def test_demo_logins_are_printed_and_work(demo, client):
    for username, password, _name, _group, _superuser in content.USERS:
        assert f"{username}" in demo and password in demo
        response = client.post(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password},
        )
        assert response.status_code == 302, username
        assert client.get("/admin/").status_code == 200
        client.logout()


def test_with_debug_off_the_demo_refuses_to_create_its_superuser(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    with pytest.raises(CommandError, match="i-know-this-is-production"):
        call_command("load_demo", stdout=StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()
    assert not Article.objects.exists()


def test_with_debug_off_the_demo_loads_when_the_operator_insists(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    call_command("load_demo", "--i-know-this-is-production", stdout=StringIO())
    assert get_user_model().objects.get(username="admin").is_superuser


def test_demo_fills_the_statistics_page(demo):
    """make run shows a full 信息工作统计 for the quarter up to today, read from the summary."""
    from django.test import Client

    from reporting import summary
    from reporting.models import DailyTally
    from tests.reporting.conftest import tables_of

    admin = get_user_model().objects.get(username="admin")
    client = Client()
    client.force_login(admin)
    today = timezone.localdate()
    start = today - timezone.timedelta(days=100)
    response = client.get(f"/admin/statistics/?period=range&start={start}&end={today}")
    assert response.status_code == 200
    totals = tables_of(response)["table-totals"]
    filed, used = int(totals[1][0]), int(totals[1][1])
    assert filed >= 36 and used >= 36
    assert len(tables_of(response)["table-correspondents"]) > 5
    # The summary the page read is exactly the one the sources give.
    kept = DailyTally.objects.count()
    assert kept == summary.rebuild() and kept > 0
