"""Coverage balance on a fixture: quiet city and county unions, counts this month and last."""

from datetime import timedelta

import pytest
from django.utils import timezone

from planning.coverage import coverage
from tests.factories import make_article, make_union
from tests.planning.conftest import beijing

pytestmark = pytest.mark.django_db

CALENDAR = "/admin/planning/assignment/calendar/"


@pytest.fixture
def federation(province):
    """Three cities, two counties and an enterprise union one more level down."""
    hefei = make_union("合肥市总工会", parent=province, short_name="合肥")
    suzhou = make_union("宿州市总工会", parent=province, short_name="宿州")
    bozhou = make_union("亳州市总工会", parent=province, short_name="亳州")
    sixian = make_union("泗县总工会", parent=suzhou, kind="county", short_name="泗县")
    xinzhan = make_union("合肥新站高新区总工会", parent=hefei, kind="county")
    factory = make_union("欣华智能工会", parent=xinzhan, kind="enterprise")
    return {
        "hefei": hefei,
        "suzhou": suzhou,
        "bozhou": bozhou,
        "sixian": sixian,
        "xinzhan": xinzhan,
        "factory": factory,
    }


def published(union, when, **fields):
    return make_article(union=union, status="published", publish_at=when, **fields)


def test_counts_this_month_against_last_with_sub_unions(federation, django_assert_num_queries):
    now = beijing(2026, 11, 20, 12, 0)
    published(federation["hefei"], beijing(2026, 11, 1, 0, 5))  # this month, just
    published(federation["factory"], beijing(2026, 11, 18, 9, 0))  # counts for 新站 and 合肥
    published(federation["hefei"], beijing(2026, 10, 31, 23, 55))  # last month, just
    published(federation["suzhou"], beijing(2026, 10, 5, 9, 0))
    published(federation["sixian"], beijing(2026, 9, 30, 9, 0))  # before last month
    published(federation["hefei"], beijing(2026, 11, 25, 9, 0))  # scheduled: not yet
    make_article(union=federation["bozhou"], status="draft")
    make_article(
        union=federation["bozhou"], status="withdrawn", publish_at=beijing(2026, 11, 2, 9, 0)
    )

    with django_assert_num_queries(2):
        result = coverage(days=30, now=now)
    by_name = {entry.union.short_name: entry for entry in result.cities}
    assert (by_name["合肥"].this_month, by_name["合肥"].last_month) == (2, 1)
    assert (by_name["宿州"].this_month, by_name["宿州"].last_month) == (0, 1)
    assert (by_name["亳州"].this_month, by_name["亳州"].last_month) == (0, 0)
    counties = {entry.union.name: entry for entry in by_name["合肥"].counties}
    assert counties["合肥新站高新区总工会"].this_month == 1

    # Quiet in the last 30 days (since 21 October): 亳州 never, 宿州 since 5 October.
    assert [entry.union.short_name for entry in result.quiet_cities] == ["宿州", "亳州"]
    assert [entry.union.name for entry in result.quiet_counties] == ["泗县总工会"]
    assert by_name["宿州"].last_published == beijing(2026, 10, 5, 9, 0)
    assert by_name["亳州"].last_published is None
    # A shorter window: 合肥 had its story two days ago, 新站 too.
    result = coverage(days=1, now=now)
    assert [entry.union.short_name for entry in result.quiet_cities] == ["合肥", "宿州", "亳州"]


def test_the_coverage_beside_the_calendar(login, editor, federation):
    now = timezone.now()
    published(federation["factory"], now - timedelta(days=2))
    published(federation["suzhou"], now - timedelta(days=20))
    client = login(editor)
    page = client.get(CALENDAR).content.decode()
    aside = page.split('class="module plan-coverage"')[1].split("</aside>")[0]
    quiet_cities = aside.split("市总工会</h3>")[1].split("<h3>")[0]
    assert "亳州" in quiet_cities and "从未发稿" in quiet_cities
    assert "宿州" not in quiet_cities and "合肥" not in quiet_cities
    quiet_counties = aside.split("县区总工会</h3>")[1].split("<table")[0]
    assert "泗县总工会" in quiet_counties and "合肥新站高新区总工会" not in quiet_counties

    page = client.get(CALENDAR, {"days": "14"}).content.decode()
    aside = page.split('class="module plan-coverage"')[1].split("</aside>")[0]
    quiet_cities = aside.split("市总工会</h3>")[1].split("<h3>")[0]
    assert "宿州" in quiet_cities
    assert '<option value="14" selected>' in aside
