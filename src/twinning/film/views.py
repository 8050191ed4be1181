"""Pages: the public estimator, the studios' applications and the operators' queue.

Every view names its rule; the services check it again, so a forged request is refused even when
a page would not have shown the button.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.film import labels, selectors, services
from twinning.film.estimator import Estimate, SchemeEstimate
from twinning.film.forms import (
    FLAGS,
    LINES_PREFIX,
    NEW_LINE,
    ApplicationDetailsForm,
    ApproveForm,
    ChangesForm,
    DocumentForm,
    LineFormSet,
    PaidForm,
    ProductionForm,
    RejectForm,
    StudioChoiceForm,
    line_rows,
    posted_lines,
)
from twinning.film.models import ApplicationDocument, FilmApplication
from twinning.film.rates import MissingRate, RateTable

if TYPE_CHECKING:
    from twinning.core.models import User


def _actor(request: HttpRequest) -> User:
    """The signed-in user: every view that writes has a rule that refuses anonymous visitors."""
    return cast("User", request.user)


# Estimates


@dataclass(frozen=True)
class SchemeRow:
    """One scheme's estimate with its wording in the reader's language, for the result table."""

    estimate: SchemeEstimate
    reasons: list[tuple[bool, str]]
    warnings: list[str]
    rate: str
    amount_converted: Decimal | None  # the amount if eligible, in the production's currency
    bar_percent: int


def _converted(scheme: SchemeEstimate, currency: str, rates: RateTable, on: Any) -> Decimal | None:
    try:
        return rates.conversion(scheme.currency, currency, on).apply(scheme.amount_if_eligible)
    except MissingRate:
        return None


def scheme_rows(result: Estimate) -> list[SchemeRow]:
    rates = selectors.rate_table_from_database()
    currency = result.production.currency
    amounts = [_converted(s, currency, rates, result.on) for s in result.schemes]
    largest = max((amount for amount in amounts if amount), default=Decimal(0))
    return [
        SchemeRow(
            estimate=scheme,
            reasons=[(r.met, labels.reason_text(r.code, r.met, r.params)) for r in scheme.reasons],
            warnings=[labels.warning_text(w.code, w.params) for w in scheme.warnings],
            rate="" if scheme.rate is None else labels.render("{rate:.0%}", {"rate": scheme.rate}),
            amount_converted=amount,
            bar_percent=int(100 * amount / largest) if amount and largest else 0,
        )
        for scheme, amount in zip(result.schemes, amounts, strict=True)
    ]


def _line_formset(rows: list[dict[str, Any]]) -> Any:
    return LineFormSet(initial=rows, prefix=LINES_PREFIX)


def _edited_rows(data: Any) -> list[dict[str, Any]]:
    """The posted lines with one added or removed, as the "add"/"remove" buttons asked."""
    rows = posted_lines(data)
    if "remove_line" in data:
        with contextlib.suppress(ValueError, IndexError):
            del rows[int(data["remove_line"])]
    else:
        rows.append(dict(NEW_LINE))
    return rows or [dict(NEW_LINE)]


def _typed_production(data: Any) -> ProductionForm:
    """The production as typed, shown again without complaining about what is still missing."""
    initial = {key: data.get(key) for key in ProductionForm.base_fields if key in data}
    initial.update({flag: bool(data.get(flag)) for flag in FLAGS})
    return ProductionForm(initial=initial)


def _studios(request: HttpRequest) -> list[Any]:
    if not request.user.is_authenticated:
        return []
    return [m.organisation for m in selectors.studios_for_user(user=request.user)]


class EstimatorView(PermissionRequiredMixin, View):
    """The public estimator: no log-in; studio members may save the estimate as a draft."""

    permission_required = "film.estimate"
    template_name = "film/estimator.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.page(ProductionForm(), _line_formset([dict(NEW_LINE)]))

    def post(self, request: HttpRequest) -> HttpResponse:
        data = request.POST
        if "add_line" in data or "remove_line" in data:
            return self.page(_typed_production(data), _line_formset(_edited_rows(data)))
        form, lines = ProductionForm(data), LineFormSet(data, prefix=LINES_PREFIX)
        result = None
        if form.is_valid() and lines.is_valid():
            try:
                result = services.estimate_production(
                    production=form.production(), lines=lines.lines()
                )
            except ValidationError as error:
                form.add_error(None, error)
        return self.page(form, lines, result)

    def page(self, form: Any, lines: Any, result: Estimate | None = None, **extra: Any) -> Any:
        studios = _studios(self.request)
        context = {
            "form": form,
            "lines": lines,
            "result": result,
            "rows": scheme_rows(result) if result else [],
            "studio_form": StudioChoiceForm(studios=studios) if studios else None,
            **extra,
        }
        return render(self.request, self.template_name, context)


class EstimateLinesView(PermissionRequiredMixin, View):
    """HTMX: the budget lines again, with one added or removed."""

    permission_required = "film.estimate"

    def post(self, request: HttpRequest) -> HttpResponse:
        lines = _line_formset(_edited_rows(request.POST))
        return render(request, "film/includes/lines.html", {"lines": lines})


class SaveDraftView(EstimatorView):
    """Save the estimate as a draft application of one of the user's studios."""

    permission_required = "film.list_own_applications"
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ProductionForm(request.POST)
        lines = LineFormSet(request.POST, prefix=LINES_PREFIX)
        studio_form = StudioChoiceForm(request.POST, studios=_studios(request))
        valid = all([form.is_valid(), lines.is_valid()])
        if valid and not studio_form.is_valid():
            # The choices are the user's studios: none, or a forged one, means no right to apply.
            form.add_error(None, _("Only members of a film/TV studio can apply."))
        if not valid or form.errors:
            return self.page(form, lines)
        try:
            application = services.film_application_create(
                organisation=studio_form.organisation(), by=_actor(request),
                production=form.production(), lines=lines.lines(),
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(form, lines)
        messages.success(request, _("Saved as a draft application. Add the details and documents."))
        return redirect("film:application", application.pk)


# Applications


class ApplicationMixin(PermissionRequiredMixin):
    def get_object(self) -> FilmApplication:
        if not hasattr(self, "_object"):
            self._object = selectors.application_get(pk=self.kwargs["pk"])  # type: ignore[attr-defined]
        if self._object is None:
            raise Http404(gettext_lazy("No such application."))
        return self._object


class MyApplicationsView(PermissionRequiredMixin, TemplateView):
    permission_required = "film.list_own_applications"
    template_name = "film/mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = {
            "applications": selectors.applications_for_user(user=_actor(self.request)),
            "studios": _studios(self.request),
        }
        return super().get_context_data(**context, **kwargs)


