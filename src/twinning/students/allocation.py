"""The bridge between a job fair in the database and the allocation model's plain data.

`plan_for` reads the fair into a `scheduling.jobfair.FairProblem`; `apply_result` writes the
allocation back as interviews; `readable` puts names and times into the model's reasons. Nothing
else in the app talks to the model. Both sides' preferences fold into one weight per wish here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction

from twinning.scheduling import jobfair as jf
from twinning.students.models import (
    Booth,
    FairRegistration,
    Interview,
    JobFair,
    Preference,
    Shortlist,
)

if TYPE_CHECKING:
    from twinning.events.models import Slot

# The kind of an allocation's background job (``tasks.allocate_fair``); its label is the
# fair's id.
ALLOCATE_JOB = "students.allocate"
# Its steps: reading, optimising, writing (``services.fair_allocate``'s progress).
ALLOCATION_STEPS = 3
# An allocation job not heard of for this long is taken for dead (its worker stopped) and no
# longer keeps the operators from queueing another.
ALLOCATE_STALE = dt.timedelta(minutes=5)

STUDENT_ID = re.compile(r"student (\d+)")
BOOTH_ID = re.compile(r"booth (\d+)")
PAIR = re.compile(r"interview (\d+)-(\d+)")
SLOT_NUMBER = re.compile(r"slot (\d+)")


def weight(*, rank: int | None, shortlisted: bool, alternate: bool) -> int:
    """A wish's worth: the student's rank counts most (1st: 16, 8th and later: 2), an
    employer's shortlist adds 8 and an alternate 3; a wish only the employer has is worth its
    shortlist bonus alone. bench/jobfair.py uses the same fold."""
    from_student = max(1, 9 - rank) * 2 if rank is not None else 0
    return from_student + (8 if shortlisted else 3 if alternate else 0)


@dataclass
class Plan:
    problem: jf.FairProblem
    fair: JobFair
    registrations: dict[str, FairRegistration]
    booths: dict[str, Booth]
    slots: dict[int, Slot]
    fixed: dict[tuple[str, str], Interview] = field(default_factory=dict)


def _wishes(fair: JobFair) -> list[jf.Wish]:
    ranks = {
        (str(r), str(b)): rank
        for r, b, rank in Preference.objects.filter(registration__fair=fair).values_list(
            "registration_id", "booth_id", "rank"
        )
    }
    lists = {
        (str(r), str(b)): alternate
        for r, b, alternate in Shortlist.objects.filter(booth__fair=fair).values_list(
            "registration_id", "booth_id", "alternate"
        )
    }
    wishes = []
    for key in sorted(set(ranks) | {k for k, alt in lists.items() if not alt}):
        alternate = lists.get(key)
        value = weight(
            rank=ranks.get(key), shortlisted=alternate is False, alternate=alternate is True
        )
        wishes.append(jf.Wish(student=key[0], booth=key[1], weight=value))
    return wishes


def _fixed(fair: JobFair) -> list[Interview]:
    """Locked interviews, and every interview already published, stay where they are."""
    keep = fair.interviews.filter(status__in=Interview.ACTIVE).exclude(
        status=Interview.Status.PROPOSED, locked=False
    )
    return list(keep.select_related("slot").order_by("pk"))


def plan_for(fair: JobFair) -> Plan:
    slots = {s.number: s for s in fair.event.slots.order_by("number")}
    registrations = {
        str(r.pk): r
        for r in fair.registrations.select_related("student__user")
        .prefetch_related("unavailable_slots")
        .order_by("pk")
    }
    booths = {str(b.pk): b for b in fair.booths.select_related("organisation").order_by("pk")}
    fixed = _fixed(fair)
    problem = jf.FairProblem(
        slots=len(slots),
        booths=tuple(jf.Booth(id=k, interviewers=b.interviewers) for k, b in booths.items()),
        students=tuple(
            jf.Student(id=k, unavailable=frozenset(s.number for s in r.unavailable_slots.all()))
            for k, r in registrations.items()
        ),
        wishes=tuple(_wishes(fair)),
        fixed=tuple(
            jf.Fixed(str(i.registration_id), str(i.booth_id), i.slot.number, i.seat) for i in fixed
        ),
        max_per_student=fair.max_interviews,
        name=fair.event.slug,
    )
    return Plan(
        problem=problem,
        fair=fair,
        registrations=registrations,
        booths=booths,
        slots=slots,
        fixed={(str(i.registration_id), str(i.booth_id)): i for i in fixed},
    )


def readable(plan: Plan, reason: str) -> str:
    """The model names students, booths and slots by number; operators know names and times."""

    def student(key: str) -> str:
        found = plan.registrations.get(key)
        return found.student.display_name if found else key

    def booth(key: str) -> str:
        found = plan.booths.get(key)
        return found.organisation.display_name if found else key

    def clock(number: str) -> str:
        slot = plan.slots.get(int(number))
        if slot is None:
            return number
        return slot.starts_at.astimezone(plan.fair.event.zone).strftime("%H:%M")

    reason = PAIR.sub(lambda m: f"interview {student(m[1])} × {booth(m[2])}", reason)
    reason = STUDENT_ID.sub(lambda m: f"student {student(m[1])}", reason)
    reason = BOOTH_ID.sub(lambda m: f"booth {booth(m[1])}", reason)
    return SLOT_NUMBER.sub(lambda m: f"slot {clock(m[1])}", reason)


@transaction.atomic
def apply_result(plan: Plan, result: jf.FairResult) -> int:
    """Replace the unpublished, unlocked interviews by the allocation's; returns how many new
    interviews were written. Fixed ones were part of the problem and are left as they are."""
    plan.fair.interviews.filter(status=Interview.Status.PROPOSED, locked=False).delete()
    fresh = [
        Interview(
            fair=plan.fair,
            booth=plan.booths[item.booth],
            registration=plan.registrations[item.student],
            slot=plan.slots[item.slot],
            seat=item.seat,
            status=Interview.Status.PROPOSED,
        )
        for item in result.interviews
        if (item.student, item.booth) not in plan.fixed
    ]
    Interview.objects.bulk_create(fresh, batch_size=500)
    return len(fresh)
