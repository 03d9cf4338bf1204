"""The day's 头条: the story leading the home page, recorded once per day (Beijing time).

The lead is the public site's own rule (news.selectors.home_page); this records what it chose. A
step that changes the home page records it again, so the last lead of the day counts; a story
scheduled for later is recorded at its time, when editorial's `story_fell_due` says it has come
(reporting.listeners), and `manage.py record_lead_story` records the lead on demand. Editors
correct a day's record in the admin.
"""

from django.db import transaction
from django.utils import timezone

from news import selectors as news_selectors
from reporting.models import FrontPageLead


@transaction.atomic
def record_today():
    lead = news_selectors.home_page()["lead"]
    today = timezone.localdate()
    if lead is None:
        FrontPageLead.objects.filter(date=today).delete()
        return None
    record, _ = FrontPageLead.objects.update_or_create(date=today, defaults={"article": lead})
    return record
