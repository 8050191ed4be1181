"""Film application documents move from the public media folder to the private storage.

Each stored file is copied under a new random name (core.files.private_upload_to) and removed from
MEDIA_ROOT, where the web server would have served it to anyone who guessed the upload month and
the original file name. A row whose file is already missing keeps its name (downloads say 404).
"""

from django.core.files.storage import default_storage
from django.db import migrations

import twinning.core.files


def move_documents_to_private_storage(apps, schema_editor):
    documents = apps.get_model("film", "ApplicationDocument")
    for document in documents.objects.exclude(file="").iterator():
        old = document.file.name
        if old.startswith("film/applicationdocument/") or not default_storage.exists(old):
            continue
        with default_storage.open(old, "rb") as content:
            new = twinning.core.files.private_storage.save(
                twinning.core.files.private_upload_to(document, old), content
            )
        documents.objects.filter(pk=document.pk).update(file=new)
        default_storage.delete(old)


class Migration(migrations.Migration):
    dependencies = [
        ("film", "0002_bundled_rules"),
    ]

    operations = [
        migrations.AlterField(
            model_name="applicationdocument",
            name="file",
            field=twinning.core.files.PrivateFileField(
                max_length=255,
                storage=twinning.core.files.PrivateStorage(),
                upload_to=twinning.core.files.private_upload_to,
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_documents_to_private_storage, migrations.RunPython.noop),
    ]
