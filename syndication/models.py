import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_BYTES = 32
PREFIX_LENGTH = 8


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class PartnerTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def for_token(self, token):
        """The active partner holding token, or None."""
        if not token:
            return None
        return self.active().filter(key_hash=hash_token(token)).first()


class PartnerToken(models.Model):
    """A paper or site that reprints our stories through the ninjs API.

    Only the token's hash is stored: the token is shown once, when it is created.
    """

    name = models.CharField(
        _("partner"), max_length=120, help_text=_("Who uses the token, e.g. 安徽工人日报.")
    )
    key_prefix = models.CharField(_("token begins with"), max_length=PREFIX_LENGTH, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = PartnerTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner token")
        verbose_name_plural = _("partner tokens")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.key_prefix}…)"

    def issue(self):
        """Give the partner a new token; returns it (the only time it can be read)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.key_prefix = token[:PREFIX_LENGTH]
        self.key_hash = hash_token(token)
        return token

    @property
    def is_active(self):
        return self.revoked_at is None
