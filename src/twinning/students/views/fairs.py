"""Job fairs: the student's registration, ranking, agenda, calendar and pass; the employer's
booth with candidates, shortlist, notes and leads; the operator's set-up, allocation, check-in."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from twinning.core.pagination import page_of
from twinning.organisations.selectors import organisation_get_by_id
from twinning.students import exports, selectors, services
from twinning.students.feeds import feed_url, interviews_calendar
from twinning.students.forms import (
    BoothAddForm,
    FairCreateForm,
    FairRegisterForm,
    NoteForm,
    RankingForm,
    ShortlistForm,
)
from twinning.students.models import JobFair
from twinning.students.passes import pass_svg
from twinning.students.views.base import RuleMixin, found, service_errors, student_or_404

# Seconds between two looks of the fair's page at an allocation under way.
POLL_SECONDS = 2


class FairMixin:
    kwargs: dict[str, Any]

    def fair(self) -> JobFair:
        if not hasattr(self, "_fair"):
            self._fair = found(selectors.fair_get(pk=self.kwargs["fair_pk"]))
        return self._fair

    def get_permission_object(self) -> Any:
        return self.fair()


class FairListView(RuleMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "students/fair_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            fairs=page_of(self.request, selectors.fairs_open()), **kwargs
        )


def _ranking_form(fair: Any, registration: Any, data: Any = None) -> RankingForm:
    booths = [(b.pk, f"{b.number}. {b.organisation}") for b in selectors.booths_of(fair=fair)]
    initial = {
        f"choice_{p.rank}": str(p.booth_id)
        for p in selectors.preferences_of(registration=registration)
    }
    return RankingForm(data, booths=booths, size=fair.max_wishes, initial=initial)


class FairDetailView(FairMixin, RuleMixin, TemplateView):
    permission_required = "core.view_public"
    template_name = "students/fair_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fair = self.fair()
        student = selectors.student_of(user=self.request.user)
        registration = selectors.registration_of(fair=fair, student=student)
        context: dict[str, Any] = {
            "fair": fair,
            "event": fair.event,
            "booths": selectors.booths_of(fair=fair),
            "student": student,
            "registration": registration,
            "register_form": FairRegisterForm(),
        }
        if registration is not None:
            context["ranking_form"] = _ranking_form(fair, registration)
            context["sharing"] = services.has_consent(student=student, purpose="fair_cv", fair=fair)
        return super().get_context_data(**context, **kwargs)


class FairRegisterView(FairMixin, RuleMixin, View):
    permission_required = "students.register_fair"

    def post(self, request: HttpRequest, fair_pk: int) -> HttpResponse:
        form = FairRegisterForm(request.POST)
        form.is_valid()
        try:
            services.fair_register(
                fair=self.fair(), student=student_or_404(request), by=request.user,
                share_profile=bool(form.cleaned_data.get("share_profile")),
            )  # fmt: skip
            messages.success(request, _("You are registered for the fair. Now rank the employers."))
        except ValidationError as error:
            service_errors(request, error)
        return redirect("students:fair", fair_pk)


def _own_registration(request: HttpRequest, fair: Any) -> Any:
    return found(selectors.registration_of(fair=fair, student=student_or_404(request)))


class RankView(FairMixin, RuleMixin, View):
    permission_required = "students.be_student"

    def post(self, request: HttpRequest, fair_pk: int) -> HttpResponse:
        registration = _own_registration(request, self.fair())
        form = _ranking_form(self.fair(), registration, request.POST)
        if not form.is_valid():
            for error in form.non_field_errors():
                messages.error(request, error)
            return redirect("students:fair", fair_pk)
        booths = {b.pk: b for b in selectors.booths_of(fair=self.fair())}
        try:
            services.preferences_set(
                registration=registration, by=request.user,
                booths=[booths[pk] for pk in form.chosen() if pk in booths],
            )  # fmt: skip
            messages.success(request, _("Your ranking has been saved."))
        except ValidationError as error:
            service_errors(request, error)
        return redirect("students:fair", fair_pk)


class AgendaView(FairMixin, RuleMixin, TemplateView):
    permission_required = "students.be_student"
    template_name = "students/agenda.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        registration = _own_registration(self.request, self.fair())
        url = feed_url(registration)
        return super().get_context_data(
            fair=self.fair(),
            registration=registration,
            interviews=selectors.agenda_of(registration=registration),
            feed_url=url,
            webcal_url="webcal://" + url.split("://", 1)[1],
            **kwargs,
        )


class FeedResetView(FairMixin, RuleMixin, View):
    """A new calendar link when the old one has leaked; the old one stops working."""

    permission_required = "students.be_student"

    def post(self, request: HttpRequest, fair_pk: int) -> HttpResponse:
        services.registration_feed_reset(
            registration=_own_registration(request, self.fair()), by=request.user
        )
        messages.success(
            request,
            _(
                "Your calendar link is replaced: subscribe to the new one; "
                "the old one no longer works."
            ),
        )
        return redirect("students:agenda", fair_pk)


class PassView(FairMixin, RuleMixin, TemplateView):
    permission_required = "students.be_student"
    template_name = "students/pass.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        registration = _own_registration(self.request, self.fair())
        return super().get_context_data(
            fair=self.fair(),
            registration=registration,
            qr=pass_svg(self.fair().pk, registration.pass_token),
            **kwargs,
        )


class FeedView(RuleMixin, View):
    """The personal calendar; the unguessable token in the URL is the key, as events' feeds."""

    permission_required = "core.view_public"

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        registration = found(selectors.registration_by_feed(token=token))
        # The student's language, not the calendar app's Accept-Language.
        with translation.override(registration.student.user.language or settings.LANGUAGE_CODE):
            body = interviews_calendar(
                registration, selectors.feed_interviews(registration=registration)
            )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="interviews.ics"'
        response["Cache-Control"] = "private, max-age=300"
        return response


