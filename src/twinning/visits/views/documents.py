"""Briefing packs and the visit report: printable pages, PDF and XLSX."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from twinning.core.pdf import pdf_from_template
from twinning.visits.briefing import visit_brief
from twinning.visits.models import LANGUAGE_CODES, Session, Visit
from twinning.visits.reports import report_xlsx, visit_report
from twinning.visits.views.base import session_for, visit_for

PRINT_CSS = "visits/print.css"

BRIEFING = "visits.read_briefing"


def _language(request: HttpRequest, visit: Visit) -> str:
    """The delegation's language, unless the reader asks for another (?lang=en)."""
    asked = request.GET.get("lang", "")
    return asked if asked in LANGUAGE_CODES else visit.delegation_language


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _briefing(
    request: HttpRequest, visit: Visit, only: Session | None, as_pdf: bool
) -> HttpResponse:
    language = _language(request, visit)
    args = [visit.slug] if only is None else [visit.slug, only.pk]
    name = "briefing_pdf" if only is None else "session_briefing_pdf"
    context: dict[str, Any] = {
        "brief": visit_brief(visit=visit, only=only),
        "only": only,
        "pdf_url": f"{reverse(f'visits:{name}', args=args)}?lang={language}",
    }
    if as_pdf:
        body = pdf_from_template(
            "visits/briefing.html", context, language=language, stylesheet=PRINT_CSS
        )
        suffix = f"-{only.pk}" if only is not None else ""
        return _download(body, "application/pdf", f"briefing-{visit.slug}{suffix}.pdf")
    with translation.override(language):
        return render(request, "visits/briefing.html", context)


def briefing(request: HttpRequest, slug: str) -> HttpResponse:
    return _briefing(request, visit_for(request, slug, BRIEFING), None, as_pdf=False)


def briefing_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    return _briefing(request, visit_for(request, slug, BRIEFING), None, as_pdf=True)


def session_briefing(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, BRIEFING)
    return _briefing(request, session.visit, session, as_pdf=False)


def session_briefing_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, BRIEFING)
    return _briefing(request, session.visit, session, as_pdf=True)


REPORT = "visits.view_report"


def report(request: HttpRequest, slug: str) -> HttpResponse:
    visit = visit_for(request, slug, REPORT)
    context = {"report": visit_report(visit=visit), "visit": visit}
    return render(request, "visits/report.html", context)


def report_download(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    visit = visit_for(request, slug, REPORT)
    data = visit_report(visit=visit)
    if kind == "xlsx":
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return _download(report_xlsx(data), xlsx, f"visit-report-{visit.slug}.xlsx")
    language = translation.get_language() or "en"
    body = pdf_from_template(
        "visits/report_document.html", {"report": data}, language=language, stylesheet=PRINT_CSS
    )
    return _download(body, "application/pdf", f"visit-report-{visit.slug}.pdf")
