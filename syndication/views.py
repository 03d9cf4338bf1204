"""The partners' API (/api/ninjs/), the Word export and the 公众号 copy."""

import hashlib
import json
from datetime import datetime
from urllib.parse import urlencode

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import Article
from news.links import absolute_url
from syndication import ninjs, selectors, wechat
from syndication.auth import error, partner_required
from unions.models import Union


def _parse_time(value, name):
    """An ISO 8601 time from a query parameter; a time without a zone is Beijing time."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None, error(
            _("“%(name)s” must be a time such as 2026-11-30T08:00:00+08:00.") % {"name": name},
            status=400,
            code="invalid_parameter",
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment, None


def _json_response(request, payload, *, last_modified):
    """JSON with an ETag and Last-Modified; 304 when the partner's copy is current."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    # HTTP dates have whole seconds: compare in whole seconds, or a copy is never current.
    timestamp = int(last_modified.timestamp()) if last_modified else None
    conditional = get_conditional_response(request, etag=etag, last_modified=timestamp)
    response = conditional or HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    if timestamp:
        response["Last-Modified"] = http_date(timestamp)
    # Each partner may be answered differently (rate limits); never shared by a proxy.
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Authorization"])
    return response


@require_safe
@partner_required
def story_list(request):
    params = request.GET
    union = theme = since = before = None
    if params.get("union"):
        union = Union.objects.active().filter(slug=params["union"]).first()
        if union is None:
            return error(_("No union has this slug."), status=400, code="unknown_union")
    if params.get("theme"):
        theme = Tag.objects.filter(slug=params["theme"]).first()
        if theme is None:
            return error(_("No theme has this slug."), status=400, code="unknown_theme")
    if params.get("since"):
        since, failure = _parse_time(params["since"], "since")
        if failure:
            return failure
    if params.get("before"):
        moment, _sep, pk = params["before"].rpartition("~")
        before_time, failure = _parse_time(moment, "before")
        if failure or not pk.isdigit():
            return failure or error(
                _("“before” must come from a “next” link."), status=400, code="invalid_parameter"
            )
        before = (before_time, int(pk))

    limit = params.get("limit", str(selectors.PAGE_SIZE))
    if not limit.isdigit() or not 1 <= int(limit) <= selectors.MAX_PAGE_SIZE:
        return error(
            _("“limit” must be a number from 1 to %(max)s.") % {"max": selectors.MAX_PAGE_SIZE},
            status=400,
            code="invalid_parameter",
        )
    stories = selectors.syndicated_stories(union=union, theme=theme)
    page, more = selectors.story_page(stories, since=since, before=before, limit=int(limit))
    items = [ninjs.story_item(story, body_html=ninjs.page_body_html(story)) for story in page]
    newest = page[0].changed_at if page else since
    next_url = None
    if more:
        last = page[-1]
        query = {key: value for key, value in params.items() if key != "before"}
        query["before"] = f"{last.changed_at.isoformat()}~{last.pk}"
        next_url = absolute_url(f"{reverse('syndication:ninjs_list')}?{urlencode(query)}")
    payload = {
        "items": items,
        # Poll again with since=<cursor> for what changes from now on.
        "cursor": newest.isoformat() if newest else None,
        "next": next_url,
    }
    return _json_response(request, payload, last_modified=newest)


@require_safe
@partner_required
def story_detail(request, pk):
    story = selectors.syndicated_story(pk)
    if story is None:
        return error(_("No published story has this number."), status=404, code="not_found")
    item = ninjs.story_item(story, body_html=ninjs.page_body_html(story))
    return _json_response(request, item, last_modified=story.changed_at)


def _desk_stories(user):
    """The stories the user may see on the desk, with what copy shows."""
    return Article.objects.visible_to(user).for_listing()


@staff_member_required
@require_safe
def story_docx(request, pk):
    """One story as a Word file for the paper."""
    story = get_object_or_404(_desk_stories(request.user), pk=pk)
    # python-docx (about 15 MB once imported) is read by Word downloads only.
    from syndication import docx_export

    return docx_export.docx_response([story])


@staff_member_required
@require_safe
def story_wechat(request, pk):
    """The story as inline-styled HTML that the 公众号 editor accepts on paste."""
    story = get_object_or_404(_desk_stories(request.user), pk=pk)
    context = {
        "story": story,
        "wechat_html": wechat.render(story),
        "title": _("Copy for the WeChat official account"),
    }
    return render(request, "syndication/wechat_copy.html", context)
