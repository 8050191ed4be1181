import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tests.events.factories import participant, pending_request
from twinning.events.models import Event, Meeting

pytestmark = pytest.mark.integration


def test_view_event(event, user, operator, leeds):
    assert AnonymousUser().has_perm("events.view_event", event)
    event.is_public = False
    event.save()
    assert not AnonymousUser().has_perm("events.view_event", event)
    assert not user.has_perm("events.view_event", event)
    assert leeds.user.has_perm("events.view_event", event)
    assert operator.has_perm("events.view_event", event)


def test_register(event, user, leeds):
    assert user.has_perm("events.register", event)
    assert not leeds.user.has_perm("events.register", event), "already registered"
    event.status = Event.Status.DRAFT
    event.save()
    assert not user.has_perm("events.register", event)


def test_register_outside_the_window(event, user):
    event.registration_opens_at = timezone.now() + dt.timedelta(days=1)
    event.save()
    assert not user.has_perm("events.register", event)


def test_manage_event(event, operator, leeds):
    assert operator.has_perm("events.manage_event", event)
    assert not leeds.user.has_perm("events.manage_event", event)


def test_browse_participants(event, user, leeds, operator):
    assert leeds.user.has_perm("events.browse_participants", event)
    assert operator.has_perm("events.browse_participants", event)
    assert not user.has_perm("events.browse_participants", event)


def test_request_meeting(event, leeds, almaty):
    assert leeds.user.has_perm("events.request_meeting", leeds)
    assert not leeds.user.has_perm("events.request_meeting", almaty)
    leeds.status = "pending"
    leeds.save()
    assert not leeds.user.has_perm("events.request_meeting", leeds)


def test_respond_and_cancel_request(leeds, almaty, event):
    request = pending_request(leeds, almaty)
    assert almaty.user.has_perm("events.respond_request", request)
    assert not leeds.user.has_perm("events.respond_request", request)
    assert leeds.user.has_perm("events.cancel_request", request)
    third = participant(event)
    assert not third.user.has_perm("events.cancel_request", request)


def test_view_agenda(leeds, almaty, operator):
    assert leeds.user.has_perm("events.view_agenda", leeds)
    assert operator.has_perm("events.view_agenda", leeds)
    assert not almaty.user.has_perm("events.view_agenda", leeds)


def test_give_feedback_only_after_the_meeting(meeting, leeds, event):
    assert not leeds.user.has_perm("events.give_feedback", meeting)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    meeting.refresh_from_db()
    assert leeds.user.has_perm("events.give_feedback", meeting)
    outsider = participant(event)
    assert not outsider.user.has_perm("events.give_feedback", meeting)
