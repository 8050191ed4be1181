"""The self-service export of one person's data ("Download all my data") for a heavy person.

    python bench/privacy_export.py [--scale 1] [--organisations 3000] [--repeat 5] [--file-kib 512]

Builds a fresh SQLite database (var/bench-privacy-export.sqlite3, or DATABASE_URL) and its private
files (under bench/ in var/bench-privacy-export-files, or PRIVATE_MEDIA_ROOT) with a programme,
that many organisations and one heavy person: a member of several organisations (with their
opportunities), registered at many events, with thousands of meeting requests and meetings, their
feedback and check-ins, thousands of audit entries, matching feedback, introductions, outcomes
with evidence files, a student profile with a CV, consents and API tokens. `--scale` multiplies
that person's volume. A light person (one membership, a handful of records) is built beside.

For both it times the export's data (`user_export_data`), the whole archive
(`user_export_archive`: its size and number of files) and the download (the view of
/accounts/me/export/ called directly, no network, its streamed response read to the end), each
the median of `--repeat` runs after a warm-up, and counts their queries, beside a view that runs
one query (a count of organisations) in the same run. Then the peak memory of each (tracemalloc,
Python's allocations, in runs of their own) and the heavy archive's queries grouped by table, which
is where an N+1 shows. Every archive built writes one audit entry (`user.export`), as in use.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import sys
import time
import tracemalloc
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-privacy-export.sqlite3'}")
os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(ROOT / "var" / "bench-privacy-export-files"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.serializers.json import DjangoJSONEncoder  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

import generated  # noqa: E402 - beside this script
from twinning.core import privacy, registry, services  # noqa: E402
from twinning.core.files import private_storage  # noqa: E402
from twinning.core.models import AuditEntry, Consent, User  # noqa: E402
from twinning.core.views import AccountExportView  # noqa: E402
from twinning.events.models import (  # noqa: E402
    CheckIn,
    Event,
    Invitation,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Registration,
)
from twinning.introductions.models import Introduction  # noqa: E402
from twinning.matching.models import Feedback  # noqa: E402
from twinning.organisations.models import Membership, Opportunity, Organisation  # noqa: E402
from twinning.outcomes.models import Evidence, Outcome, StageChange  # noqa: E402
from twinning.programmes.models import Programme, Region, Sector  # noqa: E402
from twinning.students.models import CvRelease, CvView, Student, StudentConsent  # noqa: E402

BATCH = 5000
PEOPLE = 400  # the others: partners at the events, CV viewers, actors in the audit log
PARTNERS = 40  # meeting requests of the heavy person per event
NOISE_AUDIT = 20_000  # audit entries about other people, which the export's filter skips
TEXT = "Looking for partners in supply, logistics and joint research; " * 4


def fresh_database() -> None:
    shutil.rmtree(Path(settings.PRIVATE_MEDIA_ROOT) / "bench", ignore_errors=True)
    generated.fresh_database()


def stored(name: str, kib: int, rng: random.Random) -> str:
    """A private file of random (incompressible) bytes; returns its stored name."""
    return private_storage.save(f"bench/{name}", ContentFile(rng.randbytes(kib * 1024)))


def others(orgs: list[Organisation]) -> list[User]:
    """People who are not measured, each a member of one organisation from the far end."""
    people = User.objects.bulk_create(
        [User(email=f"p{n}@bench.example", username=f"p{n}@bench.example",
              full_name=f"Person {n}") for n in range(PEOPLE)],
        batch_size=BATCH,
    )  # fmt: skip
    Membership.objects.bulk_create(
        [Membership(user=p, organisation=orgs[-1 - n]) for n, p in enumerate(people)],
        batch_size=BATCH,
    )
    return people


def heavy_person(
    prog: Programme, user: User, orgs: list[Organisation], people: list[User],
    scale: int, file_kib: int, rng: random.Random,
) -> dict[str, int]:  # fmt: skip
    now, today = timezone.now(), timezone.localdate()
    operator = User.objects.get(email="operator@bench.example")
    mine, rest = orgs[: 5 * scale], orgs[5 * scale : -PEOPLE]
    home = {p.pk: orgs[-1 - n] for n, p in enumerate(people)}
    Membership.objects.bulk_create(
        [Membership(user=user, organisation=o, role="owner" if n == 0 else "member")
         for n, o in enumerate(mine)]
    )  # fmt: skip

    types = Opportunity.Type.values
    opportunities = Opportunity.objects.bulk_create(
        [Opportunity(organisation=o, reference=f"OPP-{o.pk}-{k}", type=types[k % len(types)],
                     title=f"Opportunity {k} of {o.name_en}", summary=TEXT[:200], description=TEXT,
                     status="published", published_at=now, expires_on=today + dt.timedelta(days=90),
                     created_by=user if k % 2 else None)
         for o in mine for k in range(8)],
        batch_size=BATCH,
    )  # fmt: skip
    sectors = list(Sector.objects.filter(level=4).values_list("pk", flat=True))
    regions = list(Region.objects.values_list("pk", flat=True))
    through = Opportunity.sectors.through
    through.objects.bulk_create(
        [through(opportunity_id=o.pk, sector_id=rng.choice(sectors)) for o in opportunities]
    )
    through = Opportunity.target_regions.through
    through.objects.bulk_create(
        [through(opportunity_id=o.pk, region_id=rng.choice(regions)) for o in opportunities]
    )

    events = Event.objects.bulk_create(
        [Event(programme=prog, slug=f"event-{n}", title_en=f"Brokerage day {n}",
               starts_on=today - dt.timedelta(days=7 * n), ends_on=today - dt.timedelta(days=7 * n))
         for n in range(50 * scale)],
        batch_size=BATCH,
    )  # fmt: skip
    own = Registration.objects.bulk_create(
        [Registration(event=e, user=user, organisation=mine[n % len(mine)], status="approved",
                      languages="en,ru", looking_for=TEXT, participation="buyer",
                      decided_by=operator, decided_at=now)
         for n, e in enumerate(events)],
        batch_size=BATCH,
    )  # fmt: skip
    partners = Registration.objects.bulk_create(
        [Registration(event=e, user=p, organisation=home[p.pk], status="approved",
                      participation="supplier")
         for e in events for p in rng.sample(people, PARTNERS)],
        batch_size=BATCH,
    )  # fmt: skip
    requests, statuses = [], ("accepted",) * 6 + ("declined", "requested")
    for n, partner in enumerate(partners):
        mine_here = own[n // PARTNERS]
        a, b = (mine_here, partner) if n % 2 else (partner, mine_here)
        status = statuses[n % len(statuses)]
        requests.append(MeetingRequest(
            event_id=partner.event_id, requester=a, recipient=b, status=status,
            message=f"Shall we meet about {TEXT[:60]}?", priority=1 + n % 3,
            expires_at=now + dt.timedelta(days=7),
            responded_at=now if status != "requested" else None,
        ))  # fmt: skip
    requests = MeetingRequest.objects.bulk_create(requests, batch_size=BATCH)
    kept = ("held", "held", "no_show", "scheduled")
    accepted = [r for r in requests if r.status == "accepted"]
    meetings = Meeting.objects.bulk_create(
        [Meeting(event_id=r.event_id, request=r, status=kept[n % 4])
         for n, r in enumerate(accepted)],
        batch_size=BATCH,
    )  # fmt: skip
    by_event = {r.event_id: r for r in own}
    outcomes_given = MeetingFeedback.Outcome.values
    feedback = MeetingFeedback.objects.bulk_create(
        [MeetingFeedback(meeting=m, registration=by_event[m.event_id],
                         outcome=outcomes_given[n % len(outcomes_given)], comment=TEXT[:120])
         for n, m in enumerate(meetings) if m.status == "held"],
        batch_size=BATCH,
    )  # fmt: skip
    CheckIn.objects.bulk_create([CheckIn(registration=r, checked_in_by=operator) for r in own])
    Invitation.objects.bulk_create(
        [Invitation(event=r.event, email=user.email, name=user.full_name, status="accepted",
                    invited_by=operator, registration=r, responded_at=now)
         for r in own[: 10 * scale]]
    )  # fmt: skip

    request_type = ContentType.objects.get_for_model(MeetingRequest)
    actions = ("meeting.request", "meeting.accept", "registration.approve", "profile.update")
    audit = [
        AuditEntry(actor=user if n % 3 else operator, subject=user, action=actions[n % 4],
                   content_type=request_type, object_id=str(requests[n % len(requests)].pk),
                   object_repr=f"Meeting request {requests[n % len(requests)].pk}",
                   data={"status": "accepted", "event": requests[n % len(requests)].event_id,
                         "note": TEXT[:80]})
        for n in range(5000 * scale)
    ]  # fmt: skip
    AuditEntry.objects.bulk_create(audit, batch_size=BATCH)

    kinds = Feedback.Kind.values
    Feedback.objects.bulk_create(
        [Feedback(organisation=mine[n % len(mine)], candidate=rest[n], kind=kinds[n % 3], by=user)
         for n in range(200 * scale)],
        batch_size=BATCH,
    )  # fmt: skip
    intros = []
    for n in range(300 * scale):
        state = ("requested", "accepted", "declined", "withdrawn")[n % 4]
        decided = state in ("accepted", "declined")
        sent = n % 2 == 0
        intros.append(Introduction(
            programme=prog, requester=mine[n % len(mine)] if sent else rest[n],
            recipient=rest[n] if sent else mine[n % len(mine)], message=TEXT, state=state,
            requested_by=user if sent else None, decided_by=user if decided and not sent else None,
            decided_at=now if state != "requested" else None,
        ))  # fmt: skip
    Introduction.objects.bulk_create(intros, batch_size=BATCH)

    outcomes = Outcome.objects.bulk_create(
        [Outcome(programme=prog, reporter=mine[n % len(mine)], partner=rest[n],
                 title=f"Outcome {n}", description=TEXT, kind="supply",
                 stage=Outcome.ORDER[n % len(Outcome.ORDER)], stage_on=today, recorded_by=user)
         for n in range(50 * scale)],
        batch_size=BATCH,
    )  # fmt: skip
    through = Outcome.meetings.through
    through.objects.bulk_create(
        [through(outcome_id=o.pk, meeting_id=meetings[n].pk) for n, o in enumerate(outcomes)]
    )
    StageChange.objects.bulk_create(
        [StageChange(outcome=o, stage=stage, on=today, note="Bench", by=user)
         for o in outcomes for stage in ("contacted", "negotiating")]
    )  # fmt: skip
    files = 20 * scale
    Evidence.objects.bulk_create(
        [Evidence(outcome=outcomes[n], file=stored(f"evidence-{n}.pdf", file_kib, rng),
                  name=f"contract-{n}.pdf", size=file_kib * 1024, uploaded_by=user)
         for n in range(files)]
    )  # fmt: skip

    student = Student.objects.create(
        user=user, university="ucl", course="MSc Petroleum Engineering", level="taught",
        graduation_year=2026, skills="python, reservoir modelling", languages={"en": "C1"},
        about=TEXT, cv=stored("cv.pdf", file_kib, rng), cv_uploaded_at=now,
    )  # fmt: skip
    StudentConsent.objects.bulk_create(
        [StudentConsent(student=student, purpose=p) for p in ("embassy_contact", "newsletter")]
    )
    CvRelease.objects.bulk_create(
        [CvRelease(student=student, organisation=rest[n], until=now + dt.timedelta(days=30))
         for n in range(10 * scale)]
    )  # fmt: skip
    CvView.objects.bulk_create(
        [CvView(student=student, viewer=people[n % PEOPLE], organisation_name=f"Organisation {n}")
         for n in range(100 * scale)],
        batch_size=BATCH,
    )  # fmt: skip
    consents(user)
    for name in ("laptop", "phone"):
        services.api_token_create(user=user, name=name)
    return {
        "memberships": len(mine), "opportunities": len(opportunities), "events": len(events),
        "meeting requests": len(requests), "meetings": len(meetings),
        "meeting feedback": len(feedback), "audit entries": len(audit),
        "matching feedback": 200 * scale, "introductions": len(intros), "outcomes": len(outcomes),
        "files": files + 1,
    }  # fmt: skip


def consents(user: User) -> None:
    Consent.objects.bulk_create(
        [Consent(user=user, purpose=p, notice_version=v)
         for p, v in (("terms", "2024-01"), ("terms", "2025-01"), ("matching", "2025-01"),
                      ("marketing", "2025-01"))]
    )  # fmt: skip
    Consent.objects.filter(user=user, notice_version="2024-01").update(withdrawn_at=timezone.now())


def light_person(user: User, orgs: list[Organisation], people: list[User]) -> None:
    """One membership, one event, three meeting requests (one met), five audit entries."""
    now = timezone.now()
    org = orgs[-PEOPLE - 1]
    Membership.objects.create(user=user, organisation=org, role="owner")
    event = Event.objects.get(slug="event-0")
    own = Registration.objects.create(event=event, user=user, organisation=org, status="approved")
    partners = list(Registration.objects.filter(event=event, participation="supplier")[:3])
    requests = MeetingRequest.objects.bulk_create(
        [MeetingRequest(event=event, requester=own, recipient=p, status=s, expires_at=now)
         for p, s in zip(partners, ("accepted", "declined", "requested"), strict=True)]
    )  # fmt: skip
    Meeting.objects.create(event=event, request=requests[0], status="held")
    AuditEntry.objects.bulk_create(
        [AuditEntry(actor=user, subject=user, action="meeting.request",
                    object_repr=f"Meeting request {r.pk}") for r in requests]
        + [AuditEntry(actor=people[0], subject=user, action="registration.approve") for _ in "ab"]
    )  # fmt: skip
    Consent.objects.create(user=user, purpose="terms", notice_version="2025-01")


def noise(people: list[User], operator: User) -> None:
    AuditEntry.objects.bulk_create(
        [AuditEntry(actor=operator, subject=people[n % PEOPLE], action="registration.approve",
                    object_repr=f"Registration {n}", data={"status": "approved"})
         for n in range(NOISE_AUDIT)],
        batch_size=BATCH,
    )  # fmt: skip


def one_query(request) -> HttpResponse:  # type: ignore[no-untyped-def]
    return HttpResponse(str(Organisation.objects.count()))


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, int]:
    """Median seconds of `repeat` runs after a warm-up, and the queries of one run."""
    fn()
    times, queries = [], 0
    for _ in range(repeat):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        queries = len(captured)
    return statistics.median(times), queries


def peak_mib(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def by_table(fn: Callable[[], Any]) -> Counter[str]:
    """The queries of one run, by the tables they read (FROM and JOINs)."""
    with CaptureQueriesContext(connection) as captured:
        fn()
    counts: Counter[str] = Counter()
    for query in captured:
        tables = re.findall(r'(?:FROM|JOIN) "(\w+)"', query["sql"])
        verb = query["sql"].split(None, 1)[0].upper()
        counts[f"{verb} {' + '.join(dict.fromkeys(tables)) or '-'}"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=1, help="multiplies the heavy person's data")
    parser.add_argument("--organisations", type=int, default=3_000)
    parser.add_argument("--file-kib", type=int, default=512, help="size of each uploaded file")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.organisations < PEOPLE + 305 * args.scale:
        parser.error(f"--scale {args.scale} needs {PEOPLE + 305 * args.scale:,} organisations")
    heavy, light = generate(args)
    report(heavy, light, args.repeat)


def generate(args: argparse.Namespace) -> tuple[User, User]:
    rng = random.Random(16)
    started = time.perf_counter()
    fresh_database()
    prog = generated.programme()
    operator = User.objects.create_user(email="operator@bench.example", is_staff=True)
    orgs = generated.organisations(prog, args.organisations, rng)
    people = others(orgs)
    heavy = User.objects.create_user(email="heavy@bench.example", full_name="Heavy Person")
    light = User.objects.create_user(email="light@bench.example", full_name="Light Person")
    sizes = heavy_person(prog, heavy, orgs, people, args.scale, args.file_kib, rng)
    light_person(light, orgs, people)
    noise(people, operator)
    print(f"Generated {args.organisations:,} organisations and, at scale {args.scale}, a heavy "
          f"person with " + ", ".join(f"{n:,} {what}" for what, n in sizes.items())
          + f" ({args.file_kib} KiB each) in {time.perf_counter() - started:.0f} s "
          f"({connection.vendor}).", flush=True)  # fmt: skip
    return heavy, light


def archive_of(user: User) -> int:
    archive = services.user_export_archive(user=user)
    archive.seek(0, os.SEEK_END)
    size = archive.tell()
    archive.close()
    return size


def served(view: Callable[..., Any], request: Any) -> int:
    response = view(request)
    assert response.status_code == 200, response.status_code
    size = sum(len(block) for block in response)
    response.close()
    return size


def report(heavy: User, light: User, repeat: int) -> None:
    factory = RequestFactory()
    view = AccountExportView.as_view()

    def get(path: str, user: User):  # type: ignore[no-untyped-def]
        request = factory.get(path)
        request.user = user
        return request

    def line(label: str, seconds: float, queries: int, size: str = "") -> None:
        print(f"{label:<34} {seconds * 1000:9.1f} ms {seconds / base:8.0f}x {queries:6d} queries "
              f"{size:>14}", flush=True)  # fmt: skip

    print(f"{'':<34} {'median':>12} {'ratio':>9} {'queries':>14} {'size':>14}", flush=True)
    base, queries = timed(lambda: one_query(get("/", heavy)), repeat)
    line("one-query view (count of orgs)", base, queries)
    rows = []
    for name, user in (("light", light), ("heavy", heavy)):
        data = services.user_export_data(user=user)
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        with services.user_export_archive(user=user) as spooled, zipfile.ZipFile(spooled) as zipped:
            files = len(zipped.namelist())
            spooled.seek(0, os.SEEK_END)
            size = spooled.tell()
        t_data, q_data = timed(lambda user=user: services.user_export_data(user=user), repeat)
        line(f"{name}: user_export_data", t_data, q_data, f"{len(text) / 1024:,.0f} KiB JSON")
        t_zip, q_zip = timed(lambda user=user: archive_of(user), repeat)
        line(f"{name}: user_export_archive", t_zip, q_zip, f"{size / 1024:,.0f} KiB ZIP")
        request = get("/accounts/me/export/", user)
        t_view, q_view = timed(lambda request=request: served(view, request), repeat)
        line(f"{name}: GET /accounts/me/export/", t_view, q_view, f"{files} files")
        peaks = (
            peak_mib(lambda user=user: services.user_export_data(user=user)),
            peak_mib(lambda user=user: archive_of(user)),
            peak_mib(lambda request=request: served(view, request)),
        )
        rows.append((name, t_data, t_zip, t_view, q_zip, size, files, len(text), peaks))

    print(f"\n{'person':<6} {'data ms':>9} {'archive ms':>11} {'view ms':>9} {'x base':>7} "
          f"{'queries':>8} {'ZIP KiB':>9} {'files':>6} {'JSON KiB':>9} "
          f"{'peak MiB data/archive/view':>27}")  # fmt: skip
    for name, t_data, t_zip, t_view, q_zip, size, files, text, peaks in rows:
        print(f"{name:<6} {t_data * 1000:9.1f} {t_zip * 1000:11.1f} {t_view * 1000:9.1f} "
              f"{t_view / base:7.0f} {q_zip:8d} {size / 1024:9,.0f} {files:6d} "
              f"{text / 1024:9,.0f} {' / '.join(f'{p:.1f}' for p in peaks):>27}")  # fmt: skip
    print("\nThe heavy person's export by part (median ms, queries):", flush=True)
    data = services.user_export_data(user=heavy)
    parts: list[tuple[str, Callable[[], Any]]] = [
        ("core: audit_log", lambda: privacy.audit_about(user=heavy)),
        ("core: history", lambda: privacy.history_of(user=heavy)),
        *((f"app: {p.name}", lambda p=p: p.data(user=heavy)) for p in registry.export_parts()),
        ("files to add", lambda: privacy.export_files(user=heavy)),
        ("data.json written", lambda: json.dumps(data, cls=DjangoJSONEncoder, indent=2)),
    ]
    for name, fn in parts:
        seconds, queries = timed(fn, repeat)
        print(f"  {name:<22} {seconds * 1000:8.1f} ms {queries:5d} queries", flush=True)
    growth = rows[1][4] - rows[0][4]
    print(f"\nThe heavy archive runs {growth:+d} queries more than the light one; its queries by "
          f"table (the top ten):", flush=True)  # fmt: skip
    for key, count in by_table(lambda: archive_of(heavy)).most_common(10):
        print(f"{count:6d}  {key}")


if __name__ == "__main__":
    main()
