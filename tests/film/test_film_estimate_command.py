import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.film.test_request import ISSUE_EXAMPLE

# The command reads the rules and rates from the database, filled by the data migration.
pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _estimate(path, *args):
    out = StringIO()
    call_command("film_estimate", str(path), *args, stdout=out)
    return json.loads(out.getvalue())


def test_prints_the_estimate_as_json(tmp_path):
    path = tmp_path / "steppe.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE), encoding="utf-8")

    result = _estimate(path, "--date", "2025-06-01")

    assert result["estimate_date"] == "2025-06-01"
    assert [scheme["scheme"] for scheme in result["schemes"]] == ["kz-rebate", "uk-avec", "uk-iftc"]
    assert result["schemes"][0]["amount_if_eligible"] == "120000000.00"


def test_input_errors_name_the_field_without_a_traceback(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"production": {"format": "film"}, "lines": []}', encoding="utf-8")

    with pytest.raises(CommandError, match=r'production\.format: must be one of .* not "film"'):
        _estimate(path)


def test_invalid_json_says_where(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"production":\n', encoding="utf-8")

    with pytest.raises(CommandError, match="not valid JSON at line 2, column 1"):
        _estimate(path)


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        _estimate(tmp_path / "absent.json")


def test_a_database_not_migrated_is_told_to_run_migrate_without_a_traceback(tmp_path):
    path = tmp_path / "steppe.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    # A process of its own, so that its database is a new, empty file: our own command line.
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "film_estimate", str(path)],
        cwd=settings.PROJECT_DIR, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "run `python manage.py migrate` first" in done.stderr
    assert "Traceback" not in done.stderr
