"""A small federation with known figures for the third quarter of 2026 (Beijing time)."""

import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from correspondents.models import Correspondent, Filing
from editorial.roles import EDITOR
from photos.models import Photo
from reporting import summary
from reporting.models import Adoption, FrontPageLead, Outlet
from tests.factories import make_article, make_union, make_user
from tests.photos import images

BEIJING = ZoneInfo("Asia/Shanghai")
Q3 = "?period=quarter&year=2026&quarter=3"


def beijing(*parts):
    return datetime.datetime(*parts, tzinfo=BEIJING)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor_client(db):
    user = make_user("liming", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    client = Client()
    client.force_login(user)
    return client


class Federation:
    pass


@pytest.fixture
def federation(province):
    f = Federation()
    f.province = province
    f.suzhou = make_union("宿州市总工会", parent=province, short_name="宿州")
    f.sixian = make_union("泗县总工会", parent=f.suzhou, kind="county", short_name="泗县")
    f.lingbi = make_union("灵璧县总工会", parent=f.suzhou, kind="county", short_name="灵璧")
    f.hefei = make_union("合肥市总工会", parent=province, short_name="合肥")
    f.huang = Correspondent.objects.create(name="黄元明", union=f.sixian)
    f.shen = Correspondent.objects.create(name="沈春", union=f.lingbi)

    def published(union, genre, when, **fields):
        return make_article(union=union, status="published", genre=genre, publish_at=when, **fields)

    # 泗县: two news (one at 23:59 on the quarter's last day), one feature.
    f.filed_story = published(f.sixian, "news", beijing(2026, 7, 9, 10))
    published(f.sixian, "news", beijing(2026, 9, 30, 23, 59))
    f.feature = published(f.sixian, "feature", beijing(2026, 8, 1, 9))
    # Outside the quarter by a minute either side, and a draft.
    published(f.sixian, "news", beijing(2026, 10, 1, 0, 0))
    published(f.sixian, "news", beijing(2026, 6, 30, 23, 59))
    make_article(union=f.sixian, status="draft")
    # 灵璧: a photo story with two photos; 宿州 itself: one news; 合肥: one commentary.
    f.photo_story = published(f.lingbi, "photo", beijing(2026, 7, 1, 0, 0))
    for position in range(2):
        Photo.objects.create(
            article=f.photo_story,
            image=ContentFile(images.encode(images.picture(64, 48), "JPEG"), name="p.jpg"),
            position=position,
        )
    published(f.suzhou, "news", beijing(2026, 8, 15, 12))
    published(f.hefei, "commentary", beijing(2026, 9, 1, 8))

    # Filings: 黄元明 three in the quarter (one became the first story), one just after it.
    for headline, when in [
        ("来稿一", beijing(2026, 7, 8, 9)),
        ("来稿二", beijing(2026, 8, 2)),
        ("来稿三", beijing(2026, 9, 30, 23, 59, 59)),
        ("来稿四", beijing(2026, 10, 1, 0, 0, 0)),
    ]:
        filing = Filing.objects.create(
            correspondent=f.huang, union=f.sixian, headline=headline, body="正文", submitted_at=when
        )
        if headline == "来稿一":
            Filing.objects.filter(pk=filing.pk).update(state="accepted", article=f.filed_story)
    Filing.objects.create(
        correspondent=f.shen,
        union=f.lingbi,
        headline="灵璧来稿",
        body="正文",
        submitted_at=beijing(2026, 7, 20),
    )

    national = Outlet.objects.get(name="工人日报")
    provincial = Outlet.objects.get(name="安徽工人日报")
    city = Outlet.objects.get(name="市融媒体中心")
    Adoption.objects.create(article=f.feature, outlet=national, date=datetime.date(2026, 8, 1))
    Adoption.objects.create(
        article=f.filed_story, outlet=provincial, date=datetime.date(2026, 9, 30), page="第3版"
    )
    Adoption.objects.create(article=f.photo_story, outlet=city, date=datetime.date(2026, 10, 1))
    FrontPageLead.objects.create(date=datetime.date(2026, 7, 10), article=f.filed_story)
    FrontPageLead.objects.create(date=datetime.date(2026, 10, 1), article=f.photo_story)
    # The data above is written straight into the tables (an update() among it, and inside the
    # test's transaction, whose commit never comes): the summary is worked out as after an
    # import. tests/reporting/test_summary.py follows each kind of change instead.
    summary.rebuild()
    return f


class _Tables(HTMLParser):
    """{table id: [[cell text, ...], ...]} including the header row."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.current, self.row, self.cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self.current = self.tables.setdefault(attrs["id"], [])
        elif tag == "tr" and self.current is not None:
            self.row = []
        elif tag in {"th", "td"} and self.row is not None:
            self.cell = ""

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag in {"th", "td"} and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if self.row:
                self.current.append(self.row)
            self.row = None
        elif tag == "table":
            self.current = None


def tables_of(response):
    parser = _Tables()
    parser.feed(response.content.decode())
    return parser.tables


def as_dict(table, key_column=0):
    """Rows keyed by their first cell, each a {header: cell} dict."""
    headers, *rows = table
    return {row[key_column]: dict(zip(headers, row, strict=False)) for row in rows}
