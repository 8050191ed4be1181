"""Operator pages: creating an event, approvals and invitations, the brokerage set-up."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from twinning.events import selectors, services
from twinning.events.forms import (
    EventForm,
    GridForm,
    InterpreterForm,
    InvitationForm,
    TableForm,
    TablesForm,
)
from twinning.events.models import Interpreter, Registration, Table
from twinning.events.views.base import attempt, back, event_for, refuse_form
from twinning.programmes.selectors import programme_default

MANAGE = "events.manage_event"


@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    form = EventForm(request.POST or None)
    programme = programme_default()
    if request.method == "POST" and form.is_valid() and programme is not None:
        event = attempt(
            request,
            lambda: services.event_create(
                programme=programme, by=request.user, **form.cleaned_data
            ),
            _("The event is created. Now set up the day."),
        )
        if event:
            return redirect("events:manage", event.slug)
    return render(request, "events/manage/event_form.html", {"form": form, "event": None})


@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        if attempt(
            request,
            lambda: services.event_update(event=event, by=request.user, **fields),
            _("Saved."),
        ):
            return redirect("events:manage", slug)
    return render(request, "events/manage/event_form.html", {"form": form, "event": event})


def manage(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    context = {
        "event": event,
        "counts": selectors.event_counts(event=event),
        "registrations": selectors.registrations(event=event).order_by("status", "created_at"),
        "invitations": event.invitations.order_by("-created_at"),
        "invitation_form": InvitationForm(),
    }
    return render(request, "events/manage/manage.html", context)


STATE_ACTIONS = {
    "publish": services.event_publish,
    "cancel": services.event_cancel,
}


@require_POST
def event_state(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    if action not in STATE_ACTIONS:
        raise PermissionDenied
    STATE_ACTIONS[action](event=event, by=request.user)
    messages.success(request, _("Saved."))
    return redirect("events:manage", slug)


REGISTRATION_ACTIONS = {
    "approve": services.registration_approve,
    "reject": services.registration_reject,
}


@require_POST
def registration_decide(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    registration = get_object_or_404(Registration, event=event, pk=pk)
    service = REGISTRATION_ACTIONS.get(action)
    if service is None:
        raise PermissionDenied
    attempt(request, lambda: service(registration=registration, by=request.user), _("Saved."))
    return back(request, "events:manage", slug)


@require_POST
def invitation_send(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    form = InvitationForm(request.POST)
    if form.is_valid():
        services.invitation_send(event=event, by=request.user, **form.cleaned_data)
        messages.success(request, _("The invitation is on its way."))
    else:
        messages.error(request, _("Please give a valid e-mail address."))
    return redirect("events:manage", slug)


def _grid_initial(event: object) -> dict[str, object]:
    grid = getattr(event, "grid", None)
    if grid is None:
        return {"day": getattr(event, "starts_on", None)}
    return {
        "day": grid.day,
        "morning_start": grid.morning_start,
        "morning_end": grid.morning_end,
        "afternoon_start": grid.afternoon_start,
        "afternoon_end": grid.afternoon_end,
        "meeting_minutes": grid.meeting_minutes,
        "changeover_minutes": grid.changeover_minutes,
    }


def setup(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    context = {
        "event": event,
        "grid_form": GridForm(initial=_grid_initial(event)),
        "tables_form": TablesForm(initial={"count": event.tables.count() or 10}),
        "interpreter_form": InterpreterForm(event=event),
        "slots": event.slots.order_by("number"),
        "tables": event.tables.select_related("host__user").order_by("number"),
        "interpreters": event.interpreters.prefetch_related("unavailable_slots"),
        "hosts": list(TableForm(event=event).fields["host"].queryset),
    }
    return render(request, "events/manage/setup.html", context)


@require_POST
def grid_save(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    form = GridForm(request.POST)
    if not form.is_valid():
        refuse_form(request, form)
        return redirect("events:setup", slug)
    data = form.cleaned_data
    afternoon = (
        (data["afternoon_start"], data["afternoon_end"]) if data["afternoon_start"] else None
    )
    slots = attempt(
        request,
        lambda: services.grid_generate(
            event=event,
            by=request.user,
            day=data["day"],
            morning=(data["morning_start"], data["morning_end"]),
            afternoon=afternoon,
            meeting_minutes=data["meeting_minutes"],
            changeover_minutes=data["changeover_minutes"],
        ),
    )
    if slots:
        messages.success(
            request,
            ngettext("%(count)d slot generated.", "%(count)d slots generated.", len(slots))
            % {"count": len(slots)},
        )
    return redirect("events:setup", slug)


@require_POST
def tables_save(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    form = TablesForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.tables_set_count(
                event=event, by=request.user, count=form.cleaned_data["count"]
            ),
            _("Saved."),
        )
    return redirect("events:setup", slug)


@require_POST
def table_save(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    table = get_object_or_404(Table, event=event, pk=pk)
    form = TableForm(request.POST, event=event)
    if form.is_valid():
        attempt(
            request,
            lambda: services.table_update(table=table, by=request.user, **form.cleaned_data),
            _("Saved."),
        )
    return back(request, "events:setup", slug)


@require_POST
def interpreter_save(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    form = InterpreterForm(request.POST, event=event)
    if form.is_valid():
        attempt(
            request,
            lambda: services.interpreter_add(event=event, by=request.user, **form.cleaned_data),
            _("Saved."),
        )
    else:
        messages.error(request, _("An interpreter needs a name and at least two languages."))
    return redirect("events:setup", slug)


@require_POST
def interpreter_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = event_for(request, slug, MANAGE)
    interpreter = get_object_or_404(Interpreter, event=event, pk=pk)
    services.interpreter_remove(interpreter=interpreter, by=request.user)
    return back(request, "events:setup", slug)
