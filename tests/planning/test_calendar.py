"""The editorial calendar: a month's items on the right Beijing days, the week and list views,
colours by status, and moving a scheduled story through the desk's reschedule step."""

import html
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.models import ArticleEvent
from planning import services
from tests.factories import make_article
from tests.planning.conftest import beijing, day_cells

pytestmark = pytest.mark.django_db

CALENDAR = "/admin/planning/assignment/calendar/"


def next_month():
    today = timezone.localdate()
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


@pytest.fixture
def month_items(city, reporter, editor):
    """Stories and an assignment at the edges of next month, on a Beijing clock."""
    first, last = next_month()
    before = first - timedelta(days=1)
    after = last + timedelta(days=1)
    stories = {
        "first": make_article(
            union=city,
            status="published",
            publish_at=beijing(first.year, first.month, 1, 0, 30),
            headline="月初零点半的稿件",
            created_by=reporter,
        ),
        "last": make_article(
            union=city,
            status="published",
            publish_at=beijing(last.year, last.month, last.day, 23, 30),
            headline="月末深夜的稿件",
            created_by=reporter,
        ),
        "before": make_article(
            union=city,
            status="published",
            publish_at=beijing(before.year, before.month, before.day, 23, 50),
            headline="上月最后一刻的稿件",
        ),
        "after": make_article(
            union=city,
            status="published",
            publish_at=beijing(after.year, after.month, after.day, 0, 10),
            headline="下月第一刻的稿件",
        ),
    }
    idea = services.propose(actor=reporter, title="技能大赛决赛", union=city)
    services.approve(assignment=idea, actor=editor)
    services.assign(
        assignment=idea,
        actor=editor,
        assignee=reporter,
        due_at=beijing(first.year, first.month, 1, 9, 0),
    )
    idea.event_at = beijing(last.year, last.month, last.day, 14, 0)
    idea.place = "市职工文化宫"
    idea.save()
    return first, last, stories, idea


def test_the_month_puts_items_on_their_beijing_days(login, editor, month_items):
    first, last, stories, idea = month_items
    response = login(editor).get(CALENDAR, {"month": first.strftime("%Y-%m")})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"{first.year}年{first.month}月" in page
    cells = day_cells(page)
    first_cell, last_cell = cells[first.isoformat()], cells[last.isoformat()]
    # 00:30 on the 1st in Beijing is still the previous day in UTC: it shows on the 1st.
    assert "月初零点半的稿件" in first_cell and "00:30" in first_cell
    assert "截稿:技能大赛决赛" in first_cell and "09:00" in first_cell
    assert "月末深夜的稿件" in last_cell and "23:30" in last_cell
    assert "活动:技能大赛决赛 · 市职工文化宫" in last_cell
    assert "下月第一刻的稿件" not in last_cell
    assert "上月最后一刻的稿件" not in first_cell
    # Days of the neighbouring months that the grid shows carry their own items.
    after = last + timedelta(days=1)
    if after.isoformat() in cells:
        assert "下月第一刻的稿件" in cells[after.isoformat()]
    # Colours by status: scheduled stories and the assigned assignment.
    assert 'plan-item plan-item--scheduled" href="/admin/articles/article/' in first_cell
    assert "plan-item--assigned" in first_cell
    # Clicking opens the item.
    assert reverse("admin:articles_article_change", args=[stories["first"].pk]) in first_cell
    assert reverse("admin:planning_assignment_change", args=[idea.pk]) in first_cell


def test_the_list_view_shows_only_the_month(login, editor, month_items):
    first, last, stories, idea = month_items
    page = login(editor).get(CALENDAR, {"month": first.strftime("%Y-%m"), "view": "list"})
    page = page.content.decode()
    assert "plan-grid" not in page.split('class="plan-list"')[0].split("plan-calendar__layout")[1]
    listing = page.split('class="plan-list"')[1].split("</aside>")[0]
    assert "月初零点半的稿件" in listing and "月末深夜的稿件" in listing
    assert "上月最后一刻的稿件" not in listing and "下月第一刻的稿件" not in listing
    assert listing.index("月初零点半的稿件") < listing.index("月末深夜的稿件")


def test_the_week_view(login, editor, month_items):
    first, last, stories, idea = month_items
    page = login(editor).get(CALENDAR, {"week": first.isoformat()}).content.decode()
    cells = day_cells(page)
    assert len(cells) == 7
    assert "月初零点半的稿件" in cells[first.isoformat()]


def test_a_reporter_sees_their_own_stories_and_assignments(
    login, reporter, other_reporter, month_items
):
    first, last, stories, idea = month_items
    page = login(reporter).get(CALENDAR, {"month": first.strftime("%Y-%m")}).content.decode()
    assert "月初零点半的稿件" in page and "截稿:技能大赛决赛" in page
    assert "上月最后一刻的稿件" not in page  # someone else's story
    assert "data-reschedule-url" not in page  # reporters do not schedule
    page = login(other_reporter).get(CALENDAR, {"month": first.strftime("%Y-%m")})
    page = page.content.decode()
    assert "月初零点半的稿件" not in page and "技能大赛决赛" not in page


