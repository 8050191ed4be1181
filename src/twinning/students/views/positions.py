"""Positions: the public list and page, the employer's own, the operator's validation queue."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from twinning.core.pagination import page_of
from twinning.organisations.selectors import organisation_get
from twinning.students import selectors, services
from twinning.students.forms import PositionForm, RejectForm
from twinning.students.models import Position
from twinning.students.views.base import RuleMixin, found, service_errors, student_or_404


class PositionListView(RuleMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "students/position_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        get = self.request.GET
        filters = selectors.PositionFilters(
            query=get.get("q", "").strip(),
            kind=get.get("kind", ""),
            location=get.get("location", ""),
            language=get.get("language", ""),
        )
        return super().get_context_data(
            positions=selectors.positions_published(filters=filters)[:200],
            filters=filters,
            kinds=Position.Kind.choices,
            locations=Position.Location.choices,
            **kwargs,
        )


class PositionDetailView(RuleMixin, TemplateView):
    permission_required = "students.view_position"
    template_name = "students/position_detail.html"

    def get_permission_object(self) -> Any:
        return found(selectors.position_get(pk=self.kwargs["pk"]))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        position = self.get_permission_object()
        user = self.request.user
        return super().get_context_data(
            position=position,
            can_edit=user.has_perm("students.edit_position", position),
            can_submit=user.has_perm("students.submit_position", position),
            can_validate=user.has_perm("students.validate_position", position),
            can_close=user.has_perm("students.close_position", position),
            matches=_matching_students(user, position),
            reject_form=RejectForm(),
            **kwargs,
        )


def _matching_students(user: Any, position: Position) -> list[Any]:
    """For the employer: students who let it see them, best fit first, with the reasons."""
    if not user.has_perm("students.view_position_matches", position):
        return []
    students = list(selectors.students_to_match(organisation_id=position.organisation_id))
    return services.students_for_position(position=position, students=students)[:20]


class MyPositionsView(RuleMixin, TemplateView):
    permission_required = "core.manage_own_account"
    template_name = "students/positions_mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            positions=selectors.positions_of_user(user=self.request.user), **kwargs
        )


class PositionCreateView(RuleMixin, FormView):
    permission_required = "students.create_position"
    template_name = "students/position_form.html"
    form_class = PositionForm

    def get_permission_object(self) -> Any:
        return found(organisation_get(slug=self.kwargs["slug"]))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(organisation=self.get_permission_object(), **kwargs)

    def form_valid(self, form: PositionForm) -> HttpResponse:
        data = dict(form.cleaned_data)
        sectors = data.pop("sectors", [])
        try:
            position = services.position_create(
                organisation=self.get_permission_object(),
                by=self.request.user,
                sectors=sectors,
                **data,
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The position is saved as a draft."))
        return redirect("students:position", position.pk)


class PositionEditView(RuleMixin, FormView):
    permission_required = "students.edit_position"
    template_name = "students/position_form.html"
    form_class = PositionForm

    def get_permission_object(self) -> Any:
        return found(selectors.position_get(pk=self.kwargs["pk"]))

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.get_permission_object()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        position = self.get_permission_object()
        return super().get_context_data(
            position=position, organisation=position.organisation, **kwargs
        )

    def form_valid(self, form: PositionForm) -> HttpResponse:
        data = {name: form.cleaned_data[name] for name in form.cleaned_data}
        sectors = data.pop("sectors", [])
        try:
            position = services.position_update(
                position=self.get_permission_object(), by=self.request.user, sectors=sectors, **data
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The position has been saved."))
        return redirect("students:position", position.pk)


class PositionActionView(RuleMixin, View):
    """submit / publish / reject / close: each a workflow transition checked by its rule."""

    permission_required = "core.manage_own_account"
    ACTIONS = {
        "submit": (services.position_submit, _("The position is sent for validation.")),
        "publish": (services.position_publish, _("The position is published.")),
        "close": (services.position_close, _("The position is closed.")),
    }

    def post(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        position = found(selectors.position_get(pk=pk))
        try:
            if action == "reject":
                form = RejectForm(request.POST)
                reason = form.data.get("reason", "")
                services.position_reject(position=position, by=request.user, reason=reason)
                messages.success(request, _("The position is rejected."))
            else:
                service, message = self.ACTIONS[action]
                service(position=position, by=request.user)
                messages.success(request, str(message))
        except KeyError:
            return redirect("students:position", pk)
        except ValidationError as error:
            service_errors(request, error)
        return redirect("students:position", pk)


class PositionQueueView(RuleMixin, TemplateView):
    permission_required = "core.operate"
    template_name = "students/position_queue.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            positions=page_of(self.request, selectors.positions_submitted()), **kwargs
        )


class RecommendedPositionsView(RuleMixin, TemplateView):
    permission_required = "students.be_student"
    template_name = "students/recommended.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        student = student_or_404(self.request)
        positions = list(selectors.positions_published()[:200])
        matches = services.positions_for_student(student=student, positions=positions)
        return super().get_context_data(matches=matches, **kwargs)


class PositionFeedbackView(RuleMixin, View):
    permission_required = "students.be_student"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        position = found(selectors.position_get(pk=pk))
        if position.state != Position.State.PUBLISHED:
            raise Http404
        services.position_feedback_set(
            student=student_or_404(request), position=position, by=request.user,
            verdict=request.POST.get("verdict", ""),
        )  # fmt: skip
        messages.success(request, _("Thank you: your list has been updated."))
        return redirect("students:recommended")
