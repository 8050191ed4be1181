"""Operator pages for the day itself: optimiser runs, moves, publication, printing, check-in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from twinning.core.pagination import page_of
from twinning.events import selectors, selectors_brokerage, selectors_day, services
from twinning.events.forms import AfterForm, MoveForm, PublishForm, RunForm, ScheduleFilterForm
from twinning.events.models import Meeting, Registration, ScheduleRun
from twinning.events.views.base import OperatorMixin

# The grid is cut into pages of whole slots (a large day was 400 KB on one page): a slot counts
# as one list row per this many tables.
TABLES_PER_ROW = 2


def grid_weight(tables: list[Any]) -> int:
    return -(-len(tables) // TABLES_PER_ROW)


class ScheduleView(OperatorMixin, TemplateView):
    template_name = "events/manage/schedule.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = self.event
        overview = selectors.schedule_overview(event=event)
        choices = {"people": overview.people, "tables": overview.all_tables}
        choose = ScheduleFilterForm(self.request.GET, **choices)
        chosen = {"participant": None, "table": None}
        if choose.is_valid():
            chosen = {name: choose.cleaned_data[name] for name in chosen}
            overview = overview.narrowed(**chosen)
        context = {
            "event": event,
            "overview": overview,
            "filter_form": choose,
            "filtered": any(value is not None for value in chosen.values()),
            "rows": page_of(self.request, overview.rows, weight=grid_weight(overview.tables)),
            "unplaced": page_of(self.request, overview.unplaced, param="unplaced"),
            "conflicts": list(
                dict.fromkeys(t for texts in overview.conflicts.values() for t in texts)
            ),
            "latest": selectors.latest_run(event=event),
            "run_form": RunForm(),
            "publish_form": PublishForm(),
            "pending": services.pending_count(event),
            "versions": selectors.versions_of(event=event)[:10],
            "repeats": selectors_brokerage.repeat_meetings(event=event, live=overview.meetings),
        }
        return super().get_context_data(**context, **kwargs)


class RunStartView(OperatorMixin, View):
    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = RunForm(request.POST)
        if form.is_valid():
            self.attempt(
                lambda: services.schedule_run_start(
                    event=self.event, by=request.user, **form.cleaned_data
                ),
                _("The optimiser is running."),
            )
        else:
            self.refuse_form(form)
        return redirect("events:schedule", slug)


class RunProgressView(OperatorMixin, View):
    """Polled by htmx while a run works; asks the page to reload once the run has finished."""

    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        run = selectors.run_get(event=self.event, pk=pk)
        if run is None:
            raise Http404
        context = {"event": self.event, "run": run}
        response = render(request, "events/partials/run_progress.html", context)
        Status = ScheduleRun.Status
        finished, working = (Status.DONE, Status.FAILED), (Status.QUEUED, Status.RUNNING)
        if run.status in finished and request.GET.get("was") in working:
            response["HX-Refresh"] = "true"
        return response


class MeetingMixin(OperatorMixin):
    """A meeting of the event the operator manages (404 for another event's)."""

    def get_meeting(self) -> Meeting:
        if not hasattr(self, "_meeting"):
            self._meeting = selectors.meeting_get(event=self.event, pk=self.kwargs["pk"])
        if self._meeting is None:
            raise Http404
        return self._meeting


class MeetingMoveView(MeetingMixin, FormView):
    template_name = "events/manage/move.html"
    form_class = MoveForm

    def get_initial(self) -> dict[str, Any]:
        meeting = self.get_meeting()
        return {"slot": meeting.slot, "table": meeting.table, "interpreter": meeting.interpreter}

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "event": self.event}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        meeting = self.get_meeting()
        after = AfterForm(
            meeting=meeting, initial={"after": list(selectors.meetings_before(meeting=meeting))}
        )
        hints = selectors_day.move_hints(meeting=meeting)
        context = {"event": self.event, "meeting": meeting, "after_form": after, "hints": hints}
        return super().get_context_data(**{"warnings": [], **context, **kwargs})

    def form_valid(self, form: MoveForm) -> HttpResponse:
        try:
            moved = self.attempt(
                lambda: services.meeting_move(
                    meeting=self.get_meeting(), by=self.request.user, **form.cleaned_data
                ),
                _("The meeting is moved and locked."),
            )
        except services.MoveConflict as conflict:
            return self.render_to_response(
                self.get_context_data(form=form, warnings=conflict.warnings)
            )
        if moved is None:
            return self.form_invalid(form)
        return redirect("events:schedule", self.event.slug)


