"""The correspondent's page: file copy from a phone, and see what became of each filing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from correspondents import links, rules, selectors, services
from correspondents.forms import OPEN_PHOTO_SLOTS, FilingForm


def file_by_link(request, token):
    correspondent = links.correspondent_for(token)
    if correspondent is None:
        # Unknown, forged, revoked or inactive: the same answer, so nothing is learnt.
        raise Http404
    return _filing_page(request, correspondent, here=request.path)


@login_required(login_url="correspondents:login")
def file_logged_in(request):
    correspondent = rules.filing_correspondent(request.user)
    if correspondent is None:
        raise Http404
    return _filing_page(request, correspondent, here=request.path)


def _filing_page(request, correspondent, *, here):
    status = 200
    if request.method == "POST":
        form = FilingForm(request.POST, request.FILES, correspondent=correspondent)
        if form.is_valid():
            try:
                filing = services.receive_filing(
                    correspondent=correspondent,
                    address=request.META.get("REMOTE_ADDR", ""),
                    photos=form.photos(),
                    **{
                        name: form.cleaned_data[name]
                        for name in ("union", "headline", "body", "genre", "coauthors")
                    },
                )
            except ValidationError as error:
                form.add_error(None, error)
                status = 429 if error.code == "rate_limited" else 400
            else:
                messages.success(
                    request,
                    _("Received: “%(headline)s”. The desk will read it soon.")
                    % {"headline": filing.headline},
                )
                return redirect(here + "#filings")
        form.note_unsaved_photos()
        status = max(status, 400)
    else:
        form = FilingForm(correspondent=correspondent)
    response = render(
        request,
        "correspondents/file.html",
        {
            "correspondent": correspondent,
            "form": form,
            "open_slots": OPEN_PHOTO_SLOTS,
            "filings": selectors.filings_of(correspondent),
        },
        status=status,
    )
    # The link is the correspondent's key: keep it out of caches and other sites' logs.
    # (same-origin, not no-referrer: with no-referrer browsers post the form with
    # "Origin: null", which Django's CSRF check rightly refuses.)
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
