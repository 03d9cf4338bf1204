"""The idea → approved → assigned → filed → done chain through the admin, the drop with a
reason, and who may do what."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from planning.models import Assignment, AssignmentEvent
from tests.planning.conftest import beijing

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/planning/assignment/add/"


def step_url(assignment, name):
    return reverse("admin:planning_assignment_step", args=[assignment.pk, name])


def change_url(assignment):
    return reverse("admin:planning_assignment_change", args=[assignment.pk])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def propose(client, city, title="泗县总工会送温暖走访"):
    return client.post(
        ADD_URL,
        {
            "title": title,
            "union": city.pk,
            "genre": "news",
            "themes": "送温暖, 困难职工帮扶",
            "campaign": "",
            "event_at_0": "2026-12-10",
            "event_at_1": "09:30",
            "place": "泗县草沟镇",
            "notes": "跟随县总工会走访困难职工家庭。",
        },
    )


def test_the_whole_chain(login, reporter, editor, city, django_capture_on_commit_callbacks):
    reporter_client, editor_client = login(reporter), login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = propose(reporter_client, city)
    assert response.status_code == 302
    idea = Assignment.objects.get(title="泗县总工会送温暖走访")
    assert (idea.status, idea.proposed_by, idea.place) == ("proposed", reporter, "泗县草沟镇")
    assert idea.event_at == beijing(2026, 12, 10, 9, 30)
    assert sorted(idea.themes.names()) == ["困难职工帮扶", "送温暖"]
    # The editors hear of a new idea.
    assert [message.to for message in mail.outbox] == [["liming@example.org"]]
    assert "泗县总工会送温暖走访" in mail.outbox[0].subject

    page = editor_client.get(change_url(idea))
    assert step_url(idea, "approve") in page.content.decode()
    response = editor_client.post(step_url(idea, "approve"), {"version": idea.version})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == "approved"

    due = timezone.localtime(timezone.now() + timedelta(days=3)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            step_url(idea, "assign"),
            {
                "version": idea.version,
                "assignee": reporter.pk,
                "due_at": due.strftime("%Y-%m-%dT%H:%M"),
            },
        )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.status, idea.assignee, idea.due_at) == ("assigned", reporter, due)
    assert [message.to for message in mail.outbox] == [["chenxue@example.org"]]
    assert "17:00" in mail.outbox[0].body

    # The assignee files the story from the assignment; it follows the story from then on.
    page = reporter_client.get(change_url(idea))
    assert "File the story" in page.content.decode() or "写稿" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = reporter_client.post(step_url(idea, "start_story"))
    idea.refresh_from_db()
    article = idea.article
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert (article.headline, article.union, article.status) == (idea.title, city, "draft")
    assert sorted(article.themes.names()) == ["困难职工帮扶", "送温暖"]
    assert idea.status == "filed"

    article_url = reverse("admin:articles_article_transition", args=[article.pk, "submit"])
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client.post(article_url, {"version": article.version})
    article.refresh_from_db()
    assert article.status == "review"
    idea.refresh_from_db()
    assert idea.status == "filed"

    approve_url = reverse("admin:articles_article_transition", args=[article.pk, "approve"])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(approve_url, {"version": article.version, "when": "now"})
    idea.refresh_from_db()
    assert idea.status == "done"
    assert list(idea.events.values_list("kind", flat=True)) == [
        "proposed",
        "approved",
        "assigned",
        "started",
        "filed",
        "done",
    ]
    page = editor_client.get(change_url(idea)).content.decode()
    assert "已完成" in page and article.headline in page


def test_a_scheduled_story_that_is_unscheduled_reopens_its_assignment(
    login, reporter, editor, city, django_capture_on_commit_callbacks
):
    from planning import services

    idea = services.propose(actor=reporter, title="技能大比武", union=city)
    services.approve(assignment=idea, actor=editor)
    services.assign(
        assignment=idea, actor=editor, assignee=reporter, due_at=timezone.now() + timedelta(1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = services.start_story(assignment=idea, actor=reporter)
    article.status = Article.Status.REVIEW
    article.save()
    client = login(editor)
    later = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:articles_article_transition", args=[article.pk, "approve"]),
            {"when": "at", "publish_at": later},
        )
    idea.refresh_from_db()
    assert idea.status == "done"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:articles_article_transition", args=[article.pk, "unschedule"]))
    idea.refresh_from_db()
    assert idea.status == "filed"


def test_drop_needs_a_reason_and_tells_the_proposer(
    login, reporter, editor, city, django_capture_on_commit_callbacks
):
    propose(login(reporter), city)
    idea = Assignment.objects.get()
    client = login(editor)

    response = client.post(step_url(idea, "drop"), {"version": idea.version, "reason": "  "})
    assert response.status_code == 200
    assert "给出理由" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == "proposed"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            step_url(idea, "drop"), {"version": idea.version, "reason": "本周已有同类报道。"}
        )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.status, idea.drop_reason) == ("dropped", "本周已有同类报道。")
    assert [message.to for message in mail.outbox] == [["chenxue@example.org"]]
    assert "本周已有同类报道。" in mail.outbox[0].body
    page = client.get(change_url(idea)).content.decode()
    assert "本周已有同类报道。" in page
    # A dropped idea offers no more steps.
    assert step_url(idea, "approve") not in page and step_url(idea, "drop") not in page


def test_a_stale_page_refuses_the_step(login, reporter, editor, city):
    propose(login(reporter), city)
    idea = Assignment.objects.get()
    client = login(editor)
    client.post(step_url(idea, "approve"), {"version": idea.version})
    response = client.post(
        step_url(idea, "drop"), {"version": idea.version, "reason": "重复"}, follow=True
    )
    idea.refresh_from_db()
    assert idea.status == "approved"
    assert any("在您打开后" in message for message in messages_of(response))


def test_a_reporter_cannot_approve_or_assign(login, reporter, other_reporter, city):
    client = login(reporter)
    propose(client, city)
    idea = Assignment.objects.get()
    page = client.get(change_url(idea)).content.decode()
    assert step_url(idea, "approve") not in page
    assert step_url(idea, "assign") not in page

    response = client.post(step_url(idea, "approve"), {"version": idea.version}, follow=True)
    assert any("只有编辑" in message for message in messages_of(response))
    Assignment.objects.filter(pk=idea.pk).update(status="approved")
    response = client.post(
        step_url(idea, "assign"),
        {"assignee": other_reporter.pk, "due_at": "2030-01-01T09:00"},
        follow=True,
    )
    idea.refresh_from_db()
    assert (idea.status, idea.assignee) == ("approved", None)
    assert AssignmentEvent.objects.filter(kind="assigned").count() == 0


def test_each_reporter_sees_only_their_own(login, reporter, other_reporter, editor, city):
    propose(login(reporter), city, title="陈雪的选题")
    propose(login(other_reporter), city, title="王志刚的选题")
    mine = Assignment.objects.get(title="陈雪的选题")

    listing = login(other_reporter).get("/admin/planning/assignment/").content.decode()
    assert "王志刚的选题" in listing and "陈雪的选题" not in listing
    response = login(other_reporter).get(change_url(mine))
    assert response.status_code == 302  # the admin's "does not exist" redirect
    response = login(other_reporter).post(step_url(mine, "drop"), {"reason": "不要"})
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.status == "proposed"

    listing = login(editor).get("/admin/planning/assignment/").content.decode()
    assert "王志刚的选题" in listing and "陈雪的选题" in listing


def test_the_proposer_may_drop_their_own_proposal_only(login, reporter, city):
    client = login(reporter)
    propose(client, city)
    idea = Assignment.objects.get()
    client.post(step_url(idea, "drop"), {"version": idea.version, "reason": "采访对象没空"})
    idea.refresh_from_db()
    assert idea.status == "dropped"


def test_assigning_refuses_a_past_due_time_and_keeps_the_form(login, reporter, editor, city):
    propose(login(reporter), city)
    idea = Assignment.objects.get()
    client = login(editor)
    client.post(step_url(idea, "approve"), {"version": idea.version})
    idea.refresh_from_db()
    response = client.post(
        step_url(idea, "assign"),
        {"version": idea.version, "assignee": reporter.pk, "due_at": "2020-01-01T09:00"},
        follow=True,
    )
    idea.refresh_from_db()
    assert idea.status == "approved"
    assert any("截稿时间已过" in message for message in messages_of(response))
    response = client.post(
        step_url(idea, "assign"), {"version": idea.version, "assignee": "", "due_at": "明天"}
    )
    assert response.status_code == 200
    assert "errornote" in response.content.decode()


def test_my_desk_lists_my_assignments_with_overdue_marked(login, reporter, editor, city):
    from planning import services

    soon = services.propose(actor=editor, title="按时的派题", union=city)
    late = services.propose(actor=editor, title="逾期的派题", union=city)
    for idea in (soon, late):
        services.approve(assignment=idea, actor=editor)
        services.assign(
            assignment=idea,
            actor=editor,
            assignee=reporter,
            due_at=timezone.now() + timedelta(days=1),
        )
    Assignment.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(hours=3))
    page = login(reporter).get("/admin/").content.decode()
    assert "我的派题" in page
    assert "按时的派题" in page and "逾期的派题" in page
    overdue_item = page.split("逾期的派题")[1].split("</li>")[0]
    assert "已逾期" in overdue_item
    on_time_item = page.split("按时的派题")[1].split("</li>")[0]
    assert "已逾期" not in on_time_item


def test_the_assignee_links_a_story_filed_before(
    login, reporter, other_reporter, editor, city, django_capture_on_commit_callbacks
):
    from editorial.services import file_draft
    from planning import services

    ideas = []
    for title in ("先写好的稿件的派题", "已发布稿件的派题"):
        idea = services.propose(actor=editor, title=title, union=city)
        services.approve(assignment=idea, actor=editor)
        services.assign(
            assignment=idea, actor=editor, assignee=reporter, due_at=timezone.now() + timedelta(1)
        )
        ideas.append(idea)
    draft = file_draft(actor=reporter, union=city, headline="早就写好的稿件", body="正文。")
    published = file_draft(actor=reporter, union=city, headline="已经见报的稿件", body="正文。")
    Article.objects.filter(pk=published.pk).update(status="published", publish_at=timezone.now())
    others = file_draft(actor=other_reporter, union=city, headline="别人的稿件", body="正文。")

    client = login(reporter)
    form = client.get(step_url(ideas[0], "link_story")).content.decode()
    assert "早就写好的稿件" in form and "已经见报的稿件" in form and "别人的稿件" not in form
    response = client.post(step_url(ideas[0], "link_story"), {"article": others.pk})
    assert response.status_code == 200  # not a choice: the form says so, nothing changes
    ideas[0].refresh_from_db()
    assert (ideas[0].status, ideas[0].article) == ("assigned", None)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(step_url(ideas[0], "link_story"), {"article": draft.pk})
        client.post(step_url(ideas[1], "link_story"), {"article": published.pk})
    ideas[0].refresh_from_db()
    ideas[1].refresh_from_db()
    assert (ideas[0].status, ideas[0].article) == ("filed", draft)
    assert (ideas[1].status, ideas[1].article) == ("done", published)
    assert {tuple(message.to) for message in mail.outbox} == {("liming@example.org",)}
    # A filed assignment takes no other story.
    page = client.get(step_url(ideas[0], "link_story"), follow=True).content.decode()
    assert "此选题为已交稿" in page
