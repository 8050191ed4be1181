"""A student's interviews as a calendar file, in the events app's feed form: each interview keeps
one UID for life and carries its SEQUENCE, so updates and cancellations replace the entry."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Event as CalendarEvent

from twinning.core.site import site_url
from twinning.events.feeds import UID_DOMAIN, calendar_for, event_location
from twinning.students.models import FairRegistration, Interview


def _entry(interview: Interview) -> CalendarEvent:
    event = interview.fair.event
    entry = CalendarEvent()
    entry.add("uid", f"interview-{interview.uid}@{UID_DOMAIN}")
    entry.add("sequence", interview.sequence)
    entry.add("dtstamp", interview.updated_at)
    entry.add("last-modified", interview.updated_at)
    entry.add("summary", _("Interview: %(employer)s") % {"employer": interview.booth.organisation})
    entry.add("dtstart", interview.slot.starts_at.astimezone(event.zone))
    entry.add("dtend", interview.slot.ends_at.astimezone(event.zone))
    booth = _("Booth %(number)s") % {"number": interview.booth.number}
    entry.add("location", ", ".join(p for p in (booth, event_location(event)) if p))
    entry.add("description", f"{interview.booth.organisation}\n{event.title}")
    active = interview.status in (Interview.Status.SCHEDULED, Interview.Status.OFFERED)
    entry.add("status", "CONFIRMED" if active else "CANCELLED")
    return entry


def feed_url(registration: FairRegistration) -> str:
    """The registration's secret calendar address (the page and the API hand out the same)."""
    return site_url() + reverse("students:feed", args=[registration.feed_token])


def interviews_calendar(registration: FairRegistration, interviews: Iterable[Interview]) -> bytes:
    event = registration.fair.event
    calendar = calendar_for(
        _("%(event)s — my interviews") % {"event": event.title}, zone=event.time_zone
    )
    for interview in interviews:
        calendar.add_component(_entry(interview))
    calendar.add_missing_timezones()
    return calendar.to_ical()
