"""Planning in the admin: campaigns, story ideas with their steps, the calendar and feeds."""

from planning.admin.assignment import AssignmentAdmin  # noqa: F401
from planning.admin.campaign import CampaignAdmin  # noqa: F401
