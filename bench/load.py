"""Load benchmark: the production server on PostgreSQL under a realistic page mix.

Builds its own database (DATABASE_URL's server, database BENCH_DB), loads the demo and, with
--size large, the generated programme of bench/load_data.py (10,000 organisations, 50,000
opportunities, 10 events of 500 participants); starts gunicorn on 127.0.0.1:PORT with
DEBUG=false; runs locust headless for --seconds with --users clients, loopback only; prints
requests/s, p50/p95/p99 and errors per page beside the one-query view served by the same server
in the same run, and each page's median as a ratio of that view's.

Usage: python bench/load.py [--size demo|large] [--users 50] [--seconds 60] [--port 8007]
                            [--skip-setup] [--cold]

--cold starts the workers without the production configuration's warm-up (twinning.gunicorn_conf),
as they were before it: each worker's first search fills its caches while requests wait.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
BASELINE = "one-query view"
LAYOUT = "layout page (privacy)"

LOOKUP = """
import json
from twinning.core.models import User
from twinning.events.models import Event, Registration
from twinning.organisations.models import Membership
event = Event.objects.get(slug="leeds-almaty-brokerage-day")
registration = (Registration.objects.filter(event=event, status="approved",
                user__email__endswith="@twinning.local").select_related("user").first())
membership = Membership.objects.filter(user=registration.user).first()
print(json.dumps({
    "BENCH_MEMBER": registration.user.email,
    "BENCH_AGENDA": f"/events/{event.slug}/agenda/",
    "BENCH_FEED": f"/events/feed/{registration.feed_token}.ics",
    "BENCH_RECOMMENDATIONS": f"/matching/organisations/{membership.organisation_id}/",
    "BENCH_SCHEDULE": f"/events/{event.slug}/manage/schedule/",
}))
"""


def run(args: list[str], env: dict[str, str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, check=True, text=True, cwd=ROOT, **kwargs)  # noqa: S603


def prepare(env: dict[str, str], size: str) -> dict[str, str]:
    server = env["DATABASE_URL"].rsplit("/", 1)[0]
    admin = [str(Path("/usr/bin/psql")), f"{server}/postgres", "-qc"]
    name = env["DATABASE_URL"].rsplit("/", 1)[1]
    run([*admin, f'DROP DATABASE IF EXISTS "{name}"'], env)
    run([*admin, f'CREATE DATABASE "{name}"'], env)
    manage = [PYTHON, "manage.py"]
    run([*manage, "migrate", "--no-input", "-v", "0"], env)
    run([*manage, "load_demo", "--allow-production"], env, capture_output=True)
    if size == "large":
        run([PYTHON, "bench/load_data.py"], env)
    # As autovacuum would after a bulk load: the planner's row estimates for the new rows.
    run([str(Path("/usr/bin/psql")), env["DATABASE_URL"], "-qc", "VACUUM ANALYZE"], env)
    found = run([*manage, "shell", "--no-imports", "-c", LOOKUP], env, capture_output=True)
    return dict(json.loads(found.stdout.strip().splitlines()[-1]))


def wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def table(stats_csv: Path, seconds: float) -> None:
    with stats_csv.open() as handle:
        rows = [row for row in csv.DictReader(handle) if row["Name"] != "Aggregated"]
    floor = next(float(row["50%"]) for row in rows if row["Name"] == BASELINE)
    layout = next((float(row["50%"]) for row in rows if row["Name"] == LAYOUT), 0.0)
    print(f"{'page':22} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
          f"{'errors':>6} {'p50 / one-query':>15} {'p50 / layout':>12}")  # fmt: skip
    for row in sorted(rows, key=lambda r: (r["Name"] != BASELINE, r["Name"] != LAYOUT)):
        p50 = float(row["50%"])
        print(f"{row['Name'][:22]:22} {row['Request Count']:>8} {float(row['Requests/s']):7.1f} "
              f"{p50:7.0f} {float(row['95%']):7.0f} {float(row['99%']):7.0f} "
              f"{row['Failure Count']:>6} {p50 / floor if floor else 0:15.1f} "
              f"{p50 / layout if layout else 0:12.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=["demo", "large"], default="demo")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=8007)
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument("--skip-setup", action="store_true", help="reuse the database as it is")
    parser.add_argument("--cold", action="store_true", help="workers without their warm-up")
    options = parser.parse_args()
    server = os.environ.get("BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
    env = {
        **os.environ,
        "DATABASE_URL": f"{server}/{os.environ.get('BENCH_DB', 'twinning_bench')}",
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "CONN_MAX_AGE": "60",
        "PYTHONPATH": str(ROOT / "src"),
    }
    started = time.perf_counter()
    ids = {} if options.skip_setup else prepare(env, options.size)
    if options.skip_setup:
        found = run([PYTHON, "manage.py", "shell", "--no-imports", "-c", LOOKUP], env,
                    capture_output=True)  # fmt: skip
        ids = dict(json.loads(found.stdout.strip().splitlines()[-1]))
    print(f"data ready in {time.perf_counter() - started:.0f} s ({options.size})", flush=True)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env)
    address = f"127.0.0.1:{options.port}"
    # The production configuration: each worker warms its caches before its first request.
    warm_up = [] if options.cold else ["-c", "python:twinning.gunicorn_conf"]
    web = subprocess.Popen(  # noqa: S603
        [str(BIN / "gunicorn"), *warm_up, "twinning.wsgi", "--workers", str(options.web_workers),
         "--bind", address, "--forwarded-allow-ips", "127.0.0.1"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(f"http://{address}/health/database")
        with tempfile.TemporaryDirectory() as folder:
            prefix = Path(folder) / "run"
            # Locust exits 1 when a request failed: the table shows the failures instead.
            locust = subprocess.run(  # noqa: S603
                [str(BIN / "locust"), "-f", "bench/locustfile.py", "--headless",
                 "--users", str(options.users), "--spawn-rate", str(max(options.users // 5, 1)),
                 "--run-time", f"{options.seconds}s", "--host", f"http://{address}",
                 "--csv", str(prefix), "--only-summary", "--stop-timeout", "10"],
                env={**env, **ids}, cwd=ROOT, capture_output=True, check=False,
            )  # fmt: skip
            stats = Path(f"{prefix}_stats.csv")
            if not stats.exists() or BASELINE not in stats.read_text():
                # Say why instead of a traceback: locust's own output has the reason.
                print(locust.stdout[-4000:], locust.stderr[-4000:], sep="\n", file=sys.stderr)
                raise SystemExit("locust recorded no request of the one-query view")
            cold = " without warm-up" if options.cold else ""
            print(f"{options.users} clients, {options.seconds} s, {options.web_workers} gunicorn "
                  f"workers{cold}, {options.size} data")  # fmt: skip
            table(stats, options.seconds)
    finally:
        web.send_signal(signal.SIGTERM)
        web.wait(timeout=60)


if __name__ == "__main__":
    main()
