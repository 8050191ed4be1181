"""The programme dashboard and its exports on a generated programme.

    python bench/outcomes.py [--organisations 10000] [--meetings 100000] [--outcomes 5000]

Builds a fresh SQLite database (var/bench-outcomes.sqlite3, or DATABASE_URL) with that many
organisations, accepted meetings (half of them held) and register entries (every stage, four
currencies, a fifth verified, local-content shares under two methods), then times each page on
the server (the view called directly, no network) and counts its queries, beside a view that
runs one query (a count of organisations) in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-outcomes.sqlite3'}")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

import generated  # noqa: E402 - beside this script
from twinning.core.models import User  # noqa: E402
from twinning.events.models import Event, Meeting, MeetingRequest, Registration  # noqa: E402
from twinning.organisations.models import Organisation  # noqa: E402
from twinning.outcomes.models import LocalContentMethod, Outcome  # noqa: E402
from twinning.outcomes.services import value_in_report_currencies  # noqa: E402
from twinning.outcomes.views.dashboard import DashboardView, ExportView, ReportView  # noqa: E402
from twinning.programmes.models import Programme  # noqa: E402

BATCH = 5000
CURRENCIES = ("GBP", "KZT", "USD", "EUR")
AMOUNTS = {"GBP": 50_000, "KZT": 40_000_000, "USD": 60_000, "EUR": 55_000}


def meetings(prog: Programme, orgs: list[Organisation], count: int, rng: random.Random) -> list:
    today = timezone.localdate()
    events = [
        Event.objects.create(
            programme=prog,
            slug=f"day-{n}",
            title_en=f"Brokerage day {n}",
            starts_on=today - dt.timedelta(days=30 * n),
            ends_on=today - dt.timedelta(days=30 * n),
        )
        for n in range(10)
    ]
    users = User.objects.bulk_create(
        [User(email=f"p{n}@bench.example", username=f"p{n}") for n in range(len(orgs))],
        batch_size=BATCH,
    )
    per_event = max(2, min(len(orgs), count // len(events) // 5 * 2))
    registrations: dict[int, list[Registration]] = {}
    for event in events:
        chosen = rng.sample(range(len(orgs)), per_event)
        registrations[event.pk] = Registration.objects.bulk_create(
            [Registration(event=event, user=users[i], organisation=orgs[i], status="approved",
                          feed_token=f"{event.pk}-{i}") for i in chosen],
            batch_size=BATCH,
        )  # fmt: skip
    requests, expires = [], timezone.now()
    for n in range(count):
        event = events[n % len(events)]
        people = registrations[event.pk]
        # The k-th meeting of a day pairs k with k + 1 + k // P: no pair twice while k < P²/2.
        k = n // len(events)
        a = people[k % len(people)]
        b = people[(k + 1 + k // len(people)) % len(people)]
        requests.append(MeetingRequest(event=event, requester=a, recipient=b,
                                       status="accepted", expires_at=expires))  # fmt: skip
    requests = MeetingRequest.objects.bulk_create(requests, batch_size=BATCH)
    statuses = ("held", "held", "no_show", "scheduled")
    return Meeting.objects.bulk_create(
        [Meeting(event=r.event, request=r, status=statuses[n % 4]) for n, r in enumerate(requests)],
        batch_size=BATCH,
    )


def outcomes(prog: Programme, made: list, count: int, rng: random.Random) -> None:
    methods = [
        LocalContentMethod.objects.create(code="kz", version=v, name="Kazakh share")
        for v in ("2023", "2024")
    ]
    operator = User.objects.get(email="operator@bench.example")
    stages = [*Outcome.ORDER, "lost"]
    on = dt.date(2025, 3, 1)
    rates = {c: value_in_report_currencies(amount=Decimal(AMOUNTS[c]), currency=c, on=on)
             for c in CURRENCIES}  # fmt: skip
    rows, links = [], []
    for n in range(count):
        meeting = made[(n * 17) % len(made)]
        currency = CURRENCIES[n % 4]
        verified = n % 5 == 0
        stage = stages[n % len(stages)]
        share = Decimal(rng.randint(5, 90)) if n % 3 else None
        rows.append(Outcome(
            programme=prog, reporter_id=meeting.request.requester.organisation_id,
            partner_id=meeting.request.recipient.organisation_id, title=f"Outcome {n}",
            kind="supply", stage=stage, stage_on=timezone.localdate() - dt.timedelta(days=n % 300),
            lost_reason="Bench" if stage == "lost" else "", amount=Decimal(AMOUNTS[currency]),
            currency=currency, rate_on=on, value_gbp=rates[currency][0],
            value_kzt=rates[currency][1], local_content_share=share,
            local_content_method=methods[n % 2] if share is not None else None,
            confirmation="confirmed" if verified or n % 2 else "pending",
            verified_at=timezone.now() if verified else None,
            verified_by=operator if verified else None,
        ))  # fmt: skip
    created = Outcome.objects.bulk_create(rows, batch_size=BATCH)
    through = Outcome.meetings.through
    for n, outcome in enumerate(created):
        links.append(through(outcome_id=outcome.pk, meeting_id=made[(n * 17) % len(made)].pk))
    through.objects.bulk_create(links, batch_size=BATCH)


def one_query(request) -> HttpResponse:  # type: ignore[no-untyped-def]
    return HttpResponse(str(Organisation.objects.count()))


def measure(label: str, view, request, repeat: int, **kwargs) -> None:  # type: ignore[no-untyped-def]
    times, queries, size = [], 0, 0
    for _ in range(repeat):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = view(request, **kwargs)
            if hasattr(response, "render"):
                response.render()
            body = response.content if not response.streaming else b"".join(response)
            times.append(time.perf_counter() - started)
        queries, size = len(captured), len(body)
        assert response.status_code == 200, (label, response.status_code)
    print(f"{label:<44} {statistics.median(times) * 1000:9.1f} ms {queries:6d} queries "
          f"{size / 1024:9.1f} KiB", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--outcomes", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="keep the database of a last run")
    args = parser.parse_args()
    if args.reuse and Programme.objects.filter(slug="bench").exists():
        call_command("migrate", verbosity=0)  # the code may have moved on since
        operator = User.objects.get(email="operator@bench.example")
        counts = (Organisation.objects.count(), Meeting.objects.count(), Outcome.objects.count())
        print(
            "Reusing {:,} organisations, {:,} meetings, {:,} outcomes.".format(*counts),
            flush=True,
        )
    else:
        operator = generate(args)
    report(operator, args.repeat)


def generate(args: argparse.Namespace) -> User:
    rng = random.Random(16)
    started = time.perf_counter()
    generated.fresh_database()
    prog = generated.programme()
    operator = User.objects.create_user(email="operator@bench.example", is_staff=True)
    orgs = generated.organisations(prog, args.organisations, rng)
    meetings(prog, orgs, args.meetings, rng)
    made = list(Meeting.objects.select_related("request__requester", "request__recipient"))
    outcomes(prog, made, args.outcomes, rng)
    print(f"Generated {args.organisations:,} organisations, {len(made):,} meetings and "
          f"{args.outcomes:,} outcomes in {time.perf_counter() - started:.0f} s "
          f"({connection.vendor}).", flush=True)  # fmt: skip
    return operator


def report(operator: User, repeat: int) -> None:
    factory = RequestFactory()

    def get(path: str, **query: str):  # type: ignore[no-untyped-def]
        request = factory.get(path, query)
        request.user = operator
        return request

    dashboard = DashboardView.as_view()
    export = ExportView.as_view()
    print(f"{'page':<44} {'median':>12} {'queries':>14} {'size':>13}", flush=True)
    measure("one-query view (count of organisations)", one_query, get("/"), repeat)
    measure("dashboard", dashboard, get("/outcomes/dashboard/"), repeat)
    measure("dashboard, sector 10 and a period", dashboard,
            get("/outcomes/dashboard/", sector="10", start="2026-01-01"), repeat)  # fmt: skip
    for name in ("stages", "local-content", "monthly", "register"):
        for fmt in ("csv", "xlsx"):
            measure(f"export {name}.{fmt}", export, get("/x"), repeat, name=name, format=fmt)
    measure("PDF report (verified agreements)", ReportView.as_view(), get("/r"), 1)


if __name__ == "__main__":
    main()
