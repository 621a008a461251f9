"""Contact persons get a UUID (for their edit and remove pages); placements can be cancelled
and their contract type has the catalogue's choices (labels instead of codes).

The UUID is added in three steps (nullable, filled per row, then unique) so existing rows each
get their own value.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_public_ids(apps, schema_editor):  # type: ignore[no-untyped-def]
    ContactPerson = apps.get_model("employers", "ContactPerson")
    for person in ContactPerson.objects.filter(public_id__isnull=True).only("pk"):
        person.public_id = uuid.uuid4()
        person.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="placement",
            name="contract_type",
            field=models.CharField(
                choices=[
                    ("permanent", "vast contract"),
                    ("temporary", "tijdelijk contract"),
                    ("temp_agency", "uitzendwerk"),
                    ("on_call", "oproepcontract"),
                    ("learning_working", "leerwerkplek (BBL)"),
                    ("internship", "stage"),
                    ("none", "geen contract (vrijwillig)"),
                ],
                max_length=20,
                verbose_name="soort contract",
            ),
        ),
        migrations.AddField(
            model_name="contactperson",
            name="public_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="contactperson",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="placement",
            name="cancelled_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="geschrapt op"),
        ),
        migrations.AddField(
            model_name="placement",
            name="cancelled_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="placement",
            name="cancel_reason",
            field=models.CharField(
                blank=True, max_length=300, verbose_name="reden van schrappen"
            ),
        ),
    ]
