"""What `make` does, read from its dry run: no command is executed."""

import shutil
import subprocess

import pytest
from django.conf import settings

pytestmark = [
    pytest.mark.unit,
    pytest.mark.skipif(shutil.which("make") is None, reason="needs make"),
]


def dry_run(*arguments: str) -> str:
    done = subprocess.run(  # noqa: S603 -- make, our own Makefile, fixed arguments
        ["make", "-n", *arguments],  # noqa: S607 -- make from PATH, as a developer runs it
        cwd=settings.PROJECT_DIR, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    return done.stdout


def test_make_run_on_another_port_puts_that_port_in_the_links_it_sends():
    assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8001}" in dry_run("run", "PORT=8001")


def test_make_clean_keeps_var_and_its_gitkeep(tmp_path):
    """Run for real, on a copy of the Makefile in an empty folder: the worker's log and the
    database go, var/ and its .gitkeep stay (without them `make run` failed writing the log)."""
    commands = dry_run("clean")
    assert "var/*" in commands and " var " not in commands
    shutil.copy(settings.PROJECT_DIR / "Makefile", tmp_path / "Makefile")
    var = tmp_path / "var"
    var.mkdir()
    for name in (".gitkeep", "worker.log", "bench.sqlite3"):
        (var / name).write_text("x")
    (tmp_path / "db.sqlite3").write_text("x")
    subprocess.run(
        ["make", "clean"],  # noqa: S607 -- make from PATH, as a developer runs it
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert sorted(path.name for path in var.iterdir()) == [".gitkeep"]
    assert not (tmp_path / "db.sqlite3").exists()
