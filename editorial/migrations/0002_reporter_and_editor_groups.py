from django.db import migrations


def create_groups(apps, schema_editor):
    from editorial.roles import EDITOR, REPORTER, ensure_groups

    ensure_groups(apps=apps, names=[REPORTER, EDITOR])


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("articles", "0002_article_workflow_permissions"),
        ("photos", "0001_initial"),
        ("unions", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # Reversing keeps the groups: they may have members by then.
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
