from django.db import migrations


def create_groups(apps, schema_editor):
    from editorial.roles import EDITOR_IN_CHIEF, ensure_groups

    # Only this group: later migrations add groups whose permissions do not exist yet here.
    ensure_groups(apps=apps, names=[EDITOR_IN_CHIEF])


class Migration(migrations.Migration):
    """The editor-in-chief's group: an editor who may also unlock a colleague's login
    and follow the background tasks."""

    dependencies = [
        ("editorial", "0002_reporter_and_editor_groups"),
        ("axes", "0010_accessattemptexpiration"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
