"""Template helpers every page uses: the reader's time zone, query strings, apps' panels, user
text that wraps."""

import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.conf import settings
from django.http import QueryDict
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from twinning.core.registry import ShownPanel

register = template.Library()


@register.filter
def time_zone_of(user: Any) -> ZoneInfo:
    """The user's chosen time zone, or the site's, for `{% timezone %}`."""
    name = getattr(user, "time_zone", "") or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


@register.simple_tag
def query_with(query: QueryDict, **changes: Any) -> str:
    """The current query string with some parameters replaced, for pagination links."""
    params = query.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag
def query_page(query: QueryDict, param: str, number: int) -> str:
    """The current query string on another page of one list (core.pagination)."""
    params = query.copy()
    params[param] = str(number)
    return params.urlencode()


@register.simple_tag(takes_context=True)
def render_panel(context: template.Context, panel: ShownPanel) -> str:
    """One app's panel of a core page (`core.registry`), with the page's context beneath its own."""
    # As {% include %} does: the same context (request, csrf token), one layer pushed on top.
    with context.push(**panel.context):
        return context.template.engine.get_template(panel.template).render(context)


# Each language is named in itself, so that a reader finds theirs whatever the page's language.
LANGUAGE_ENDONYMS = {"en": "English", "ru": "Русский", "kk": "Қазақша"}


@register.simple_tag
def interface_languages() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_ENDONYMS.get(code, str(name))) for code, name in settings.LANGUAGES]


@register.filter
def width_class(percent: Any) -> str:
    """A bar's width as one of twinning.css's `pct-N` classes (N in steps of 5), because the
    Content-Security-Policy allows no inline style="width: …"."""
    try:
        value = float(percent)
    except (TypeError, ValueError):
        value = 0.0
    return f"pct-{int(min(max(value, 0.0), 100.0) / 5 + 0.5) * 5}"


# A word longer than this gets a break opportunity (<wbr>) after every this many characters.
BREAK_EVERY = 40
_LONG_WORD = re.compile(rf"\S{{{BREAK_EVERY + 1},}}")


@register.filter(needs_autoescape=True)
def breakable(value: Any, autoescape: bool = True) -> str:
    """User text, escaped, with a break opportunity inside every very long word: `{{ text|breakable|
    linebreaks }}`. twinning.css already wraps any word (`overflow-wrap: anywhere`), but a browser
    that must find the breaks of a 300,000-character word itself lays the page out for seconds;
    with a <wbr> every 40 characters it takes a tenth of that. Nothing visible is added: copied
    text has no extra characters."""
    if isinstance(value, SafeData):
        return value  # already HTML: its words cannot be cut without cutting its tags
    text = str(value)
    escape = conditional_escape if autoescape else str
    parts, start = [], 0
    for match in _LONG_WORD.finditer(text):
        word = match.group()
        parts.append(escape(text[start : match.start()]))
        chunks = (word[i : i + BREAK_EVERY] for i in range(0, len(word), BREAK_EVERY))
        parts.append("<wbr>".join(escape(chunk) for chunk in chunks))
        start = match.end()
    parts.append(escape(text[start:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of user text is escaped above)
