"""Briefing packs and the visit report: printable pages, PDF and XLSX."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.generic import TemplateView, View

from twinning.core.pdf import pdf_from_template
from twinning.visits.briefing import visit_brief
from twinning.visits.models import LANGUAGE_CODES, Session, Visit
from twinning.visits.reports import report_xlsx, visit_report
from twinning.visits.views.base import SessionMixin, VisitMixin

PRINT_CSS = "visits/print.css"

BRIEFING = "visits.read_briefing"
REPORT = "visits.view_report"


def _language(request: HttpRequest, visit: Visit) -> str:
    """The delegation's language, unless the reader asks for another (?lang=en)."""
    asked = request.GET.get("lang", "")
    return asked if asked in LANGUAGE_CODES else visit.delegation_language


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class BriefingView(VisitMixin, TemplateView):
    """The visit's briefing pack, in the delegation's language; `as_pdf` downloads it."""

    permission_required = BRIEFING
    template_name = "visits/briefing.html"
    as_pdf = False

    def briefed(self) -> tuple[Visit, Session | None]:
        """The visit, and the one session the pack is about (None: all of them)."""
        return self.visit, None

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        visit, only = self.briefed()
        language = _language(request, visit)
        url_args = [visit.slug] if only is None else [visit.slug, only.pk]
        name = "briefing_pdf" if only is None else "session_briefing_pdf"
        context: dict[str, Any] = {
            "brief": visit_brief(visit=visit, only=only),
            "only": only,
            "pdf_url": f"{reverse(f'visits:{name}', args=url_args)}?lang={language}",
        }
        if self.as_pdf:
            body = pdf_from_template(
                self.template_name, context, language=language, stylesheet=PRINT_CSS
            )
            suffix = f"-{only.pk}" if only is not None else ""
            return _download(body, "application/pdf", f"briefing-{visit.slug}{suffix}.pdf")
        response = self.render_to_response(self.get_context_data(**context))
        with translation.override(language):
            response.render()  # type: ignore[attr-defined]  # here, in the pack's language
        return response


class BriefingPdfView(BriefingView):
    as_pdf = True


class SessionBriefingView(SessionMixin, BriefingView):
    def briefed(self) -> tuple[Visit, Session | None]:
        session = self.session
        return session.visit, session


class SessionBriefingPdfView(SessionBriefingView):
    as_pdf = True


class ReportView(VisitMixin, TemplateView):
    permission_required = REPORT
    template_name = "visits/report.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        visit = self.visit
        return super().get_context_data(report=visit_report(visit=visit), visit=visit, **kwargs)


class ReportDownloadView(VisitMixin, View):
    """The report as a spreadsheet (`xlsx`) or, any other kind, a PDF."""

    permission_required = REPORT

    def get(self, request: HttpRequest, slug: str, kind: str) -> HttpResponse:
        visit = self.visit
        data = visit_report(visit=visit)
        if kind == "xlsx":
            xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            return _download(report_xlsx(data), xlsx, f"visit-report-{visit.slug}.xlsx")
        language = translation.get_language() or "en"
        body = pdf_from_template(
            "visits/report_document.html", {"report": data}, language=language, stylesheet=PRINT_CSS
        )
        return _download(body, "application/pdf", f"visit-report-{visit.slug}.pdf")
