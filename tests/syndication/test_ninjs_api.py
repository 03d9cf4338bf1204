"""The partners' ninjs API: tokens, the schema, since=, filters, caching headers, withdrawals."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from articles.models import Article
from syndication.models import PartnerToken
from tests.factories import make_article, make_column, make_union
from tests.news.helpers import make_photo


def test_every_demo_story_validates_against_the_ninjs_schema(api, ninjs_validator, settings):
    settings.DEBUG = True  # load_demo refuses to run on what looks like a real site
    call_command("load_demo", stdout=StringIO())
    public = Article.objects.published().count()
    withdrawn = Article.objects.withdrawn().count()
    assert public and withdrawn

    listing = api.get("/api/ninjs/")
    assert listing.status_code == 200
    items = listing.json()["items"]
    assert len(items) == public + withdrawn
    for item in items:
        errors = [error.message for error in ninjs_validator.iter_errors(item)]
        assert errors == [], item["uri"]
        story_id = item["uri"].rstrip("/").rsplit("/", 1)[-1]
        detail = api.get(f"/api/ninjs/{story_id}/")
        assert detail.status_code == 200
        assert list(ninjs_validator.iter_errors(detail.json())) == []
    assert (
        sorted(item["pubstatus"] for item in items)
        == ["canceled"] * withdrawn + ["usable"] * public
    )


def test_a_story_in_ninjs(api, city, ninjs_validator):
    column = make_column("一线故事")
    story = make_article(
        union=city,
        status="published",
        kicker="职工之家里学本领",
        headline="宿州为一线职工开设夜间技能课堂",
        subheadline="三家职工之家每周三晚开课",
        is_staff_report=True,
        column=column,
        body="近日，宿州开设课堂<script>。\n\n## 学以致用\n\n职工踊跃报名。",
        themes=["职工之家"],
        bylines=[("reporter", "陈雪"), ("correspondent", "孙晓东")],
        correction_note="原稿日期有误，已更正。",
    )
    make_photo(story, is_lead=True, credit="姚佳佳", caption="职工在课堂上。")

    item = api.get(f"/api/ninjs/{story.pk}/").json()

    assert list(ninjs_validator.iter_errors(item)) == []
    assert item["uri"] == f"http://127.0.0.1:8000/news/{story.pk}/"
    assert item["pubstatus"] == "usable"
    assert {(h["role"], h["value"]) for h in item["headlines"]} == {
        ("main", "宿州为一线职工开设夜间技能课堂"),
        ("kicker", "职工之家里学本领"),
        ("subheadline", "三家职工之家每周三晚开课"),
    }
    body = item["bodies"][0]["value"]
    # The page's renderer: escaped text, the dateline, the intertitle, the closing credit.
    assert '<span class="dateline">本报讯</span> 近日，宿州开设课堂&lt;script&gt;。' in body
    assert '<h2 class="intertitle">学以致用</h2>' in body
    assert "（本报记者 陈雪 通讯员 孙晓东）" in body
    assert [(p["name"], p["rel"]) for p in item["people"]] == [
        ("陈雪", "reporter"),
        ("孙晓东", "correspondent"),
    ]
    assert item["located"] == city.name
    assert {("职工之家", "theme"), ("一线故事", "column")} <= {
        (s["name"], s["rel"]) for s in item["subjects"]
    }
    (photo,) = item["associations"]
    assert photo["type"] == "picture" and photo["by"] == "姚佳佳"
    assert photo["headlines"] == [{"role": "caption", "value": "职工在课堂上。"}]
    assert photo["renditions"][0]["contenttype"] == "image/jpeg"
    assert {
        "role": "correction",
        "contenttype": "text/plain",
        "value": "原稿日期有误，已更正。",
    } in item["descriptions"]


@pytest.mark.parametrize("authorization", ["", "Bearer ", "Bearer wrong-token", "Basic abc"])
def test_requests_without_a_valid_token_get_401(client, db, authorization):
    response = client.get("/api/ninjs/", HTTP_AUTHORIZATION=authorization)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == "unauthorized"


def test_a_revoked_token_gets_401_and_use_is_recorded(client, partner):
    row, token = partner()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/ninjs/", **headers).status_code == 200
    row.refresh_from_db()
    assert row.last_used_at is not None

    PartnerToken.objects.filter(pk=row.pk).update(revoked_at=timezone.now())
    assert client.get("/api/ninjs/", **headers).status_code == 401


def test_since_returns_only_what_changed_and_a_withdrawal_appears_once_as_canceled(api, city):
    now = timezone.now()
    old = make_article(union=city, status="published", publish_at=now - timezone.timedelta(days=2))
    Article.objects.filter(pk=old.pk).update(updated_at=now - timezone.timedelta(days=2))
    first = api.get("/api/ninjs/").json()
    cursor = first["cursor"]
    assert [item["pubstatus"] for item in first["items"]] == ["usable"]

    # Nothing changed: the cursor gives an empty list.
    assert api.get("/api/ninjs/", {"since": cursor}).json()["items"] == []

    old.status = Article.Status.WITHDRAWN
    old.save()
    changed = api.get("/api/ninjs/", {"since": cursor}).json()
    assert [(item["uri"], item["pubstatus"]) for item in changed["items"]] == [
        (f"http://127.0.0.1:8000/news/{old.pk}/", "canceled")
    ]
    assert "bodies" not in changed["items"][0]
    # Once: polling on from the new cursor does not repeat it.
    assert api.get("/api/ninjs/", {"since": changed["cursor"]}).json()["items"] == []


def test_a_scheduled_story_appears_when_it_goes_public(api, city):
    now = timezone.now()
    story = make_article(
        union=city, status="published", publish_at=now + timezone.timedelta(minutes=5)
    )
    cursor = now.isoformat()
    assert api.get("/api/ninjs/", {"since": cursor}).json()["items"] == []
    Article.objects.filter(pk=story.pk).update(publish_at=now + timezone.timedelta(seconds=1))
    Article.objects.filter(pk=story.pk).update(publish_at=timezone.now())
    items = api.get("/api/ninjs/", {"since": cursor}).json()["items"]
    assert [item["uri"] for item in items] == [f"http://127.0.0.1:8000/news/{story.pk}/"]


def test_newest_first_filters_and_paging(api, city, province):
    other_city = make_union("蚌埠市总工会", parent=province, kind="city", short_name="蚌埠")
    now = timezone.now()
    for hours in range(3):
        make_article(
            union=city,
            status="published",
            headline=f"宿州{hours}",
            publish_at=now - timezone.timedelta(hours=hours),
            themes=["劳模"],
        )
    make_article(
        union=other_city,
        status="published",
        headline="蚌埠",
        publish_at=now - timezone.timedelta(hours=5),
    )
    make_article(union=city, status="draft", headline="草稿")
    # Stories last changed when they were published: the list runs newest change first.
    Article.objects.filter(publish_at__isnull=False).update(updated_at=F("publish_at"))

    def headlines(response):
        return [item["headlines"][0]["value"] for item in response.json()["items"]]

    assert headlines(api.get("/api/ninjs/")) == ["宿州0", "宿州1", "宿州2", "蚌埠"]
    assert headlines(api.get("/api/ninjs/", {"union": other_city.slug})) == ["蚌埠"]
    assert headlines(api.get("/api/ninjs/", {"theme": "劳模"})) == ["宿州0", "宿州1", "宿州2"]

    page_one = api.get("/api/ninjs/", {"limit": 2})
    assert headlines(page_one) == ["宿州0", "宿州1"]
    page_two = api.get(page_one.json()["next"].removeprefix("http://127.0.0.1:8000"))
    assert headlines(page_two) == ["宿州2", "蚌埠"]
    assert page_two.json()["next"] is None


@pytest.mark.parametrize(
    "params, code",
    [
        ({"since": "yesterday"}, "invalid_parameter"),
        ({"union": "no-such-union"}, "unknown_union"),
        ({"theme": "没有"}, "unknown_theme"),
        ({"before": "2026-11-30T00:00:00+08:00"}, "invalid_parameter"),
        ({"limit": "0"}, "invalid_parameter"),
        ({"limit": "many"}, "invalid_parameter"),
    ],
)
def test_bad_parameters_get_a_clear_400(api, db, params, code):
    response = api.get("/api/ninjs/", params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


def test_etag_and_last_modified_answer_304(api, city):
    story = make_article(union=city, status="published")
    response = api.get(f"/api/ninjs/{story.pk}/")
    assert response["ETag"] and response["Last-Modified"]

    assert (
        api.get(f"/api/ninjs/{story.pk}/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    )
    assert (
        api.get(
            f"/api/ninjs/{story.pk}/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
        ).status_code
        == 304
    )
    story.headline = "改过的标题"
    story.save()
    assert (
        api.get(f"/api/ninjs/{story.pk}/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200
    )


def test_unpublished_stories_are_not_found(api, city):
    draft = make_article(union=city, status="draft")
    assert api.get(f"/api/ninjs/{draft.pk}/").status_code == 404


def test_the_rate_limit_answers_429(api, db, settings):
    settings.SYNDICATION_RATE_LIMIT = 3
    statuses = [api.get("/api/ninjs/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/ninjs/")
    assert response["Retry-After"] == "60"
