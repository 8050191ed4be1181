"""Permission checks and row locks shared by the event services."""

from __future__ import annotations

from django.db.models import Q

from twinning.events.models import Event, Meeting, Registration


def lock_event(event: Event) -> Event:
    """Re-read the event under a row lock: seats are counted against it."""
    return Event.objects.select_for_update().get(pk=event.pk)


def lock_registrations(*registrations: Registration) -> list[Registration]:
    """Lock participants in primary-key order, so two acceptances never wait on each other
    in opposite orders (a deadlock)."""
    ids = sorted({r.pk for r in registrations})
    return list(Registration.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def lock_parties(*registrations: Registration) -> list[Registration]:
    """`lock_registrations`, widened to every registration of the same parties (organisation,
    or person without one) at any event of the programme: the programme's meeting cap counts
    a party's meetings at all its events, so two acceptances at two events are counted one
    after the other. One lock, in primary-key order, as every writer takes registrations."""
    wanted = Q(pk__in=[r.pk for r in registrations])
    for registration in registrations:
        programme = Q(event__programme_id=registration.event.programme_id)
        if registration.organisation_id:
            wanted |= programme & Q(organisation_id=registration.organisation_id)
        else:
            wanted |= programme & Q(user_id=registration.user_id, organisation__isnull=True)
    queryset = Registration.objects.select_for_update(of=("self",)).filter(wanted)
    return list(queryset.order_by("pk"))


def lock_meeting(meeting: Meeting) -> Meeting:
    """Re-read the meeting under a row lock; the caller's copy may be stale."""
    queryset = Meeting.objects.select_for_update(of=("self",)).select_related(
        "event", "request__requester__user", "request__recipient__user"
    )
    return queryset.get(pk=meeting.pk)
