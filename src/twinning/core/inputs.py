"""Input no page or operation can store or answer: refused at the door, with a readable 400.

One middleware for the whole site, so that a new view is covered without doing anything:

- a NUL character anywhere in the path, the query string, the form fields or a JSON body (no
  text column stores it on PostgreSQL, and no person types it);
- a JSON body nested deeper than any operation takes, or one that is not valid JSON at all is
  left to the API's own parser, which answers 400;
- a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE (uploaded files excepted, which the upload
  handlers limit): 413.

The API (under /api/) gets JSON in its error format (``detail`` and ``errors``); pages get a page
in the visitor's language.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _

NUL = "\x00"
#: Deeper than any body the API takes (its deepest is three levels); no parser recursion beyond.
MAX_JSON_DEPTH = 32


class Refused(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.status = message, status


def _has_nul(values: Any) -> bool:
    return any(NUL in key or any(NUL in value for value in values.getlist(key)) for key in values)


def _check_json(value: Any, depth: int = 0) -> None:
    if depth > MAX_JSON_DEPTH:
        raise Refused(_("The request is nested too deeply."))
    if isinstance(value, str):
        if NUL in value:
            raise Refused(_("The request contains a NUL character, which no field accepts."))
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(key, depth + 1)
            _check_json(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_json(item, depth + 1)


def _too_large() -> Refused:
    return Refused(_("The request is too large."), status=413)


def check_request(request: HttpRequest) -> None:
    """Raise `Refused` for input no view can take (see the module's docstring)."""
    nul = _("The request contains a NUL character, which no field accepts.")
    if NUL in request.path or _has_nul(request.GET):
        raise Refused(nul)
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    content_type = request.content_type or ""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if content_type == "application/json" or content_type.endswith("+json"):
        length = request.META.get("CONTENT_LENGTH") or "0"
        if limit is not None and length.isdigit() and int(length) > limit:
            raise _too_large()
        try:
            document = json.loads(request.body or b"null")
        except RequestDataTooBig as error:
            raise _too_large() from error
        except RecursionError as error:
            raise Refused(_("The request is nested too deeply.")) from error
        except ValueError:
            return  # not JSON: the API's parser says so
        _check_json(document)
    elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        try:
            fields = request.POST
        except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent) as error:
            raise _too_large() from error
        except MultiPartParserError as error:
            raise Refused(_("The form could not be read; please try again.")) from error
        if _has_nul(fields) or any(NUL in upload.name for upload in request.FILES.values()):
            raise Refused(nul)


class RefuseBadInputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            check_request(request)
        except Refused as refused:
            return refusal(request, refused.message, refused.status)
        return self.get_response(request)


def refusal(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "errors": {"__all__": [message]}}, status=status)
    context = {"message": message, "status": status}
    return render(request, "core/bad_request.html", context, status=status)
