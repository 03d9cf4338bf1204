"""Adoptions (采用 / 见报) are recorded on the story's own admin page, through reporting's inline
in editorial's extension point; bad input is refused with the reason, and nothing typed is lost.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.models import ArticleEvent
from reporting.models import Adoption, DailyTally, Outlet
from tests.factories import make_article
from tests.forms import form_data

pytestmark = pytest.mark.django_db

PREFIX = "adoptions"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def story(federation):
    """Published three days ago in 泗县, with no adoption yet."""
    return make_article(
        union=federation.sixian,
        status="published",
        genre="news",
        headline="泗县职工技能大赛落幕",
        publish_at=timezone.now() - datetime.timedelta(days=3),
    )


def page_with_row(client, article, **row):
    """The change page's form, with the inline's first empty row filled in."""
    page = client.get(change_url(article))
    assert page.status_code == 200
    data = form_data(page)
    index = int(data[f"{PREFIX}-TOTAL_FORMS"]) - 1
    for name, value in row.items():
        data[f"{PREFIX}-{index}-{name}"] = value
    return data


def test_the_story_page_has_the_adoptions_inline(editor_client, story):
    page = editor_client.get(change_url(story)).content.decode()
    assert "媒体采用（见报）" in page and "选择媒体" in page
    assert f'name="{PREFIX}-0-outlet"' in page and f'name="{PREFIX}-0-url"' in page


def test_an_adoption_added_on_the_story_page_is_saved_and_counted(
    editor_client, story, django_capture_on_commit_callbacks
):
    outlet = Outlet.objects.get(name="工人日报")
    day = timezone.localdate() - datetime.timedelta(days=1)
    data = page_with_row(
        editor_client,
        story,
        outlet=str(outlet.pk),
        date=f"{day:%Y-%m-%d}",
        page="第3版",
        url="https://www.workercn.cn/a/1.html",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(story), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    adoption = Adoption.objects.get(article=story)
    assert (adoption.outlet, adoption.date, adoption.page) == (outlet, day, "第3版")
    assert adoption.recorded_by.username == "liming"
    # A record about the story, not a change of its copy: no correction on its record.
    assert not ArticleEvent.objects.filter(article=story, kind="corrected").exists()
    # The statistics' summary counts it on its day, for 泗县, as a national use.
    assert DailyTally.objects.get(day=day, union=story.union).adopted_national == 1
    page = editor_client.get(change_url(story)).content.decode()
    assert "https://www.workercn.cn/a/1.html" in page

    # Deleting the row on the story page removes it, and its count.
    data = form_data(editor_client.get(change_url(story)))
    data[f"{PREFIX}-0-DELETE"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(change_url(story), data).status_code == 302
    assert not Adoption.objects.filter(article=story).exists()
    assert not DailyTally.objects.filter(day=day, union=story.union).exists()


def test_recording_an_adoption_is_not_an_edit_of_the_story(editor_client, story):
    """A colleague who has the story open can still save: the story's version stays."""
    from django.contrib.auth.models import Group
    from django.test import Client

    from editorial.roles import EDITOR
    from tests.factories import make_user

    colleague = make_user("zhaoli", is_staff=True)
    colleague.groups.add(Group.objects.get(name=EDITOR))
    other = Client()
    other.force_login(colleague)
    opened = form_data(other.get(change_url(story)))
    version = story.version

    outlet = Outlet.objects.get(name="工人日报")
    day = timezone.localdate() - datetime.timedelta(days=1)
    data = page_with_row(editor_client, story, outlet=str(outlet.pk), date=f"{day:%Y-%m-%d}")
    assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    assert story.version == version and Adoption.objects.filter(article=story).exists()

    opened["body"] = "同事在此期间修改的正文。"
    assert other.post(change_url(story), opened).status_code == 302
    story.refresh_from_db()
    assert story.body == "同事在此期间修改的正文。" and story.version == version + 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"url": "ftp://files.example.org/a.pdf"}, "输入一个有效的 URL"),
        ({"url": "javascript:alert(1)"}, "输入一个有效的 URL"),
        ({"date": "tomorrow"}, "这一天还没有到"),
        ({"date": "before"}, "稿件发布于"),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_is_lost(editor_client, story, row, message):
    outlet = Outlet.objects.get(name="安徽工人日报")
    today = timezone.localdate()
    dates = {
        "tomorrow": today + datetime.timedelta(days=1),
        "before": today - datetime.timedelta(days=10),
    }
    fields = {
        "outlet": str(outlet.pk),
        "date": f"{today:%Y-%m-%d}",
        "page": "第2版",
        "url": "https://ah.workercn.cn/x.html",
    }
    fields.update(row)
    if fields["date"] in dates:
        fields["date"] = f"{dates[fields['date']]:%Y-%m-%d}"
    data = page_with_row(editor_client, story, **fields)
    data["headline"] = "泗县职工技能大赛圆满落幕"
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "errorlist" in page and message in page
    # What was typed is shown back, the story and the record are unchanged.
    assert "泗县职工技能大赛圆满落幕" in page and "第2版" in page
    story.refresh_from_db()
    assert story.headline == "泗县职工技能大赛落幕"
    assert not Adoption.objects.filter(article=story).exists()


def test_one_record_per_outlet_and_story(editor_client, story):
    outlet = Outlet.objects.get(name="工人日报")
    Adoption.objects.create(article=story, outlet=outlet, date=timezone.localdate())
    data = page_with_row(
        editor_client, story, outlet=str(outlet.pk), date=f"{timezone.localdate():%Y-%m-%d}"
    )
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert Adoption.objects.filter(article=story).count() == 1


def test_reporters_do_not_see_the_inline(story, federation):
    from django.contrib.auth.models import Group
    from django.test import Client

    from editorial.roles import REPORTER
    from tests.factories import make_user

    reporter = make_user("chenxue", is_staff=True)
    reporter.groups.add(Group.objects.get(name=REPORTER))
    draft = make_article(union=federation.sixian, created_by=reporter)
    client = Client()
    client.force_login(reporter)
    page = client.get(change_url(draft)).content.decode()
    assert f'name="{PREFIX}-TOTAL_FORMS"' not in page
