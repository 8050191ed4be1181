"""The studios' applications and the operators' queue and decisions.

Every view names its rule; the services check it again, so a forged request is refused even when
a page would not have shown the button.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.pagination import page_of
from twinning.film import labels, selectors, services
from twinning.film.forms import (
    LINES_PREFIX,
    ApplicationDetailsForm,
    ApproveForm,
    ChangesForm,
    DocumentForm,
    LineFormSet,
    PaidForm,
    ProductionForm,
    RejectForm,
    line_rows,
)
from twinning.film.models import ApplicationDocument, FilmApplication
from twinning.film.views.estimates import (
    actor,
    edited_rows,
    line_formset,
    typed_production,
    user_studios,
)


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
            "applications": selectors.applications_for_user(user=actor(self.request)),
            "studios": user_studios(self.request),
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
            "applications": page_of(self.request, selectors.applications_queue(state=state)),
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
            # One page, several forms with an "amount": distinct ids keep each label on its field.
            "document_form": DocumentForm(auto_id="id_document_%s"),
            "changes_form": ChangesForm(auto_id="id_changes_%s"),
            "approve_form": ApproveForm(
                initial={"amount": _rebate_amount(application)}, auto_id="id_approve_%s"
            ),
            "reject_form": RejectForm(auto_id="id_reject_%s"),
            "paid_form": PaidForm(
                initial={"amount": application.approved_amount, "paid_on": timezone.localdate()},
                auto_id="id_paid_%s",
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
        lines = line_formset(line_rows(selectors.budget_lines_of(application=application)))
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
            return self.page(typed_production(data), line_formset(edited_rows(data)), details)
        form, lines = ProductionForm(data), LineFormSet(data, prefix=LINES_PREFIX)
        details = ApplicationDetailsForm(data)
        if form.is_valid() and lines.is_valid() and details.is_valid():
            try:
                services.film_application_update(
                    application=self.get_object(), by=actor(request), production=form.production(),
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
                application=self.get_object(), by=actor(request),
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


class DocumentRemoveView(DocumentMixin, View):
    permission_required = "film.edit_application"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = self.document()
        services.application_document_remove(
            document=document,
            by=actor(request),
        )
        messages.success(request, _("Document removed."))
        return redirect("film:application", document.application_id)
