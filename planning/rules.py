"""Who may do what with story ideas: one place for planning's rights.

Reporters (and, once the registry exists, correspondents) propose ideas and see the ones they
proposed or were given; editors (the assign permission) see every idea, approve, assign and
drop them, and see the whole schedule.
"""

from django.db.models import Q

PROPOSE = "planning.add_assignment"
VIEW = "planning.view_assignment"
ASSIGN = "planning.assign_assignment"


def is_planner(user):
    return user.has_perm(ASSIGN)


def may_plan(user):
    """Whether the user uses planning at all (the calendar, their assignments)."""
    return user.is_active and (user.has_perm(VIEW) or user.has_perm(PROPOSE))


def visible_assignments(user, queryset):
    if not may_plan(user):
        return queryset.none()
    if is_planner(user):
        return queryset
    return queryset.filter(Q(proposed_by=user) | Q(assignee=user))


def can_view(user, assignment):
    if not may_plan(user):
        return False
    return is_planner(user) or user.pk in (assignment.proposed_by_id, assignment.assignee_id)


def can_edit_details(user, assignment):
    """Title, notes, union, themes, time and place: editors until it is done or dropped; the
    proposer while it is only proposed."""
    Status = type(assignment).Status
    if assignment.status in (Status.DONE, Status.DROPPED):
        return False
    if is_planner(user):
        return True
    return assignment.status == Status.PROPOSED and assignment.proposed_by_id == user.pk


def may_be_assigned(user):
    """Assignees file stories, so they need a desk account that may file them."""
    return user.is_active and user.is_staff and user.has_perm("articles.add_article")
