from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from planning.models import Assignment

pytestmark = pytest.mark.django_db


def test_the_demo_plan_has_every_state_around_today(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = True  # the demo refuses to make its public superuser otherwise
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    assert set(Assignment.objects.values_list("status", flat=True)) == set(Assignment.Status)
    now = timezone.now()
    assert any(assignment.is_overdue(now) for assignment in Assignment.objects.all())
    done = Assignment.objects.get(status="done")
    assert done.article.is_published()
    assert Assignment.objects.get(status="filed").article.status == "draft"
    assert Assignment.objects.get(status="dropped").drop_reason
    assert Assignment.objects.filter(campaign__name="两节送温暖").exists()

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=out)
    assert "0 story ideas" in out.getvalue()
    assert Assignment.objects.count() == 8
