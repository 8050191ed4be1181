"""What operators rely on in production: the health probe, the request id in logs, the task
queue on Redis with several workers, and the read replica's routing."""

import datetime as dt
import json
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.db import connections
from django.utils import timezone

from twinning.core.observability import JsonFormatter, RequestIdFilter
from twinning.core.replica import ReplicaRouter, on_replica, replica_reads
from twinning.core.tasks import probe

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_health_answers_200_with_the_queue_empty(client, db):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["queue"] == {**body["queue"], "backend": "database", "waiting": 0, "ok": True}


def test_health_answers_503_when_no_worker_takes_the_tasks(client, db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    probe.enqueue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(hours=1))
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["queue"]["waiting"] == 1
    assert response.json()["queue"]["oldest_wait_seconds"] > 3000


def test_every_response_carries_a_request_id(client, db):
    made = client.get("/health")["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/health", HTTP_X_REQUEST_ID="lb-1234")["X-Request-ID"] == "lb-1234"
    forged = client.get("/health", HTTP_X_REQUEST_ID="a b\nc")["X-Request-ID"]
    assert forged != "a b\nc"


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord(
        "twinning.requests", logging.INFO, __file__, 1, "GET %s", ("/",), None
    )
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "GET /"
    assert line["request_id"] == "-"
    assert line["level"] == "INFO"


def test_marked_selectors_read_from_the_replica_when_there_is_one(settings):
    router = ReplicaRouter()
    expected = "replica" if "replica" in settings.DATABASES else "default"
    assert router.db_for_read(None) is None
    with on_replica():
        assert router.db_for_read(None) == expected
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica", "core") is False
    assert replica_reads(lambda: 42)() == 42


@pytest.mark.django_db(databases=["default", "replica"])
@pytest.mark.skipif(
    "DATABASE_REPLICA_URL" not in os.environ, reason="needs DATABASE_REPLICA_URL (CI on PostgreSQL)"
)
def test_a_replica_selector_runs_its_queries_on_the_replica(programme):
    from twinning.organisations.selectors import opportunities_published

    found = opportunities_published()
    assert found.db == "replica"
    try:
        assert list(found) == []
    finally:
        # The mirror's own connection would keep the test database from being dropped.
        connections["replica"].close()


def redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def stop_all(processes: list[subprocess.Popen[bytes]]) -> None:
    """Ask each process to stop (an rq worker finishes its job first); kill what has not
    stopped within 30 s, so that no worker outlives the test and takes the next run's jobs."""
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


@pytest.mark.skipif(
    not redis_up() and os.environ.get("CI") != "true", reason="needs Redis on 127.0.0.1:6379"
)
def test_two_rq_workers_share_one_queue(tmp_path):
    env = {
        **os.environ,
        "TASKS_QUEUE": "rq",
        "REDIS_URL": "redis://127.0.0.1:6379/13",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    redis.Redis(host="127.0.0.1", port=6379, db=13).flushdb()
    workers = [
        subprocess.Popen(  # noqa: S603 - our own manage.py
            [*manage, "rqworker", "default", "--job-class", "django_tasks_rq.Job", "--name", name],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name in ("test-worker-1", "test-worker-2")
    ]
    try:
        time.sleep(3)
        check = subprocess.run(  # noqa: S603
            [*manage, "queue_check", "--tasks", "12", "--hold", "0.5", "--timeout", "120"],
            env=env, capture_output=True, text=True, timeout=180,
        )  # fmt: skip
    finally:
        stop_all(workers)
    assert check.returncode == 0, check.stderr
    answered = dict(line.split() for line in check.stdout.splitlines())
    assert set(answered) == {"test-worker-1", "test-worker-2"}
    assert sum(int(n) for n in answered.values()) == 12


def manage_shell(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "shell", "--no-imports", "-c", code],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.skipif(
    not redis_up() and os.environ.get("CI") != "true", reason="needs Redis on 127.0.0.1:6379"
)
def test_cache_and_sessions_live_in_redis_when_configured(tmp_path):
    code = (
        "from django.conf import settings; from django.core.cache import cache, caches; "
        "cache.set('twinning-test', 'shared', 30); "
        "print(settings.SESSION_ENGINE, type(caches['default']).__name__, "
        "cache.get('twinning-test'))"
    )
    env = {"REDIS_URL": "redis://127.0.0.1:6379/13", "DATABASE_URL": f"sqlite:///{tmp_path}/x"}
    assert manage_shell(code, env) == "django.contrib.sessions.backends.cache RedisCache shared"


def free_port() -> int:
    with socket.socket() as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        return int(probe_socket.getsockname()[1])


def test_media_goes_to_s3_compatible_storage_when_configured(tmp_path):
    import boto3

    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    endpoint = f"http://127.0.0.1:{port}"
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials)
        s3.create_bucket(Bucket="twinning-media")
        env = {
            "S3_BUCKET": "twinning-media",
            "S3_ENDPOINT_URL": endpoint,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "test",
            "S3_SECRET_ACCESS_KEY": "test",
            "DATABASE_URL": f"sqlite:///{tmp_path}/x",
        }
        code = (
            "from django.core.files.base import ContentFile; "
            "from django.core.files.storage import default_storage as s; "
            "name = s.save('logos/leeds.png', ContentFile(b'PNG')); print(name, s.url(name))"
        )
        name, url = manage_shell(code, env).split()
        stored = s3.get_object(Bucket="twinning-media", Key=name)["Body"].read()
        assert stored == b"PNG"
        assert url.startswith(f"{endpoint}/twinning-media/logos/")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_database_probe_takes_one_query(client, db, django_assert_num_queries):
    client.get("/health/database")
    with django_assert_num_queries(1):
        assert client.get("/health/database").json() == {"ok": True, "error": ""}
