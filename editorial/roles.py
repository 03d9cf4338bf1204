"""The desk's two groups and their permissions.

The data migration calls ensure_groups() with the migration's historical models; load_demo and
tests (whose transactional flushes empty the group table) call it with the current ones. It is
idempotent and makes each group hold exactly the permissions listed here.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models import Q

REPORTER = "Reporter"
EDITOR = "Editor"

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

GROUP_PERMISSIONS = {REPORTER: _REPORTER_PERMISSIONS, EDITOR: _EDITOR_PERMISSIONS}


def ensure_permission_rows(apps, labels=None):
    """Content types and permissions exist only after post_migrate; a migration makes its own.

    labels: the apps whose rows to make (by default those of the groups' permissions).
    """
    if labels is None:
        labels = {name.split(".")[0] for names in GROUP_PERMISSIONS.values() for name in names}
    for label in labels:
        app_config = apps.get_app_config(label)
        # Historical app configs have no models module, which create_permissions requires.
        had_models_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_models_module or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = had_models_module


def ensure_groups(apps=global_apps):
    """Creates the Reporter and Editor groups with exactly their permissions."""
    ensure_permission_rows(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {}
    for group_name, names in GROUP_PERMISSIONS.items():
        wanted = set()
        condition = Q()
        for name in names:
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
