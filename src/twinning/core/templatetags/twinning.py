"""Template helpers every page uses: the reader's time zone, query strings, apps' panels."""

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.conf import settings
from django.http import QueryDict

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
