"""Imports on the web for operators: upload and dry run, then the import in the background."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.selectors import job_get
from twinning.outcomes import selectors, services
from twinning.outcomes.forms import ImportForm
from twinning.outcomes.imports import IMPORTERS
from twinning.programmes.selectors import programme_default

POLL_SECONDS = 2


def _kinds() -> list[tuple[str, Any]]:
    return [(kind, importer.label) for kind, importer in IMPORTERS.items()]


class ImportView(PermissionRequiredMixin, View):
    permission_required = "outcomes.operate"
    raise_exception = True
    template_name = "outcomes/imports.html"

    def _render(self, request: HttpRequest, form: ImportForm) -> HttpResponse:
        context = {"form": form, "runs": selectors.import_runs()[:20]}
        return render(request, self.template_name, context)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, ImportForm(kinds=_kinds()))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ImportForm(request.POST, request.FILES, kinds=_kinds())
        programme = programme_default()
        if programme is None:
            raise Http404
        if form.is_valid():
            try:
                run = services.import_check(
                    kind=form.cleaned_data["kind"], programme=programme,
                    upload=form.cleaned_data["upload"], by=request.user,
                )  # fmt: skip
            except ValidationError as error:
                form.add_service_error(error)
            else:
                return redirect("outcomes:import_run", pk=run.pk)
        return self._render(request, form)


class ImportRunView(PermissionRequiredMixin, View):
    """The dry run's report (every bad row and why), the button to import, then the progress."""

    permission_required = "outcomes.operate"
    raise_exception = True

    def _run(self, pk: int) -> Any:
        run = selectors.import_run_get(pk=pk)
        if run is None:
            raise Http404
        return run

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        run = self._run(pk)
        job = job_get(job_id=run.job_id) if run.job_id else None
        importer = IMPORTERS.get(run.kind)
        context = {"run": run, "job": job, "label": importer.label if importer else run.kind,
                   "poll_seconds": POLL_SECONDS, "count": len(run.rows)}  # fmt: skip
        template = (
            "outcomes/includes/import_progress.html" if request.htmx else "outcomes/import_run.html"
        )
        return render(request, template, context)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        run = self._run(pk)
        services.import_start(run=run, by=request.user)
        return redirect("outcomes:import_run", pk=run.pk)
