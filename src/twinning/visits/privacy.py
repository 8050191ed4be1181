"""The visits part of a person's export (where they are on a visit's people, their invitations
to sessions and their answers) and of their erasure: a person on a visit is linked to an account
but holds its own name and address, so it goes with the account rather than being left behind."""

from __future__ import annotations

from typing import Any

from twinning.core.models import User
from twinning.core.privacy import records
from twinning.visits.models import Attendee, Person, SessionOutcome


def personal_data(*, user: User) -> dict[str, Any]:
    people = Person.objects.filter(user=user).order_by("pk")
    return {
        "visit_people": records(people),
        "visit_invitations_and_answers": records(
            Attendee.objects.filter(person__in=people).order_by("pk")
        ),
        "session_outcomes_i_recorded": records(
            SessionOutcome.objects.filter(recorded_by=user).order_by("pk")
        ),
    }


def people_erase(*, user: User) -> None:
    """Account deletion's hook: the person's places on visits, with their answers."""
    Person.objects.filter(user=user).delete()
