"""Loads the demo newsroom; running it again changes nothing that is already there."""

from dataclasses import dataclass, field
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from taggit.models import Tag

from articles.models import Article, Column
from correspondents.rules import ensure_group as ensure_correspondent_group
from demo import content
from demo.information_work import load_information_work
from demo.planning import ensure_plan
from editorial.models import ReviewPolicy
from editorial.roles import ensure_groups
from editorial.services import file_draft
from editorial.services.filing import drive_to_status
from photos.models import Photo
from planning.roles import ensure_planning_permissions
from proofing.models import StandardTerm, TypoEntry
from reporting import summary
from unions.models import Union


@dataclass
class DemoReport:
    created_unions: int = 0
    created_stories: int = 0
    created_ideas: int = 0
    logins: list = field(default_factory=list)


def _ensure_union(name, short_name, kind, parent, ordering, report):
    union, created = Union.objects.get_or_create(
        name=name,
        defaults={"short_name": short_name, "kind": kind, "parent": parent, "ordering": ordering},
    )
    report.created_unions += created
    return union


def _ensure_unions(report):
    province_name, province_short = content.PROVINCE
    province = _ensure_union(province_name, province_short, "province", None, 0, report)
    for ordering, city in enumerate(content.CITIES):
        _ensure_union(f"{city}市总工会", city, "city", province, ordering, report)
    for ordering, (name, short_name, kind, parent_name) in enumerate(content.LOCAL_UNIONS):
        parent = Union.objects.get(name=parent_name)
        _ensure_union(name, short_name, kind, parent, ordering, report)


def creates_superuser():
    """Whether loading the demo would create a superuser account that does not exist yet."""
    names = [username for username, _p, _n, _g, is_superuser in content.USERS if is_superuser]
    return get_user_model().objects.filter(username__in=names).count() < len(names)


def _ensure_review_policies():
    """三审 and 三校 as a city desk would start: policies, the typo and 规范表述 lists."""
    for name, genres, is_default, rounds, steps in content.REVIEW_POLICIES:
        policy, created = ReviewPolicy.objects.get_or_create(
            name=name,
            defaults={"genres": genres, "is_default": is_default, "proofreading_rounds": rounds},
        )
        if created:
            for level, group_name in steps:
                policy.steps.create(level=level, group=Group.objects.get(name=group_name))
    for wrong, right in content.TYPOS:
        TypoEntry.objects.get_or_create(wrong=wrong, defaults={"right": right})
    for wrong, right in content.STANDARD_TERMS:
        StandardTerm.objects.get_or_create(wrong=wrong, defaults={"right": right})
    override = Permission.objects.get(codename="override_check", content_type__app_label="proofing")
    for group_name in content.OVERRIDE_GROUPS:
        Group.objects.get(name=group_name).permissions.add(override)


def _ensure_users(report):
    users = {}
    for username, password, full_name, group_name, is_superuser in content.USERS:
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": full_name,
                "email": f"{username}@example.org",
                "is_staff": True,
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
        report.logins.append((username, password, group_name or "superuser"))
    return users


def _ensure_taxonomy():
    for name in content.THEMES:
        Tag.objects.get_or_create(name=name)
    name, slug, description = content.COLUMN
    column, _ = Column.objects.get_or_create(
        name=name, defaults={"slug": slug, "description": description}
    )
    return column


def _demo_photo(article, credit):
    """A generated picture (no real photo is shipped), stored the way an upload is."""
    image = Image.new("RGB", (1600, 1000), (178, 34, 34))
    draw = ImageDraw.Draw(image)
    for step in range(0, 1000, 40):
        draw.rectangle([0, step, 1600, step + 20], fill=(200 - step // 10, 60, 50))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    Photo.objects.create(
        article=article,
        image=ContentFile(buffer.getvalue(), name="demo-photo.jpg"),
        caption=article.body.split("\n")[0],
        credit=credit,
        alt_text=article.headline,
        is_lead=True,
    )


def _file_story(spec, *, users, column):
    """Files the story through the workflow and walks it to its demo state."""
    author = users[spec["author"]]
    article = file_draft(
        actor=author,
        bylines=spec["bylines"],
        themes=spec["themes"],
        union=Union.objects.get(name=spec["union"]),
        genre=spec["genre"],
        is_staff_report=spec["staff"],
        headline=spec["headline"],
        subheadline=spec.get("subheadline", ""),
        body=spec["body"],
        column=column if spec.get("column") else None,
    )
    if spec["genre"] == Article.Genre.PHOTO:
        photographer = next(name for role, name in spec["bylines"] if role == "photographer")
        _demo_photo(article, photographer)
    state = spec["state"]
    drive_to_status(
        article=article,
        status="published" if state == "scheduled" else state,
        author=author,
        editor=users["editor"],
        reviewers=[users["editor2"], users["chief"], users["leader"]],
        publish_at=timezone.now() + spec["when"] if "when" in spec else None,
        reason=spec.get("reason", ""),
    )


@transaction.atomic
def load_demo():
    """Creates whatever of the demo newsroom is missing and returns what it did."""
    report = DemoReport()
    ensure_groups()
    ensure_planning_permissions()
    _ensure_unions(report)
    column = _ensure_taxonomy()
    users = _ensure_users(report)
    _ensure_review_policies()
    for spec in content.STORIES:
        if Article.objects.filter(headline=spec["headline"]).exists():
            continue
        _file_story(spec, users=users, column=column)
        report.created_stories += 1
    ensure_correspondent_group()
    load_information_work(editor=users["editor"])
    report.created_ideas = ensure_plan(users)
    # Filings and stories were backdated with update(), which no signal sees: the statistics'
    # summary is worked out once more, as after any bulk write.
    summary.rebuild()
    return report
