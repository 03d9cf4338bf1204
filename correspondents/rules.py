"""Who deals with correspondents: the desk's editors (those who review stories).

The registry holds phone numbers and email addresses, and the 来稿 queue decides what becomes a
story, so both belong to editors only; reporters do not see them.
"""

from articles.permissions import is_reviewer

CORRESPONDENT_GROUP = "Correspondent"


def is_desk_editor(user):
    return user.is_active and user.is_staff and is_reviewer(user)


def filing_correspondent(user):
    """The correspondent a logged-in user files as: a member of the group with a linked record."""
    if not user.is_authenticated or not user.is_active:
        return None
    if not user.groups.filter(name=CORRESPONDENT_GROUP).exists():
        return None
    correspondent = getattr(user, "correspondent", None)
    return correspondent if correspondent is not None and correspondent.is_active else None


def ensure_group(apps=None):
    """The Correspondent group: its members file through the filing page, not the admin."""
    from django.apps import apps as global_apps

    Group = (apps or global_apps).get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=CORRESPONDENT_GROUP)
    return group