class InterviewRespondView(RuleMixin, View):
    permission_required = "core.manage_own_account"

    def post(self, request: HttpRequest, pk: int, action: str) -> HttpResponse:
        interview = found(selectors.interview_get(pk=pk))
        try:
            if action == "decline":
                services.interview_decline(interview=interview, by=request.user)
                messages.success(
                    request, _("You declined the interview; the slot goes to another student.")
                )
            elif action == "accept":
                services.interview_accept(interview=interview, by=request.user)
                messages.success(request, _("You accepted the interview."))
            else:
                raise Http404
        except ValidationError as error:
            service_errors(request, error)
        return redirect("students:agenda", interview.fair_id)


# Employers


class MyBoothsView(RuleMixin, TemplateView):
    permission_required = "core.manage_own_account"
    template_name = "students/booths_mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            booths=selectors.booths_of_user(user=self.request.user), **kwargs
        )


class BoothMixin(FairMixin):
    def booth(self) -> Any:
        if not hasattr(self, "_booth"):
            self._booth = found(selectors.booth_get(fair=self.fair(), pk=self.kwargs["pk"]))
        return self._booth

    def get_permission_object(self) -> Any:
        return self.booth()


class BoothView(BoothMixin, RuleMixin, TemplateView):
    permission_required = "students.manage_booth"
    template_name = "students/booth.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        booth = self.booth()
        shortlist = list(selectors.shortlist_of(booth=booth))
        initial = {
            "chosen": ", ".join(str(s.registration_id) for s in shortlist if not s.alternate),
            "alternates": ", ".join(str(s.registration_id) for s in shortlist if s.alternate),
        }
        return super().get_context_data(
            fair=self.fair(),
            booth=booth,
            candidates=selectors.candidates_for(booth=booth),
            shortlist=shortlist,
            shortlist_form=ShortlistForm(initial=initial),
            interviews=selectors.booth_agenda(booth=booth),
            notes=selectors.notes_of(booth=booth),
            note_form=NoteForm(),
            **kwargs,
        )


