"""Backups of the database and their restore: SQLite through its online backup API (safe while
the site runs), PostgreSQL through pg_dump's custom format and pg_restore; and a round trip that
proves a backup restores to the same rows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.db import connections


def _is_sqlite(settings_dict: Mapping[str, Any]) -> bool:
    return "sqlite" in settings_dict["ENGINE"]


def _tool(name: str) -> str:
    """PostgreSQL's client programs, found on PATH (the postgresql-client package)."""
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed (Debian: postgresql-client)")
    return found


def _pg_env(settings_dict: Mapping[str, Any]) -> dict[str, str]:
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return env


def _pg_args(settings_dict: Mapping[str, Any], name: str | None = None) -> list[str]:
    args = ["--dbname", name or str(settings_dict["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    return args


def backup(*, to: Path, alias: str = "default") -> Path:
    """Write a consistent copy of the database to `to`."""
    connection = connections[alias]
    if _is_sqlite(connection.settings_dict):
        connection.ensure_connection()
        with sqlite3.connect(to) as target:
            connection.connection.backup(target)
        target.close()
        return to
    settings_dict = connection.settings_dict
    command = [
        _tool("pg_dump"),
        "--format=custom",
        "--no-owner",
        "--file",
        str(to),
        *_pg_args(settings_dict),
    ]
    # The database's own tool, with our settings.
    subprocess.run(command, check=True, env=_pg_env(settings_dict))  # noqa: S603
    return to


def restore(*, source: Path, into: str, alias: str = "default") -> None:
    """Restore a backup into `into`: a file for SQLite, an existing empty database's name for
    PostgreSQL (same server and credentials as `alias`)."""
    settings_dict = connections[alias].settings_dict
    if _is_sqlite(settings_dict):
        with sqlite3.connect(source) as backup_file, sqlite3.connect(into) as target:
            backup_file.backup(target)
        return
    command = [
        _tool("pg_restore"),
        "--no-owner",
        "--exit-on-error",
        str(source),
        *_pg_args(settings_dict, into),
    ]
    subprocess.run(command, check=True, env=_pg_env(settings_dict))  # noqa: S603


def _plain(value: Any) -> str:
    """One spelling per value, whichever driver or connection read it."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, default=str)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)


def fingerprint(rows: Iterator[tuple[Any, ...]]) -> tuple[int, str]:
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        digest.update(repr(tuple(_plain(value) for value in row)).encode())
        count += 1
    return count, digest.hexdigest()


def table_fingerprints(cursor: Any, tables: list[str]) -> dict[str, tuple[int, str]]:
    """Rows and a digest of every table, rows in a fixed order."""
    found = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')  # noqa: S608 - names from Django
        found[table] = fingerprint(iter(cursor.fetchall()))
    return found


@contextmanager
def _scratch_database(alias: str) -> Iterator[str]:
    """A place to restore into, removed afterwards."""
    settings_dict = connections[alias].settings_dict
    if _is_sqlite(settings_dict):
        with tempfile.TemporaryDirectory() as folder:
            yield str(Path(folder) / "restored.sqlite3")
        return
    name = f"{settings_dict['NAME']}_roundtrip"
    admin = [_tool("psql"), *_pg_args(settings_dict, "postgres"), "-qc"]
    env = _pg_env(settings_dict)
    subprocess.run([*admin, f'DROP DATABASE IF EXISTS "{name}"'], check=True, env=env)  # noqa: S603
    subprocess.run([*admin, f'CREATE DATABASE "{name}"'], check=True, env=env)  # noqa: S603
    try:
        yield name
    finally:
        subprocess.run([*admin, f'DROP DATABASE IF EXISTS "{name}"'], check=True, env=env)  # noqa: S603


def _restored_fingerprints(alias: str, into: str, tables: list[str]) -> dict[str, tuple[int, str]]:
    settings_dict = connections[alias].settings_dict
    if _is_sqlite(settings_dict):
        # Read as Django reads its own SQLite connection, with the same type converters.
        types = sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
        with sqlite3.connect(into, detect_types=types) as restored:
            return table_fingerprints(restored.cursor(), tables)
    import psycopg

    keys = {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD"}
    options = {key: settings_dict[name] for key, name in keys.items() if settings_dict.get(name)}
    from psycopg.types.string import TextLoader

    with psycopg.connect(dbname=into, **options) as restored:
        # JSON as Django's connection reads it: the text PostgreSQL stores, not parsed.
        for json_type in ("json", "jsonb"):
            restored.adapters.register_loader(json_type, TextLoader)
        with restored.cursor() as cursor:
            return table_fingerprints(cursor, tables)


def roundtrip(*, alias: str = "default") -> dict[str, tuple[int, str]]:
    """Back up, restore into a scratch database, and compare every table row by row. Returns
    the tables that differ (empty when the backup is faithful)."""
    connection = connections[alias]
    tables = sorted(connection.introspection.table_names())
    with connection.cursor() as cursor:
        before = table_fingerprints(cursor, tables)
    with tempfile.TemporaryDirectory() as folder, _scratch_database(alias) as into:
        restore(source=backup(to=Path(folder) / "backup", alias=alias), into=into, alias=alias)
        after = _restored_fingerprints(alias, into, tables)
    return {
        table: after.get(table, (0, "")) for table in tables if after.get(table) != before[table]
    }
