from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from planning.feeds import build_calendar, feed_for_token


@require_GET
def ical_feed(request, token):
    """A personal calendar feed: the token is the only key, so an unknown or revoked one is 404."""
    feed = feed_for_token(token)
    if feed is None:
        raise Http404
    response = HttpResponse(
        build_calendar(feed.user).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="union-news-desk.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