class ShortlistView(BoothMixin, RuleMixin, View):
    permission_required = "students.shortlist"

    def post(self, request: HttpRequest, fair_pk: int, pk: int) -> HttpResponse:
        form = ShortlistForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("students:booth", fair_pk, pk)
        registrations = {r.pk: r for r in selectors.consenting_registrations(fair=self.fair())}
        pick = lambda name: [registrations.get(n) for n in form.numbers(name)]  # noqa: E731
        chosen, alternates = pick("chosen"), pick("alternates")
        if None in chosen or None in alternates:
            messages.error(request, _("Choose students who share their profile."))
            return redirect("students:booth", fair_pk, pk)
        try:
            services.shortlist_set(
                booth=self.booth(), by=request.user, chosen=chosen, alternates=alternates
            )
            messages.success(request, _("The shortlist has been saved."))
        except ValidationError as error:
            service_errors(request, error)
        return redirect("students:booth", fair_pk, pk)


class NoteView(BoothMixin, RuleMixin, View):
    permission_required = "students.note"

    def post(self, request: HttpRequest, fair_pk: int, pk: int, registration: int) -> HttpResponse:
        target = found(selectors.registration_get(fair=self.fair(), pk=registration))
        form = NoteForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Rate from 1 to 5."))
            return redirect("students:booth", fair_pk, pk)
        try:
            services.note_save(
                booth=self.booth(), registration=target, by=request.user,
                text=form.cleaned_data["text"], rating=form.cleaned_data["rating"],
            )  # fmt: skip
            messages.success(request, _("Your note has been saved."))
        except ValidationError as error:
            service_errors(request, error)
        back = request.POST.get("next", "")
        if back.startswith("/") and not back.startswith("//"):
            return redirect(back)
        return redirect("students:booth", fair_pk, pk)


class LeadsView(BoothMixin, RuleMixin, View):
    permission_required = "students.view_notes"

    def get(self, request: HttpRequest, fair_pk: int, pk: int) -> HttpResponse:
        body = exports.leads_xlsx(booth=self.booth())
        response = HttpResponse(
            body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="leads-booth-{self.booth().number}.xlsx"'
        )
        return response


# Operators and check-in


