"""Calendar files built with icalendar: one per event, and one personal feed per participant.

Each meeting keeps one UID for life and carries the SEQUENCE of its last published change, so
calendar applications update or cancel the entry they already hold instead of adding a new one.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from twinning.core.site import site_url
from twinning.events.models import Event, Meeting, Registration, Slot

PRODUCT_ID = "-//Twinning//Events//EN"
UID_DOMAIN = "twinning"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _location(event: Event) -> str:
    return ", ".join(part for part in (event.venue, event.address.replace("\n", ", ")) if part)


def calendar_for(name: str, *, zone: str) -> Calendar:
    """An empty calendar in the house's form, for other apps' feeds (job-fair interviews)."""
    calendar = _calendar(name)
    calendar.add("x-wr-timezone", zone)
    return calendar


def event_location(event: Event) -> str:
    return _location(event)


def event_calendar(event: Event) -> bytes:
    calendar = _calendar(event.title)
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.uid}@{UID_DOMAIN}")
    entry.add("sequence", event.sequence)
    entry.add("dtstamp", timezone.now())
    entry.add("summary", event.title)
    first, last = event.slots.order_by("number").first(), event.slots.order_by("number").last()
    if first is not None and last is not None:
        entry.add("dtstart", first.starts_at.astimezone(event.zone))
        entry.add("dtend", last.ends_at.astimezone(event.zone))
    else:
        entry.add("dtstart", event.starts_on)
        entry.add("dtend", event.ends_on + dt.timedelta(days=1))
    entry.add("location", _location(event))
    entry.add("description", event.description)
    entry.add("url", site_url() + reverse("events:detail", args=[event.slug]))
    entry.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
    calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _meeting_entry(meeting: Meeting, slot: Slot, registration: Registration) -> CalendarEvent:
    partner = meeting.request.other(registration)
    event = meeting.event
    entry = CalendarEvent()
    entry.add("uid", f"meeting-{meeting.uid}@{UID_DOMAIN}")
    # Cancelling the event changes every meeting of it: one step more, stamped then.
    event_cancelled = event.status == Event.Status.CANCELLED
    entry.add("sequence", meeting.sequence + (1 if event_cancelled else 0))
    stamp = max(meeting.updated_at, event.updated_at) if event_cancelled else meeting.updated_at
    entry.add("dtstamp", stamp)
    entry.add("last-modified", stamp)
    entry.add("summary", _("Meeting: %(name)s") % {"name": partner.display_name})
    entry.add("dtstart", slot.starts_at.astimezone(event.zone))
    entry.add("dtend", slot.ends_at.astimezone(event.zone))
    table = meeting.published_table
    where = _("Table %(table)s") % {"table": table.label} if table else ""
    entry.add("location", ", ".join(p for p in (where, _location(event)) if p))
    entry.add("description", _meeting_description(meeting, partner))
    # A cancelled event cancels every meeting of it, whatever the last published schedule said.
    cancelled = event_cancelled or meeting.published_status == Meeting.Status.CANCELLED
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return entry


def _meeting_description(meeting: Meeting, partner: Registration) -> str:
    lines = [partner.display_name]
    if partner.organisation_name:
        lines.append(partner.organisation_name)
    if meeting.published_interpreter:
        lines.append(_("Interpreter: %(name)s") % {"name": meeting.published_interpreter.name})
    lines.append(meeting.event.title)
    return "\n".join(lines)


def personal_calendar(registration: Registration, meetings: Iterable[Meeting]) -> bytes:
    calendar = _calendar(_("%(event)s — my meetings") % {"event": registration.event.title})
    calendar.add("x-wr-timezone", registration.event.time_zone)
    for meeting in meetings:
        if meeting.published_slot is not None:
            calendar.add_component(_meeting_entry(meeting, meeting.published_slot, registration))
    calendar.add_missing_timezones()
    return calendar.to_ical()


@dataclass(frozen=True)
class CalendarItem:
    """One entry of a calendar another app builds (a visit's session): the same UID for life,
    the SEQUENCE of its last change, and CANCELLED rather than gone when it no longer happens."""

    uid: str
    sequence: int
    changed_at: dt.datetime
    summary: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    zone: str
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False


def _item_entry(item: CalendarItem) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"{item.uid}@{UID_DOMAIN}")
    entry.add("sequence", item.sequence)
    entry.add("dtstamp", item.changed_at)
    entry.add("last-modified", item.changed_at)
    entry.add("summary", item.summary)
    zone = zoneinfo.ZoneInfo(item.zone)
    entry.add("dtstart", item.starts_at.astimezone(zone))
    entry.add("dtend", item.ends_at.astimezone(zone))
    if item.location:
        entry.add("location", item.location)
    if item.description:
        entry.add("description", item.description)
    if item.url:
        entry.add("url", item.url)
    entry.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    return entry


def items_calendar(*, name: str, zone: str, items: Iterable[CalendarItem]) -> bytes:
    calendar = _calendar(name)
    calendar.add("x-wr-timezone", zone)
    for item in items:
        calendar.add_component(_item_entry(item))
    calendar.add_missing_timezones()
    return calendar.to_ical()
