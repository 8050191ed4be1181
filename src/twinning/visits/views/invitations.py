"""Proposed attendees, invitations, and the invitee's answer."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, View

from twinning.core.views import UrlObjectMixin
from twinning.visits import selectors, services
from twinning.visits.forms import AnswerForm, GuestForm, InviteForm
from twinning.visits.models import Attendee, Visit
from twinning.visits.proposing import proposals_in_words
from twinning.visits.views.base import EDIT, VIEW, PageMixin, PostedFormMixin, SessionMixin


class ProposalsView(SessionMixin, PostedFormMixin, FormView):
    permission_required = EDIT
    http_method_names = ["get", "post"]
    template_name = "visits/proposals.html"
    form_class = InviteForm

    @cached_property
    def rows(self) -> list[Any]:
        return list(selectors.proposals(session=self.session))

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "proposals": self.rows}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        session = self.session
        invited = {a.person.organisation_id for a in selectors.attendees(session=session)}
        context = {
            "visit": session.visit,
            "session": session,
            "rows": proposals_in_words(self.rows),
            "invited": invited,
            "guest_form": GuestForm(),
            "attendees": selectors.attendees(session=session),
        }
        return super().get_context_data(**context, **kwargs)

    def form_valid(self, form: InviteForm) -> HttpResponse:
        invited = self.attempt(
            lambda: services.attendees_invite(
                session=self.session, by=self.request.user, organisations=form.chosen()
            ),
        )
        if invited is None:
            return self.form_invalid(form)
        count = len(invited)
        messages.success(
            self.request,
            ngettext("%(count)s invitation sent.", "%(count)s invitations sent.", count)
            % {"count": count},
        )
        return redirect("visits:proposals", self.kwargs["slug"], self.kwargs["pk"])


class ProposalsComputeView(SessionMixin, View):
    permission_required = EDIT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        found = services.proposals_compute(session=self.session, by=request.user)
        if not found:
            messages.warning(request, _("No organisation of the host side fits this session yet."))
        return redirect("visits:proposals", slug, pk)


class GuestInviteView(SessionMixin, View):
    permission_required = EDIT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        form = GuestForm(request.POST)
        if not form.is_valid():
            self.refuse_form_with_labels(form)
            return redirect("visits:proposals", slug, pk)
        data = form.cleaned_data
        self.attempt(
            lambda: services.guest_invite(session=self.session, by=request.user, **data),
            _("Invitation sent."),
        )
        return redirect("visits:proposals", slug, pk)


class AttendeeWithdrawView(SessionMixin, View):
    permission_required = EDIT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int, attendee: int) -> HttpResponse:
        found = selectors.attendee_get(session=self.session, pk=attendee)
        if found is None:
            raise Http404
        self.attempt(
            lambda: services.attendee_withdraw(attendee=found, by=request.user),
            _("The invitation is withdrawn."),
        )
        return redirect("visits:proposals", slug, pk)


class RsvpView(PageMixin, UrlObjectMixin, PostedFormMixin, FormView):
    """The invitee's answer. The link finds the invitation (404 if none); a signed-out visitor
    is asked to sign in; whoever may not see the visit is told it does not exist (404); only the
    invitee's account answers, and only the invitee's person sees the page (403)."""

    permission_required = VIEW
    raise_exception = False
    http_method_names = ["get", "post"]
    template_name = "visits/rsvp.html"
    form_class = AnswerForm

    def find_object(self) -> Attendee | None:
        return selectors.attendee_by_token(token=self.kwargs["token"])

    @property
    def attendee(self) -> Attendee:
        return self.get_object()  # type: ignore[no-any-return]

    def get_permission_object(self) -> Visit:
        return self.attendee.session.visit

    @cached_property
    def can_answer(self) -> bool:
        return self.request.user.has_perm("visits.answer_invitation", self.attendee)

    def has_permission(self) -> bool:
        attendee = self.attendee
        if not self.request.user.is_authenticated:
            return False
        if not super().has_permission():
            raise Http404
        return self.can_answer or attendee.person.user_id == self.request.user.pk

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        attendee = self.attendee
        context = {
            "attendee": attendee,
            "session": attendee.session,
            "visit": attendee.session.visit,
            "times": selectors.session_times(session=attendee.session),
            "can_answer": self.can_answer,
        }
        return super().get_context_data(**context, **kwargs)

    def form_valid(self, form: AnswerForm) -> HttpResponse:
        if not self.can_answer:
            return self.form_invalid(form)
        answered = self.attempt(
            lambda: services.attendee_answer(
                attendee=self.attendee,
                by=self.request.user,
                attending=form.cleaned_data["attending"],
            ),
        )
        if answered is None:
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you: your answer is recorded."))
        return redirect("visits:rsvp", self.kwargs["token"])