class MeetingAfterView(MeetingMixin, View):
    """The operator sets which meetings must take place before this one."""

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        meeting = self.get_meeting()
        form = AfterForm(request.POST, meeting=meeting)
        if not form.is_valid():
            self.refuse_form(form)
        else:
            self.attempt(
                lambda: services.meeting_set_after(
                    meeting=meeting, after=form.cleaned_data["after"], by=request.user
                ),
                _("The order of meetings is saved."),
            )
        return redirect("events:move", slug, pk)


class MeetingLockView(MeetingMixin, View):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        locked = request.POST.get("locked") == "1"
        self.attempt(
            lambda: services.meeting_lock(
                meeting=self.get_meeting(), by=request.user, locked=locked
            )
        )
        return self.back("events:schedule", slug)


class MeetingCancelView(MeetingMixin, View):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        services.meeting_cancel(meeting=self.get_meeting(), by=request.user)
        messages.success(request, _("The meeting is cancelled. Publish to tell the participants."))
        return self.back("events:schedule", slug)


class MeetingMarkView(MeetingMixin, View):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        held = request.POST.get("held") == "1"
        absent: Registration | None = None
        if request.POST.get("absent"):
            absent = self._registration(request.POST["absent"])
        self.attempt(
            lambda: services.meeting_mark(
                meeting=self.get_meeting(), by=request.user, held=held, absent=absent
            ),
            _("Saved."),
        )
        return self.back("events:schedule", slug)

    def _registration(self, pk: str) -> Registration:
        found = selectors.registration_get(event=self.event, pk=int(pk)) if pk.isdigit() else None
        if found is None:
            raise Http404
        return found


class PublishView(OperatorMixin, View):
    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = PublishForm(request.POST)
        data = form.cleaned_data if form.is_valid() else {}
        try:
            version = services.schedule_publish(
                event=self.event, by=request.user, note=data.get("note", ""),
                confirm_conflicts=data.get("confirm_conflicts", False),
            )  # fmt: skip
        except services.PublishConflict as refused:
            messages.error(
                request,
                ngettext(
                    "Not published: %(count)d conflict needs your confirmation.",
                    "Not published: %(count)d conflicts need your confirmation.",
                    len(refused.conflicts),
                )
                % {"count": len(refused.conflicts)},
            )
            return redirect("events:schedule", slug)
        messages.success(
            request,
            ngettext(
                "Version %(number)d is published; %(people)d participant was told of their "
                "changes.",
                "Version %(number)d is published; %(people)d participants were told of their "
                "changes.",
                version.notified,
            )
            % {"number": version.number, "people": version.notified},
        )
        return redirect("events:schedule", slug)


class PrintAllView(OperatorMixin, TemplateView):
    template_name = "events/manage/print_all.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        agendas = selectors.agendas(event=self.event)
        return super().get_context_data(event=self.event, agendas=agendas, **kwargs)


class CheckInListView(OperatorMixin, TemplateView):
    template_name = "events/manage/check_in.html"

    def get_template_names(self) -> list[str]:
        htmx = getattr(self.request, "htmx", None)
        if htmx and htmx.target == "check-in-list":
            return ["events/partials/check_in_rows.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET.get("q", "").strip()
        people = page_of(self.request, selectors.check_in_list(event=self.event, query=query))
        context = {"event": self.event, "people": people, "query": query}
        return super().get_context_data(**context, **kwargs)


class CheckInTickView(OperatorMixin, View):
    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        registration = selectors.registration_get(event=self.event, pk=pk)
        if registration is None:
            raise Http404
        if request.POST.get("arrived") == "1":
            self.attempt(lambda: services.check_in(registration=registration, by=request.user))
        else:
            services.check_in_undo(registration=registration, by=request.user)
        if getattr(request, "htmx", False):
            person = selectors.check_in_person(event=self.event, pk=pk)
            context = {"event": self.event, "person": person}
            return render(request, "events/partials/check_in_row.html", context)
        return redirect("events:check_in", slug)
