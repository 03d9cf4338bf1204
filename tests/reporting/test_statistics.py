"""The statistics page on a federation with known figures (tests/reporting/conftest.py)."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from reporting import summary
from reporting.models import ScoringRule
from tests.factories import make_article, make_union
from tests.reporting.conftest import Q3, as_dict, tables_of

pytestmark = pytest.mark.django_db

PAGE = "/admin/statistics/"


def test_union_figures_roll_up_the_subtree_within_the_quarter(editor_client, federation):
    response = editor_client.get(PAGE + Q3)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2026年第三季度" in page
    unions = as_dict(tables_of(response)["table-unions"])
    sixian = unions["泗县总工会"]
    # Two news (one at 23:59 on 30 September) and a feature; not the stories a minute outside.
    assert sixian["网站采用"] == "3"
    assert sixian["来稿"] == "3"  # the filing at 00:00 on 1 October is the next quarter's
    assert (sixian["国家级媒体"], sixian["省级媒体"], sixian["市级媒体"]) == ("1", "1", "0")
    assert sixian["头条"] == "1"
    # Points: news 2×1 + feature 2 + national 10 + provincial 5 + 头条 3.
    assert sixian["积分"] == "22"
    lingbi = unions["灵璧县总工会"]
    assert (lingbi["网站采用"], lingbi["照片"], lingbi["市级媒体"], lingbi["积分"]) == (
        "1",
        "2",
        "0",
        "1",
    )
    suzhou = unions["宿州市总工会"]
    assert (suzhou["网站采用"], suzhou["来稿"], suzhou["积分"]) == ("5", "4", "24")
    assert (suzhou["本级采用"], suzhou["本级积分"]) == ("1", "1")
    assert unions["安徽省总工会"]["积分"] == "26"
    totals = tables_of(response)["table-totals"]
    assert totals[1] == ["4", "6", "1", "1", "0", "2", "1", "26"]


def test_the_ranking_and_the_correspondents(editor_client, federation):
    tables = tables_of(editor_client.get(PAGE + Q3))
    ranking = tables["table-ranking"]
    assert [row[1] for row in ranking[1:]] == ["宿州市总工会", "合肥市总工会"]
    # The use rate compares the filings with the stories made from them, not the staff's copy.
    assert ranking[1][2:5] == ["4", "5", "25"]
    people = as_dict(tables["table-correspondents"], key_column=1)
    huang = people["黄元明"]
    assert (huang["名次"], huang["来稿"], huang["网站采用"], huang["采用率（%）"]) == (
        "1",
        "3",
        "1",
        "33",
    )
    assert (huang["省级媒体"], huang["头条"], huang["积分"]) == ("1", "1", "9")
    assert (people["沈春"]["来稿"], people["沈春"]["积分"]) == ("1", "0")
    outlets = as_dict(tables["table-outlets"])
    assert set(outlets) == {"工人日报", "安徽工人日报"}
    assert outlets["工人日报"]["级别"] == "国家级"
    genres = as_dict(tables["table-genres"])
    assert genres["新闻"]["网站采用"] == "3" and genres["评论"]["网站采用"] == "1"
    months = as_dict(tables["table-months"])
    assert list(months) == ["2026年7月", "2026年8月", "2026年9月"]
    assert [months[m]["网站采用"] for m in months] == ["2", "2", "2"]


def test_a_subtree_scope_counts_only_its_unions(editor_client, federation):
    response = editor_client.get(PAGE + Q3 + f"&union={federation.suzhou.pk}")
    tables = tables_of(response)
    assert tables["table-totals"][1][1] == "5"
    assert [row[1] for row in tables["table-ranking"][1:]] == ["泗县总工会", "灵璧县总工会"]
    assert "合肥市总工会" not in as_dict(tables["table-unions"])


def test_periods_start_at_midnight_beijing_time(editor_client, federation):
    october = tables_of(editor_client.get(PAGE + "?period=month&year=2026&month=10"))
    sixian = as_dict(october["table-unions"])["泗县总工会"]
    assert (sixian["网站采用"], sixian["来稿"]) == ("1", "1")
    lingbi = as_dict(october["table-unions"])["灵璧县总工会"]
    assert (lingbi["市级媒体"], lingbi["头条"]) == ("1", "1")
    one_day = tables_of(editor_client.get(PAGE + "?period=range&start=2026-07-01&end=2026-07-01"))
    assert as_dict(one_day["table-unions"])["灵璧县总工会"]["网站采用"] == "1"
    assert "泗县总工会" not in as_dict(one_day["table-unions"])


def test_a_changed_scoring_rule_changes_the_points(editor_client, federation):
    response = editor_client.get("/admin/reporting/scoringrule/")
    assert response.status_code == 200
    ScoringRule.objects.filter(subject="level:national").update(points=20)
    ScoringRule.objects.filter(subject="headline").update(points="0.5")
    unions = as_dict(tables_of(editor_client.get(PAGE + Q3))["table-unions"])
    assert unions["泗县总工会"]["积分"] == "29.5"


def test_bad_periods_are_refused_clearly(editor_client, federation):
    response = editor_client.get(PAGE + "?period=range&start=2026-09-01&end=2026-08-01")
    assert response.status_code == 400
    assert "截止日期早于起始日期" in response.content.decode()
    response = editor_client.get(PAGE + "?period=month&year=abc&month=13")
    assert response.status_code == 400


def test_charts_are_accessible_svg_beside_their_tables(editor_client, federation):
    page = editor_client.get(PAGE + Q3).content.decode()
    assert page.count('role="img"') == 3
    assert '<title id="chart-unions-title">工会排名</title>' in page
    assert "宿州 5" in page  # the bar chart's description reads its numbers


def test_reporters_cannot_see_the_statistics(federation):
    from django.contrib.auth.models import Group

    from editorial.roles import REPORTER
    from tests.factories import make_user

    user = make_user("reporter1", is_staff=True)
    user.groups.add(Group.objects.get(name=REPORTER))
    client = Client()
    client.force_login(user)
    assert client.get(PAGE).status_code == 403
    assert client.get(PAGE + "export.xlsx").status_code == 403
    assert client.get(PAGE + "bulletin/").status_code == 403


def test_the_xlsx_holds_what_the_page_shows(editor_client, federation):
    page_tables = tables_of(editor_client.get(PAGE + Q3))
    response = editor_client.get(PAGE + "export.xlsx" + Q3)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    sheets = {
        "总计": "table-totals",
        "工会排名": "table-ranking",
        "各工会（含下级）": "table-unions",
        "通讯员": "table-correspondents",
        "各媒体采用情况": "table-outlets",
        "逐月情况": "table-months",
        "网站采用体裁分布": "table-genres",
    }
    assert workbook.sheetnames == list(sheets)
    for sheet_name, table_id in sheets.items():
        sheet = workbook[sheet_name]
        assert sheet["A1"].value.startswith("2026年第三季度")
        assert sheet.freeze_panes == "A3"
        rows = [
            ["" if value is None else str(value) for value in row]
            for row in sheet.iter_rows(min_row=2, values_only=True)
        ]
        assert rows == page_tables[table_id], sheet_name


def test_the_bulletin_names_the_period_and_ranks(editor_client, federation):
    response = editor_client.get(PAGE + "bulletin/" + Q3)
    page = response.content.decode()
    assert response.status_code == 200
    assert "关于2026年第三季度全市工会信息工作情况的通报" in page
    assert "共报送稿件4篇，网站采用6篇，被各级媒体采用2篇次" in page
    tables = tables_of(response)
    assert [row[1] for row in tables["table-ranking"][1:]] == ["宿州市总工会", "合肥市总工会"]
    assert as_dict(tables["table-correspondents"], key_column=1)["黄元明"]["积分"] == "9"
    assert editor_client.get("/static/reporting/bulletin.css").status_code == 200


def test_the_page_makes_the_same_number_of_queries_whatever_the_data(
    editor_client, federation, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        editor_client.get(PAGE + Q3)
    union = make_union("萧县总工会", parent=federation.suzhou, kind="county")
    for _ in range(5):
        make_article(
            union=union,
            status="published",
            genre="feature",
            publish_at=federation.feature.publish_at,
        )
    summary.rebuild()
    with CaptureQueriesContext(connection) as larger:
        editor_client.get(PAGE + Q3)
    assert len(larger) == len(small)
    assert len(small) <= 25


def test_names_in_the_tables_are_escaped(
    editor_client, federation, django_capture_on_commit_callbacks
):
    from correspondents.models import Correspondent, Filing
    from tests.reporting.conftest import beijing

    person = Correspondent.objects.create(name="<b>王</b>", union=federation.sixian)
    with django_capture_on_commit_callbacks(execute=True):
        Filing.objects.create(
            correspondent=person,
            union=federation.sixian,
            headline="x",
            body="x",
            submitted_at=beijing(2026, 8, 3),
        )
    page = editor_client.get(PAGE + Q3).content.decode()
    assert "&lt;b&gt;王&lt;/b&gt;" in page and "<b>王</b>" not in page
    bulletin = editor_client.get(PAGE + "bulletin/" + Q3).content.decode()
    assert "<b>王</b>" not in bulletin


def test_the_story_page_links_to_its_adoptions(editor_client, federation):
    from django.urls import reverse

    page = editor_client.get(
        reverse("admin:articles_article_change", args=[federation.feature.pk])
    ).content.decode()
    assert f"/admin/reporting/adoption/?article__id__exact={federation.feature.pk}" in page
    assert "1家媒体采用" in page
    add = editor_client.get(f"/admin/reporting/adoption/add/?article={federation.feature.pk}")
    assert add.status_code == 200
    assert f'value="{federation.feature.pk}"' in add.content.decode()
