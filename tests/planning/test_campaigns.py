"""The union year: default campaigns, periods across the new year, each campaign's page."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from planning import services
from planning.models import Campaign
from planning.union_year import DEFAULT_CAMPAIGNS
from tests.factories import make_article
from tests.planning.conftest import beijing

pytestmark = pytest.mark.django_db


def test_the_default_union_year_comes_with_the_migration():
    names = set(Campaign.objects.values_list("name", flat=True))
    assert {name for name, *_ in DEFAULT_CAMPAIGNS} <= names
    warmth = Campaign.objects.get(name="两节送温暖")
    assert sorted(warmth.themes.names()) == ["困难职工帮扶", "送温暖"]
    assert warmth.crosses_new_year
    assert warmth.occurrence(2026) == (date(2026, 12, 1), date(2027, 2, 28))
    # January 2027 falls in the edition that started in December 2026.
    assert warmth.occurrences_between(date(2027, 1, 1), date(2027, 1, 31)) == [
        (date(2026, 12, 1), date(2027, 2, 28))
    ]


def test_29_february_falls_back_in_common_years():
    campaign = Campaign(name="测试", start_month=2, start_day=29, end_month=3, end_day=1)
    assert campaign.occurrence(2027)[0] == date(2027, 2, 28)
    assert campaign.occurrence(2028)[0] == date(2028, 2, 29)


def test_an_impossible_day_is_refused_by_the_form(login, editor):
    response = login(editor).post(
        reverse("admin:planning_campaign_add"),
        {
            "name": "职工读书月",
            "themes": "职工书屋",
            "note": "",
            "is_active": "on",
            "start_month": "4",
            "start_day": "31",
            "end_month": "13",
            "end_day": "1",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "4月没有31日" in page
    assert not Campaign.objects.filter(name="职工读书月").exists()


def test_a_campaigns_page_shows_its_years(login, editor, reporter, city):
    autumn = Campaign.objects.get(name="金秋助学")
    today = timezone.localdate()
    this_year = today.year if today >= date(today.year, 7, 1) else today.year - 1
    make_article(
        union=city,
        status="published",
        publish_at=beijing(this_year, 8, 20, 10, 0),
        headline="今年的金秋助学金发放",
        themes=["金秋助学"],
    )
    make_article(
        union=city,
        status="published",
        publish_at=beijing(this_year - 1, 9, 1, 10, 0),
        headline="去年的金秋助学",
        themes=["关爱职工子女"],
    )
    make_article(
        union=city,
        status="published",
        publish_at=beijing(this_year, 11, 1, 10, 0),
        headline="活动结束后的同主题稿件",
        themes=["金秋助学"],
    )
    make_article(
        union=city,
        status="published",
        publish_at=beijing(this_year, 8, 1, 10, 0),
        headline="同期别的主题",
        themes=["劳模"],
    )
    idea = services.propose(
        actor=reporter,
        title="困难职工子女助学回访",
        union=city,
        campaign=autumn,
        event_at=beijing(this_year, 8, 10, 9, 0),
    )
    idea.created_at = beijing(this_year, 7, 1, 9, 0)
    idea.save()
    page = login(editor).get(reverse("admin:planning_campaign_change", args=[autumn.pk]))
    page = page.content.decode()
    editions = page.split('class="module plan-editions"')[1]
    this_block, last_block = editions.split("<h3>")[1:3]
    assert this_block.startswith(f"{this_year}年 · 7月1日—{this_year}年9月30日")
    assert last_block.startswith(f"{this_year - 1}年")
    assert "今年的金秋助学金发放" in this_block and "今年的金秋助学金发放" not in last_block
    assert "困难职工子女助学回访" in this_block
    assert "去年的金秋助学" in last_block
    assert "活动结束后的同主题稿件" not in editions and "同期别的主题" not in editions


def test_the_campaign_list(login, editor):
    page = login(editor).get(reverse("admin:planning_campaign_changelist")).content.decode()
    assert "两节送温暖" in page and "12月1日至2月28日(跨年至次年)" in page


def test_a_reporter_proposes_for_a_campaign_but_does_not_edit_it(login, reporter):
    autumn = Campaign.objects.get(name="金秋助学")
    client = login(reporter)
    assert (
        client.get(reverse("admin:planning_campaign_change", args=[autumn.pk])).status_code == 200
    )
    response = client.post(
        reverse("admin:planning_campaign_change", args=[autumn.pk]),
        {"name": "改名", "start_month": 1, "start_day": 1, "end_month": 2, "end_day": 1},
    )
    assert response.status_code == 403
    autumn.refresh_from_db()
    assert autumn.name == "金秋助学"


def test_a_story_filed_for_a_campaigns_assignment_counts_even_before_the_start(
    login, editor, reporter, city
):
    warmth = Campaign.objects.get(name="两节送温暖")
    idea = services.propose(
        actor=editor,
        title="两节前的帮扶摸底",
        union=city,
        campaign=warmth,
        event_at=beijing(2025, 11, 25, 9, 0),
    )
    idea.created_at = beijing(2025, 11, 20, 9, 0)
    story = make_article(
        union=city,
        status="published",
        publish_at=beijing(2025, 11, 28, 9, 0),
        headline="帮扶摸底先行",
        created_by=reporter,
    )
    idea.article = story
    idea.save()
    page = login(editor).get(reverse("admin:planning_campaign_change", args=[warmth.pk]))
    editions = page.content.decode().split('class="module plan-editions"')[1]
    block = next(part for part in editions.split("<h3>") if part.startswith("2025年"))
    assert "两节前的帮扶摸底" in block and "帮扶摸底先行" in block
