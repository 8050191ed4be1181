"""The embassy's outreach: invitations by filters, welfare checks, and the personal pages their
links open, which work signed out and answer only for the person the link was made for."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from twinning.core.pagination import page_of
from twinning.students import selectors, services
from twinning.students.forms import InviteForm, WelfareForm
from twinning.students.models import StudentConsent
from twinning.students.views.base import RuleMixin, found, service_errors


def _filters(data: dict[str, Any]) -> services.StudentFilter:
    region = data.get("home_region")
    return services.StudentFilter(
        university=data.get("university") or "",
        level=data.get("level") or "",
        graduation_year=data.get("graduation_year"),
        home_region=region.pk if region else None,
    )


def _event_choices(user: Any) -> list[tuple[int, str]]:
    return [(e.pk, str(e)) for e in selectors.events_to_invite_to(user=user)]


class InviteView(RuleMixin, FormView):
    permission_required = "students.operate"
    template_name = "students/invite.html"
    form_class = InviteForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "events": _event_choices(self.request.user)}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event_id = self.request.GET.get("event", "")
        event = selectors.event_visible(user=self.request.user, pk=event_id)
        invitations = selectors.invitations_of(event=event) if event else None
        return super().get_context_data(
            event=event, invitations=invitations, unclaimed=services.unclaimed_count(), **kwargs
        )

    def form_valid(self, form: InviteForm) -> HttpResponse:
        event = found(
            selectors.event_visible(user=self.request.user, pk=form.cleaned_data["event"])
        )
        sent = services.invitations_send(
            event=event, filters=_filters(form.cleaned_data), by=self.request.user
        )
        messages.success(
            self.request,
            ngettext("%(n)s invitation sent.", "%(n)s invitations sent.", sent) % {"n": sent},
        )
        return redirect(f"{self.request.path}?event={event.pk}")


class ClaimResendView(RuleMixin, View):
    """Imported students who have not claimed their profile get their link again."""

    permission_required = "students.operate"

    def post(self, request: HttpRequest) -> HttpResponse:
        sent = services.claim_links_resend(by=request.user)
        message = ngettext("%(n)s link sent again.", "%(n)s links sent again.", sent)
        messages.success(request, message % {"n": sent})
        return redirect("students:invite")


class TokenPageMixin:
    """A page opened from a personal link: the token travels in the query string (GET) or a
    hidden field (POST); the holder may be signed out."""

    request: HttpRequest
    kind = ""

    def token(self) -> str:
        return self.request.POST.get("sesame") or self.request.GET.get("sesame", "")

    def holder(self, pk: int) -> Any:
        return services.holder_of(token=self.token(), kind=self.kind, pk=pk)


class RsvpView(TokenPageMixin, RuleMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "students/rsvp.html"
    kind = "rsvp"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        invitation = found(selectors.invitation_get(pk=self.kwargs["pk"]))
        valid = self.holder(invitation.pk) is not None
        return super().get_context_data(
            invitation=invitation, valid=valid, token=self.token(), **kwargs
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        invitation = found(selectors.invitation_get(pk=pk))
        try:
            services.invitation_answer(
                invitation=invitation, holder=self.holder(pk), answer=request.POST.get("answer", "")
            )
        except ValidationError as error:
            service_errors(request, error)
        messages.success(request, _("Thank you, your answer has been recorded."))
        return redirect(f"{request.path}?sesame={self.token()}")


class WelfareAnswerView(TokenPageMixin, RuleMixin, TemplateView):
    """The e-mail's link opens the answer it names, to confirm with one button: a GET records
    nothing, so a mail scanner following every link cannot answer "safe" for the student."""

    permission_required = "core.view_public"
    template_name = "students/welfare_answer.html"
    kind = "welfare"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        answer = found(selectors.welfare_answer_get(pk=self.kwargs["pk"]))
        chosen = self.request.GET.get("answer", "")
        return super().get_context_data(answer=answer, token=self.token(), chosen=chosen, **kwargs)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        answer = found(selectors.welfare_answer_get(pk=pk))
        try:
            services.welfare_answer(
                answer=answer, holder=self.holder(answer.pk), value=request.POST.get("answer", "")
            )
        except ValidationError as error:
            service_errors(request, error)
        return redirect(f"{request.path}?{urlencode({'sesame': self.token()})}")


class UnsubscribeView(TokenPageMixin, RuleMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "students/unsubscribe.html"
    kind = "unsubscribe"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        student = found(selectors.student_get(pk=self.kwargs["pk"]))
        if self.holder(student.pk) is None or self.holder(student.pk).pk != student.user_id:
            raise PermissionDenied(_("This link is not valid. Ask the embassy for a new one."))
        active = {
            c.purpose for c in selectors.consents_of(student=student) if c.active and not c.fair_id
        }
        purposes = [
            (p, p.label, p in active)
            for p in (StudentConsent.Purpose.EMBASSY_CONTACT, StudentConsent.Purpose.NEWSLETTER)
        ]
        return super().get_context_data(
            student=student, purposes=purposes, token=self.token(), **kwargs
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        student = found(selectors.student_get(pk=pk))
        holder = self.holder(student.pk)
        if holder is None or holder.pk != student.user_id:
            raise PermissionDenied(_("This link is not valid. Ask the embassy for a new one."))
        purpose = request.POST.get("purpose", "")
        services.consent_withdraw(student=student, purpose=purpose, by=None)
        messages.success(request, _("You will no longer receive these messages."))
        return redirect(f"{request.path}?sesame={self.token()}")


class WelfareListView(RuleMixin, FormView):
    permission_required = "students.operate"
    template_name = "students/welfare_list.html"
    form_class = WelfareForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            checks=page_of(self.request, selectors.welfare_checks()), **kwargs
        )

    def form_valid(self, form: WelfareForm) -> HttpResponse:
        try:
            check = services.welfare_send(
                message=form.cleaned_data["message"], filters=_filters(form.cleaned_data),
                by=self.request.user,
            )  # fmt: skip
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The welfare check has been sent."))
        return redirect("students:welfare", check.pk)


class WelfareDetailView(RuleMixin, TemplateView):
    permission_required = "students.operate"
    template_name = "students/welfare_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        check = found(selectors.welfare_check_get(pk=self.kwargs["pk"]))
        return super().get_context_data(
            check=check, answers=selectors.welfare_answers(check=check), **kwargs
        )
