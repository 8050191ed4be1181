import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from tests.events.factories import accepted_meeting, participant, pending_request
from twinning.events import services
from twinning.events.models import Meeting, MeetingRequest

pytestmark = pytest.mark.integration


def test_request_then_accept_makes_a_meeting(
    leeds, almaty, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_create(
            requester=leeds, recipient=almaty, by=leeds.user, message="Meat processing?"
        )
    assert request.status == MeetingRequest.Status.REQUESTED
    assert request.expires_at > timezone.now() + dt.timedelta(hours=71)
    assert mailoutbox[-1].to == [almaty.user.email]
    meeting = services.request_accept(request=request, by=almaty.user)
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.ACCEPTED
    assert meeting.status == Meeting.Status.SCHEDULED and meeting.slot is None


def test_only_the_recipient_may_accept(leeds, almaty):
    request = pending_request(leeds, almaty)
    with pytest.raises(PermissionDenied):
        services.request_accept(request=request, by=leeds.user)


def test_decline(leeds, almaty):
    request = pending_request(leeds, almaty)
    services.request_decline(request=request, by=almaty.user)
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.DECLINED
    assert not Meeting.objects.exists()


def test_one_open_request_per_pair_whichever_side_asks(leeds, almaty):
    pending_request(leeds, almaty)
    with pytest.raises(ValidationError):
        services.request_create(requester=almaty, recipient=leeds, by=almaty.user)


def test_database_keeps_one_open_request_per_pair(leeds, almaty):
    pending_request(leeds, almaty)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingRequest.objects.create(
            event=leeds.event, requester=almaty, recipient=leeds, expires_at=timezone.now()
        )


def test_a_declined_pair_may_ask_again(leeds, almaty):
    request = pending_request(leeds, almaty)
    services.request_decline(request=request, by=almaty.user)
    again = services.request_create(requester=almaty, recipient=leeds, by=almaty.user)
    assert again.status == MeetingRequest.Status.REQUESTED


def test_expired_request_cannot_be_accepted(leeds, almaty):
    request = pending_request(leeds, almaty)
    MeetingRequest.objects.filter(pk=request.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    with pytest.raises(ValidationError):
        services.request_accept(request=request, by=almaty.user)
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.EXPIRED


def test_expire_due_requests(leeds, almaty, event):
    request = pending_request(leeds, almaty)
    later = timezone.now() + dt.timedelta(hours=event.request_expiry_hours + 1)
    assert services.requests_expire_due(now=later) == 1
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.EXPIRED


def test_expire_requests_command_expires_only_the_lapsed_ones(leeds, almaty, event):
    lapsed = pending_request(leeds, almaty)
    MeetingRequest.objects.filter(pk=lapsed.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    fresh = pending_request(leeds, participant(event))
    out = io.StringIO()

    call_command("expire_requests", stdout=out)

    assert out.getvalue().strip() == "1 meeting request expired."
    again = io.StringIO()
    with translation.override("ru"):
        call_command("expire_requests", stdout=again)
    assert again.getvalue().strip() == "Истекло 0 запросов на встречу."
    lapsed.refresh_from_db()
    fresh.refresh_from_db()
    assert (lapsed.status, fresh.status) == (
        MeetingRequest.Status.EXPIRED,
        MeetingRequest.Status.REQUESTED,
    )


def test_request_limit_per_participant(event, leeds):
    event.request_limit = 2
    event.save()
    others = [participant(event) for _ in range(3)]
    pending_request(leeds, others[0])
    pending_request(leeds, others[1])
    with pytest.raises(ValidationError):
        services.request_create(requester=leeds, recipient=others[2], by=leeds.user)


def test_meeting_limit_on_acceptance(event, leeds):
    event.meeting_limit = 1
    event.save()
    first, second = participant(event), participant(event)
    accepted_meeting(first, leeds)
    request = pending_request(second, leeds)
    with pytest.raises(ValidationError):
        services.request_accept(request=request, by=leeds.user)
    assert Meeting.objects.count() == 1


def test_cancelling_an_accepted_request_cancels_the_meeting(meeting, leeds):
    services.request_cancel(request=meeting.request, by=leeds.user)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED


@pytest.mark.parametrize("state", ["cancelled", "declined", "expired"])
def test_an_operator_cannot_cancel_a_request_that_is_no_longer_open(
    meeting, leeds, operator, state, mailoutbox, django_capture_on_commit_callbacks
):
    """Operators skip the parties' rule, not the state: cancelling twice mailed the other side
    twice, and a declined or expired request could be 'cancelled' (and mailed about)."""
    request = meeting.request
    if state == "cancelled":
        with django_capture_on_commit_callbacks(execute=True):
            services.request_cancel(request=request, by=operator)
    else:
        MeetingRequest.objects.filter(pk=request.pk).update(status=state)
    sent = len(mailoutbox)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match="cannot be done now"),
    ):
        services.request_cancel(request=request, by=operator)
    request.refresh_from_db()
    assert request.status == state and len(mailoutbox) == sent


def test_pending_participant_cannot_ask(event, leeds, almaty):
    almaty.status = "pending"
    almaty.save()
    with pytest.raises(PermissionDenied):
        services.request_create(requester=almaty, recipient=leeds, by=almaty.user)


def test_unavailability_replaces_previous_choice(day, leeds):
    slots = list(day.slots.order_by("number")[:3])
    services.unavailability_set(registration=leeds, by=leeds.user, slots=slots)
    services.unavailability_set(registration=leeds, by=leeds.user, slots=slots[:1])
    assert [u.slot for u in leeds.unavailabilities.all()] == slots[:1]


def test_a_superuser_outside_the_pair_cannot_accept(leeds, almaty):
    from tests.factories import UserFactory

    request = pending_request(leeds, almaty)
    boss = UserFactory(is_staff=True, is_superuser=True)
    with pytest.raises(PermissionDenied):
        services.request_accept(request=request, by=boss)
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.REQUESTED
