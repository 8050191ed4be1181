"""Times of an event shown in a given zone: the event's, and each participant's own."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.events.models import Meeting, Registration

register = template.Library()


@register.simple_tag
def clock(value: dt.datetime | None, zone: str) -> str:
    """`09:30` for an aware datetime, as read on a clock in `zone`."""
    if value is None:
        return ""
    return timezone.localtime(value, zoneinfo.ZoneInfo(zone)).strftime("%H:%M")


@register.simple_tag
def zone_day(value: dt.datetime | None, zone: str) -> str:
    if value is None:
        return ""
    return timezone.localtime(value, zoneinfo.ZoneInfo(zone)).date().isoformat()


@register.filter
def zone_city(zone: str) -> str:
    """`Europe/London` → `London`: what people call their zone."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


@register.simple_tag
def agenda_line(meeting: Meeting, registration: Registration) -> str:
    """One meeting in one line, for e-mails: times in both zones, table, partner."""
    slot, event = meeting.published_slot, meeting.event
    partner = meeting.request.other(registration)
    if meeting.published_status == Meeting.Status.CANCELLED or slot is None:
        return _("Cancelled: meeting with %(name)s") % {"name": partner.display_name}
    own = registration.time_zone
    times = f"{clock(slot.starts_at, event.time_zone)}–{clock(slot.ends_at, event.time_zone)}"
    times += f" {zone_city(event.time_zone)}"
    if own != event.time_zone:
        times += f" ({clock(slot.starts_at, own)} {zone_city(own)})"
    table = meeting.published_table.label if meeting.published_table else "—"
    return _("%(times)s, table %(table)s: %(name)s, %(organisation)s") % {
        "times": times,
        "table": table,
        "name": partner.display_name,
        "organisation": partner.organisation_name,
    }


@register.filter
def partner_of(request: object, registration: Registration) -> Registration:
    """The other side of a meeting request, seen from `registration`."""
    return request.other(registration)  # type: ignore[attr-defined,no-any-return]


@register.filter
def get_reason(reasons: dict[int, str], meeting_id: int) -> str:
    return reasons.get(meeting_id, "")
