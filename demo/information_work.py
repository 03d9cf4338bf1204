"""Demo correspondents, their filings in every state, outlets' adoptions and the days' 头条
over the last quarter, so the statistics page and the 通报 have something to show.

Everything goes through the apps' own services (filing, accepting, declining, the workflow's
steps); running it again adds nothing that is already there.
"""

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from articles.models import Article
from correspondents import services as correspondents
from correspondents.models import Correspondent, Filing
from editorial.services.filing import drive_to_status
from photos.processing import clean_original
from photos.validation import open_verified_image
from reporting.models import Adoption, FrontPageLead, Outlet
from unions.models import Union

# (name, union, email)
CORRESPONDENTS = [
    ("黄元明", "泗县总工会", "huangyuanming@example.org"),
    ("沈春", "宿州市立医院工会", ""),
    ("李宗泰", "合肥新站高新区总工会", ""),
    ("周婷", "合肥欣华智能机器有限公司工会", ""),
    ("吴海峰", "铜化集团工会", ""),
    ("汪丽", "黄山区总工会", ""),
    ("程小芳", "龙西社区工会", ""),
    ("刘建国", "蚌埠市建筑业工会", ""),
]

# What the correspondents wrote about: (headline pattern, genre, body).
TOPICS = [
    (
        "{union}开展夏送清凉活动",
        "news",
        "连日高温，{union}走进建筑工地和物流园区，为一线职工送去防暑降温物品。\n\n"
        "活动中，工会干部还向职工宣传了高温天气劳动保护的有关规定。",
    ),
    (
        "{union}举办职工技能比武",
        "news",
        "近日，{union}举办职工技能比武，来自基层的六十余名职工参赛。\n\n"
        "比赛设电工、焊工两个项目，成绩优异者将推荐参加全市职工职业技能大赛。",
    ),
    (
        "{union}签订工资集体协商协议",
        "news",
        "日前，{union}组织企业与职工代表开展工资集体协商，签订年度工资专项集体合同。\n\n"
        "协议明确了一线职工工资增幅和高温津贴标准。",
    ),
    (
        "一线职工的“暖心驿站”——记{union}户外劳动者服务站",
        "feature",
        "清晨六点，环卫工人老王走进服务站，接一杯热水，给手机充上电。\n\n"
        "## 小站点，大民生\n\n{union}今年新建的户外劳动者服务站，已累计服务职工两万余人次。",
    ),
    (
        "{union}金秋助学送到困难职工家中",
        "news",
        "{union}近日将金秋助学金送到二十名困难职工子女手中。\n\n"
        "受助学生纷纷表示，将努力学习，回报社会。",
    ),
    (
        "让职工之家真正成为职工的家——从{union}的实践说起",
        "commentary",
        "职工之家建得好不好，要看职工愿不愿意来、来了有没有收获。\n\n"
        "{union}的做法说明，服务做到职工心坎上，职工之家才有人气。",
    ),
]

DECLINE_REASONS = [
    "与本周已发稿件内容重复，请关注其他选题。",
    "稿件缺少时间、地点等基本要素，请补充后重新投稿。",
]

QUARTER_DAYS = 90


def _photo_original():
    """A generated picture, cleaned the way an upload is (no real photo is shipped)."""
    image = Image.new("RGB", (1200, 800), (40, 90, 150))
    draw = ImageDraw.Draw(image)
    for step in range(0, 800, 50):
        draw.rectangle([0, step, 1200, step + 25], fill=(60, 120 + step // 10, 170))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return clean_original(
        open_verified_image(ContentFile(buffer.getvalue(), name="现场.jpg")), name="现场.jpg"
    )


def _ensure_correspondents():
    people = []
    for index, (name, union_name, email) in enumerate(CORRESPONDENTS):
        person, created = Correspondent.objects.get_or_create(
            name=name,
            union=Union.objects.get(name=union_name),
            defaults={"email": email, "since": datetime.date(2024 + index % 2, 3, 1)},
        )
        if created:
            correspondents.issue_link(correspondent=person)
        people.append(person)
    return people


def _file(person, topic_index, *, days_ago, with_photo=False, pending=False):
    """One filing by person about a topic, sent days_ago; None when it exists already."""
    pattern, genre, body = TOPICS[topic_index % len(TOPICS)]
    headline = pattern.format(union=person.union.label)
    if pending:
        # Filings still on the desk are this week's copy, told apart from the quarter's.
        headline = f"本周{headline}"
    if Filing.objects.filter(headline=headline).exists():
        return None
    filing = correspondents.receive_filing(
        correspondent=person,
        union=person.union,
        headline=headline,
        body=body.format(union=person.union.name),
        genre=genre,
        photos=[(_photo_original(), "活动现场")] if with_photo else [],
    )
    sent = timezone.now() - datetime.timedelta(days=days_ago, hours=3)
    Filing.objects.filter(pk=filing.pk).update(submitted_at=sent)
    return filing


def load_information_work(*, editor):
    """Correspondents, a quarter of filings and their stories, adoptions and 头条 records."""
    people = _ensure_correspondents()
    outlets = list(Outlet.objects.filter(is_active=True).order_by("ordering"))
    now = timezone.now()
    published = []
    # A quarter of used copy: every few days a filing that the desk accepted and published.
    for number in range(36):
        days_ago = 2 + number * (QUARTER_DAYS - 4) // 36
        # Each correspondent and topic at most once (number < 48), so headlines stay unique.
        person = people[number % len(people)]
        topic = number // len(people) + number % len(people)
        filing = _file(person, topic, days_ago=days_ago, with_photo=number % 4 == 0)
        if filing is None:
            continue
        article = correspondents.accept_filing(filing=filing, actor=editor, assignee=editor)
        publish_at = now - datetime.timedelta(days=days_ago - 1, hours=number % 8)
        drive_to_status(
            article=article,
            status=Article.Status.PUBLISHED,
            author=editor,
            editor=editor,
            publish_at=publish_at,
        )
        published.append(article)
        if number % 3 == 0:
            outlet = outlets[number % len(outlets)]
            Adoption.objects.get_or_create(
                article=article,
                outlet=outlet,
                defaults={
                    "date": timezone.localtime(publish_at).date() + datetime.timedelta(days=1),
                    "page": f"第{number % 8 + 1}版",
                },
            )
    # Filings in the other states: waiting, being edited, declined.
    for offset, person in enumerate(people[:3]):
        _file(person, offset + 1, days_ago=0, with_photo=offset == 0, pending=True)
    for offset, person in enumerate(people[3:5]):
        filing = _file(person, offset + 2, days_ago=1, pending=True)
        if filing is not None:
            correspondents.accept_filing(filing=filing, actor=editor, assignee=editor)
    for offset, person in enumerate(people[5:7]):
        filing = _file(person, offset + 4, days_ago=3, pending=True)
        if filing is not None:
            correspondents.decline_filing(
                filing=filing, actor=editor, reason=DECLINE_REASONS[offset]
            )
    _record_leads()


def _record_leads():
    """Each past day of the quarter led by its newest public story, as the home page showed it."""
    today = timezone.localdate()
    stories = Article.objects.published().filter(
        publish_at__gte=timezone.now() - datetime.timedelta(days=QUARTER_DAYS)
    )
    days = {}
    for article in stories.order_by("publish_at"):
        days[timezone.localtime(article.publish_at).date()] = article
    for day, article in days.items():
        if day < today:
            FrontPageLead.objects.get_or_create(date=day, defaults={"article": article})
