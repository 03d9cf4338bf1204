"""三审: which levels a story needs, who may sign each, and where its sign-offs stand.

Reads only; the sign-off steps themselves are guarded functions in services/review.py.

A sign-off holds for the copy its signer read. An edit saved after it makes it stale (it needs
signing again) unless the edit was made by the signer of the highest level signed at the time:
the final reviewer who fixes a typo does not send the story back through every level.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from reversion.models import Version

from articles import permissions
from articles.models import Article
from editorial.models import LEVEL_ORDER, ReviewLevel, ReviewPolicy, SignOff  # noqa: F401


@dataclass(frozen=True)
class Step:
    """One level a story needs and the group that signs it (None: anyone who may publish)."""

    level: str
    group_id: int | None = None
    group_name: str = ""

    @property
    def label(self):
        return ReviewLevel(self.level).label


# What the sign-off queues show of the stories they list (the first few of each level).
QUEUE_FIELDS = ["headline", "genre", "union__name"]

# With no policy on the desk, a story needs one final review by anyone who may publish.
FALLBACK_STEPS = [Step(ReviewLevel.FINAL)]


@dataclass
class LevelState:
    step: Step
    signoff: SignOff | None = None  # the newest sign-off of this level that was not sent back
    stale: bool = False
    is_last: bool = False

    @property
    def is_signed(self):
        return self.signoff is not None and not self.stale


@dataclass
class ReviewState:
    policy: ReviewPolicy | None
    levels: list = field(default_factory=list)

    @property
    def next_level(self):
        """The lowest level without a current sign-off: the one waiting to be signed."""
        return next((state for state in self.levels if not state.is_signed), None)

    @property
    def last_level(self):
        return self.levels[-1]

    def signed_by(self, user):
        """The level the user signed on this story (stale or not), or None."""
        return next(
            (
                state.step.level
                for state in self.levels
                if state.signoff is not None and state.signoff.signer_id == user.pk
            ),
            None,
        )


def policy_for(article, policies=None):
    """The policy a story follows: its union's (or the nearest union above), its genre's, or
    the default; None when the desk has none."""
    if policies is None:
        policies = list(ReviewPolicy.objects.prefetch_related("unions", "steps__group"))
    # The queues weigh stories as _Weighed values, which carry their union's path themselves.
    union_path = getattr(article, "union_path", None)
    if union_path is None:
        union_path = article.union.path if article.union_id else ""
    by_union = [(_nearest_union(policy, union_path), policy) for policy in policies]
    by_union = [(depth, policy) for depth, policy in by_union if depth >= 0]
    if by_union:
        return max(by_union, key=lambda item: item[0])[1]
    for policy in policies:
        if article.genre in (policy.genres or []):
            return policy
    return next((policy for policy in policies if policy.is_default), None)


def _nearest_union(policy, union_path):
    """How deep the policy's union nearest to the story's union is (-1: none covers it)."""
    return max(
        (len(union.path) for union in policy.unions.all() if union_path.startswith(union.path)),
        default=-1,
    )


def steps_of(policy):
    if policy is None:
        return FALLBACK_STEPS
    steps = sorted(policy.steps.all(), key=lambda step: LEVEL_ORDER.index(step.level))
    if not steps:
        return FALLBACK_STEPS
    return [Step(step.level, step.group_id, step.group.name) for step in steps]


def review_state(article, policies=None, signoffs=None):
    """The story's levels, each with its newest sign-off and whether that is stale.

    signoffs: the story's sign-offs, when the caller read those of many stories at once.
    """
    policy = policy_for(article, policies)
    steps = steps_of(policy)
    if signoffs is None:
        signoffs = article.signoffs.all()
    signoffs = [signoff for signoff in signoffs if signoff.revoked_at is None]
    signoffs.sort(key=lambda signoff: (signoff.signed_at, signoff.pk))
    edits = _edits(article) if signoffs else []
    states = []
    for position, step in enumerate(steps):
        newest = next(
            (signoff for signoff in reversed(signoffs) if signoff.level == step.level), None
        )
        states.append(
            LevelState(
                step=step,
                signoff=newest,
                stale=newest is not None and _stale(newest, signoffs, edits),
                is_last=position == len(steps) - 1,
            )
        )
    return ReviewState(policy=policy, levels=states)


def _edits(article):
    """The story's saved versions (who, when), oldest first."""
    return [
        (version.pk, version.revision.user_id, version.revision.date_created)
        for version in Version.objects.get_for_object_reference(Article, article.pk)
        .select_related("revision")
        .order_by("revision__date_created", "pk")
    ]


