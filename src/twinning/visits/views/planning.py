"""Pages for planning a visit: the list, the visit and its people, venues, sessions, publishing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

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
from twinning.visits.views.base import (
    EDIT,
    PageMixin,
    PostedFormMixin,
    SessionMixin,
    VisitMixin,
)

CREATE = "visits.create_visit"


class VisitListView(PageMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "visits.list_visits"
    template_name = "visits/visit_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        visits = page_of(self.request, selectors.visits_visible(user=self.request.user))
        return super().get_context_data(visits=visits, **kwargs)


class VisitCreateView(PageMixin, PermissionRequiredMixin, PostedFormMixin, FormView):
    permission_required = CREATE
    http_method_names = ["get", "post"]
    template_name = "visits/visit_form.html"
    form_class = VisitForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(visit=None, **kwargs)

    def form_valid(self, form: VisitForm) -> HttpResponse:
        programme = programme_default()
        if programme is None:
            return self.form_invalid(form)
        try:
            visit = services.visit_create(
                programme=programme, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The visit is created. Now add the delegation."))
        return redirect("visits:detail", visit.slug)


class VisitEditView(VisitMixin, PostedFormMixin, FormView):
    permission_required = EDIT
    http_method_names = ["get", "post"]
    template_name = "visits/visit_form.html"
    form_class = VisitForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.visit}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(visit=self.visit, **kwargs)

    def form_valid(self, form: VisitForm) -> HttpResponse:
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.visit_update(visit=self.visit, by=self.request.user, **fields)
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("visits:detail", self.kwargs["slug"])


class VisitDetailView(VisitMixin, TemplateView):
    template_name = "visits/visit_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        visit, user = self.visit, self.request.user
        rows = [(s, selectors.session_times(session=s)) for s in selectors.sessions(visit=visit)]
        context = {
            "visit": visit,
            "rows": rows,
            "people": selectors.people(visit=visit),
            "me": selectors.person_of(visit=visit, user=user),
        }
        if user.has_perm(EDIT, visit):
            context |= {
                "warnings": selectors.itinerary_check(visit=visit),
                "person_form": PersonForm(visit=visit),
                "interpreter_form": InterpreterForm(),
                "interpreters": selectors.interpreters(visit=visit),
                "publish_form": PublishForm(),
            }
        return super().get_context_data(**context, **kwargs)


class PersonAddView(VisitMixin, View):
    permission_required = EDIT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = PersonForm(request.POST, visit=self.visit)
        if form.is_valid():
            self.attempt(
                lambda: services.person_add(visit=self.visit, by=request.user, **form.cleaned_data),
                _("Added to the visit."),
            )
        else:
            self.refuse_form_with_labels(form)
        return redirect("visits:detail", slug)


class PersonRemoveView(VisitMixin, View):
    permission_required = EDIT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        person = selectors.person_get(visit=self.visit, pk=pk)
        if person is not None:
            services.person_remove(person=person, by=request.user)
            messages.success(request, _("Removed from the visit."))
        return redirect("visits:detail", slug)


class InterpreterAddView(VisitMixin, View):
    permission_required = EDIT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = InterpreterForm(request.POST)
        if form.is_valid():
            self.attempt(
                lambda: services.interpreter_add(
                    visit=self.visit, by=request.user, **form.cleaned_data
                ),
                _("Interpreter added."),
            )
        else:
            self.refuse_form_with_labels(form)
        return redirect("visits:detail", slug)


# The messages are lazy: translated in each request's language, not the first one's.
STATE_ACTIONS = {
    "held": (
        services.visit_mark_held,
        "visits.mark_held",
        gettext_lazy("The visit is marked as held."),
    ),
    "cancel": (
        services.visit_cancel,
        "visits.cancel_visit",
        gettext_lazy("The visit is cancelled."),
    ),
}
PUBLISH = "visits.publish_visit"


class VisitStateView(VisitMixin, View):
    """A step of the visit's life: `action` in the URL names it, and the rule that allows it."""

    http_method_names = ["post"]

    def get_permission_required(self) -> tuple[str, ...]:
        action = self.kwargs["action"]
        if action == "publish":
            return (PUBLISH,)
        if action not in STATE_ACTIONS:
            raise PermissionDenied
        return (STATE_ACTIONS[action][1],)

    def post(self, request: HttpRequest, slug: str, action: str) -> HttpResponse:
        visit = self.visit
        if action == "publish":
            form = PublishForm(request.POST)
            form.is_valid()
            self.attempt(
                lambda: services.visit_publish(
                    visit=visit, by=request.user,
                    despite_warnings=form.cleaned_data.get("despite_warnings", False),
                ),
                _("The visit is published."),
            )  # fmt: skip
            return redirect("visits:detail", slug)
        service, _permission, done = STATE_ACTIONS[action]
        self.attempt(lambda: service(visit=visit, by=request.user), str(done))
        return redirect("visits:detail", slug)


