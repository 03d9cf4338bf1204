from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles import body as body_format
from articles import bylines as byline_format
from articles.querysets import ArticleQuerySet

# Print conventions of the paper itself, the same whatever the reader's interface language.
STAFF_REPORT_DATELINE = "本报讯"

# The story's copy, as its authors write it: what a restore brings back from the history and
# what a refused save shows back; union, themes, photos and status are not copy.
COPY_FIELDS = [
    "kicker",
    "headline",
    "subheadline",
    "is_staff_report",
    "dateline",
    "editors_note",
    "body",
    "summary",
]


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ArticleGenre(models.TextChoices):
    NEWS = "news", _("News")
    FEATURE = "feature", _("Feature")
    PHOTO = "photo", _("Photo news")
    COMMENTARY = "commentary", _("Commentary")


class BylineRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    REPORTER = "reporter", _("Staff reporter")
    CORRESPONDENT = "correspondent", _("Correspondent")
    PHOTOGRAPHER = "photographer", _("Photographer")
    EDITOR = "editor", _("Editor in charge")


class Column(models.Model):
    """A named running series (栏目), e.g. 扶贫村里的故事."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        allow_unicode=True,
        help_text=_("The column's address on the site; Chinese is allowed."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:column", kwargs={"slug": self.slug})


class ArticleTheme(TaggedItemBase):
    """Links a story to a theme tag with a real foreign key, so theme lists join cheaply."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("story theme")
        verbose_name_plural = _("story themes")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_theme"),
        ]


class Article(models.Model):
    # Module-level classes, so that the check constraints below are built from their values.
    Status = ArticleStatus
    Genre = ArticleGenre

    kicker = models.CharField(
        _("kicker"), max_length=120, blank=True, help_text=_("The line over the headline (引题).")
    )
    headline = models.CharField(_("headline"), max_length=120)
    subheadline = models.CharField(
        _("subheadline"),
        max_length=160,
        blank=True,
        help_text=_("The line under the headline (副标题), without the leading dash."),
    )
    union = models.ForeignKey(
        "unions.Union",
        verbose_name=_("union"),
        on_delete=models.PROTECT,
        related_name="articles",
        help_text=_("The union that reports the story."),
    )
    themes = TaggableManager(
        verbose_name=_("themes"),
        through=ArticleTheme,
        blank=True,
        help_text=_("Themes readers follow, separated by commas."),
    )
    column = models.ForeignKey(
        Column,
        verbose_name=_("column"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    genre = models.CharField(_("genre"), max_length=20, choices=Genre.choices, default=Genre.NEWS)
    is_staff_report = models.BooleanField(
        _("staff report"),
        default=False,
        help_text=_("Open the first paragraph with the 本报讯 dateline."),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=40,
        blank=True,
        help_text=_(
            "Place and date of a staff report, printed as 本报合肥4月13日讯; "
            "leave empty for 本报讯."
        ),
    )
    editors_note = models.TextField(
        _("editor's note"),
        blank=True,
        help_text=_("编者按: the desk's note printed before the story."),
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Separate paragraphs with a blank line. Start a line with “## ” for an "
            "intertitle (小标题). HTML is shown as typed, never interpreted."
        ),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Shown in lists and shared links. Leave empty to use the first paragraph."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
        help_text=_("Changed only by the workflow: file, review, approve, withdraw."),
    )
    publish_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "A published story is public from this time on (Asia/Shanghai); "
            "a time in the future schedules it."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_created",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised by every save; guards against lost edits."),
    )
    correction_note = models.TextField(
        _("correction note"),
        blank=True,
        help_text=_("A public correction (更正) shown at the end of the story."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-publish_at", "-created_at"]
        # The editorial workflow's rights (editorial/roles.py gives them to the groups). Like
        # Django's own permission names, these are stored in English.
        permissions = [
            ("submit_article", "Can submit own stories for review"),
            ("review_article", "Can see every story and return it to its author"),
            ("publish_article", "Can approve, schedule and publish stories"),
            ("withdraw_article", "Can withdraw published stories"),
            ("correct_article", "Can correct published stories"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="article_status_valid",
                violation_error_message=_("Unknown status."),
            ),
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED) | Q(publish_at__isnull=False),
                name="article_published_has_publish_at",
                violation_error_message=_("A published story needs a publication time."),
            ),
            models.CheckConstraint(
                condition=Q(genre__in=ArticleGenre.values),
                name="article_genre_valid",
                violation_error_message=_("Unknown genre."),
            ),
        ]
        indexes = [
            # The newest public stories. It carries each story's union and id, so that a union's
            # list, walking it for the union's stories, reads them from the index alone (the
            # database would otherwise fetch every passed-over story's row for its union).
            models.Index(
                fields=["status", "-publish_at"],
                include=["union", "id"],
                name="article_public_by_date",
            ),
            models.Index(fields=["union", "status", "-publish_at"], name="article_public_by_union"),
            models.Index(fields=["genre", "status", "-publish_at"], name="article_public_by_genre"),
            # The desk's story list, most recently changed first.
            models.Index(fields=["-updated_at", "-id"], name="article_desk_by_update"),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("news:article", kwargs={"pk": self.pk})

    def is_published(self):
        """True when the public can see the story now (the published() rule, for one story)."""
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    is_published.boolean = True
    is_published.short_description = _("public")

    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def blocks(self):
        return body_format.parse(self.body)

    @property
    def theme_links(self):
        """The story's theme rows: a history of versions keeps them to show changed themes."""
        return ArticleTheme.objects.filter(content_object=self)

    @property
    def lead_text(self):
        """The summary, or the first paragraph when there is none."""
        return self.summary.strip() or body_format.first_paragraph(self.body)

    @property
    def character_count(self):
        return body_format.body_character_count(self.body)

    def body_html(self):
        return body_format.render_html(self.body, dateline=self.dateline_text)

    @property
    def dateline_text(self):
        """How the staff report's dateline is printed: 本报讯, or 本报合肥4月13日讯."""
        if not self.is_staff_report:
            return ""
        place_and_date = self.dateline.strip()
        return f"本报{place_and_date}讯" if place_and_date else STAFF_REPORT_DATELINE

    # The credits read self.bylines.all(), so a prefetch_related("bylines") serves them.
    def closing_credit(self):
        return byline_format.closing_credit(self.bylines.all())

    def photo_credit(self):
        return byline_format.photo_credit(self.bylines.all())

    def editor_credit(self):
        return byline_format.editor_credit(self.bylines.all())


class Byline(models.Model):
    Role = BylineRole

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=40)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.AUTHOR)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bylines",
        help_text=_("Optional: correspondents usually have no account."),
    )

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=BylineRole.values),
                name="byline_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.name}"
