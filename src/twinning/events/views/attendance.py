"""The attendance sheet: who came to the meetings of one slot, or of one participant's day,
ticked for many meetings at once; and a participant marked absent for the whole day."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from twinning.core.views import HtmxPartialMixin
from twinning.events import selectors, selectors_day, services
from twinning.events.forms import AttendanceFilterForm, AttendanceForm
from twinning.events.views.base import OperatorMixin


class AttendanceView(HtmxPartialMixin, OperatorMixin, TemplateView):
    template_name = "events/manage/attendance.html"
    partial_template_name = "events/partials/attendance_sheet.html"

    def sheet_for(self, data: QueryDict) -> dict[str, Any]:
        """The sheet the filter names; with no filter, the slot under way."""
        people = selectors_day.sheet_participants(event=self.event)
        choose = AttendanceFilterForm(data, event=self.event, people=people)
        chosen = choose.cleaned_data if choose.is_valid() else {}
        slot, participant = chosen.get("slot"), chosen.get("participant")
        if slot is None and participant is None:
            slot = selectors_day.slot_under_way(event=self.event)
        rows = selectors_day.attendance_sheet(event=self.event, slot=slot, participant=participant)
        if not choose.is_bound or not choose.is_valid():
            choose = AttendanceFilterForm(initial={"slot": slot}, event=self.event, people=people)
        return {
            "event": self.event,
            "rows": rows,
            "slot": slot,
            "participant": participant,
            "filter_form": choose,
            "form": AttendanceForm(meetings=[row.meeting for row in rows]),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = kwargs.pop("data", self.request.GET)
        return super().get_context_data(**self.sheet_for(data), **kwargs)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        rows = self.sheet_for(request.POST)["rows"]
        form = AttendanceForm(request.POST, meetings=[row.meeting for row in rows])
        if not form.is_valid():
            self.refuse_form(form)
        else:
            self.attempt(
                lambda: services.attendance_record(
                    event=self.event, by=request.user, sheet=form.sheet()
                ),
                _("The attendance sheet is saved."),
            )
        return self.again(request)

    def again(self, request: HttpRequest) -> HttpResponse:
        """Back to the same sheet: htmx swaps it in place, a plain form follows a redirect."""
        if getattr(request, "htmx", False):
            return self.render_to_response(self.get_context_data(data=request.POST))
        return redirect(sheet_url(self.event.slug, request.POST))


def sheet_url(slug: str, data: QueryDict) -> str:
    query = QueryDict(mutable=True)
    for name in ("slot", "participant"):
        if data.get(name):
            query[name] = data[name]
    url = reverse("events:attendance", args=[slug])
    return f"{url}?{query.urlencode()}" if query else url


class ParticipantAbsentView(OperatorMixin, View):
    """Everything of theirs on the day is marked: they did not come."""

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        registration = selectors.registration_get(event=self.event, pk=pk)
        if registration is None:
            raise Http404
        changed = self.attempt(
            lambda: services.participant_absent(registration=registration, by=request.user)
        )
        if changed is not None:
            messages.success(
                request,
                ngettext(
                    "%(name)s is marked absent from %(count)d meeting.",
                    "%(name)s is marked absent from %(count)d meetings.",
                    changed,
                )
                % {"name": registration.display_name, "count": changed},
            )
        return redirect(sheet_url(slug, QueryDict(f"participant={pk}")))