# ---------------------------------------------------------------- venues


class VenueListView(PageMixin, PermissionRequiredMixin, PostedFormMixin, FormView):
    permission_required = CREATE
    http_method_names = ["get", "post"]
    template_name = "visits/venues.html"
    form_class = VenueForm
    prefix = "venue"

    @cached_property
    def programme(self) -> Any:
        return programme_default()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        programme = self.programme
        context = {
            "travel_form": TravelTimeForm(programme=programme, prefix="travel"),
            "venues": page_of(self.request, selectors.venues(programme=programme)),
            "travel_times": page_of(
                self.request, selectors.travel_times(programme=programme), param="travel_page"
            ),
        }
        return super().get_context_data(**context, **kwargs)

    def form_valid(self, form: VenueForm) -> HttpResponse:
        if self.programme is None:
            return self.form_invalid(form)
        try:
            services.venue_create(
                programme=self.programme, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Venue added."))
        return redirect("visits:venues")


class TravelTimeSetView(PageMixin, PermissionRequiredMixin, View):
    permission_required = CREATE
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TravelTimeForm(request.POST, programme=programme_default(), prefix="travel")
        if form.is_valid():
            self.attempt(
                lambda: services.travel_time_set(by=request.user, **form.cleaned_data),
                _("Travel time saved."),
            )
        else:
            self.refuse_form_with_labels(form)
        return redirect("visits:venues")


# ---------------------------------------------------------------- sessions


class SessionCreateView(VisitMixin, PostedFormMixin, FormView):
    permission_required = EDIT
    http_method_names = ["get", "post"]
    template_name = "visits/session_form.html"
    form_class = SessionForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "visit": self.visit}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(visit=self.visit, **kwargs)

    def form_valid(self, form: SessionForm) -> HttpResponse:
        try:
            session = services.session_create(
                visit=self.visit, by=self.request.user, **form.service_fields(), **form.relations()
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The session is on the itinerary."))
        return redirect("visits:session", self.kwargs["slug"], session.pk)


class SessionEditView(SessionMixin, PostedFormMixin, FormView):
    permission_required = EDIT
    http_method_names = ["get", "post"]
    template_name = "visits/session_form.html"
    form_class = SessionForm

    def get_form_kwargs(self) -> dict[str, Any]:
        session = self.session
        return {**super().get_form_kwargs(), "instance": session, "visit": session.visit}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        session = self.session
        return super().get_context_data(visit=session.visit, session=session, **kwargs)

    def form_valid(self, form: SessionForm) -> HttpResponse:
        try:
            services.session_update(
                session=self.session, by=self.request.user,
                **form.service_fields(), **form.relations(),
            )  # fmt: skip
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("visits:session", self.kwargs["slug"], self.kwargs["pk"])


class SessionCancelView(SessionMixin, View):
    permission_required = EDIT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        # A second cancellation is refused with a sentence (core.transitions), shown, not a 500.
        self.attempt(
            lambda: services.session_cancel(session=self.session, by=request.user),
            _("The session is cancelled."),
        )
        return redirect("visits:detail", slug)


class SessionDetailView(SessionMixin, TemplateView):
    template_name = "visits/session_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        session, user = self.session, self.request.user
        visit = session.visit
        context = {
            "visit": visit,
            "session": session,
            "times": selectors.session_times(session=session),
            "can_see_attendees": user.has_perm("visits.view_attendees", session),
            "can_edit": user.has_perm(EDIT, visit),
            "can_brief": user.has_perm("visits.read_briefing", visit),
            "can_record": user.has_perm("visits.record_outcomes", visit),
            "register_pairs": selectors.register_pairs(session=session, user=user),
        }
        if context["can_see_attendees"]:
            context["attendees"] = selectors.attendees(session=session)
        return super().get_context_data(**context, **kwargs)
