from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from unions.slugs import pinyin_slug, unique_slug

# Each union's path is its ancestors' ids and its own, zero-padded so that string order is
# tree order: "000001/000004/000017/". A subtree is one prefix query.
PATH_SEGMENT_WIDTH = 6


class UnionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def roots(self):
        return self.filter(parent__isnull=True)

    def subtree(self, union):
        """The union and all its descendants, in one query."""
        return self.filter(path__startswith=union.path)

    def descendants(self, union):
        return self.subtree(union).exclude(pk=union.pk)

    def tree_order(self):
        return self.order_by("path")


class Union(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "province", _("Province federation")
        CITY = "city", _("City federation")
        COUNTY = "county", _("County or district federation")
        INDUSTRY = "industry", _("Industry union")
        ENTERPRISE = "enterprise", _("Enterprise union")
        COMMUNITY = "community", _("Community union")
        OTHER = "other", _("Other")

    name = models.CharField(
        _("name"), max_length=100, unique=True, help_text=_("Full name, e.g. 宿州市总工会.")
    )
    short_name = models.CharField(
        _("short name"),
        max_length=30,
        blank=True,
        help_text=_("Used in labels and lists, e.g. 宿州."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_(
            "The union's address on the site, in pinyin. Made from the name when left empty "
            "and kept when the name changes, so that shared links keep working."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent union"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    ordering = models.PositiveIntegerField(
        _("ordering"), default=0, help_text=_("Smaller numbers come first among siblings.")
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive unions are hidden from the public lists.")
    )
    description = models.TextField(_("description"), blank=True)
    path = models.CharField(
        _("tree path"), max_length=255, editable=False, db_index=True, default=""
    )
    depth = models.PositiveSmallIntegerField(_("depth"), editable=False, default=0)

    objects = UnionQuerySet.as_manager()

    class Meta:
        verbose_name = _("union")
        verbose_name_plural = _("unions")
        ordering = ["path"]

    # How unions under one parent are listed: by their ordering, then as the tree has them.
    SIBLING_ORDER = ("ordering", "path")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                pinyin_slug(self.name),
                lambda candidate: Union.objects.filter(slug=candidate).exclude(pk=self.pk).exists(),
            )
        with transaction.atomic():
            old_path = self.path
            super().save(*args, **kwargs)
            new_path = self._computed_path()
            if new_path != old_path:
                self._move_subtree(old_path, new_path)

    def get_absolute_url(self):
        return reverse("news:union", kwargs={"slug": self.slug})

    def clean(self):
        moving_under_itself = (
            self.parent_id
            and self.pk
            and (self.parent_id == self.pk or self.parent.path.startswith(self.path or "\0"))
        )
        if moving_under_itself:
            raise ValidationError(
                {
                    "parent": ValidationError(
                        _("A union cannot be placed under itself or one of its sub-unions."),
                        code="cyclic_parent",
                    )
                }
            )

    @property
    def label(self):
        return self.short_name or self.name

    @property
    def sibling_key(self):
        """The sort key of SIBLING_ORDER, for unions already in memory."""
        return (self.ordering, self.path)

    def ancestors(self):
        """The unions above this one, from the root down, in one query."""
        ids = [int(segment) for segment in self.path.strip("/").split("/")[:-1] if segment]
        return Union.objects.filter(pk__in=ids).order_by("depth")

    def _computed_path(self):
        prefix = self.parent.path if self.parent_id else ""
        return f"{prefix}{self.pk:0{PATH_SEGMENT_WIDTH}d}/"

    def _move_subtree(self, old_path, new_path):
        """Rewrite the paths of this union and everything under it, in one UPDATE."""
        new_depth = new_path.count("/") - 1
        # A new union has no path yet, and so no subtree but itself.
        subtree = (
            Union.objects.filter(path__startswith=old_path)
            if old_path
            else Union.objects.filter(pk=self.pk)
        )
        subtree.update(
            path=Concat(
                Value(new_path), Substr("path", len(old_path) + 1), output_field=models.CharField()
            ),
            depth=F("depth") + (new_depth - self.depth),
        )
        self.path, self.depth = new_path, new_depth