def test_bad_calendar_input_is_said_and_this_month_shown(login, editor):
    response = login(editor).get(CALENDAR, {"month": "2026-13", "days": "abc"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    today = timezone.localdate()
    assert f"{today.year}年{today.month}月" in page
    assert "日历无法识别" in page


def test_the_calendar_in_a_constant_number_of_queries(
    login, editor, month_items, django_assert_max_num_queries
):
    first, *_ = month_items
    client = login(editor)
    with django_assert_max_num_queries(16):
        client.get(CALENDAR, {"month": first.strftime("%Y-%m")})
    for n in range(12):
        make_article(
            union=month_items[2]["first"].union,
            status="published",
            publish_at=beijing(first.year, first.month, 1 + n, 10, 0),
        )
    with django_assert_max_num_queries(16):
        client.get(CALENDAR, {"month": first.strftime("%Y-%m")})


def test_moving_a_scheduled_story_goes_through_the_reschedule_step(
    login, editor, reporter, month_items
):
    first, last, stories, idea = month_items
    story = stories["first"]
    client = login(editor)
    page = client.get(CALENDAR, {"month": first.strftime("%Y-%m")}).content.decode()
    cell = day_cells(page)[first.isoformat()]
    move_url = html.unescape(re.search(r'data-reschedule-url="([^"]+)"', cell).group(1))
    assert move_url == (
        reverse("admin:articles_article_transition", args=[story.pk, "reschedule"])
        + f"?version={story.version}"
    )
    assert 'data-time="00:30"' in cell

    # What the calendar's drag and drop opens: the desk's own confirmation, time filled in.
    target = first + timedelta(days=2)
    new_time = f"{target.isoformat()}T00:30"
    confirmation = client.get(move_url + f"&when=at&publish_at={new_time}")
    assert confirmation.status_code == 200
    form = confirmation.content.decode()
    assert f'value="{new_time}"' in form
    assert re.search(r'value="at"[^>]*checked|checked[^>]*value="at"', form)
    story.refresh_from_db()
    assert story.publish_at == beijing(first.year, first.month, 1, 0, 30)  # nothing moved yet

    client.post(
        move_url.split("?")[0],
        {"version": story.version, "when": "at", "publish_at": new_time},
    )
    story.refresh_from_db()
    assert story.publish_at == beijing(target.year, target.month, target.day, 0, 30)
    event = story.events.get(kind=ArticleEvent.Kind.RESCHEDULED)
    assert event.actor == editor
    cells = day_cells(client.get(CALENDAR, {"month": first.strftime("%Y-%m")}).content.decode())
    assert "月初零点半的稿件" in cells[target.isoformat()]
    assert "月初零点半的稿件" not in cells[first.isoformat()]

    # A reporter cannot take the step, whatever the link says.
    response = login(reporter).post(
        move_url.split("?")[0], {"when": "at", "publish_at": f"{first.isoformat()}T08:00"}
    )
    story.refresh_from_db()
    assert story.publish_at == beijing(target.year, target.month, target.day, 0, 30)
    assert response.status_code in (302, 403)


def test_campaign_periods_show_on_the_calendar(login, editor):
    # The default union year comes with the data migration: 金秋助学 runs July to September.
    page = login(editor).get(CALENDAR, {"month": f"{date.today().year}-07"}).content.decode()
    assert "金秋助学" in page and "夏送清凉" in page
    cells = day_cells(page)
    assert "▸ 金秋助学" in cells[f"{date.today().year}-07-01"]


def test_a_busy_day_shows_six_items_and_links_to_its_week(login, editor, city):
    first, _last = next_month()
    for n in range(8):
        make_article(
            union=city,
            status="published",
            publish_at=beijing(first.year, first.month, 3, 8 + n, 0),
            headline=f"忙碌的一天第{n + 1}篇",
        )
    client = login(editor)
    page = client.get(CALENDAR, {"month": first.strftime("%Y-%m")}).content.decode()
    day = first.replace(day=3).isoformat()
    cell = day_cells(page)[day]
    assert cell.count('<span class="plan-item__time">') == 6
    assert "忙碌的一天第7篇" not in cell
    assert f'href="?week={day}&amp;view=week">还有2项</a>' in cell
    week = client.get(CALENDAR, {"week": day, "view": "week"}).content.decode()
    assert day_cells(week)[day].count('<span class="plan-item__time">') == 8
    listing = client.get(CALENDAR, {"month": first.strftime("%Y-%m"), "view": "list"})
    assert listing.content.decode().count("忙碌的一天") == 8
