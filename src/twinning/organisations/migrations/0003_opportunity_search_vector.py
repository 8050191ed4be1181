"""A stored, GIN-indexed full-text vector of each opportunity, on PostgreSQL only.

`core.search` used to compute the six `to_tsvector`s of every candidate row per search (0.9-4 s at
3,000 opportunities). PostgreSQL now keeps them in a generated column, so a search reads the GIN
index. The column is the same expression `core.search.pg_vector` builds (the tests compare them);
SQLite, which has no full-text vectors, keeps its stemmed REGEXP fallback and gets nothing here.
It is not a model field because the model is shared with SQLite, where the expression cannot be
written; the directory's selector names the column.
"""

from django.db import migrations

PART = (
    "setweight(to_tsvector('{config}'::regconfig, COALESCE(REPLACE(LOWER({field}), 'ё', 'е'),"
    " '')), '{weight}')"
)
VECTOR = " || ".join(
    PART.format(config=config, field=field, weight=weight)
    for config in ("russian", "english", "simple")
    for field, weight in (('"title"', "A"), ('"search_text"', "B"))
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        'ALTER TABLE "organisations_opportunity" ADD COLUMN "search_vector" tsvector '
        f"GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute(
        'CREATE INDEX "organisations_opportunity_search_vector" ON "organisations_opportunity" '
        'USING gin ("search_vector")'
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            'ALTER TABLE "organisations_opportunity" DROP COLUMN IF EXISTS "search_vector"'
        )


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_constraint_messages")]

    operations = [migrations.RunPython(forwards, backwards)]
