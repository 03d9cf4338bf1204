"""三审 through the admin: levels from the desk's policies, sign-offs, staleness, sending back,
returning, and publishing as the last level's signature."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.models import ReviewPolicy, SignOff
from editorial.roles import DESK_CHIEF, EDITOR, LEADER
from tests.editorial.conftest import member
from tests.editorial.helpers import change_url, form_data, message_codes, transition_url


@pytest.fixture
def chief(db):
    return member(DESK_CHIEF, "zhuren", first_name="周主任")


@pytest.fixture
def leader(db):
    return member(LEADER, "lingdao", first_name="吴领导")


def policy(name, levels, *, genres=(), unions=(), is_default=False):
    made = ReviewPolicy.objects.create(name=name, genres=list(genres), is_default=is_default)
    for level, group_name in levels:
        made.steps.create(level=level, group=Group.objects.get(name=group_name))
    made.unions.set(unions)
    return made


@pytest.fixture
def two_levels(db):
    return policy("网络新闻", [("first", EDITOR), ("final", DESK_CHIEF)], is_default=True)


@pytest.fixture
def three_levels(db):
    return policy(
        "评论与通讯",
        [("first", EDITOR), ("second", DESK_CHIEF), ("final", LEADER)],
        genres=["commentary", "feature"],
    )


def sign(client, article, opinion="同意"):
    # Followed to the story's page, which shows (and so clears) the step's messages.
    return client.post(
        transition_url(article, "sign_off"),
        {"opinion": opinion, "version": article.version},
        follow=True,
    )


def publish(client, article, opinion="同意签发"):
    return client.post(
        transition_url(article, "approve"),
        {"when": "now", "opinion": opinion, "version": article.version},
        follow=True,
    )


def test_two_levels_first_then_final_publishes(story, editor, chief, login, two_levels):
    article = story(status="review")
    editor_client, chief_client = login(editor), login(chief)

    # The final level cannot publish before the first level signs.
    refused = publish(chief_client, article)
    assert message_codes(refused) == ["levels_missing"]
    article.refresh_from_db()
    assert article.status == "review"

    page = editor_client.get(change_url(article)).content.decode()
    assert transition_url(article, "sign_off") in page and "初审" in page
    assert message_codes(sign(editor_client, article, "同意，建议刊发")) == ["signed_off"]

    assert message_codes(publish(chief_client, article)) == ["approved"]
    article.refresh_from_db()
    assert article.is_published()
    signoffs = list(SignOff.objects.filter(article=article).order_by("signed_at"))
    assert [(s.level, s.signer, s.opinion) for s in signoffs] == [
        ("first", editor, "同意，建议刊发"),
        ("final", chief, "同意签发"),
    ]
    # The timeline shows the sign-offs with their opinions.
    timeline = editor_client.get(change_url(article)).content.decode()
    assert "同意，建议刊发" in timeline and "同意签发" in timeline


def test_three_levels_in_order(story, editor, chief, leader, login, three_levels):
    article = story(status="review", genre="commentary")
    assert message_codes(publish(login(leader), article)) == ["levels_missing"]
    assert message_codes(sign(login(editor), article)) == ["signed_off"]
    # The second level is the desk chief's; the leader still may not publish.
    assert message_codes(publish(login(leader), article)) == ["levels_missing"]
    assert message_codes(sign(login(leader), article)) == ["not_in_level_group"]
    assert message_codes(sign(login(chief), article)) == ["signed_off"]
    assert message_codes(publish(login(leader), article)) == ["approved"]
    article.refresh_from_db()
    assert article.is_published()
    assert list(article.signoffs.values_list("level", flat=True).order_by("signed_at")) == [
        "first",
        "second",
        "final",
    ]


def test_a_policy_by_union_covers_its_sub_unions(story, city, editor, chief, leader, login):
    policy("县级", [("first", EDITOR), ("second", DESK_CHIEF), ("final", LEADER)], unions=[city])
    article = story(status="review", genre="news")
    sign(login(editor), article)
    assert message_codes(publish(login(leader), article)) == ["levels_missing"]


def test_one_person_signs_one_level(story, editor, chief, login, three_levels):
    chief.groups.add(Group.objects.get(name=EDITOR))
    article = story(status="review", genre="feature")
    assert message_codes(sign(login(chief), article)) == ["signed_off"]
    # The chief signed 初审; 复审 is theirs by group, but not on this story.
    assert message_codes(sign(login(chief), article)) == ["one_level_per_person"]
    assert article.signoffs.count() == 1


def test_the_author_never_signs(story, editor, second_editor, login, two_levels):
    article = story(status="review", author=editor)
    page = login(editor).get(change_url(article)).content.decode()
    assert transition_url(article, "sign_off") not in page
    assert message_codes(sign(login(editor), article)) == ["author_signs"]
    assert not article.signoffs.exists()


def test_an_edit_makes_earlier_signoffs_stale(
    story, editor, second_editor, chief, login, two_levels
):
    article = story(status="review", body="原稿第一段。")
    sign(login(editor), article)
    # Another editor changes the copy after the first level signed.
    other = login(second_editor)
    data = form_data(other.get(change_url(article)))
    data["body"] = "改过的第一段。"
    assert other.post(change_url(article), data).status_code == 302

    page = login(chief).get(change_url(article)).content.decode()
    assert "desk-level--stale" in page
    assert "history/compare/" in page  # the diff since the signature
    article.refresh_from_db()
    assert message_codes(publish(login(chief), article)) == ["levels_missing"]
    # Signed again on the current version, the story can be published.
    article.refresh_from_db()
    assert message_codes(sign(login(editor), article)) == ["signed_off"]
    article.refresh_from_db()
    assert message_codes(publish(login(chief), article)) == ["approved"]


def test_an_edit_by_the_highest_signer_keeps_the_signoffs(
    story, editor, chief, leader, login, three_levels
):
    article = story(status="review", genre="feature", body="原稿。")
    sign(login(editor), article)
    article.refresh_from_db()
    sign(login(chief), article)
    chief_client = login(chief)
    data = form_data(chief_client.get(change_url(article)))
    data["body"] = "复审改了一个字。"
    assert chief_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert message_codes(publish(login(leader), article)) == ["approved"]


def test_send_back_one_level(story, editor, chief, leader, login, three_levels):
    article = story(status="review", genre="feature")
    sign(login(editor), article)
    response = login(chief).post(
        transition_url(article, "send_back"),
        {"reason": "导语要重写", "version": article.version},
        follow=True,
    )
    assert message_codes(response) == ["sent_back"]
    article.refresh_from_db()
    assert article.status == "review"
    # 初审 signs again before 复审.
    assert message_codes(sign(login(chief), article)) == ["not_in_level_group"]
    assert message_codes(sign(login(editor), article)) == ["signed_off"]
    assert "导语要重写" in login(editor).get(change_url(article)).content.decode()


def test_return_from_the_last_level(story, editor, chief, reporter, login, two_levels, mailoutbox):
    article = story(status="review")
    sign(login(editor), article)
    response = login(chief).post(
        transition_url(article, "return"),
        {"reason": "数据需要核实", "version": article.version},
        follow=True,
    )
    assert message_codes(response) == ["returned"]
    article.refresh_from_db()
    assert article.status == "draft"


def test_a_correction_needs_the_last_levels_signer(story, editor, chief, login, two_levels):
    article = story(status="published")
    # An editor of the first level may not correct; the form is read-only for them.
    editor_client = login(editor)
    data = form_data(editor_client.get(change_url(article)))
    data["body"] = "编辑想改。"
    editor_client.post(change_url(article), data)
    article.refresh_from_db()
    assert article.body != "编辑想改。"

    chief_client = login(chief)
    data = form_data(chief_client.get(change_url(article)))
    data["body"] = "主任更正后的正文。"
    data["correction_note"] = "原稿数字有误，已更正。"
    assert chief_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.body == "主任更正后的正文。"
    final = article.signoffs.get()
    assert (final.level, final.signer) == ("final", chief)


def _queues(response):
    """The admin index's sign-off queues (the desk summary beside them lists every wait)."""
    page = response.content.decode()
    start = page.index('class="module signoff-queues"')
    return page[start : page.index("</section>", start)]


