"""The site's addresses plus the two pages wrk compares against: a bare view and a page
rendered from a template with 20 items, neither touching the database."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

TEMPLATE = engines["django"].from_string(
    '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>{{ title }}'
    '</title></head><body><h1>{{ title }}</h1><ul>{% for item in items %}<li><a href="'
    '/news/{{ item.pk }}/">{{ item.headline }}</a> <time>{{ item.when }}</time></li>'
    "{% endfor %}</ul></body></html>"
)
ITEMS = [
    {
        "pk": n,
        "headline": f"宿州市总工会开展职工之家建设（第{n}期）",
        "when": "2026-11-30",
    }
    for n in range(20)
]


def bare(request):
    return HttpResponse("ok")


def template_only(request):
    return HttpResponse(TEMPLATE.render({"title": "模板页", "items": ITEMS}, request))


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/template/", template_only),
    *site_urlpatterns,
]
