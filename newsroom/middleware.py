"""Requests the desk's forms and filters cannot use, refused before any view sees them."""

from django.shortcuts import render
from django.urls import reverse


def _has_nul(query_dict):
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in query_dict.lists()
    )


class RefuseNulBytesMiddleware:
    """400 for a NUL character in a query string or form field sent to the admin.

    No browser field holds one, and PostgreSQL refuses it in any text it is given: a NUL in an
    admin list filter, the autocomplete term or a story's column choice was a 500. The public
    site keeps its own gentler rules (search reads a NUL as a space; its routes match none).
    Uploaded files are not form fields and are not looked at.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")) and (
            _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST))
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)
