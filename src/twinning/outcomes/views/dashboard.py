"""The programme dashboard for operators, its definitions, its exports and the PDF report."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.figures import Scope
from twinning.core.pdf import pdf_from_template
from twinning.outcomes import charts
from twinning.outcomes.dashboard import Dashboard, dashboard_for, dashboard_part, scope_for
from twinning.outcomes.definitions import DEFINITIONS
from twinning.outcomes.forms import DashboardFilterForm, dashboard_filter_form
from twinning.outcomes.tables import (
    PARTS,
    TABLES,
    as_csv,
    as_csv_chunks,
    as_xlsx,
    table,
    verified_register,
)
from twinning.programmes.selectors import programme_default

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class DashboardMixin(PermissionRequiredMixin):
    permission_required = "outcomes.operate"
    raise_exception = True
    request: HttpRequest

    def scoped(self) -> tuple[DashboardFilterForm, Scope]:
        programme = programme_default()
        if programme is None:
            raise Http404
        form = dashboard_filter_form(programme=programme, data=self.request.GET)
        data = form.cleaned_data if form.is_valid() else {}
        return form, scope_for(programme_id=programme.pk, data=data)

    def filtered(self) -> tuple[DashboardFilterForm, Dashboard]:
        form, scope = self.scoped()
        return form, dashboard_for(scope=scope)


def chart_context(dashboard: Dashboard) -> dict[str, Any]:
    funnel = [(str(label), n, None) for _key, label, n in dashboard.funnel]
    stages = [(str(r.label), r.reported, r.verified) for r in dashboard.stages]
    months = dashboard.months
    series = [
        (_("Introductions accepted"), [m.introductions for m in months], "#8a63d2"),
        (_("Meetings held"), [m.meetings for m in months], charts.BAR),
        (_("Agreements"), [m.agreements for m in months], charts.VERIFIED),
    ]
    return {
        "funnel_chart": mark_safe(charts.bars(_("Funnel"), funnel)),  # noqa: S308 (escaped)
        "stage_chart": mark_safe(charts.bars(_("Outcomes by stage"), stages)),  # noqa: S308
        "month_chart": mark_safe(  # noqa: S308 (charts escape every text)
            charts.columns(_("Monthly series"), [f"{m.month:%m.%y}" for m in months], series)
        ),
    }


def report_context(form: DashboardFilterForm, dashboard: Dashboard) -> dict[str, Any]:
    return {
        "form": form,
        "dashboard": dashboard,
        "figures": dashboard.figures,
        "definitions": DEFINITIONS,
        "query": form.data.urlencode() if hasattr(form.data, "urlencode") else "",
        "tables": [(name, TABLES[name][0]) for name in TABLES],
        "generated_at": timezone.now(),
        **chart_context(dashboard),
    }


class DashboardView(DashboardMixin, TemplateView):
    template_name = "outcomes/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        form, dashboard = self.filtered()
        return super().get_context_data(**report_context(form, dashboard), **kwargs)


class DefinitionsView(TemplateView):
    """What each figure means: linked from every figure, open to everyone."""

    template_name = "outcomes/definitions.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(definitions=DEFINITIONS, **kwargs)


class ExportView(DashboardMixin, View):
    def get(
        self, request: HttpRequest, name: str, format: str
    ) -> HttpResponse | StreamingHttpResponse:
        if name not in TABLES or format not in CONTENT_TYPES:
            raise Http404
        if name in PARTS:  # a table made from one part of the dashboard computes that part only
            _form, scope = self.scoped()
            dashboard = dashboard_part(scope=scope, part=PARTS[name])
        else:
            _form, dashboard = self.filtered()
        headers, rows = table(dashboard, name)
        title = str(TABLES[name][0])
        response: HttpResponse | StreamingHttpResponse
        if format == "csv" and name == "register":  # the one table as long as the register
            response = StreamingHttpResponse(
                _in_language(get_language(), as_csv_chunks(headers, rows)),
                content_type=CONTENT_TYPES[format],
            )
        else:
            body = as_csv(headers, rows) if format == "csv" else as_xlsx(title, headers, rows)
            response = HttpResponse(body, content_type=CONTENT_TYPES[format])
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{format}"'
        return response


def _in_language(language: str, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """A streamed body is written after the view returns: in the language of the request."""
    with translation.override(language):
        yield from chunks


class ReportView(DashboardMixin, View):
    """The programme report for funders as a PDF (WeasyPrint), in the language of the page."""

    def get(self, request: HttpRequest) -> HttpResponse:
        form, dashboard = self.filtered()
        context = report_context(form, dashboard)
        context["register"] = verified_register(dashboard)
        context["language"] = get_language()
        pdf = pdf_from_template(
            "outcomes/report.html", context, language=context["language"], request=request
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="programme-report-{stamp}.pdf"'
        return response
