from django.db import migrations


def create_groups(apps, schema_editor):
    from editorial.roles import ensure_groups

    ensure_groups(apps=apps)


class Migration(migrations.Migration):
    """The editor-in-chief's group: an editor who may also unlock a colleague's login."""

    dependencies = [
        ("editorial", "0002_reporter_and_editor_groups"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
