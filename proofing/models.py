from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class TypoEntry(models.Model):
    """A common typo the desk looks out for (的的, 了了, 既使 → 即使 …)."""

    wrong = models.CharField(_("wrong"), max_length=40, unique=True)
    right = models.CharField(_("right"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("typo")
        verbose_name_plural = _("typo list")
        ordering = ["wrong"]

    def __str__(self):
        return f"{self.wrong} → {self.right}"


class StandardTerm(models.Model):
    """规范表述: a short or wrong form and the form the paper prints at the first mention."""

    wrong = models.CharField(_("short or wrong form"), max_length=60, unique=True)
    right = models.CharField(_("standard form"), max_length=60)

    class Meta:
        verbose_name = _("standard term")
        verbose_name_plural = _("standard terms (规范表述)")
        ordering = ["wrong"]

    def __str__(self):
        return f"{self.wrong} → {self.right}"


class SensitiveWord(models.Model):
    """A word that stops a sign-off until it is removed or the check is overridden."""

    word = models.CharField(_("word"), max_length=40, unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sensitive word")
        verbose_name_plural = _("sensitive words")
        ordering = ["word"]

    def __str__(self):
        return self.word


class ProofreadingRound(models.Model):
    """One proofreading round (一校, 二校, 三校): who, when, and how much they changed."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="proof_rounds"
    )
    number = models.PositiveSmallIntegerField(_("round"))
    proofreader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proofreader"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="proof_rounds",
    )
    finished_at = models.DateTimeField(_("finished at"), default=timezone.now)
    characters_changed = models.PositiveIntegerField(
        _("characters changed"), help_text=_("Since the previous round, or since filing.")
    )
    text = models.TextField(_("text proofread"))
    findings = models.PositiveIntegerField(_("findings"), default=0)
    blocking = models.PositiveIntegerField(_("blocking findings"), default=0)

    class Meta:
        verbose_name = _("proofreading round")
        verbose_name_plural = _("proofreading rounds")
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="one_round_per_number"),
        ]

    def __str__(self):
        return f"{self.article_id} #{self.number}"


class CheckOverride(models.Model):
    """A blocking check set aside, with the reason, by someone allowed to."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="check_overrides"
    )
    code = models.CharField(_("check"), max_length=40)
    reason = models.TextField(_("reason"))
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("overridden by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="check_overrides",
    )
    overridden_at = models.DateTimeField(_("time"), default=timezone.now)
    body_seen = models.TextField(_("text overridden"))

    class Meta:
        verbose_name = _("check override")
        verbose_name_plural = _("check overrides")
        ordering = ["overridden_at", "pk"]
        permissions = [("override_check", "Can override a blocking check with a reason")]

    def __str__(self):
        return f"{self.code}: {self.article_id}"
