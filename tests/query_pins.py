"""Which routes are list pages, and which tests pin their queries (tests/test_query_pins.py).

A list page is found from the views' source, so that no list of pages is kept by hand:

- a ``ListView`` (Django's ``MultipleObjectMixin``);
- a view that cuts a list into pages with ``core.pagination.page_of``;
- a view that hands its response a read of many rows: it calls a selector (a function of an
  app's ``selectors*.py``) annotated to return a ``QuerySet``, ``list``, ``tuple``, ``Sequence``,
  ``Iterable`` or ``Iterator``, itself or through a helper of its own (a function outside the
  selectors and services, one call deep: ``exports.leads_xlsx``, a view module's ``_employers``).

A pin is a test marked ``@pytest.mark.pins("app:route", ...)`` that takes ``pinned_queries``;
the fixture refuses a URL of another route than the mark names, so a mark cannot claim a page
the test does not pin. The marks are read from the test modules without running them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.views.generic.list import MultipleObjectMixin

LISTY = re.compile(r"(?:[\w.]*\.)?(QuerySet|list|tuple|Sequence|Iterable|Iterator)\b")
CALL = re.compile(r"(?:\b(\w+)\.)?\b(\w+)\(")
#: Test packages whose modules are not read for marks: browser tests cannot count queries.
UNREAD = ("tests.e2e",)


def routes() -> dict[str, Callable[..., Any]]:
    """Named routes of the URLconf (the admin's aside) → their view."""

    def walk(resolver: URLResolver, namespace: str) -> Iterator[tuple[str, Any]]:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
                yield from walk(pattern, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield (
                    (f"{namespace}:{pattern.name}" if namespace else pattern.name),
                    pattern.callback,
                )

    return {name: view for name, view in walk(get_resolver(), "") if not name.startswith("admin:")}


def _own_code(view: Any) -> tuple[list[Any], type | None]:
    """The project's classes in a class-based view's MRO, or the view function itself."""
    cls = getattr(view, "view_class", None)
    if cls is not None:
        return [k for k in cls.__mro__ if k.__module__.startswith("twinning.")], cls
    function = inspect.unwrap(view)
    while hasattr(function, "func"):  # functools.partial
        function = inspect.unwrap(function.func)
    own = getattr(function, "__module__", "").startswith("twinning.")
    return ([function] if own else []), None


def _returns_rows(function: Any) -> bool:
    annotation = function.__annotations__.get("return", "")
    if isinstance(annotation, type):
        text = annotation.__name__
    else:
        text = annotation if isinstance(annotation, str) else repr(annotation)
    return bool(LISTY.match(text))


def _list_reads(code: Any, depth: int = 0) -> list[str]:
    """The row-returning selectors that `code` calls, itself or through its own helpers."""
    try:
        source = inspect.getsource(code)
    except (OSError, TypeError):
        return []
    module, found = inspect.getmodule(code), []
    for match in CALL.finditer(source):
        owner = getattr(module, match.group(1), None) if match.group(1) else module
        function = getattr(owner, match.group(2), None) if owner is not None else None
        if not inspect.isfunction(function) or not function.__module__.startswith("twinning."):
            continue
        where = function.__module__.rsplit(".", 1)[-1]
        if where.startswith("selectors"):
            if _returns_rows(function):
                found.append(f"{where}.{function.__name__}")
        elif depth == 0 and "services" not in function.__module__ and function is not code:
            found += _list_reads(function, depth + 1)
    return found


def why_a_list(view: Any) -> str | None:
    """Why the view is a list page (a ListView, page_of, the selectors it reads), or None."""
    code, cls = _own_code(view)
    if cls is not None and not hasattr(cls, "get"):
        return None  # POST only: no page (a POST that writes many rows is pinned by choice)
    if cls is not None and issubclass(cls, MultipleObjectMixin):
        return "a ListView"
    if "page_of(" in "\n".join(inspect.getsource(part) for part in code):
        return "paginated with page_of"
    reads = sorted({read for part in code for read in _list_reads(part)})
    return "reads rows: " + ", ".join(reads) if reads else None


def list_pages() -> dict[str, str]:
    """Route → why it is a list page, for every list page of the URLconf."""
    found = {name: why_a_list(view) for name, view in routes().items()}
    return {name: why for name, why in found.items() if why is not None}


def every_test() -> Iterator[tuple[str, Any]]:
    """(id, function) of every test function of the test modules (browser tests aside)."""
    import tests

    for info in pkgutil.walk_packages(tests.__path__, "tests."):
        name = info.name
        if name.startswith(UNREAD) or not name.rsplit(".", 1)[-1].startswith("test_"):
            continue
        try:
            module = importlib.import_module(name)
        except pytest.skip.Exception:
            continue
        for attribute, value in vars(module).items():
            if attribute.startswith("test_") and inspect.isfunction(value):
                yield f"{name}::{attribute}", value


def marked_routes(function: Any) -> list[str]:
    """The routes a test's `pins` marks name, on the function or on its parameters."""
    found = []
    for mark in getattr(function, "pytestmark", []):
        if mark.name == "pins":
            found += mark.args
        elif mark.name == "parametrize":
            for value in mark.args[1]:
                for inner in getattr(value, "marks", ()):
                    if inner.name == "pins":
                        found += inner.args
    return found


def pins() -> dict[str, list[str]]:
    """Route → the tests that pin it."""
    found: dict[str, list[str]] = {}
    for test, function in every_test():
        for route in marked_routes(function):
            found.setdefault(route, []).append(test)
    return found
