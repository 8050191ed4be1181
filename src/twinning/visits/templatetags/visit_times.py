"""A session's times in one line: on the venue's clock, and on the delegation's when it differs."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from twinning.visits.selectors import session_times

register = template.Library()


@register.simple_tag
def session_line(session: Any) -> str:
    times = session_times(session=session)
    line = (
        f"{formats.date_format(times.day, 'DATE_FORMAT')}, {times.start}–{times.end} ({times.zone})"
    )
    if times.same_zone:
        return line
    home = _("%(zone)s time: %(start)s–%(end)s") % {
        "zone": times.home_zone, "start": times.home_start, "end": times.home_end,
    }  # fmt: skip
    return f"{line}; {home}"
