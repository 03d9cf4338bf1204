"""The demo's plan: story ideas and assignments in every state around today, filed and moved
through planning's own steps (the stories through editorial's). Titles keep it idempotent."""

from datetime import timedelta

from django.utils import timezone

from editorial.services.filing import drive_to_status
from planning import services
from planning.models import Assignment, Campaign
from unions.models import Union

# title, union, state, proposer, assignee, campaign, event (days from now), due (days from now),
# notes. "overdue" is an assignment whose due time has passed; "filed" and "done" get a story.
IDEAS = [
    (
        "泗县总工会开展“两节”送温暖走访",
        "泗县总工会",
        "proposed",
        "reporter",
        None,
        "两节送温暖",
        6,
        None,
        "跟随县总工会走访困难职工家庭,记录慰问金和物资发放。",
    ),
    (
        "铜陵一线职工冬季安全生产大检查",
        "铜陵市总工会",
        "proposed",
        "reporter2",
        None,
        "安康杯竞赛",
        9,
        None,
        "铜化集团冬季检修期间的安全监督岗。",
    ),
    (
        "亳州市总工会春节前职工招聘会筹备",
        "亳州市总工会",
        "approved",
        "reporter",
        None,
        "春风行动",
        12,
        None,
        "春风行动前期:岗位征集和农民工返乡服务站。",
    ),
    (
        "合肥新站高新区技能大比武",
        "合肥新站高新区总工会",
        "assigned",
        "editor",
        "reporter",
        "职工职业技能大赛",
        3,
        4,
        "焊工、电工两个工种决赛,采访获奖选手。",
    ),
    (
        "黄山区总工会户外劳动者驿站冬季开放",
        "黄山区总工会",
        "overdue",
        "reporter2",
        "reporter2",
        None,
        -2,
        -1,
        "驿站新增热水和取暖设备,采访环卫工人。",
    ),
    (
        "宿州市立医院女职工关爱室挂牌",
        "宿州市立医院工会",
        "filed",
        "reporter",
        "reporter",
        None,
        -1,
        2,
        "关爱室开放时间、设施和使用情况。",
    ),
    (
        "淮南市总工会年终困难职工帮扶资金发放",
        "淮南市总工会",
        "done",
        "editor",
        "reporter2",
        "两节送温暖",
        -3,
        -1,
        "帮扶资金发放名单公示和发放现场。",
    ),
    (
        "蚌埠建筑工地夏送清凉回顾",
        "蚌埠市建筑业工会",
        "dropped",
        "reporter",
        None,
        "夏送清凉",
        None,
        None,
        "盘点今年夏天的防暑降温工作。",
    ),
]

DROP_REASON = "夏送清凉已于九月结束并做过专题报道,年末不再单独回顾。"


def ensure_plan(users):
    """Creates the demo's ideas that are missing; returns how many it created."""
    now = timezone.now()
    created = 0
    for title, union_name, state, proposer, assignee, campaign_name, event, due, notes in IDEAS:
        if Assignment.objects.filter(title=title).exists():
            continue
        campaign = Campaign.objects.filter(name=campaign_name).first()
        assignment = services.propose(
            actor=users[proposer],
            title=title,
            union=Union.objects.get(name=union_name),
            notes=notes,
            campaign=campaign,
            themes=list(campaign.themes.all()) if campaign else (),
            event_at=now + timedelta(days=event) if event is not None else None,
            place=union_name,
            notify=False,
        )
        _walk(assignment, state, users, assignee, due, now)
        created += 1
    return created


def _walk(assignment, state, users, assignee, due, now):
    editor = users["editor"]
    if state == "proposed":
        return
    if state == "dropped":
        services.drop(assignment=assignment, actor=editor, reason=DROP_REASON, notify=False)
        return
    services.approve(assignment=assignment, actor=editor)
    if state == "approved":
        return
    reporter = users[assignee]
    # Assigned with a future due time, as the desk would; the overdue one was given days ago.
    services.assign(
        assignment=assignment,
        actor=editor,
        assignee=reporter,
        due_at=now + timedelta(days=max(due, 1), hours=2),
        notify=False,
    )
    if state == "overdue":
        Assignment.objects.filter(pk=assignment.pk).update(due_at=now + timedelta(days=due))
        return
    if state in ("filed", "done"):
        # The assignment becomes filed, then done, when the desk announces the story's steps
        # after the demo's transaction commits (planning.receivers).
        article = services.start_story(assignment=assignment, actor=reporter)
        if state == "done":
            drive_to_status(
                article=article,
                status="published",
                author=reporter,
                editor=editor,
                publish_at=now - timedelta(hours=20),
            )
