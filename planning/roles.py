"""Planning's rights for the desk's two groups (editorial.roles makes the groups).

editorial.roles.ensure_groups() sets each group to exactly editorial's list, so whoever calls it
(load_demo, tests) calls ensure_planning_permissions() after it; the migration calls it once.
"""

from django.apps import apps as global_apps

from editorial.roles import EDITOR, REPORTER, ensure_permission_rows

_REPORTER = [
    ("planning", "add_assignment"),
    ("planning", "change_assignment"),
    ("planning", "view_assignment"),
    ("planning", "view_campaign"),
]
_EDITOR = [
    *_REPORTER,
    ("planning", "assign_assignment"),
    ("planning", "add_campaign"),
    ("planning", "change_campaign"),
]
PLANNING_PERMISSIONS = {REPORTER: _REPORTER, EDITOR: _EDITOR}


def ensure_planning_permissions(apps=global_apps):
    """Adds planning's permissions to the Reporter and Editor groups (idempotent)."""
    ensure_permission_rows(apps, labels={"planning"})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, names in PLANNING_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in names:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)
