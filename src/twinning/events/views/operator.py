"""Operator pages: creating an event, approvals and invitations, the brokerage set-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.pagination import page_of
from twinning.events import selectors, services
from twinning.events.forms import (
    EventForm,
    GridForm,
    InterpreterForm,
    InvitationForm,
    TableForm,
    TablesForm,
)
from twinning.events.models import Event
from twinning.events.views.base import MANAGE, OperatorMixin
from twinning.programmes.selectors import programme_default


class EventCreateView(PermissionRequiredMixin, FormView):
    permission_required = MANAGE
    template_name = "events/manage/event_form.html"
    form_class = EventForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=None, **kwargs)

    def form_valid(self, form: EventForm) -> HttpResponse:
        programme = programme_default()
        if programme is None:
            form.add_error(
                None,
                _("No programme has been set up yet. An operator can create one in the admin."),
            )
            return self.form_invalid(form)
        try:
            event = services.event_create(
                programme=programme, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The event is created. Now set up the day."))
        return redirect("events:manage", event.slug)


class EventEditView(OperatorMixin, FormView):
    template_name = "events/manage/event_form.html"
    form_class = EventForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.event}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.event, **kwargs)

    def form_valid(self, form: EventForm) -> HttpResponse:
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.event_update(event=self.event, by=self.request.user, **fields)
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("events:manage", self.event.slug)


class ManageView(OperatorMixin, TemplateView):
    template_name = "events/manage/manage.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = self.event
        context = {
            "event": event,
            "counts": selectors.event_counts(event=event),
            "registrations": page_of(self.request, selectors.registrations_to_manage(event=event)),
            "invitations": page_of(
                self.request, selectors.invitations_of(event=event), param="invitations"
            ),
            "invitation_form": InvitationForm(),
        }
        return super().get_context_data(**context, **kwargs)


class ObjectActionView(OperatorMixin, View):
    """A button on an operator's page: `action` in the URL names one of `actions`' services."""

    actions: dict[str, Callable[..., Any]] = {}
    fallback = "events:manage"

    def post(self, request: HttpRequest, slug: str, action: str, **kwargs: Any) -> HttpResponse:
        service = self.actions.get(action)
        if service is None:
            raise Http404
        self.attempt(lambda: service(**self.arguments(**kwargs), by=request.user), _("Saved."))
        return self.back(self.fallback, slug)

    def arguments(self, **kwargs: Any) -> dict[str, Any]:
        return {"event": self.event}


class EventStateView(ObjectActionView):
    actions = {"publish": services.event_publish, "cancel": services.event_cancel}


class RegistrationDecideView(ObjectActionView):
    actions = {"approve": services.registration_approve, "reject": services.registration_reject}

    def arguments(self, *, pk: int) -> dict[str, Any]:
        registration = selectors.registration_get(event=self.event, pk=pk)
        if registration is None:
            raise Http404
        return {"registration": registration}


class InvitationSendView(OperatorMixin, View):
    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = InvitationForm(request.POST)
        if form.is_valid():
            services.invitation_send(event=self.event, by=request.user, **form.cleaned_data)
            messages.success(request, _("The invitation is on its way."))
        else:
            messages.error(request, _("Please give a valid e-mail address."))
        return redirect("events:manage", slug)


def _grid_initial(event: Event) -> dict[str, object]:
    grid = getattr(event, "grid", None)
    if grid is None:
        return {"day": event.starts_on}
    names = ("day", "morning_start", "morning_end", "afternoon_start", "afternoon_end")
    names += ("meeting_minutes", "changeover_minutes")
    return {name: getattr(grid, name) for name in names}


class SetupView(OperatorMixin, TemplateView):
    template_name = "events/manage/setup.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = self.event
        tables = list(selectors.tables_of(event=event))
        context = {
            "event": event,
            "grid_form": GridForm(initial=_grid_initial(event)),
            "tables_form": TablesForm(initial={"count": len(tables) or 10}),
            "interpreter_form": InterpreterForm(event=event),
            "slots": selectors.slots_of(event=event),
            "tables": tables,
            "interpreters": selectors.interpreters_of(event=event),
            "hosts": list(selectors.table_hosts(event=event)),
        }
        return super().get_context_data(**context, **kwargs)


class GridSaveView(OperatorMixin, View):
    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = GridForm(request.POST)
        if not form.is_valid():
            self.refuse_form(form)
            return redirect("events:setup", slug)
        data = form.cleaned_data
        afternoon = (
            (data["afternoon_start"], data["afternoon_end"]) if data["afternoon_start"] else None
        )
        slots = self.attempt(
            lambda: services.grid_generate(
                event=self.event,
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


class TablesSaveView(OperatorMixin, View):
    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = TablesForm(request.POST)
        if form.is_valid():
            self.attempt(
                lambda: services.tables_set_count(
                    event=self.event, by=request.user, count=form.cleaned_data["count"]
                ),
                _("Saved."),
            )
        else:
            self.refuse_form(form)
        return redirect("events:setup", slug)


class TableSaveView(OperatorMixin, View):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        table = selectors.table_get(event=self.event, pk=pk)
        if table is None:
            raise Http404
        form = TableForm(request.POST, event=self.event)
        if form.is_valid():
            self.attempt(
                lambda: services.table_update(table=table, by=request.user, **form.cleaned_data),
                _("Saved."),
            )
        else:
            self.refuse_form(form)
        return self.back("events:setup", slug)


class InterpreterSaveView(OperatorMixin, View):
    invalid = gettext_lazy("An interpreter needs a name and at least two languages.")

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = InterpreterForm(request.POST, event=self.event)
        if form.is_valid():
            self.attempt(
                lambda: services.interpreter_add(
                    event=self.event, by=request.user, **form.cleaned_data
                ),
                _("Saved."),
            )
        else:
            messages.error(request, str(self.invalid))
        return redirect("events:setup", slug)


class InterpreterDeleteView(OperatorMixin, View):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        interpreter = selectors.interpreter_get(event=self.event, pk=pk)
        if interpreter is None:
            raise Http404
        services.interpreter_remove(interpreter=interpreter, by=request.user)
        return self.back("events:setup", slug)
