"""After the visit: attendance and outcomes per session, follow-ups to the guests."""

from __future__ import annotations

from typing import Any, NoReturn

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from twinning.core.site import site_url
from twinning.core.views import UrlObjectMixin
from twinning.visits import selectors, services
from twinning.visits.forms import AttendanceForm, FollowUpForm, OutcomeForm
from twinning.visits.tasks import send_follow_ups
from twinning.visits.views.base import PageMixin, PostedFormMixin, SessionMixin, VisitMixin

RECORD = "visits.record_outcomes"


class AttendancePageMixin(SessionMixin):
    """The page of a session's attendance, with the outcomes recorded for it."""

    permission_required = RECORD

    def page_context(self) -> dict[str, Any]:
        session = self.session
        return {
            "visit": session.visit,
            "session": session,
            "outcomes": selectors.outcomes(session=session),
            "register_outcomes": selectors.register_outcomes(session=session),
        }


class AttendanceView(AttendancePageMixin, PostedFormMixin, FormView):
    http_method_names = ["get", "post"]
    template_name = "visits/attendance.html"
    form_class = AttendanceForm

    def get_form_kwargs(self) -> dict[str, Any]:
        guests = list(selectors.guests_who_said_yes(session=self.session))
        return {**super().get_form_kwargs(), "guests": guests}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        outcome_form = OutcomeForm(session=self.session)
        return super().get_context_data(outcome_form=outcome_form, **self.page_context(), **kwargs)

    def form_valid(self, form: AttendanceForm) -> HttpResponse:
        present = [int(pk) for pk in form.cleaned_data["present"]]
        came = services.attendance_record(
            session=self.session, by=self.request.user, present=present
        )
        messages.success(self.request, _("Attendance saved: %(count)s came.") % {"count": came})
        return redirect("visits:attendance", self.kwargs["slug"], self.kwargs["pk"])


class OutcomeAddView(AttendancePageMixin, FormView):
    """An outcome posted from the attendance page; refused, the page again with its errors."""

    http_method_names = ["post"]
    template_name = "visits/attendance.html"
    form_class = OutcomeForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "session": self.session}

    def form_valid(self, form: OutcomeForm) -> HttpResponse:
        try:
            services.outcome_record(session=self.session, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Outcome recorded."))
        return redirect("visits:attendance", self.kwargs["slug"], self.kwargs["pk"])

    def form_invalid(self, form: OutcomeForm) -> HttpResponse:
        guests = list(selectors.guests_who_said_yes(session=self.session))
        context = self.get_context_data(
            form=AttendanceForm(guests=guests), outcome_form=form, **self.page_context()
        )
        return self.render_to_response(context, status=400)


class FollowUpsSendView(VisitMixin, View):
    permission_required = "visits.send_follow_ups"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        visit = self.visit
        send_follow_ups.enqueue(visit_slug=visit.slug, by_id=request.user.pk, site=site_url())
        messages.success(request, _("The follow-ups are on their way to the guests."))
        return redirect("visits:report", slug)


class FollowUpView(PageMixin, UrlObjectMixin, PostedFormMixin, FormView):
    """The guest's answer to a follow-up: the link finds it, and only the guest, signed in, sees
    it; to anyone else it does not exist (404)."""

    permission_required = "visits.answer_follow_up"
    http_method_names = ["get", "post"]
    template_name = "visits/follow_up.html"
    form_class = FollowUpForm

    def find_object(self) -> Any:
        return selectors.follow_up_by_token(token=self.kwargs["token"])

    def get_permission_object(self) -> Any:
        return self.get_object().attendee

    def handle_no_permission(self) -> NoReturn:
        raise Http404

    def get_initial(self) -> dict[str, Any]:
        return {"answer": self.get_object().answer}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        found = self.get_object()
        context = {"follow_up": found, "session": found.attendee.session}
        return super().get_context_data(**context, **kwargs)

    def form_valid(self, form: FollowUpForm) -> HttpResponse:
        try:
            services.follow_up_answer(
                follow_up=self.get_object(),
                by=self.request.user,
                answer=form.cleaned_data["answer"],
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you: your answer is recorded."))
        return redirect("visits:follow_up", self.kwargs["token"])
