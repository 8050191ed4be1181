"""Backups round-trip: the demo programme, backed up and restored, comes back row for row
(SQLite's online backup; pg_dump and pg_restore on PostgreSQL)."""

import pytest
from django.core.management import call_command
from django.db import connection

from twinning.core.backup import roundtrip

pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("demo")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_demo_database_survives_a_backup_and_restore(capsys):
    call_command("load_demo", allow_production=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM organisations_organisation")
        assert cursor.fetchone()[0] > 10
    assert roundtrip() == {}
    call_command("backup_roundtrip")
    assert "agree on every table" in capsys.readouterr().out