def _stale(signoff, signoffs, edits):
    for version_id, user_id, saved_at in edits:
        if signoff.revision_id_signed is not None and version_id <= signoff.revision_id_signed:
            continue
        if saved_at <= signoff.signed_at:
            continue
        if user_id != _top_signer(signoffs, saved_at):
            return True
    return False


def _top_signer(signoffs, at):
    """Who had signed the highest level by the time `at`."""
    earlier = [signoff for signoff in signoffs if signoff.signed_at <= at]
    if not earlier:
        return None
    top = max(earlier, key=lambda signoff: (LEVEL_ORDER.index(signoff.level), signoff.signed_at))
    return top.signer_id


def newest_version_id(article):
    version = Version.objects.get_for_object(article).order_by("-pk").only("pk").first()
    return version.pk if version is not None else None


def may_sign(user, article, state, step, group_ids=None, may_publish=None):
    """Whether the user may sign this level of the story now (ignoring its status).

    group_ids and may_publish: the user's groups and whether they may publish, when the caller
    asks about many stories (read once).
    """
    if not user.is_authenticated or permissions.is_author(user, article):
        return False
    signed = state.signed_by(user)
    if signed is not None and signed != step.level:
        return False
    if step.group_id is None:
        return user.has_perm(permissions.PUBLISH) if may_publish is None else may_publish
    if user.is_superuser:
        return True
    if group_ids is not None:
        return step.group_id in group_ids
    return user.groups.filter(pk=step.group_id).exists()


@dataclass(frozen=True)
class _Weighed:
    """What the queues weigh of a story in review: its policy's keys (union path, genre) and
    its author, read as plain values. A desk may hold thousands of stories in review; only the
    few each queue lists are read as stories."""

    pk: int
    genre: str
    union_id: int | None
    union_path: str
    created_by_id: int | None


@dataclass
class Queue:
    """One level's queue: how many stories wait for the user's signature, and the oldest."""

    label: str
    level: str
    count: int
    stories: list


def awaiting_signoff(user, queryset, length):
    """The stories in review whose next level the user may sign, by level in the order of the
    levels, oldest submission first: each queue's count and its first `length` stories."""
    in_review = queryset.in_review()
    weighed = [
        _Weighed(pk, genre, union_id, union_path or "", author_id)
        for pk, genre, union_id, union_path, author_id in in_review.order_by(
            "updated_at", "pk"
        ).values_list("pk", "genre", "union_id", "union__path", "created_by_id")
    ]
    signoffs = defaultdict(list)
    for signoff in SignOff.objects.filter(article__in=in_review.values("pk")).order_by("pk"):
        signoffs[signoff.article_id].append(signoff)
    policies = list(ReviewPolicy.objects.prefetch_related("unions", "steps__group"))
    group_ids = set(user.groups.values_list("pk", flat=True))
    may_publish = user.has_perm(permissions.PUBLISH)
    waiting = {level: [] for level in LEVEL_ORDER}
    # Without sign-offs, a story's state is its policy's levels, all waiting: the same for every
    # story of the same union and genre (which decide the policy), so it is worked out once.
    unsigned_states = {}
    for story in weighed:
        if signoffs[story.pk]:
            state = review_state(story, policies, signoffs[story.pk])
        else:
            key = (story.union_path, story.genre)
            if key not in unsigned_states:
                unsigned_states[key] = review_state(story, policies, [])
            state = unsigned_states[key]
        step = state.next_level
        if step is not None and may_sign(user, story, state, step.step, group_ids, may_publish):
            waiting[step.step.level].append(story.pk)
    shown = [pk for pks in waiting.values() for pk in pks[:length]]
    stories = Article.objects.select_related("union").only(*QUEUE_FIELDS).in_bulk(shown)
    return [
        Queue(
            label=ReviewLevel(level).label,
            level=level,
            count=len(waiting[level]),
            stories=[stories[pk] for pk in waiting[level][:length] if pk in stories],
        )
        for level in LEVEL_ORDER
    ]
