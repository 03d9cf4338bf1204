"""Workflow steps taken in the admin: one story's step (a confirmation, a reason or a time), the
same steps in bulk on the review desk, and handing out a preview link.
"""

import segno
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial import rules
from editorial.admin.displays import status_badge
from editorial.admin.panels import rendered_panels
from editorial.formatting import local_time, zone_name
from editorial.forms import ReasonForm
from editorial.services.checks import TransitionNotAllowed, require_unchanged
from editorial.services.records import revoke_preview_link, share_preview
from editorial.services.transitions import approve, return_to_author, withdraw
from editorial.workflow import TRANSITIONS, outcome_message

SIGNING_STEPS = {"sign_off", "approve"}


def _initial_from(query, form_class):
    """A step opened with its answers filled in (the calendar's drag and drop); still confirmed."""
    return {name: query[name] for name in form_class.base_fields if name in query}


def _version_from(data):
    value = data.get("version", "")
    return int(value) if value.isdigit() else None


class WorkflowViewsMixin:
    """ArticleAdmin's workflow views; they use its _get_article_or_redirect and _change_url."""

    def has_review_permission(self, request):
        return request.user.has_perm(rules.REVIEW)

    def has_publish_permission(self, request):
        return request.user.has_perm(rules.PUBLISH)

    def has_withdraw_permission(self, request):
        return request.user.has_perm(rules.WITHDRAW)

    def transition_view(self, request, object_id, name):
        """One workflow step: a confirmation, a reason or a time, then the guarded function."""
        transition = TRANSITIONS.get(name)
        if transition is None:
            raise Http404
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        change_url = self._change_url(article)
        form_class = transition.form
        # The version of the story the user read on the page they act from.
        expected_version = _version_from(request.POST if request.method == "POST" else request.GET)
        if request.method == "POST":
            form = form_class(request.POST) if form_class else None
            if form is None or form.is_valid():
                options = form.transition_options() if form else {}
                try:
                    event = transition.perform(
                        article=article,
                        actor=request.user,
                        expected_version=expected_version,
                        **options,
                    )
                except TransitionNotAllowed as refusal:
                    messages.error(request, refusal.message, extra_tags=refusal.code)
                else:
                    messages.success(request, outcome_message(event), extra_tags=event.kind)
                return redirect(change_url)
        else:
            try:
                transition.check(article, request.user)
                require_unchanged(article, expected_version)
            except TransitionNotAllowed as refusal:
                messages.error(request, refusal.message, extra_tags=refusal.code)
                return redirect(change_url)
            initial = _initial_from(request.GET, form_class) if form_class else {}
            form = self._transition_form(form_class, article, initial)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": transition.label,
            "transition": transition,
            "form": form,
            "expected_version": expected_version,
            "status": status_badge(article),
            "change_url": change_url,
            # Signing a level shows what the checks found (proofing's panel), passages marked.
            "signing_panels": rendered_panels(request, article)
            if transition.name in SIGNING_STEPS
            else [],
        }
        return TemplateResponse(request, "editorial/admin/transition_form.html", context)

    def _transition_form(self, form_class, article, initial):
        """The step's form, filled in from the address (initial) or else from the story."""
        return form_class.for_article(article, initial=initial) if form_class else None

    def preview_link_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        try:
            url, expires_at = share_preview(article=article, actor=request.user)
        except TransitionNotAllowed as refusal:
            messages.error(request, refusal.message, extra_tags=refusal.code)
            return redirect(self._change_url(article))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Preview link"),
            "preview_link": url,
            # A data: address (the Content Security Policy allows data: images), drawn by segno.
            "qr_code": segno.make(url, error="m").svg_data_uri(scale=6, border=2),
            "expires_at": local_time(expires_at),
            "zone": zone_name(),
            "change_url": self._change_url(article),
        }
        return TemplateResponse(request, "editorial/admin/preview_link.html", context)

    def revoke_preview_link_view(self, request, object_id, link_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        link = article.preview_links.filter(pk=link_id).first()
        if link is None:
            raise Http404
        try:
            revoke_preview_link(link=link, actor=request.user)
        except TransitionNotAllowed as refusal:
            messages.error(request, refusal.message, extra_tags=refusal.code)
        else:
            messages.success(
                request,
                gettext("The preview link was revoked: it no longer works."),
                extra_tags="preview_revoked",
            )
        return redirect(self._change_url(article))

    # Bulk actions on the review desk, each story through its guarded function.

    @admin.action(description=_("Publish the selected stories now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        self._apply_to_each(request, queryset, approve)

    @admin.action(
        description=_("Return the selected stories to their authors"), permissions=["review"]
    )
    def return_to_authors(self, request, queryset):
        return self._apply_with_reason(
            request,
            queryset,
            action="return_to_authors",
            perform=return_to_author,
            title=gettext("Return stories to their authors"),
            explanation=gettext(
                "Each story goes back to its author as a draft; the author gets your reason "
                "by email."
            ),
        )

    @admin.action(description=_("Withdraw the selected stories"), permissions=["withdraw"])
    def withdraw_selected(self, request, queryset):
        return self._apply_with_reason(
            request,
            queryset,
            action="withdraw_selected",
            perform=withdraw,
            title=gettext("Withdraw stories"),
            explanation=gettext(
                "Each story is taken off the site; its page tells readers that it was "
                "withdrawn. The reason stays on each story's record."
            ),
        )

    def _apply_with_reason(self, request, queryset, *, action, perform, title, explanation):
        """Asks once for the reason (an intermediate page), then applies the step to each."""
        if request.POST.get("confirm") == "yes":
            form = ReasonForm(request.POST)
            if form.is_valid():
                self._apply_to_each(request, queryset, perform, reason=form.cleaned_data["reason"])
                return None
        else:
            form = ReasonForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "explanation": explanation,
            "articles": list(queryset),
            "form": form,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "editorial/admin/bulk_reason.html", context)

    def _apply_to_each(self, request, queryset, perform, **options):
        for article in queryset:
            try:
                event = perform(article=article, actor=request.user, **options)
            except TransitionNotAllowed as refusal:
                messages.error(
                    request,
                    gettext("“%(headline)s” was not changed: %(reason)s")
                    % {"headline": article.headline, "reason": refusal.message},
                    extra_tags=refusal.code,
                )
            else:
                messages.success(request, outcome_message(event), extra_tags=event.kind)
