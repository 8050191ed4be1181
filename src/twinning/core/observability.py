"""What operators see of a running server: a request id on every log line and response, one log
line per request with its duration, and JSON log lines for collectors (LOG_FORMAT=json)."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

request_id: ContextVar[str] = ContextVar("request_id", default="-")

# An id from the proxy is kept only when it looks like one (it ends up in every log line).
ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

log = logging.getLogger("twinning.requests")


class RequestIdMiddleware:
    """Takes X-Request-ID from the reverse proxy, or makes one; logs each request's outcome."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        current = given if ACCEPTED_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(current)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = current
            log.info(
                "%s %s %s %.1fms",
                request.method,
                request.path,
                response.status_code,
                (time.perf_counter() - started) * 1000,
                extra={"status": response.status_code, "path": request.path},
            )
            return response
        finally:
            request_id.reset(token)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for name in ("status", "path"):
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
