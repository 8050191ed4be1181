"""The programme this site runs, for the navigation bar and the page titles of every page."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from twinning.programmes.selectors import programme_default


def site_programme(request: HttpRequest) -> dict[str, Any]:
    # Lazy: an HTMX fragment that never names the programme costs no query.
    return {"programme_site": SimpleLazyObject(programme_default)}
