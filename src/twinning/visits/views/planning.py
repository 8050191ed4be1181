"""Pages for planning a visit: the list, the visit and its people, venues, sessions, publishing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from twinning.core.pagination import page_of
from twinning.programmes.selectors import programme_default
from twinning.visits import selectors, services
from twinning.visits.forms import (
    InterpreterForm,
    PersonForm,
    PublishForm,
    SessionForm,
    TravelTimeForm,
    VenueForm,
    VisitForm,
)
from twinning.visits.views.base import attempt, attempt_form, session_for, visit_for

EDIT = "visits.edit_itinerary"


def visit_list(request: HttpRequest) -> HttpResponse:
    visits = page_of(request, selectors.visits_visible(user=request.user))
    return render(request, "visits/visit_list.html", {"visits": visits})


@require_http_methods(["GET", "POST"])
def visit_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("visits.create_visit"):
        raise PermissionDenied
    form = VisitForm(request.POST or None)
    programme = programme_default()
    if request.method == "POST" and form.is_valid() and programme is not None:
        visit = attempt_form(
            form,
            lambda: services.visit_create(
                programme=programme, by=request.user, **form.cleaned_data
            ),
        )
        if visit is not None:
            messages.success(request, _("The visit is created. Now add the delegation."))
            return redirect("visits:detail", visit.slug)
    return render(request, "visits/visit_form.html", {"form": form, "visit": None})


@require_http_methods(["GET", "POST"])
def visit_edit(request: HttpRequest, slug: str) -> HttpResponse:
    visit = visit_for(request, slug, EDIT)
    form = VisitForm(request.POST or None, instance=visit)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        if attempt_form(
            form, lambda: services.visit_update(visit=visit, by=request.user, **fields)
        ):
            messages.success(request, _("Saved."))
            return redirect("visits:detail", slug)
    return render(request, "visits/visit_form.html", {"form": form, "visit": visit})


def visit_detail(request: HttpRequest, slug: str) -> HttpResponse:
    visit = visit_for(request, slug)
    rows = [(s, selectors.session_times(session=s)) for s in selectors.sessions(visit=visit)]
    context = {
        "visit": visit,
        "rows": rows,
        "people": selectors.people(visit=visit),
        "me": selectors.person_of(visit=visit, user=request.user),
    }
    if request.user.has_perm(EDIT, visit):
        context |= {
            "warnings": selectors.itinerary_check(visit=visit),
            "person_form": PersonForm(visit=visit),
            "interpreter_form": InterpreterForm(),
            "interpreters": selectors.interpreters(visit=visit),
            "publish_form": PublishForm(),
        }
    return render(request, "visits/visit_detail.html", context)


@require_POST
def person_add(request: HttpRequest, slug: str) -> HttpResponse:
    visit = visit_for(request, slug, EDIT)
    form = PersonForm(request.POST, visit=visit)
    if form.is_valid():
        attempt(
            request,
            lambda: services.person_add(visit=visit, by=request.user, **form.cleaned_data),
            _("Added to the visit."),
        )
    else:
        form_errors(request, form)
    return redirect("visits:detail", slug)


@require_POST
def person_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    visit = visit_for(request, slug, EDIT)
    person = selectors.person_get(visit=visit, pk=pk)
    if person is not None:
        services.person_remove(person=person, by=request.user)
        messages.success(request, _("Removed from the visit."))
    return redirect("visits:detail", slug)


@require_POST
def interpreter_add(request: HttpRequest, slug: str) -> HttpResponse:
    visit = visit_for(request, slug, EDIT)
    form = InterpreterForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.interpreter_add(visit=visit, by=request.user, **form.cleaned_data),
            _("Interpreter added."),
        )
    else:
        form_errors(request, form)
    return redirect("visits:detail", slug)


STATE_ACTIONS = {
    "held": (services.visit_mark_held, "visits.mark_held", _("The visit is marked as held.")),
    "cancel": (services.visit_cancel, "visits.cancel_visit", _("The visit is cancelled.")),
}


@require_POST
def visit_state(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    if action == "publish":
        visit = visit_for(request, slug, "visits.publish_visit")
        form = PublishForm(request.POST)
        form.is_valid()
        attempt(
            request,
            lambda: services.visit_publish(
                visit=visit, by=request.user,
                despite_warnings=form.cleaned_data.get("despite_warnings", False),
            ),
            _("The visit is published."),
        )  # fmt: skip
        return redirect("visits:detail", slug)
    if action not in STATE_ACTIONS:
        raise PermissionDenied
    service, permission, done = STATE_ACTIONS[action]
    visit = visit_for(request, slug, permission)
    attempt(request, lambda: service(visit=visit, by=request.user), str(done))
    return redirect("visits:detail", slug)


def form_errors(request: HttpRequest, form: object) -> None:
    for field, errors in form.errors.items():  # type: ignore[attr-defined]
        label = form.fields[field].label if field in form.fields else ""  # type: ignore[attr-defined]
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


# ---------------------------------------------------------------- venues


@require_http_methods(["GET", "POST"])
def venue_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("visits.create_visit"):
        raise PermissionDenied
    programme = programme_default()
    form = VenueForm(request.POST or None, prefix="venue")
    if request.method == "POST" and form.is_valid() and programme is not None:
        created = attempt_form(
            form,
            lambda: services.venue_create(
                programme=programme, by=request.user, **form.cleaned_data
            ),
        )
        if created is not None:
            messages.success(request, _("Venue added."))
            return redirect("visits:venues")
    context = {
        "form": form,
        "travel_form": TravelTimeForm(programme=programme, prefix="travel"),
        "venues": page_of(request, selectors.venues(programme=programme)),
        "travel_times": page_of(
            request, selectors.travel_times(programme=programme), param="travel_page"
        ),
    }
    return render(request, "visits/venues.html", context)


@require_POST
def travel_time_set(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("visits.create_visit"):
        raise PermissionDenied
    form = TravelTimeForm(request.POST, programme=programme_default(), prefix="travel")
    if form.is_valid():
        attempt(
            request,
            lambda: services.travel_time_set(by=request.user, **form.cleaned_data),
            _("Travel time saved."),
        )
    else:
        form_errors(request, form)
    return redirect("visits:venues")


# ---------------------------------------------------------------- sessions


@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, slug: str) -> HttpResponse:
    visit = visit_for(request, slug, EDIT)
    form = SessionForm(request.POST or None, visit=visit)
    if request.method == "POST" and form.is_valid():
        session = attempt_form(
            form,
            lambda: services.session_create(
                visit=visit, by=request.user, **form.service_fields(), **form.relations()
            ),
        )
        if session is not None:
            messages.success(request, _("The session is on the itinerary."))
            return redirect("visits:session", slug, session.pk)
    return render(request, "visits/session_form.html", {"form": form, "visit": visit})


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, EDIT)
    form = SessionForm(request.POST or None, instance=session, visit=session.visit)
    if request.method == "POST" and form.is_valid():
        done = attempt_form(
            form,
            lambda: services.session_update(
                session=session, by=request.user, **form.service_fields(), **form.relations()
            ),
        )
        if done is not None:
            messages.success(request, _("Saved."))
            return redirect("visits:session", slug, pk)
    context = {"form": form, "visit": session.visit, "session": session}
    return render(request, "visits/session_form.html", context)


@require_POST
def session_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk, EDIT)
    services.session_cancel(session=session, by=request.user)
    messages.success(request, _("The session is cancelled."))
    return redirect("visits:detail", slug)


def session_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    session = session_for(request, slug, pk)
    visit = session.visit
    context = {
        "visit": visit,
        "session": session,
        "times": selectors.session_times(session=session),
        "can_see_attendees": request.user.has_perm("visits.view_attendees", session),
        "can_edit": request.user.has_perm(EDIT, visit),
        "can_brief": request.user.has_perm("visits.read_briefing", visit),
        "can_record": request.user.has_perm("visits.record_outcomes", visit),
        "register_pairs": selectors.register_pairs(session=session, user=request.user),
    }
    if context["can_see_attendees"]:
        context["attendees"] = selectors.attendees(session=session)
    return render(request, "visits/session_detail.html", context)
