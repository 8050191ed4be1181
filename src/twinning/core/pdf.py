"""Printable documents as PDF with WeasyPrint, from the same templates as the printable pages.

The renderer fetches nothing: the stylesheet is read from the static files and every other
URL is refused, so a document can never make the server call out.
"""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"documents fetch nothing: {url}")


def pdf_from_template(
    template: str,
    context: dict[str, Any],
    *,
    language: str,
    stylesheet: str | None = None,
    request: HttpRequest | None = None,
) -> bytes:
    """``stylesheet`` names a static file; the template itself may link nothing."""
    from weasyprint import CSS, HTML  # loads Pango: only when a PDF is asked for

    with translation.override(language):
        html = render_to_string(template, {**context, "for_pdf": True}, request=request)
    sheets = [CSS(filename=finders.find(stylesheet))] if stylesheet else []
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf(stylesheets=sheets)
