"""The address that links in e-mails, calendar feeds and passes point at.

`SITE_URL` says it when set (production sets it). Without it, the links follow the server as it
is reached: the request that triggered the mail (`request.build_absolute_uri`), so a server on
another host or port gets links to itself; a background task is handed the address of the
request that queued it (`serving`), and a process with no request at all uses the last address
it served. A periodic command (cron) has served nothing: it is a `SiteUrlCommand`, told the
address by `--site-url` or `SITE_URL`, and refusing to run with neither.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
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


class SiteUrlCommand(BaseCommand):
    """A periodic command that sends mails with links: it has no request to take the address from.

    The address is `--site-url`, else `SITE_URL`; with neither the command refuses to run rather
    than mail links to a server nobody can reach. `handle_with_site` runs with the address set."""

    # A run that sends nothing (a dry run) may go without an address.
    def needs_site_url(self, options: dict[str, Any]) -> bool:
        return True

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--site-url",
            default="",
            help="the address links in the mails point at, e.g. https://twinning.example.org "
            "(default: the SITE_URL setting)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        url = str(options.get("site_url") or getattr(settings, "SITE_URL", "") or "").rstrip("/")
        if url and not url.startswith(("http://", "https://")):
            raise CommandError(f"--site-url must start with http:// or https://, not {url!r}.")
        if not url and self.needs_site_url(options):
            raise CommandError(
                "The links in the mails need the site's address, and this command has no request "
                "to take it from: pass --site-url https://your.site or set SITE_URL."
            )
        with serving(url):
            self.handle_with_site(*args, **options)

    def handle_with_site(self, *args: Any, **options: Any) -> None:
        raise NotImplementedError
