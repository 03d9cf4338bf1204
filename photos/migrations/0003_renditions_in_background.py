"""Renditions move to a background task. Photos stored before this were given their renditions
at upload, so they are added as ready (default True); new photos start not ready."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("photos", "0002_alter_photo_image"),
    ]

    operations = [
        migrations.AddField(
            model_name="photo",
            name="renditions_ready",
            field=models.BooleanField(
                default=True,
                editable=False,
                help_text="Set by the background task once the photo's renditions are stored.",
                verbose_name="renditions ready",
            ),
        ),
        migrations.AlterField(
            model_name="photo",
            name="renditions_ready",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Set by the background task once the photo's renditions are stored.",
                verbose_name="renditions ready",
            ),
        ),
    ]
