from django.db import migrations

from twinning.programmes.reference import load_kazakh_titles


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    load_kazakh_titles(apps.get_model("programmes", "Sector"))


class Migration(migrations.Migration):
    """The 88 NACE divisions get their Kazakh titles (nace_divisions_kk.csv)."""

    dependencies = [("programmes", "0003_constraint_messages")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
