"""The printable 审稿单: one story's, and a day's."""

from django.contrib.auth.models import Group
from django.utils import timezone

from editorial.models import ReviewPolicy
from editorial.roles import DESK_CHIEF, EDITOR
from tests.editorial.conftest import member
from tests.editorial.helpers import message_codes, transition_url


def test_the_sheet_shows_every_signature_and_round(story, editor, login):
    chief = member(DESK_CHIEF, "zhuren", first_name="周主任")
    policy = ReviewPolicy.objects.create(name="网络新闻", is_default=True)
    policy.steps.create(level="first", group=Group.objects.get(name=EDITOR))
    policy.steps.create(level="final", group=Group.objects.get(name=DESK_CHIEF))
    article = story(status="review", headline="首办工资集体协商技能竞赛")
    login(editor).post(f"/proofing/{article.pk}/round/", {"version": article.version})
    login(editor).post(
        transition_url(article, "sign_off"),
        {"opinion": "同意，请主任审", "version": article.version},
    )
    response = login(chief).post(
        transition_url(article, "approve"),
        {"when": "now", "opinion": "同意签发", "version": article.version},
        follow=True,
    )
    assert message_codes(response) == ["approved"]

    sheet = login(editor).get(f"/proofing/{article.pk}/sheet/")
    assert sheet.status_code == 200
    html = sheet.content.decode()
    for text in (
        "首办工资集体协商技能竞赛",
        "宿州市总工会",
        "陈雪",
        "新闻",
        "初审",
        "李明",
        "同意，请主任审",
        "终审",
        "周主任",
        "同意签发",
        "一校",
        "网络新闻",
        "@page",
    ):
        assert text in html or text in _css(login(editor)), text
    day = login(editor).get("/proofing/sheets/", {"date": timezone.localdate().isoformat()})
    assert day.status_code == 200 and "首办工资集体协商技能竞赛" in day.content.decode()


def _css(client):
    return b"".join(client.get("/static/proofing/sheet.css").streaming_content).decode()


def test_the_sheet_is_for_the_desk_only(story, login, client):
    article = story(status="review")
    assert client.get(f"/proofing/{article.pk}/sheet/").status_code == 302
