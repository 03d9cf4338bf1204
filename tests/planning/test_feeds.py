"""Personal iCalendar feeds, parsed back with icalendar: Beijing times, revocation."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from planning import services
from planning.models import CalendarFeed
from tests.factories import make_article
from tests.planning.conftest import beijing

pytestmark = pytest.mark.django_db

FEED_PAGE = "/admin/planning/assignment/calendar-feed/"
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def plan(city, reporter, editor):
    idea = services.propose(
        actor=editor,
        title="金秋助学金发放仪式",
        union=city,
        event_at=timezone.now() + timedelta(days=5),
        place="市职工服务中心",
    )
    services.approve(assignment=idea, actor=editor)
    due = timezone.localtime(timezone.now() + timedelta(days=6)).replace(
        hour=9, minute=15, second=0, microsecond=0
    )
    services.assign(assignment=idea, actor=editor, assignee=reporter, due_at=due)
    scheduled = make_article(
        union=city,
        status="published",
        publish_at=timezone.now() + timedelta(days=3),
        headline="三天后的排期稿件",
    )
    return idea, due, scheduled


def feed_address(client, user):
    """Makes the user's address on the feed page, as they would, and reads it there."""
    client.post(FEED_PAGE, {"action": "renew"})
    feed = CalendarFeed.objects.get(user=user, revoked_at__isnull=True)
    assert feed.token in client.get(FEED_PAGE).content.decode()
    return reverse("planning:ical", args=[feed.token])


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_assignees_feed_has_their_assignment_in_beijing_time(client, login, reporter, plan):
    idea, due, scheduled = plan
    address = feed_address(login(reporter), reporter)
    calendar = parse(client.get(address))
    events = events_of(calendar)
    due_event = events["截稿:金秋助学金发放仪式"]
    start = due_event.decoded("dtstart")
    assert start == due
    assert start.tzinfo.key == "Asia/Shanghai"
    assert (start.hour, start.minute) == (9, 15)
    assert "TZID=Asia/Shanghai" in due_event.to_ical().decode()
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Asia/Shanghai"
    event = events["活动:金秋助学金发放仪式"]
    assert str(event["location"]) == "市职工服务中心"
    # iCalendar keeps whole seconds.
    assert event.decoded("dtstart") == idea.event_at.replace(microsecond=0)
    assert str(due_event["url"]).endswith(
        reverse("admin:planning_assignment_change", args=[idea.pk])
    )
    # A reporter's feed carries no publication schedule.
    assert not any(summary.startswith("发布:") for summary in events)


def test_an_editors_feed_has_the_schedule(client, login, editor, plan):
    idea, due, scheduled = plan
    events = events_of(parse(client.get(feed_address(login(editor), editor))))
    event = events["发布:三天后的排期稿件"]
    assert event.decoded("dtstart") == scheduled.publish_at.replace(microsecond=0)
    assert event.decoded("dtstart").utcoffset() == timedelta(hours=8)


def test_a_revoked_or_renewed_link_is_404(client, login, reporter, plan):
    desk = login(reporter)
    first = feed_address(desk, reporter)
    assert client.get(first).status_code == 200
    second = feed_address(desk, reporter)  # a new address: the first stops working
    assert second != first
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    response = desk.post(FEED_PAGE, {"action": "revoke"}, follow=True)
    assert "已撤销" in response.content.decode()
    assert client.get(second).status_code == 404
    assert client.get(reverse("planning:ical", args=["not-a-token"])).status_code == 404
    page = desk.get(FEED_PAGE).content.decode()
    assert "您还没有日历地址" in page


def test_a_deactivated_users_feed_is_404(client, login, reporter, plan):
    address = feed_address(login(reporter), reporter)
    reporter.is_active = False
    reporter.save()
    assert client.get(address).status_code == 404


def test_the_feed_page_needs_a_desk_login(client):
    response = client.get(FEED_PAGE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_beijing_midnight_stays_on_its_day(client, login, reporter, editor, city):
    idea = services.propose(actor=editor, title="零点截稿", union=city)
    services.approve(assignment=idea, actor=editor)
    local = timezone.localtime(timezone.now() + timedelta(days=2))
    due = beijing(local.year, local.month, local.day, 0, 0)
    services.assign(assignment=idea, actor=editor, assignee=reporter, due_at=due)
    events = events_of(parse(client.get(feed_address(login(reporter), reporter))))
    start = events["截稿:零点截稿"].decoded("dtstart")
    assert (start.date(), start.hour) == (local.date(), 0)
    assert start.astimezone(SHANGHAI) == due