def test_queues_per_level_on_the_admin_index(story, editor, chief, login, two_levels):
    waiting_first = story(status="review", headline="等初审的稿")
    waiting_final = story(status="review", headline="等终审的稿")
    sign(login(editor), waiting_final)
    editor_page = _queues(login(editor).get("/admin/"))
    chief_page = _queues(login(chief).get("/admin/"))
    assert "等初审的稿" in editor_page and "等终审的稿" not in editor_page
    assert "等终审的稿" in chief_page and "等初审的稿" not in chief_page
    assert "signoff-queue--final" in chief_page
    assert waiting_first.pk


def test_without_a_policy_one_final_review_by_an_editor(story, editor, login):
    article = story(status="review")
    assert message_codes(publish(login(editor), article)) == ["approved"]


def test_a_long_queue_lists_its_oldest_and_links_to_all(
    story, editor, login, two_levels, django_assert_max_num_queries
):
    client = login(editor)
    for number in range(3):
        story(status="review", headline=f"待审稿{number}")
    client.get("/admin/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/")
    for number in range(3, 11):
        story(status="review", headline=f"待审稿{number}")
    # Every story in review is weighed in the same queries, however many wait.
    with django_assert_max_num_queries(len(few)):
        queues = _queues(client.get("/admin/"))
    assert queues.count("<li>") == 8
    assert "查看全部 11 篇" in queues and "/admin/articles/article/?status=review" in queues
