"""A story's history in the admin: its saved versions, two of them compared, and an earlier one
restored (copy only, never the status).
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from editorial import diff, rules, selectors
from editorial.desk_status import desk_status
from editorial.formatting import display_name, local_time
from editorial.services.checks import TransitionNotAllowed
from editorial.services.records import RESTORED_FIELDS, restore_version


class HistoryViewsMixin:
    """ArticleAdmin's history views; they use its _get_article_or_redirect and _change_url."""

    def construct_change_message(self, request, form, formsets, add=False):
        return desk_change_message(form, formsets, add)

    def history_view(self, request, object_id, extra_context=None):
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        versions = [
            {
                "id": version.pk,
                "date": version.revision.date_created,
                "user": display_name(version.revision.user) if version.revision.user_id else "",
                "comment": version.revision.get_comment(),
                "restore_url": reverse(
                    "admin:articles_article_revision", args=[quote(article.pk), version.pk]
                ),
            }
            for version in selectors.versions_newest_first(article)
        ]
        context = {
            "versions": versions,
            "compare_url": reverse("admin:articles_article_compare", args=[quote(article.pk)]),
            "can_restore": rules.can_edit(request.user, article),
            **(extra_context or {}),
        }
        # Django's own history view (the log), without reversion's list, which this replaces.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def _snapshot(self, article, choice):
        """The text of a version chosen by id, or of the story now for "current"."""
        if choice == "current":
            return snapshot_label_current(), diff.snapshot_of_article(article)
        if not (choice or "").isdigit():
            return None, None
        version = selectors.versions_newest_first(article).filter(pk=int(choice)).first()
        if version is None:
            return None, None
        return snapshot_label(version), diff.snapshot_of_version(version)

    def compare_view(self, request, object_id):
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        history_url = reverse("admin:articles_article_history", args=[quote(article.pk)])
        old_label, old = self._snapshot(article, request.GET.get("old"))
        new_label, new = self._snapshot(article, request.GET.get("new", "current"))
        if old is None or new is None:
            messages.error(
                request,
                gettext("Choose two versions of this story to compare."),
                extra_tags="versions_required",
            )
            return redirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Compare versions of “%(headline)s”") % {"headline": article},
            "old_label": old_label,
            "new_label": new_label,
            **diff_context(diff.compare(old, new)),
            "history_url": history_url,
        }
        return TemplateResponse(request, "editorial/admin/version_compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A saved version beside the story now, and its restore (copy only, never status)."""
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        version = selectors.versions_newest_first(article).filter(pk=version_id).first()
        history_url = reverse("admin:articles_article_history", args=[quote(article.pk)])
        if version is None:
            messages.error(
                request,
                gettext("That version of the story does not exist."),
                extra_tags="missing_version",
            )
            return redirect(history_url)
        if request.method == "POST":
            try:
                restore_version(article=article, version=version, actor=request.user)
            except TransitionNotAllowed as refusal:
                messages.error(request, refusal.message, extra_tags=refusal.code)
                return redirect(history_url)
            messages.success(
                request,
                gettext(
                    "Restored the version of %(time)s as a new version. The status stays "
                    "“%(status)s”."
                )
                % {
                    "time": local_time(version.revision.date_created),
                    "status": desk_status(article).label,
                },
            )
            return redirect(self._change_url(article))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Restore an earlier version of “%(headline)s”")
            % {"headline": article},
            # The story now on the left, the version being restored as the target on the right:
            # what the restore removes is marked deleted, what it brings back inserted.
            "old_label": snapshot_label_current(),
            "new_label": gettext("The version you restore (%(version)s)")
            % {"version": snapshot_label(version)},
            **diff_context(
                diff.compare(
                    diff.snapshot_of_article(article),
                    diff.snapshot_of_version(version),
                    names=[*RESTORED_FIELDS, "bylines"],
                )
            ),
            "history_url": history_url,
            "can_restore": rules.can_edit(request.user, article),
            "status_label": desk_status(article).label,
        }
        return TemplateResponse(request, "editorial/admin/version_restore.html", context)

    def recoverlist_view(self, request, extra_context=None):
        # A recovered story would come back with its old status, past the workflow; only drafts
        # can be deleted, and they are deleted on purpose.
        raise PermissionDenied

    def recover_view(self, request, version_id, extra_context=None):
        raise PermissionDenied


# Fields the form carries for the desk's own use, never a change the user made.
UNLOGGED_FIELDS = {"loaded_version"}


def desk_change_message(form, formsets, add):
    """What a save changed, for Django's log and reversion's comment, in the desk's words.

    Django stores field labels and rows untranslated ("Body", "Staff reporter 陈雪") and
    translates them only if a catalogue has the very string; the desk's labels and a byline's
    role are stored in the interface language instead, which is what every later reader sees.
    """
    changed_data = [name for name in form.changed_data if name not in UNLOGGED_FIELDS]
    with translation.override(settings.LANGUAGE_CODE):
        message = []
        if add:
            message.append({"added": {}})
        elif changed_data:
            message.append({"changed": {"fields": _labels(form, changed_data)}})
        for formset in formsets:
            for added in formset.new_objects:
                message.append({"added": _row(added)})
            for changed, fields in formset.changed_objects:
                message.append(
                    {"changed": {**_row(changed), "fields": _labels(formset.forms[0], fields)}}
                )
            for deleted in formset.deleted_objects:
                message.append({"deleted": _row(deleted)})
    return message


def _labels(form, names):
    return [str(form.fields[name].label or name) if name in form.fields else name for name in names]


def _row(instance):
    return {"name": str(instance._meta.verbose_name), "object": str(instance)}


def snapshot_label(version):
    user = version.revision.user
    return gettext("Saved %(time)s by %(user)s") % {
        "time": local_time(version.revision.date_created),
        "user": display_name(user) if user is not None else gettext("an unknown user"),
    }


def diff_context(fields):
    return {
        "fields": fields,
        "changed_fields": [field for field in fields if field.changed],
        "unchanged_labels": [str(field.label) for field in fields if not field.changed],
    }


def snapshot_label_current():
    return gettext("The story now")
