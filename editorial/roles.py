"""The desk's groups and their permissions.

The data migration calls ensure_groups() with the migration's historical models; load_demo and
tests (whose transactional flushes empty the group table) call it with the current ones. It is
idempotent and makes each group hold exactly the permissions listed here.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models import Q

REPORTER = "Reporter"
EDITOR = "Editor"
EDITOR_IN_CHIEF = "Editor-in-chief"
# 编辑部主任 and 分管领导: the usual signers of 复审 and 终审 (the review policies say who signs).
DESK_CHIEF = "Desk chief"
LEADER = "Leader in charge"

_REPORTER_PERMISSIONS = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.delete_article",
    "articles.submit_article",
    "articles.add_byline",
    "articles.change_byline",
    "articles.delete_byline",
    "articles.view_byline",
    "articles.view_column",
    "photos.add_photo",
    "photos.change_photo",
    "photos.delete_photo",
    "photos.view_photo",
    "unions.view_union",
]

_EDITOR_PERMISSIONS = [
    *_REPORTER_PERMISSIONS,
    "articles.review_article",
    "articles.publish_article",
    "articles.withdraw_article",
    "articles.correct_article",
    "articles.add_column",
    "articles.change_column",
    "taggit.add_tag",
    "taggit.change_tag",
    "taggit.view_tag",
    # Bylines may name a desk account; choosing one needs the user list.
    "auth.view_user",
]

_EDITOR_IN_CHIEF_PERMISSIONS = [
    *_EDITOR_PERMISSIONS,
    # Failed logins (django-axes): see who was locked out, and unlock a colleague by deleting
    # the record of their failed attempts.
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
    "axes.view_accessfailurelog",
    "axes.view_accesslog",
    # Background tasks (emails, search indexing): the backlog and the failures.
    "django_tasks_database.view_dbtaskresult",
]

_DESK_CHIEF_PERMISSIONS = [
    *_EDITOR_PERMISSIONS,
    "editorial.add_reviewpolicy",
    "editorial.change_reviewpolicy",
    "editorial.view_reviewpolicy",
    "editorial.add_reviewstep",
    "editorial.change_reviewstep",
    "editorial.delete_reviewstep",
    "editorial.view_reviewstep",
]

GROUP_PERMISSIONS = {
    REPORTER: _REPORTER_PERMISSIONS,
    EDITOR: _EDITOR_PERMISSIONS,
    EDITOR_IN_CHIEF: _EDITOR_IN_CHIEF_PERMISSIONS,
    DESK_CHIEF: _DESK_CHIEF_PERMISSIONS,
    LEADER: _EDITOR_PERMISSIONS,
}


def ensure_permission_rows(apps, labels=None):
    """Content types and permissions exist only after post_migrate; a migration makes its own.

    labels: the apps whose rows to make (by default those of the groups' permissions).
    """
    if labels is None:
        labels = {name.split(".")[0] for perms in GROUP_PERMISSIONS.values() for name in perms}
    for label in labels:
        app_config = apps.get_app_config(label)
        # Historical app configs have no models module, which create_permissions requires.
        had_models_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_models_module or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = had_models_module


def ensure_groups(apps=global_apps, names=None):
    """Creates the desk's groups (or those named) with exactly their permissions.

    A data migration names the groups whose permissions exist at its point in history.
    """
    ensure_permission_rows(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {}
    for group_name, names_of_permissions in GROUP_PERMISSIONS.items():
        if names is not None and group_name not in names:
            continue
        wanted = set()
        condition = Q()
        for name in names_of_permissions:
            app_label, codename = name.split(".")
            wanted.add((app_label, codename))
            condition |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(condition).select_related("content_type"))
        found = {(p.content_type.app_label, p.codename) for p in permissions}
        missing = wanted - found
        if missing:
            names = ", ".join(sorted(".".join(item) for item in missing))
            raise LookupError(f"Permissions missing for group {group_name}: {names}")
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.set(permissions)
        groups[group_name] = group
    return groups
