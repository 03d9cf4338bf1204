"""The day's 头条: the story leading the home page, recorded once per day (Beijing time).

The lead is the public site's own rule (news.selectors.home_page); this records what it chose. A
step that changes the home page records it again, so the last lead of the day counts; a story
scheduled for later is recorded at its time, when editorial's `story_fell_due` says it has come
(reporting.listeners), and `manage.py record_lead_story` records the lead on demand. Editors
correct a day's record in the admin.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article
from news import selectors as news_selectors
from reporting import summary
from reporting.models import FrontPageLead


@transaction.atomic
def record_today():
    today = timezone.localdate()
    carry_over(today)
    lead = news_selectors.home_page()["lead"]
    if lead is None:
        FrontPageLead.objects.filter(date=today).delete()
        return None
    record, _ = FrontPageLead.objects.update_or_create(date=today, defaults={"article": lead})
    return record


def carry_over(today):
    """Record the days since the last record on which nothing was recorded: a weekend with no
    step on any story still had a lead every day.

    The home page's lead changes only through steps and scheduled stories falling due, and
    each of those records its day; a day without a record therefore kept the lead of the last
    recorded day before it. Not when that story is no longer public: it was then taken off on
    a later day that had no lead to record. Returns the days recorded.
    """
    last = FrontPageLead.objects.filter(date__lt=today).order_by("-date").first()
    if last is None:
        return []
    days = [last.date + timedelta(days=offset) for offset in range(1, (today - last.date).days)]
    if not days or not Article.objects.published().filter(pk=last.article_id).exists():
        return []
    FrontPageLead.objects.bulk_create(
        [FrontPageLead(date=day, article_id=last.article_id) for day in days],
        ignore_conflicts=True,
    )
    # bulk_create sends no post_save: the statistics' summary is refreshed here.
    summary.after_commit(set(days))
    return days
