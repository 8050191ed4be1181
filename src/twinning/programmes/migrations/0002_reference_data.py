from django.db import migrations

from twinning.programmes.reference import load_sectors, load_sides_and_regions


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    load_sides_and_regions(apps.get_model("programmes", "Side"), apps.get_model("programmes", "Region"))
    load_sectors(apps.get_model("programmes", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
