"""Pages for participants: registration, the participants browser, requests, agenda, feedback."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.views import ServiceCallMixin
from twinning.events import feeds, selectors, selectors_brokerage, services
from twinning.events.forms import (
    AvailabilityForm,
    FeedbackForm,
    ParticipantFilterForm,
    RegistrationForm,
    RequestForm,
)
from twinning.events.models import MeetingRequest, Registration
from twinning.events.views.base import MANAGE, EventMixin, OwnRegistrationMixin

PAGE_SIZE = 200


class RegisterView(LoginRequiredMixin, EventMixin, FormView):
    permission_required = "events.register"
    template_name = "events/register.html"
    form_class = RegistrationForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.event, **kwargs)

    def form_valid(self, form: RegistrationForm) -> HttpResponse:
        try:
            services.registration_create(
                event=self.event, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you for registering."))
        return redirect("events:detail", self.event.slug)


class ParticipantBrowserView(LoginRequiredMixin, EventMixin, TemplateView):
    permission_required = "events.browse_participants"
    template_name = "events/participants.html"

    def get_template_names(self) -> list[str]:
        htmx = getattr(self.request, "htmx", None)
        if htmx and htmx.target == "participant-list":
            return ["events/partials/participant_list.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = self.event
        viewer = selectors.registration_of(event=event, user=self.request.user)
        form = ParticipantFilterForm(self.request.GET or None, event=event)
        filters = selectors.ParticipantFilter()
        if form.is_valid():
            data = form.cleaned_data
            filters = selectors.ParticipantFilter(
                query=data["q"], side=data["side"], sector=data["sector"], language=data["language"]
            )
        people = selectors.rank_participants(
            list(selectors.participants(event=event, viewer=viewer, filters=filters)),
            viewer,
            selectors.matches_for(registration=viewer),
        )[:PAGE_SIZE]
        open_requests = selectors.open_partners(registration=viewer) if viewer else {}
        met = (
            selectors_brokerage.met_before_map(registration=viewer, others=people) if viewer else {}
        )
        for person in people:
            person.open_request = open_requests.get(person.pk)  # type: ignore[attr-defined]
            person.met_before = met.get(person.pk)  # type: ignore[attr-defined]
        context = {
            "event": event,
            "viewer": viewer,
            "form": form,
            "people": people,
            "priorities": RequestForm.PRIORITIES,
            # A morning or afternoon wish means something only on a day that has both.
            "sessions": (
                MeetingRequest.Session.choices
                if selectors.day_has_two_sessions(event=event)
                else []
            ),
        }
        return super().get_context_data(**context, **kwargs)


class RequestCreateView(OwnRegistrationMixin, View):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        requester = self.get_registration()
        recipient = selectors.registration_get(event=self.event, pk=pk)
        if recipient is None:
            raise Http404
        form = RequestForm(request.POST)
        if not form.is_valid():
            self.refuse_form(form)
            return self.back("events:participants", slug)
        self.attempt(
            lambda: services.request_create(
                requester=requester,
                recipient=recipient,
                by=request.user,
                message=form.cleaned_data["message"],
                priority=form.cleaned_data["priority"],
                session=form.cleaned_data["session"],
            ),
            _("Your request has been sent to %(name)s.") % {"name": recipient.display_name},
        )
        return self.back("events:participants", slug)


class MyRequestsView(OwnRegistrationMixin, TemplateView):
    template_name = "events/my_requests.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        registration = self.get_registration()
        requests = list(selectors.requests_shown(registration=registration))
        met = selectors_brokerage.met_before_map(
            registration=registration, others=[r.other(registration) for r in requests]
        )
        for r in requests:
            r.met_before = met.get(r.other(registration).pk)  # type: ignore[attr-defined]
        context = {
            "registration": registration,
            "received": [r for r in requests if r.recipient_id == registration.pk],
            "sent": [r for r in requests if r.requester_id == registration.pk],
        }
        return super().get_context_data(**context, **kwargs)


class RequestRespondView(ServiceCallMixin, LoginRequiredMixin, View):
    """Accept, decline or withdraw; the service checks the rule (403 for anyone else)."""

    actions = {
        "accept": (services.request_accept, gettext_lazy("You accepted the meeting.")),
        "decline": (services.request_decline, gettext_lazy("You declined the meeting.")),
        "cancel": (services.request_cancel, gettext_lazy("The request is withdrawn.")),
    }

    def post(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        meeting_request = selectors.request_get(pk=pk)
        if meeting_request is None or action not in self.actions:
            raise Http404
        service, outcome = self.actions[action]
        self.attempt(lambda: service(request=meeting_request, by=request.user), outcome)
        return self.back("events:my_requests", meeting_request.event.slug)


class AvailabilityView(OwnRegistrationMixin, FormView):
    template_name = "events/availability.html"
    form_class = AvailabilityForm

    def get_initial(self) -> dict[str, Any]:
        return {"unavailable": selectors.unavailable_slot_ids(registration=self.get_registration())}

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "event": self.event}

    def form_valid(self, form: AvailabilityForm) -> HttpResponse:
        services.unavailability_set(
            registration=self.get_registration(),
            by=self.request.user,
            slots=form.cleaned_data["unavailable"],
        )
        messages.success(self.request, _("Your availability is saved."))
        return redirect("events:agenda", self.event.slug)


def agenda_context(registration: Registration) -> dict[str, object]:
    meetings = list(selectors.agenda(registration=registration))
    for meeting in meetings:
        meeting.feedback_open = registration.user.has_perm(  # type: ignore[attr-defined]
            "events.give_feedback", meeting
        )
    return {
        "event": registration.event,
        "registration": registration,
        "meetings": meetings,
        "other_zone": registration.time_zone != registration.event.time_zone,
        "version": selectors.version_latest(event=registration.event),
        "awaiting": selectors.meetings_awaiting_schedule(registration=registration),
    }


class AgendaView(OwnRegistrationMixin, TemplateView):
    """The visitor's own agenda, or (for an operator, with `pk`) someone else's."""

    template_name = "events/agenda.html"

    def get_permission_required(self) -> tuple[str, ...]:
        return (MANAGE,) if "pk" in self.kwargs else super().get_permission_required()

    def get_registration(self) -> Registration:
        if "pk" not in self.kwargs:
            return super().get_registration()
        registration = selectors.registration_get(event=self.event, pk=self.kwargs["pk"])
        if registration is None:
            raise Http404
        return registration

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        registration = self.get_registration()
        if not self.request.user.has_perm("events.view_agenda", registration):
            raise PermissionDenied
        context = agenda_context(registration)
        # The tabs are the viewer's own: an operator reading someone's agenda may not be registered.
        context["viewer"] = (
            registration
            if registration.user_id == self.request.user.pk
            else selectors.registration_of(event=registration.event, user=self.request.user)
        )
        context["feed_url"] = self.request.build_absolute_uri(
            reverse("events:feed", args=[registration.feed_token])
        )
        context["webcal_url"] = "webcal://" + context["feed_url"].split("://", 1)[1]
        return super().get_context_data(**context, **kwargs)


class PersonalFeedView(PermissionRequiredMixin, View):
    """The secret link is the credential: calendar apps cannot log in. The feed speaks the
    participant's language, not the calendar app's Accept-Language."""

    permission_required = "core.view_public"

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        registration = selectors.registration_by_feed_token(token=token)
        if registration is None:
            raise Http404
        meetings = selectors.agenda(registration=registration)
        with translation.override(registration.user.language or settings.LANGUAGE_CODE):
            body = feeds.personal_calendar(registration, meetings)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        filename = f"{registration.event.slug}-agenda.ics"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        response["Cache-Control"] = "private, max-age=300"
        return response


class FeedResetView(OwnRegistrationMixin, View):
    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        services.registration_feed_reset(registration=self.get_registration(), by=request.user)
        messages.success(
            request,
            _(
                "Your calendar link is replaced: subscribe to the new one; "
                "the old one no longer works."
            ),
        )
        return redirect("events:agenda", slug)


class FeedbackView(OwnRegistrationMixin, FormView):
    template_name = "events/feedback.html"
    form_class = FeedbackForm

    def get_meeting(self) -> Any:
        meeting = selectors.meeting_for_feedback(
            registration=self.get_registration(), pk=self.kwargs["pk"]
        )
        if meeting is None or not self.request.user.has_perm("events.give_feedback", meeting):
            raise Http404
        return meeting

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        meeting = self.get_meeting()
        partner = meeting.request.other(self.get_registration())
        return super().get_context_data(meeting=meeting, partner=partner, **kwargs)

    def form_valid(self, form: FeedbackForm) -> HttpResponse:
        try:
            services.feedback_give(
                meeting=self.get_meeting(),
                registration=self.get_registration(),
                by=self.request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you for your feedback."))
        return redirect("events:agenda", self.event.slug)
