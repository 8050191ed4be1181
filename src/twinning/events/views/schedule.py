"""Operator pages for the day itself: optimiser runs, moves, publication, printing, check-in."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from twinning.events import selectors, services
from twinning.events.forms import AfterForm, MoveForm, PublishForm, RunForm
from twinning.events.models import Meeting, Registration
from twinning.events.views.base import attempt, back, event_for, refuse_form

MANAGE = "events.manage_event"


def schedule(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    overview = selectors.schedule_overview(event=event)
    context = {
        "event": event,
        "overview": overview,
        "latest": selectors.latest_run(event=event),
        "run_form": RunForm(),
        "publish_form": PublishForm(),
        "pending": len(services.pending_changes(event)),
        "versions": event.versions.all()[:10],
    }
    return render(request, "events/manage/schedule.html", context)


@require_POST
def run_start(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    form = RunForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.schedule_run_start(event=event, by=request.user, **form.cleaned_data),
            _("The optimiser is running."),
        )
    return redirect("events:schedule", slug)


def run_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Polled by htmx while a run works; asks the page to reload once the run has finished."""
    event = event_for(request, slug, MANAGE)
    run = selectors.run_get(event=event, pk=pk)
    if run is None:
        raise Http404
    response = render(request, "events/partials/run_progress.html", {"event": event, "run": run})
    if run.status in ("done", "failed") and request.GET.get("was") in ("queued", "running"):
        response["HX-Refresh"] = "true"
    return response


def _meeting(request: HttpRequest, slug: str, pk: int) -> Meeting:
    """A meeting of the event the operator manages (404 for another event's)."""
    meeting = selectors.meeting_get(event=event_for(request, slug, MANAGE), pk=pk)
    if meeting is None:
        raise Http404
    return meeting


@require_http_methods(["GET", "POST"])
def meeting_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    event = meeting.event
    initial = {"slot": meeting.slot, "table": meeting.table, "interpreter": meeting.interpreter}
    form = MoveForm(request.POST or None, event=event, initial=initial)
    warnings: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            moved = attempt(
                request,
                lambda: services.meeting_move(
                    meeting=meeting, by=request.user, **form.cleaned_data
                ),
                _("The meeting is moved and locked."),
            )
        except services.MoveConflict as conflict:
            warnings, moved = conflict.warnings, None
        if moved is not None:
            return redirect("events:schedule", slug)
    after = AfterForm(
        meeting=meeting, initial={"after": list(selectors.meetings_before(meeting=meeting))}
    )
    context = {
        "event": event,
        "meeting": meeting,
        "form": form,
        "warnings": warnings,
        "after_form": after,
    }
    return render(request, "events/manage/move.html", context)


@require_POST
def meeting_after(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The operator sets which meetings must take place before this one."""
    meeting = _meeting(request, slug, pk)
    form = AfterForm(request.POST, meeting=meeting)
    if not form.is_valid():
        refuse_form(request, form)
    else:
        attempt(
            request,
            lambda: services.meeting_set_after(
                meeting=meeting, after=form.cleaned_data["after"], by=request.user
            ),
            _("The order of meetings is saved."),
        )
    return redirect("events:move", slug, pk)


@require_POST
def meeting_lock(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    locked = request.POST.get("locked") == "1"
    attempt(request, lambda: services.meeting_lock(meeting=meeting, by=request.user, locked=locked))
    return back(request, "events:schedule", slug)


@require_POST
def meeting_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    services.meeting_cancel(meeting=meeting, by=request.user)
    messages.success(request, _("The meeting is cancelled. Publish to tell the participants."))
    return back(request, "events:schedule", slug)


@require_POST
def meeting_mark(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    event = meeting.event
    held = request.POST.get("held") == "1"
    absent = None
    if request.POST.get("absent"):
        absent = get_object_or_404(Registration, event=event, pk=request.POST["absent"])
    attempt(
        request,
        lambda: services.meeting_mark(meeting=meeting, by=request.user, held=held, absent=absent),
        _("Saved."),
    )
    return back(request, "events:schedule", slug)


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    form = PublishForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    version = services.schedule_publish(event=event, by=request.user, note=note)
    messages.success(
        request,
        ngettext(
            "Version %(number)d is published; %(people)d participant was told of their changes.",
            "Version %(number)d is published; %(people)d participants were told of their changes.",
            version.notified,
        )
        % {"number": version.number, "people": version.notified},
    )
    return redirect("events:schedule", slug)


def print_all(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    context = {"event": event, "agendas": selectors.agendas(event=event)}
    return render(request, "events/manage/print_all.html", context)


def check_in_list(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    query = request.GET.get("q", "").strip()
    people = selectors.check_in_list(event=event, query=query)
    context = {"event": event, "people": people, "query": query}
    template = "events/manage/check_in.html"
    if getattr(request, "htmx", False) and request.htmx.target == "check-in-list":
        template = "events/partials/check_in_rows.html"
    return render(request, template, context)


@require_POST
def check_in_tick(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    registration = get_object_or_404(Registration, event=event, pk=pk)
    if request.POST.get("arrived") == "1":
        attempt(request, lambda: services.check_in(registration=registration, by=request.user))
    else:
        services.check_in_undo(registration=registration, by=request.user)
    if getattr(request, "htmx", False):
        person = selectors.check_in_list(event=event).get(pk=pk)
        return render(
            request, "events/partials/check_in_row.html", {"event": event, "person": person}
        )
    return redirect("events:check_in", slug)
