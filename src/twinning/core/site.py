"""The address that links in e-mails, calendar feeds and passes point at.

`SITE_URL` says it when set (production sets it), whatever Host header a request came with.
Without it, the links follow the server as it is reached: the request that triggered the mail
(`request.build_absolute_uri`), so a server on another host or port gets links to itself; a
background task that mails is handed the address of the request that queued it (`task_site`,
then `serving` in the task), and a process with no request at all uses the last address it
served. A command run from the shell or cron has served nothing: it is a `SiteUrlCommand`, told
the address by `--site-url` (which wins over `SITE_URL`) or `SITE_URL`, and refusing to mail with
neither; a task queued with no address known refuses the same way (`site_required`).
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
_told: ContextVar[str] = ContextVar("site_url_told", default="")
_last_served = {"url": ""}


def site_url() -> str:
    """The base address for absolute links, without a trailing slash."""
    configured = getattr(settings, "SITE_URL", "")
    known = _told.get() or configured or _serving.get() or _last_served["url"]
    return (known or UNKNOWN).rstrip("/")


@contextmanager
def serving(url: str, *, told: bool = False) -> Iterator[None]:
    """Links made inside point at `url`: a request's own address (below `SITE_URL`), or, `told`,
    an address an operator gave a command (above it)."""
    variable = _told if told else _serving
    token = variable.set(url.rstrip("/"))
    try:
        yield
    finally:
        variable.reset(token)


def task_site() -> str:
    """The address to hand a task that will mail links: the one links would use now, or "" when
    none is known (the task then refuses to mail, see `site_required`)."""
    url = site_url()
    return "" if url == UNKNOWN else url


class SiteUnknown(RuntimeError):
    """A task would mail links to an address nobody can reach."""


@contextmanager
def site_required(site: str) -> Iterator[None]:
    """Inside a task that mails links: run with the address it was handed, or SITE_URL; with
    neither, refuse before anything is sent."""
    with serving(site):
        if not (site or getattr(settings, "SITE_URL", "") or _told.get()):
            raise SiteUnknown(
                "The links in the mails need the site's address and this task was queued without "
                "one: set SITE_URL."
            )
        yield


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
        with serving(url, told=bool(options.get("site_url"))):
            self.handle_with_site(*args, **options)

    def handle_with_site(self, *args: Any, **options: Any) -> None:
        raise NotImplementedError
