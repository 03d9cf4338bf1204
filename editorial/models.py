from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class EventKind(models.TextChoices):
    """What happened to a story (ArticleEvent.Kind)."""

    CREATED = "created", _("Created")
    SUBMITTED = "submitted", _("Submitted for review")
    TAKEN_BACK = "taken_back", _("Taken back to draft")
    RETURNED = "returned", _("Returned to the author")
    APPROVED = "approved", _("Approved")
    RESCHEDULED = "rescheduled", _("Publication time changed")
    UNSCHEDULED = "unscheduled", _("Taken off the schedule")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CORRECTED = "corrected", _("Corrected after publication")
    RESTORED = "restored", _("Earlier version restored")
    PREVIEW_SHARED = "preview_shared", _("Preview link shared")
    PREVIEW_REVOKED = "preview_revoked", _("Preview link revoked")
    NOTIFICATION_FAILED = "notification_failed", _("Email not sent")
    SIGNED_OFF = "signed_off", _("Signed off")
    SENT_BACK = "sent_back", _("Sent back one level")
    PROOFREAD = "proofread", _("Proofread")
    CHECK_OVERRIDDEN = "check_overridden", _("Check overridden")


# Events that move a story from one status to another (not corrections, restores, shares):
# the newest of them tells a returned draft from a draft (editorial.desk_status).
STATUS_MOVES = [
    EventKind.SUBMITTED,
    EventKind.TAKEN_BACK,
    EventKind.RETURNED,
    EventKind.APPROVED,
    EventKind.UNSCHEDULED,
    EventKind.WITHDRAWN,
]


class ArticleEvent(models.Model):
    """One step in a story's life: who moved it from which status to which, when and why."""

    Kind = EventKind

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="article_events",
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Article.Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    publish_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("The publication time the step set, for approvals and rescheduling."),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("story event")
        verbose_name_plural = _("story events")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The review desk's "submitted at" column reads the newest submission per story
            # (newest first, then by id as the queries break ties): one index entry, no sort.
            models.Index(
                fields=["article", "kind", "-created_at", "-id"], name="event_by_article_kind"
            ),
            # A story's newest status move, read for the drafts among the desk's counts and
            # filters (editorial.desk_status): one index entry, no sort.
            models.Index(
                fields=["article", "-created_at", "-id"],
                condition=models.Q(kind__in=STATUS_MOVES),
                name="event_newest_status_move",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article_id}"

    @property
    def changes_status(self):
        return self.from_status != self.to_status


class PreviewLinkQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A signed preview link handed to a reviewer without an account: who made it, until when.

    The token names this row, so a link stops working when it is revoked, when it expires and
    when its story is deleted (the row goes with it); the view also refuses it once the story is
    withdrawn. `shown_version` is the saved version (django-reversion) the link was made for:
    the page shows that version's copy and bylines, never later rewrites, and says when it was
    saved and whether the story has changed since. A link whose version is no longer in the
    history shows nothing (404). `version` is the story's version counter at the time.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="preview_links"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    version = models.PositiveIntegerField(_("version when made"))
    shown_version = models.ForeignKey(
        "reversion.Version",
        verbose_name=_("version shown"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.article_id}: {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_live(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


class ReviewLevel(models.TextChoices):
    """The levels of 三审, in order."""

    FIRST = "first", _("First review")
    SECOND = "second", _("Second review")
    FINAL = "final", _("Final review")


LEVEL_ORDER = list(ReviewLevel.values)


class ReviewPolicy(models.Model):
    """Which levels of review a story needs, and who signs each: the desk edits these.

    A story follows the policy of its union (or of the nearest union above it that has one);
    otherwise the policy for its genre; otherwise the default policy. With no policy at all,
    one final review by anyone who may publish.
    """

    name = models.CharField(_("name"), max_length=80, unique=True)
    genres = models.JSONField(
        _("genres"),
        default=list,
        blank=True,
        help_text=_("The genres this policy is for."),
    )
    unions = models.ManyToManyField(
        "unions.Union",
        verbose_name=_("unions"),
        blank=True,
        related_name="review_policies",
        help_text=_("Stories from these unions and their sub-unions follow this policy."),
    )
    is_default = models.BooleanField(
        _("default"), default=False, help_text=_("For stories no other policy covers.")
    )
    proofreading_rounds = models.PositiveSmallIntegerField(
        _("proofreading rounds"),
        default=1,
        help_text=_("How many proofreading rounds (一校, 二校, 三校) the story needs."),
    )

    class Meta:
        verbose_name = _("review policy")
        verbose_name_plural = _("review policies")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ReviewStep(models.Model):
    """One level of a policy and the group whose members sign it."""

    policy = models.ForeignKey(
        ReviewPolicy, verbose_name=_("policy"), on_delete=models.CASCADE, related_name="steps"
    )
    level = models.CharField(_("level"), max_length=10, choices=ReviewLevel.choices)
    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("signed by members of"),
        on_delete=models.PROTECT,
        related_name="review_steps",
    )

    class Meta:
        verbose_name = _("review level")
        verbose_name_plural = _("review levels")
        constraints = [
            models.UniqueConstraint(fields=["policy", "level"], name="one_step_per_level"),
            models.CheckConstraint(
                condition=models.Q(level__in=ReviewLevel.values), name="review_step_level_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_level_display()}: {self.group}"


class SignOff(models.Model):
    """A reviewer's signature on one level of a story (审稿签字), with the version signed."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="signoffs"
    )
    level = models.CharField(_("level"), max_length=10, choices=ReviewLevel.choices)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="signoffs",
    )
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)
    opinion = models.TextField(_("opinion"))
    article_version = models.PositiveIntegerField(_("story version signed"))
    revision_id_signed = models.PositiveIntegerField(
        _("revision signed"),
        null=True,
        blank=True,
        help_text=_("The saved version (history) the signer read, for the diff since."),
    )
    revoked_at = models.DateTimeField(_("sent back at"), null=True, blank=True)
    event = models.OneToOneField(
        ArticleEvent,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signoff",
    )

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["signed_at", "pk"]
        indexes = [models.Index(fields=["article", "signed_at"], name="signoff_by_article")]

    def __str__(self):
        return f"{self.get_level_display()}: {self.article_id}"
