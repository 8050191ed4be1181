"""Template helpers every page uses: the reader's time zone and query strings."""

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.conf import settings
from django.http import QueryDict

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
def current_programme() -> Any:
    """The programme this site runs, for the navigation bar and the page titles."""
    from twinning.programmes.selectors import programme_default

    return programme_default()


# Each language is named in itself, so that a reader finds theirs whatever the page's language.
LANGUAGE_ENDONYMS = {"en": "English", "ru": "Русский", "kk": "Қазақша"}


@register.simple_tag
def interface_languages() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_ENDONYMS.get(code, str(name))) for code, name in settings.LANGUAGES]
