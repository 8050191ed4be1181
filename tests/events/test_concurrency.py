"""Two people acting at the same moment must not together break a limit.

Run against PostgreSQL with real concurrent connections; SQLite serialises every writer, so the
race cannot happen there and the tests are skipped.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from tests.events.factories import participant, pending_request
from tests.factories import MembershipFactory
from twinning.events import services
from twinning.events.models import MeetingRequest, Registration

pytestmark = [
    pytest.mark.integration,
    # serialized_rollback restores the reference data (sides, regions) the flush would remove.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite takes one writer at a time, so there is no race to test",
    ),
]


def _at_once(*actions):
    """Run the actions in parallel threads, each on its own connection; return the outcomes."""
    barrier = threading.Barrier(len(actions))
    outcomes: list[object] = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except ValidationError as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_acceptances_never_exceed_the_meeting_limit(event):
    event.meeting_limit = 1
    event.save()
    busy = participant(event, name="Popular")
    first = pending_request(participant(event), busy)
    second = pending_request(participant(event), busy)
    outcomes = _at_once(
        lambda: services.request_accept(request=first, by=busy.user),
        lambda: services.request_accept(request=second, by=busy.user),
    )
    assert sum(isinstance(o, ValidationError) for o in outcomes) == 1
    accepted = MeetingRequest.objects.filter(status=MeetingRequest.Status.ACCEPTED)
    assert accepted.count() == 1


def test_two_approvals_never_exceed_the_seats(event, operator):
    event.capacity, event.requires_approval = 1, True
    event.save()
    waiting = []
    for _ in range(2):
        membership = MembershipFactory(organisation__programme=event.programme)
        waiting.append(
            services.registration_create(
                event=event, user=membership.user, organisation=membership.organisation
            )
        )
    _at_once(
        *(lambda r=r: services.registration_approve(registration=r, by=operator) for r in waiting)
    )
    assert event.registrations.filter(status=Registration.Status.APPROVED).count() == 1
