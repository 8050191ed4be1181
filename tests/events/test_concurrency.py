"""Two people acting at the same moment must not together break a limit (PostgreSQL only)."""

from django.core.exceptions import ValidationError

from tests.concurrency import CONCURRENT, at_once, refused
from tests.events.factories import accepted_meeting, participant, pending_request
from tests.factories import MembershipFactory
from twinning.events import services
from twinning.events.models import Meeting, MeetingRequest, Registration, ScheduleRun
from twinning.events.services.schedule import MoveConflict

pytestmark = CONCURRENT


def test_two_acceptances_never_exceed_the_meeting_limit(event):
    event.meeting_limit = 1
    event.save()
    busy = participant(event, name="Popular")
    first = pending_request(participant(event), busy)
    second = pending_request(participant(event), busy)
    outcomes = at_once(
        lambda: services.request_accept(request=first, by=busy.user),
        lambda: services.request_accept(request=second, by=busy.user),
    )
    assert refused(outcomes, ValidationError) == 1
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
    at_once(
        *(lambda r=r: services.registration_approve(registration=r, by=operator) for r in waiting)
    )
    assert event.registrations.filter(status=Registration.Status.APPROVED).count() == 1


def test_two_operators_never_double_book_a_participant(day, operator, leeds, almaty):
    """Two meetings of Leeds, moved by two operators into one slot at once: one is refused."""
    other = participant(day, name="Other")
    meetings = [accepted_meeting(leeds, almaty), accepted_meeting(leeds, other)]
    slot = day.slots.order_by("number").first()
    tables = list(day.tables.order_by("number")[:2])
    outcomes = at_once(
        *(
            lambda m=m, t=t: services.meeting_move(meeting=m, by=operator, slot=slot, table=t)
            for m, t in zip(meetings, tables, strict=True)
        )
    )
    assert refused(outcomes, MoveConflict) == 1
    assert Meeting.objects.filter(slot=slot).count() == 1


def test_two_moves_onto_one_table_never_share_it(day, operator, leeds, almaty):
    meetings = [
        accepted_meeting(leeds, almaty),
        accepted_meeting(participant(day), participant(day)),
    ]
    slot, table = day.slots.order_by("number").first(), day.tables.order_by("number").first()
    outcomes = at_once(
        *(
            lambda m=m: services.meeting_move(meeting=m, by=operator, slot=slot, table=table)
            for m in meetings
        )
    )
    assert refused(outcomes, ValidationError) == 1
    assert Meeting.objects.filter(slot=slot, table=table).count() == 1


def test_one_schedule_run_at_a_time_per_event(day, operator, meeting, settings):
    """Two operators (or a command and an operator) start the optimiser at once: the later one is
    refused while the first waits for a worker, as it does in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    outcomes = at_once(
        *(lambda: services.schedule_run_start(event=day, by=operator, time_limit=5),) * 2
    )
    assert refused(outcomes, ValidationError) == 1
    assert "already" in next(str(o) for o in outcomes if isinstance(o, ValidationError))
    assert ScheduleRun.objects.filter(event=day).count() == 1


def test_a_double_submitted_registration_is_one_registration(event):
    membership = MembershipFactory(organisation__programme=event.programme)
    outcomes = at_once(
        *(
            lambda: services.registration_create(
                event=event, user=membership.user, organisation=membership.organisation
            ),
        )
        * 2
    )
    assert refused(outcomes) == 0
    assert outcomes[0].pk == outcomes[1].pk
    registration = Registration.objects.get(event=event, user=membership.user)
    assert registration.status == Registration.Status.APPROVED


def test_two_acceptances_at_two_events_never_exceed_the_programmes_cap(event, operator):
    """The cap counts an organisation's meetings at every event of the programme: two events,
    one organisation accepting at both at once, a cap of 1: one is refused."""
    import datetime as dt

    from tests.events.factories import EventFactory
    from tests.factories import OrganisationFactory

    services.brokerage_rules_set(by=operator, programme=event.programme, meeting_cap=1)
    later = EventFactory(programme=event.programme, starts_on=event.starts_on + dt.timedelta(7))
    busy = OrganisationFactory(programme=event.programme)
    requests = [
        pending_request(participant(day, organisation=busy), participant(day))
        for day in (event, later)
    ]
    outcomes = at_once(
        *(lambda r=r: services.request_accept(request=r, by=r.recipient.user) for r in requests)
    )
    assert refused(outcomes, ValidationError) == 1
    assert (
        Meeting.objects.filter(
            request__requester__organisation=busy, status__in=Meeting.ACTIVE
        ).count()
        == 1
    )
