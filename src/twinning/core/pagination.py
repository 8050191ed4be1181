"""One way to cut a long list into pages, for every list page (operators' lists above all).

A view hands `page_of(request, items)` to its template in place of the list (a page iterates,
counts and tests true like one) and the template adds `core/includes/pagination.html`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50


def page_of(
    request: HttpRequest,
    items: QuerySet[Any] | Sequence[Any],
    *,
    size: int | None = None,
    weight: int = 1,
    param: str = "page",
) -> Page:
    """The page of `items` the query string asks for (`?page=`, or `param` when a page lists
    two things); a number out of range gives the last page, not an error. An item that shows
    `weight` rows (a division's five pairs, a slot of the grid) makes the page shorter."""
    size = size or max(1, PAGE_SIZE // max(1, weight))
    page = Paginator(items, size).get_page(request.GET.get(param))
    page.param = param  # type: ignore[attr-defined]
    return page
