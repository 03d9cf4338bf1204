"""The desk's permission policy, as the workflow reads it: see articles/permissions.py."""

from articles.permissions import (  # noqa: F401
    CORRECT,
    PUBLISH,
    REVIEW,
    SUBMIT,
    WITHDRAW,
    can_delete,
    can_edit,
    can_share_preview,
    can_view,
    could_edit,
    editable_articles,
    is_author,
    is_reviewer,
    visible_articles,
)
