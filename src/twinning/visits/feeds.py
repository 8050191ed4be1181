"""A person's itinerary as a calendar feed, built with the events' calendar mechanism.

Each session keeps its UID for life and carries its SEQUENCE; a session the person no longer
attends (cancelled, declined, withdrawn) stays in their feed as CANCELLED so calendars remove it.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from twinning.core.site import site_url
from twinning.events.feeds import CalendarItem, items_calendar
from twinning.visits.models import Person, Session
from twinning.visits.selectors import answers_of, itinerary_of, session_off_for


def _item(session: Session, cancelled: bool, person: Person) -> CalendarItem:
    venue = session.venue
    hosts = ", ".join(p.name for p in session.hosts.all())
    description = "\n".join(
        line for line in (session.get_kind_display(), session.topic,
                          _("Hosts: %(names)s") % {"names": hosts} if hosts else "",
                          session.visit.title) if line
    )  # fmt: skip
    return CalendarItem(
        uid=f"visit-session-{session.uid}",
        sequence=session.sequence
        + (1 if cancelled and session.status != Session.Status.CANCELLED else 0),
        changed_at=session.updated_at,
        summary=session.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        zone=venue.time_zone,
        location=", ".join(p for p in (venue.name, venue.address.replace("\n", ", ")) if p),
        description=description,
        url=site_url() + reverse("visits:session", args=[session.visit.slug, session.pk]),
        cancelled=cancelled,
    )


def person_calendar(person: Person) -> bytes:
    answers = answers_of(person=person)
    items = [
        _item(session, session_off_for(session, answers.get(session.pk)), person)
        for session in itinerary_of(person=person)
    ]
    name = _("%(visit)s — my itinerary") % {"visit": person.visit.title}
    return items_calendar(name=name, zone=person.visit.delegation_time_zone, items=items)
