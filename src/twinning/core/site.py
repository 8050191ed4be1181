"""The address that links in e-mails, calendar feeds and passes point at.

`SITE_URL` says it when set (production sets it). Without it, the links follow the server as it
is reached: the request that triggered the mail (`request.build_absolute_uri`), so a server on
another host or port gets links to itself; a background task is handed the address of the
request that queued it (`serving`), and a process with no request at all uses the last address
it served.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# What a process that has served no request and has no SITE_URL can still say.
UNKNOWN = "http://localhost"

_serving: ContextVar[str] = ContextVar("site_url", default="")
_last_served = {"url": ""}


def site_url() -> str:
    """The base address for absolute links, without a trailing slash."""
    configured = getattr(settings, "SITE_URL", "")
    return (configured or _serving.get() or _last_served["url"] or UNKNOWN).rstrip("/")


@contextmanager
def serving(url: str) -> Iterator[None]:
    """Links made inside point at `url` (a task runs with the address its request passed)."""
    token = _serving.set(url.rstrip("/"))
    try:
        yield
    finally:
        _serving.reset(token)


class SiteUrlMiddleware:
    """Each request's links point at the host and port it reached the server on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        url = request.build_absolute_uri("/").rstrip("/")
        _last_served["url"] = url
        with serving(url):
            return self.get_response(request)
