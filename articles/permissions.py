"""Who may see and edit which story: the desk's permission policy, in one place.

It lives with the stories (not in editorial) so that every app, including the admins of
articles and photos, asks the same policy without importing the workflow above it.

Reporters see their own stories and edit them while they are drafts (including drafts returned
to them); editors (the review permission) see and edit every story; a published story is edited
only by those who may correct it; a withdrawn story stays as it was taken down.
"""

from django.apps import apps

SUBMIT = "articles.submit_article"
REVIEW = "articles.review_article"
PUBLISH = "articles.publish_article"
WITHDRAW = "articles.withdraw_article"
CORRECT = "articles.correct_article"


def _article_model():
    # Looked up lazily: articles.querysets uses this policy and articles.models imports it.
    return apps.get_model("articles", "Article")


def is_reviewer(user):
    return user.has_perm(REVIEW)


def is_author(user, article):
    return article.created_by_id is not None and article.created_by_id == user.pk


def visible_articles(user, queryset=None):
    """The stories the user may see on the desk."""
    queryset = _article_model().objects.all() if queryset is None else queryset
    if is_reviewer(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(created_by=user)


def can_view(user, article):
    if not (user.has_perm("articles.view_article") or user.has_perm("articles.change_article")):
        return False
    return is_reviewer(user) or is_author(user, article)


def could_edit(user, article):
    """Whether the user edits this story in some status: its author or an editor."""
    return user.has_perm("articles.change_article") and (
        is_reviewer(user) or is_author(user, article)
    )


def can_edit(user, article):
    """Whether the user may change the story's copy in its current status."""
    if not could_edit(user, article):
        return False
    if article.status == _article_model().Status.DRAFT:
        return True
    if article.status == _article_model().Status.REVIEW:
        return is_reviewer(user)
    if article.status == _article_model().Status.PUBLISHED:
        return user.has_perm(CORRECT)
    return False


def can_delete(user, article):
    """Only drafts are deleted; a story that reached the desk is withdrawn instead."""
    return (
        user.has_perm("articles.delete_article")
        and article.status == _article_model().Status.DRAFT
        and (is_reviewer(user) or is_author(user, article))
    )


def can_share_preview(user, article):
    # A withdrawn story is off the site for good: nobody is sent to read it.
    return (
        is_reviewer(user)
        and can_view(user, article)
        and article.status != _article_model().Status.WITHDRAWN
    )


def editable_articles(user, queryset=None):
    """The stories whose copy the user may change now: can_edit() as a queryset."""
    queryset = visible_articles(user, queryset)
    if not user.has_perm("articles.change_article"):
        return queryset.none()
    statuses = [_article_model().Status.DRAFT]
    if is_reviewer(user):
        statuses.append(_article_model().Status.REVIEW)
    if user.has_perm(CORRECT):
        statuses.append(_article_model().Status.PUBLISHED)
    return queryset.filter(status__in=statuses)