class FairCreateView(RuleMixin, FormView):
    permission_required = "students.manage_fair"
    template_name = "students/fair_create.html"
    form_class = FairCreateForm

    def get_form_kwargs(self) -> dict[str, Any]:
        events = [(e.pk, str(e)) for e in selectors.job_fair_events_open(user=self.request.user)]
        return {**super().get_form_kwargs(), "events": events}

    def form_valid(self, form: FairCreateForm) -> HttpResponse:
        event = found(
            selectors.event_visible(user=self.request.user, pk=form.cleaned_data["event"])
        )
        try:
            fair = services.fair_create(
                event=event, by=self.request.user,
                max_interviews=form.cleaned_data["max_interviews"],
                max_wishes=form.cleaned_data["max_wishes"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        return redirect("students:fair_manage", fair.pk)


class FairManageView(FairMixin, RuleMixin, TemplateView):
    permission_required = "students.manage_fair"
    template_name = "students/fair_manage.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fair = self.fair()
        return super().get_context_data(
            fair=fair,
            booths=page_of(self.request, selectors.booths_of(fair=fair), param="booths"),
            booth_form=BoothAddForm(organisations=selectors.booth_organisation_choices(fair=fair)),
            counts=selectors.fair_counts(fair=fair),
            # Every interview, a page at a time (it showed the first 500 and said nothing).
            interviews=page_of(self.request, selectors.fair_interviews(fair=fair)),
            job=self._job(fair),
            poll_seconds=POLL_SECONDS,
            **kwargs,
        )

    def _job(self, fair: JobFair) -> Any:
        """The allocation the page follows: the one just queued (``?job=``), else one that
        another operator has under way."""
        asked = self.request.GET.get("job", "")
        if asked.isdigit():
            job = selectors.fair_allocation_job(fair=fair, pk=int(asked))
            if job is not None:
                return job
        return selectors.fair_allocation_running(fair=fair)


class AllocationJobView(FairMixin, RuleMixin, TemplateView):
    """The allocation's progress, polled by the fair's page until it is done."""

    permission_required = "students.manage_fair"
    template_name = "students/includes/allocation_job.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        fair = self.fair()
        job = found(selectors.fair_allocation_job(fair=fair, pk=self.kwargs["job_pk"]))
        return super().get_context_data(fair=fair, job=job, poll_seconds=POLL_SECONDS, **kwargs)


class FairActionView(FairMixin, RuleMixin, View):
    permission_required = "students.manage_fair"

    def post(self, request: HttpRequest, fair_pk: int, action: str) -> HttpResponse:
        job_fair = self.fair()
        try:
            if action == "booth":
                self._add_booth(request, job_fair)
            elif action == "allocate":
                job = services.fair_allocate_enqueue(fair=job_fair, by=request.user)
                url = reverse("students:fair_manage", kwargs={"fair_pk": fair_pk})
                return redirect(f"{url}?job={job.pk}")
            elif action == "publish":
                count = services.fair_publish(fair=job_fair, by=request.user)
                messages.success(
                    request,
                    ngettext("%(n)s interview published.", "%(n)s interviews published.", count)
                    % {"n": count},
                )
            else:
                raise Http404
        except ValidationError as error:
            service_errors(request, error)
        return redirect("students:fair_manage", fair_pk)

    def _add_booth(self, request: HttpRequest, fair: Any) -> None:
        form = BoothAddForm(
            request.POST, organisations=selectors.booth_organisation_choices(fair=fair)
        )
        if not form.is_valid():
            messages.error(request, _("Choose an employer and 1 to 20 interviewers."))
            return
        organisation = found(organisation_get_by_id(pk=int(form.cleaned_data["organisation"])))
        services.booth_add(
            fair=fair, organisation=organisation, by=request.user,
            interviewers=form.cleaned_data["interviewers"],
        )  # fmt: skip
        messages.success(request, _("Booth added."))


class CheckInView(FairMixin, RuleMixin, TemplateView):
    """Search by name, or scan a pass: the phone's camera opens the pass URL (check_in_scan)."""

    permission_required = "students.check_in"
    template_name = "students/check_in.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET.get("q", "").strip()
        return super().get_context_data(
            fair=self.fair(),
            query=query,
            registrations=selectors.check_in_search(fair=self.fair(), query=query),
            **kwargs,
        )

    def post(self, request: HttpRequest, fair_pk: int) -> HttpResponse:
        pk = request.POST.get("registration", "")
        registration = found(
            selectors.registration_get(fair=self.fair(), pk=int(pk)) if pk.isdigit() else None
        )
        services.check_in(registration=registration, by=request.user)
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.student})
        return redirect(f"{request.path}?q={request.POST.get('q', '')}")


class CheckInScanView(FairMixin, RuleMixin, TemplateView):
    """What the QR code opens: the pass holder, and a button to check them in."""

    permission_required = "students.check_in"
    template_name = "students/check_in_scan.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        registration = found(
            selectors.registration_by_pass(fair=self.fair(), token=self.kwargs["token"])
        )
        booths = [
            b
            for b in selectors.booths_of_user(user=self.request.user)
            if b.fair_id == self.fair().pk
        ]
        return super().get_context_data(
            fair=self.fair(), registration=registration, booth=booths[0] if booths else None,
            note_form=NoteForm(), **kwargs,
        )  # fmt: skip

    def post(self, request: HttpRequest, fair_pk: int, token: str) -> HttpResponse:
        registration = found(selectors.registration_by_pass(fair=self.fair(), token=token))
        services.check_in(registration=registration, by=request.user)
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.student})
        return redirect(request.path)
