"""The editorial calendar and the personal calendar feed, as views of the assignment admin."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext

from editorial.formatting import local_time, zone_name
from planning import calendar, coverage, feeds, rules
from planning.forms import CalendarForm


def _month_shift(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


class CalendarViewsMixin:
    def calendar_view(self, request):
        if not rules.may_plan(request.user):
            raise PermissionDenied
        form = CalendarForm(request.GET)
        today = timezone.localdate()
        if form.is_valid():
            params = form.cleaned_data
        else:
            messages.error(
                request,
                gettext("The calendar could not read “%(query)s”; it shows this month instead.")
                % {"query": request.GET.urlencode()},
            )
            params = {"month": None, "week": None, "view": "", "days": coverage.DEFAULT_DAYS}
        view = params["view"] or ("week" if params["week"] else "month")
        base_url = reverse("admin:planning_calendar")
        days_param = params["days"]

        def link(**query):
            if days_param != coverage.DEFAULT_DAYS:
                query["days"] = days_param
            return f"{base_url}?{urlencode(query)}"

        if view == "week":
            week = calendar.week_of(params["week"] or today)
            days = calendar.build_days(request.user, week, in_period=lambda day: True)
            weeks = [days]
            title = gettext("Week of %(day)s") % {
                "day": formats.date_format(week[0], "MONTH_DAY_FORMAT")
            }
            previous_url = link(week=(week[0] - datetime.timedelta(7)).isoformat(), view="week")
            next_url = link(week=(week[0] + datetime.timedelta(7)).isoformat(), view="week")
            month_first = week[0].replace(day=1)
        else:
            month_first = (params["month"] or today).replace(day=1)
            grid = calendar.month_weeks(month_first.year, month_first.month)
            flat = calendar.build_days(
                request.user,
                [day for week in grid for day in week],
                in_period=lambda day: day.month == month_first.month,
            )
            weeks = [flat[index : index + 7] for index in range(0, len(flat), 7)]
            title = formats.date_format(month_first, "YEAR_MONTH_FORMAT")
            previous_url = link(month=_month_shift(month_first, -1).strftime("%Y-%m"), view=view)
            next_url = link(month=_month_shift(month_first, 1).strftime("%Y-%m"), view=view)
        month_param = month_first.strftime("%Y-%m")
        shown = [day.date for week in weeks for day in week if day.in_period]
        # The strip above the grid names the campaigns of the period itself, once each.
        periods = calendar.campaign_periods(shown[0], shown[-1])
        list_days = [day for week in weeks for day in week if day.in_period and day.items]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Editorial calendar"),
            "period_title": title,
            "view": view,
            "weeks": weeks,
            "weekdays": [formats.date_format(day, "D") for day in calendar.week_of(today)],
            "list_days": list_days,
            "cell_limit": calendar.MONTH_CELL_ITEMS,
            "periods": periods,
            "previous_url": previous_url,
            "next_url": next_url,
            "today_url": link(view=view) if view != "list" else link(view="list"),
            "month_url": link(month=month_param),
            "week_url": link(
                week=(params["week"] or _first_week_day(month_first, today)).isoformat(),
                view="week",
            ),
            "list_url": link(month=month_param, view="list"),
            "zone": zone_name(),
            "coverage": coverage.coverage(days=days_param),
            "coverage_days": coverage.DAY_CHOICES,
            "month_param": month_param,
            "feed_url": reverse("admin:planning_feed"),
            "is_planner": rules.is_planner(request.user),
        }
        return TemplateResponse(request, "planning/admin/calendar.html", context)

    def feed_view(self, request):
        if not rules.may_plan(request.user):
            raise PermissionDenied
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "renew":
                feeds.renew_feed(user=request.user)
                messages.success(
                    request,
                    gettext("Your calendar has a new address; the previous one no longer works."),
                )
            elif action == "revoke":
                feeds.revoke_feed(user=request.user)
                messages.success(
                    request, gettext("Your calendar address is revoked; it no longer works.")
                )
            else:
                messages.error(request, gettext("Choose to make a new address or revoke it."))
            return redirect(reverse("admin:planning_feed"))
        feed = feeds.live_feed(request.user)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("My calendar feed"),
            "feed": feed,
            "feed_url": feeds.feed_url(feed) if feed else "",
            "webcal_url": feeds.feed_url(feed)
            .replace("https://", "webcal://", 1)
            .replace("http://", "webcal://", 1)
            if feed
            else "",
            "created": local_time(feed.created_at) if feed else "",
            "includes_schedule": rules.is_planner(request.user),
            "calendar_url": reverse("admin:planning_calendar"),
        }
        return TemplateResponse(request, "planning/admin/feed.html", context)


def _first_week_day(month_first, today):
    """The week to open from a month: this week when the month is this month."""
    if (today.year, today.month) == (month_first.year, month_first.month):
        return today
    return month_first