class QueueView(PermissionRequiredMixin, TemplateView):
    permission_required = "film.view_queue"
    template_name = "film/queue.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        state = self.request.GET.get("state", "")
        if state not in FilmApplication.State.values:
            state = ""
        context = {
            "applications": selectors.applications_queue(state=state),
            "state": state,
            "states": FilmApplication.State.choices[1:],
        }
        return super().get_context_data(**context, **kwargs)


def _history(application: FilmApplication) -> list[dict[str, Any]]:
    entries: QuerySet[Any] = selectors.application_history(application=application)
    return [{"entry": entry, "label": labels.action_label(entry.action)} for entry in entries]


class ApplicationDetailView(ApplicationMixin, TemplateView):
    permission_required = "film.view_application"
    template_name = "film/application_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        application = self.get_object()
        context = {
            "application": application,
            "history": _history(application),
            "schemes": (application.estimate or {}).get("schemes", []),
            "document_form": DocumentForm(),
            "changes_form": ChangesForm(),
            "approve_form": ApproveForm(initial={"amount": _rebate_amount(application)}),
            "reject_form": RejectForm(),
            "paid_form": PaidForm(
                initial={"amount": application.approved_amount, "paid_on": timezone.localdate()}
            ),
        }
        return super().get_context_data(**context, **kwargs)


def _rebate_amount(application: FilmApplication) -> str | None:
    schemes = (application.estimate or {}).get("schemes", [])
    rebate = next((s for s in schemes if s.get("scheme") == "kz-rebate"), None)
    return rebate["amount"] if rebate and rebate.get("eligible") else None


