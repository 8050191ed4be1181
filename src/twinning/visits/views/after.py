"""After the visit: attendance and outcomes per session, follow-ups to the guests."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from twinning.core.site import site_url
from twinning.visits import selectors, services
from twinning.visits.forms import AttendanceForm, FollowUpForm, OutcomeForm
from twinning.visits.tasks import send_follow_ups
from twinning.visits.views.base import attempt_form, session_for, visit_for

RECORD = "visits.record_outcomes"


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, RECORD)
    guests = list(selectors.guests_who_said_yes(session=session))
    form = AttendanceForm(request.POST or None, guests=guests)
    if request.method == "POST" and form.is_valid():
        present = [int(pk) for pk in form.cleaned_data["present"]]
        came = services.attendance_record(session=session, by=request.user, present=present)
        messages.success(request, _("Attendance saved: %(count)s came.") % {"count": came})
        return redirect("visits:attendance", slug, pk)
    context = {
        "visit": session.visit,
        "session": session,
        "form": form,
        "outcome_form": OutcomeForm(session=session),
        "outcomes": selectors.outcomes(session=session),
        "register_outcomes": selectors.register_outcomes(session=session),
    }
    return render(request, "visits/attendance.html", context)


@require_POST
def outcome_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, RECORD)
    form = OutcomeForm(request.POST, session=session)
    if form.is_valid() and attempt_form(
        form, lambda: services.outcome_record(session=session, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Outcome recorded."))
        return redirect("visits:attendance", slug, pk)
    context = {
        "visit": session.visit,
        "session": session,
        "form": AttendanceForm(guests=list(selectors.guests_who_said_yes(session=session))),
        "outcome_form": form,
        "outcomes": selectors.outcomes(session=session),
        "register_outcomes": selectors.register_outcomes(session=session),
    }
    return render(request, "visits/attendance.html", context, status=400)


@require_POST
def follow_ups_send(request: HttpRequest, slug: str) -> HttpResponse:
    visit = visit_for(request, slug, "visits.send_follow_ups")
    send_follow_ups.enqueue(visit_slug=visit.slug, by_id=request.user.pk, site=site_url())
    messages.success(request, _("The follow-ups are on their way to the guests."))
    return redirect("visits:report", slug)


@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.follow_up_by_token(token=token)
    if found is None:
        raise Http404
    if not request.user.has_perm("visits.answer_follow_up", found.attendee):
        raise Http404
    form = FollowUpForm(request.POST or None, initial={"answer": found.answer})
    if request.method == "POST" and form.is_valid():
        done = attempt_form(
            form,
            lambda: services.follow_up_answer(
                follow_up=found, by=request.user, answer=form.cleaned_data["answer"]
            ),
        )
        if done is not None:
            messages.success(request, _("Thank you: your answer is recorded."))
            return redirect("visits:follow_up", token)
    context = {"follow_up": found, "session": found.attendee.session, "form": form}
    return render(request, "visits/follow_up.html", context)
