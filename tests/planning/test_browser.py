"""The calendar in Chromium: the month at 1366 px, the list on a 375 px phone, and a scheduled
story dragged to another day, confirmed on the desk's reschedule page."""

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone

from editorial.roles import EDITOR, REPORTER, ensure_groups
from planning import services
from planning.roles import ensure_planning_permissions
from planning.union_year import add_default_campaigns
from tests.factories import make_article, make_union, make_user
from tests.planning.conftest import beijing

pytestmark = pytest.mark.browser

PASSWORD = "desk-password-42"
CALENDAR = "/admin/planning/assignment/calendar/"


def _desk_user(username, group_name, full_name):
    user = make_user(username, password=PASSWORD, is_staff=True, first_name=full_name)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _log_in(browser, live_server, next_path, **context_options):
    context = browser.new_context(locale="zh-CN", **context_options)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.fill("#id_username", "editor1")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(re.escape(next_path)))
    return context, page


def _desk_month():
    """A month of planning around today: stories, assignments in each state, events."""
    # A transactional test starts with the groups and campaigns flushed: make them again.
    ensure_groups()
    ensure_planning_permissions()
    add_default_campaigns(apps)
    province = make_union("安徽省总工会", kind="province", short_name="安徽")
    cities = [
        make_union(f"{name}市总工会", parent=province, short_name=name)
        for name in ["合肥", "宿州", "亳州", "蚌埠", "阜阳", "六安"]
    ]
    make_union("泗县总工会", parent=cities[1], kind="county", short_name="泗县")
    editor = _desk_user("editor1", EDITOR, "李明")
    reporter = _desk_user("reporter1", REPORTER, "陈雪")
    now = timezone.localtime()
    today = now.date()
    headlines = [
        "合肥职工书屋走进建筑工地",
        "宿州市总工会送温暖走访困难职工",
        "蚌埠建筑业工会开展安全生产检查",
        "阜阳一线职工技能比武决赛",
        "六安市总工会金秋助学回访",
        "合肥新站高新区集体协商签约",
    ]
    for offset, headline in zip([-9, -6, -3, -1, 2, 5], headlines, strict=True):
        day = today + timedelta(days=offset)
        make_article(
            union=cities[abs(offset) % 2],
            status="published",
            publish_at=beijing(day.year, day.month, day.day, 9 + abs(offset) % 4, 30),
            headline=headline,
            created_by=reporter,
        )
    scheduled = make_article(
        union=cities[0],
        status="published",
        publish_at=now.replace(second=0, microsecond=0) + timedelta(days=1),
        headline="明日排期:合肥劳模工作室开放日",
        created_by=reporter,
    )
    states = [
        ("泗县送温暖走访", "proposed", 4),
        ("亳州春风行动招聘会", "approved", 6),
        ("合肥技能大比武采访", "assigned", 3),
        ("宿州户外劳动者驿站", "overdue", -1),
    ]
    for title, state, days in states:
        idea = services.propose(
            actor=reporter,
            title=title,
            union=cities[2],
            event_at=now + timedelta(days=days, hours=1),
            place="职工文化宫",
        )
        if state == "proposed":
            continue
        services.approve(assignment=idea, actor=editor)
        if state == "approved":
            continue
        services.assign(
            assignment=idea, actor=editor, assignee=reporter, due_at=now + timedelta(days=2)
        )
        if state == "overdue":
            idea.due_at = now + timedelta(days=days)
            idea.save(update_fields=["due_at"])
    return scheduled


def test_month_view_desktop_and_list_on_a_phone(chromium, live_server, screenshot_dir):
    _desk_month()
    context, page = _log_in(
        chromium, live_server, CALENDAR, viewport={"width": 1366, "height": 900}
    )
    assert page.locator("table.plan-grid").is_visible()
    assert not page.locator(".plan-list").is_visible()
    assert page.locator(".plan-item--overdue").first.is_visible()
    assert page.locator(".plan-coverage").is_visible()
    assert "亳州" in page.locator(".plan-coverage__quiet").first.inner_text()
    page.screenshot(path=str(screenshot_dir / "planning-calendar-month-1366.png"), full_page=True)
    context.close()

    context, page = _log_in(
        chromium,
        live_server,
        CALENDAR,
        viewport={"width": 375, "height": 812},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    assert not page.locator("table.plan-grid").is_visible()
    assert page.locator(".plan-list").is_visible()
    assert "明日排期:合肥劳模工作室开放日" in page.locator(".plan-list").inner_text()
    # Nothing sticks out of a phone's screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    page.screenshot(path=str(screenshot_dir / "planning-calendar-list-375.png"), full_page=True)
    context.close()


def test_dragging_a_scheduled_story_to_another_day(chromium, live_server, screenshot_dir):
    story = _desk_month()
    local = timezone.localtime(story.publish_at)
    # A target day in the same month's grid, so the drag stays on this page.
    target = local.date() + (timedelta(days=1) if local.day < 25 else timedelta(days=-1))
    context, page = _log_in(
        chromium,
        live_server,
        CALENDAR + f"?month={local:%Y-%m}",
        viewport={"width": 1366, "height": 900},
    )
    item = page.locator("[data-reschedule-url]", has_text="合肥劳模工作室开放日")
    item.drag_to(page.locator(f"td[data-date='{target.isoformat()}']"))
    page.wait_for_url(re.compile(r"/workflow/reschedule/"))
    assert page.is_checked("input[name=when][value=at]")
    assert page.input_value("input[name=publish_at]") == f"{target.isoformat()}T{local:%H:%M}"
    story.refresh_from_db()
    assert timezone.localtime(story.publish_at) == local  # nothing moved before confirming
    page.screenshot(path=str(screenshot_dir / "planning-calendar-reschedule.png"))
    page.click("input[type=submit].default")
    page.wait_for_selector(".desk-status--scheduled")
    story.refresh_from_db()
    assert timezone.localtime(story.publish_at).date() == target
    assert story.events.filter(kind="rescheduled").count() == 1
    context.close()