class ApplicationEditView(ApplicationMixin, View):
    permission_required = "film.edit_application"
    template_name = "film/application_form.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        application = self.get_object()
        form = ProductionForm(initial=ProductionForm.initial_from(application))
        lines = _line_formset(line_rows(list(application.budget_lines.all())))
        details = ApplicationDetailsForm(
            initial={
                name: getattr(application, name)
                for name in ("shoot_plan", "service_company_name", "service_company_bin")
            }
        )
        return self.page(form, lines, details)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        data = request.POST
        if "add_line" in data or "remove_line" in data:
            details = ApplicationDetailsForm(initial=data.dict())
            return self.page(_typed_production(data), _line_formset(_edited_rows(data)), details)
        form, lines = ProductionForm(data), LineFormSet(data, prefix=LINES_PREFIX)
        details = ApplicationDetailsForm(data)
        if form.is_valid() and lines.is_valid() and details.is_valid():
            try:
                services.film_application_update(
                    application=self.get_object(), by=_actor(request), production=form.production(),
                    lines=lines.lines(), **details.cleaned_data,
                )  # fmt: skip
            except ValidationError as error:
                details.add_error(None, error)
            else:
                messages.success(request, _("The application was saved."))
                return redirect("film:application", pk)
        return self.page(form, lines, details)

    def page(self, form: Any, lines: Any, details: Any) -> HttpResponse:
        context = {
            "application": self.get_object(), "form": form, "lines": lines, "details": details,
        }  # fmt: skip
        return render(self.request, self.template_name, context)


def _error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


class TransitionView(ApplicationMixin, View):
    """POST one workflow step to its service; form errors and refusals come back as messages."""

    service: Any = None  # a staticmethod taking application=, by= and the form's `arguments`
    form_class: type[Any] | None = None
    arguments: tuple[str, ...] = ()
    done: Any = ""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self.form_class(request.POST, request.FILES) if self.form_class else None
        try:
            if form is not None and not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            data = form.cleaned_data if form else {}
            self.service(
                application=self.get_object(), by=_actor(request),
                **{name: data[name] for name in self.arguments},
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, str(self.done))
        return redirect("film:application", pk)


class SubmitView(TransitionView):
    permission_required = "film.submit_application"
    service = staticmethod(services.film_application_submit)
    done = gettext_lazy("Submitted. An operator will review it.")


class StartReviewView(TransitionView):
    permission_required = "film.start_review"
    service = staticmethod(services.film_application_start_review)
    done = gettext_lazy("Review started.")


class RequestChangesView(TransitionView):
    permission_required = "film.request_changes"
    service = staticmethod(services.film_application_request_changes)
    form_class, arguments = ChangesForm, ("message",)
    done = gettext_lazy("Returned to the studio for changes.")


class ApproveView(TransitionView):
    permission_required = "film.decide_application"
    service = staticmethod(services.film_application_approve)
    form_class, arguments = ApproveForm, ("amount", "currency")
    done = gettext_lazy("Approved.")


class RejectView(TransitionView):
    permission_required = "film.decide_application"
    service = staticmethod(services.film_application_reject)
    form_class, arguments = RejectForm, ("reason",)
    done = gettext_lazy("Rejected.")


class MarkPaidView(TransitionView):
    permission_required = "film.mark_paid"
    service = staticmethod(services.film_application_mark_paid)
    form_class, arguments = PaidForm, ("amount", "paid_on")
    done = gettext_lazy("Marked as paid.")


class DocumentAddView(TransitionView):
    permission_required = "film.edit_application"
    service = staticmethod(services.application_document_add)
    form_class, arguments = DocumentForm, ("kind", "upload")
    done = gettext_lazy("Document uploaded.")


class DocumentMixin(PermissionRequiredMixin):
    def document(self) -> ApplicationDocument:
        found = selectors.document_get(pk=self.kwargs["pk"])  # type: ignore[attr-defined]
        if found is None:
            raise Http404(gettext_lazy("No such document."))
        return found

    def get_object(self) -> FilmApplication:
        return self.document().application


class DocumentDownloadView(DocumentMixin, View):
    permission_required = "film.view_application"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        document = self.document()
        return FileResponse(
            document.file.open("rb"), as_attachment=True, filename=document.original_name
        )


class DocumentRemoveView(DocumentMixin, View):
    permission_required = "film.edit_application"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = self.document()
        services.application_document_remove(
            document=document,
            by=_actor(request),
        )
        messages.success(request, _("Document removed."))
        return redirect("film:application", document.application_id)
