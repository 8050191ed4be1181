"""Pages for participants: registration, the participants browser, requests, agenda, feedback."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from twinning.events import feeds, selectors, services
from twinning.events.forms import (
    AvailabilityForm,
    FeedbackForm,
    ParticipantFilterForm,
    RegistrationForm,
    RequestForm,
)
from twinning.events.models import MeetingRequest, Registration
from twinning.events.views.base import attempt, back, event_for, refuse_form

PAGE_SIZE = 200


def _own_registration(request: HttpRequest, slug: str) -> Registration:
    event = event_for(request, slug, "events.view_event")
    registration = selectors.registration_of(event=event, user=request.user)
    if registration is None:
        raise Http404
    return registration


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, "events.register")
    form = RegistrationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            request,
            lambda: services.registration_create(
                event=event, user=request.user, **form.cleaned_data
            ),
            _("Thank you for registering."),
        )
        if done:
            return redirect("events:detail", event.slug)
    return render(request, "events/register.html", {"event": event, "form": form})


@login_required
def participant_browser(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, "events.browse_participants")
    viewer = selectors.registration_of(event=event, user=request.user)
    form = ParticipantFilterForm(request.GET or None, event=event)
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
    for person in people:
        person.open_request = open_requests.get(person.pk)  # type: ignore[attr-defined]
    context = {
        "event": event,
        "viewer": viewer,
        "form": form,
        "people": people,
        "priorities": RequestForm.PRIORITIES,
        # A morning or afternoon wish means something only on a day that has both.
        "sessions": (
            MeetingRequest.Session.choices if selectors.day_has_two_sessions(event=event) else []
        ),
    }
    template = "events/participants.html"
    if getattr(request, "htmx", False) and request.htmx.target == "participant-list":
        template = "events/partials/participant_list.html"
    return render(request, template, context)


@login_required
@require_POST
def request_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    requester = _own_registration(request, slug)
    recipient = selectors.registration_get(event=requester.event, pk=pk)
    if recipient is None:
        raise Http404
    form = RequestForm(request.POST)
    if not form.is_valid():
        refuse_form(request, form)
        return back(request, "events:participants", slug)
    attempt(
        request,
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
    return back(request, "events:participants", slug)


@login_required
def my_requests(request: HttpRequest, slug: str) -> HttpResponse:
    registration = _own_registration(request, slug)
    # No scheduler runs periodic jobs, so lapsed requests are expired when someone looks.
    services.requests_expire_due()
    requests = list(selectors.requests_of(registration=registration))
    context = {
        "event": registration.event,
        "registration": registration,
        "received": [r for r in requests if r.recipient_id == registration.pk],
        "sent": [r for r in requests if r.requester_id == registration.pk],
    }
    return render(request, "events/my_requests.html", context)


RESPONSES = {
    "accept": services.request_accept,
    "decline": services.request_decline,
    "cancel": services.request_cancel,
}


@login_required
@require_POST
def request_respond(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    meeting_request = selectors.request_get(pk=pk)
    if meeting_request is None or action not in RESPONSES:
        raise Http404
    service = RESPONSES[action]
    outcome = {
        "accept": _("You accepted the meeting."),
        "decline": _("You declined the meeting."),
        "cancel": _("The request is withdrawn."),
    }[action]
    attempt(request, lambda: service(request=meeting_request, by=request.user), outcome)
    return back(request, "events:my_requests", meeting_request.event.slug)


@login_required
@require_http_methods(["GET", "POST"])
def availability(request: HttpRequest, slug: str) -> HttpResponse:
    registration = _own_registration(request, slug)
    event = registration.event
    initial = {"unavailable": [u.slot_id for u in registration.unavailabilities.all()]}
    form = AvailabilityForm(request.POST or None, event=event, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.unavailability_set(
            registration=registration, by=request.user, slots=form.cleaned_data["unavailable"]
        )
        messages.success(request, _("Your availability is saved."))
        return redirect("events:agenda", slug)
    return render(request, "events/availability.html", {"event": event, "form": form})


def _agenda_context(registration: Registration) -> dict[str, object]:
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
        "version": registration.event.versions.first(),
    }


@login_required
def agenda(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    if pk is None:
        registration = _own_registration(request, slug)
    else:
        event = event_for(request, slug, "events.manage_event")
        registration = get_object_or_404(Registration, event=event, pk=pk)
    if not request.user.has_perm("events.view_agenda", registration):
        raise PermissionDenied
    context = _agenda_context(registration)
    # The tabs are the viewer's own: an operator reading someone's agenda may not be registered.
    context["viewer"] = (
        registration
        if registration.user_id == request.user.pk
        else selectors.registration_of(event=registration.event, user=request.user)
    )
    context["feed_url"] = request.build_absolute_uri(
        reverse("events:feed", args=[registration.feed_token])
    )
    return render(request, "events/agenda.html", context)


def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret link is the credential: calendar apps cannot log in."""
    registration = get_object_or_404(
        Registration.objects.select_related("event", "user"), feed_token=token
    )
    body = feeds.personal_calendar(registration, selectors.agenda(registration=registration))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{registration.event.slug}-agenda.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    registration = _own_registration(request, slug)
    meeting = selectors.meeting_for_feedback(registration=registration, pk=pk)
    if meeting is None or not request.user.has_perm("events.give_feedback", meeting):
        raise Http404
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            request,
            lambda: services.feedback_give(
                meeting=meeting, registration=registration, by=request.user, **form.cleaned_data
            ),
            _("Thank you for your feedback."),
        )
        if done:
            return redirect("events:agenda", slug)
    context = {"event": registration.event, "meeting": meeting, "form": form}
    context["partner"] = meeting.request.other(registration)
    return render(request, "events/feedback.html", context)
