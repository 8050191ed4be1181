"""Student sign-up, my student profile, consents, CV, CV releases; a student's page by id."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from twinning.core.files import PrivateFileView
from twinning.core.views import in_preferred_language
from twinning.organisations.selectors import organisation_get_by_id, organisations_for_user
from twinning.students import selectors, services
from twinning.students.forms import (
    CvForm,
    CvReleaseForm,
    StudentClaimForm,
    StudentProfileEditForm,
    StudentSignUpForm,
)
from twinning.students.models import Student, StudentConsent
from twinning.students.views.base import (
    RuleMixin,
    found,
    service_errors,
    student_or_404,
)

Purpose = StudentConsent.Purpose


class StudentSignUpView(RuleMixin, FormView):
    permission_required = "core.view_public"
    template_name = "students/signup.html"
    form_class = StudentSignUpForm
    success_url = reverse_lazy("students:me")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect("students:me")
        return super().get(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"language": self.request.LANGUAGE_CODE}

    def form_valid(self, form: StudentSignUpForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.student_sign_up(
                email=data["email"],
                password=data["password1"],
                full_name=data["full_name"],
                language=data["language"],
                consent=data["consent"],
                purposes=data["purposes"],
                cv=data.get("cv") or None,
                **form.profile(),
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        # The same answer whether the address already has an account or not (user_sign_up).
        return redirect("core:signup_sent")


class ClaimView(RuleMixin, FormView):
    """The link e-mailed after an import: the student chooses a password and agrees to the
    privacy notice (and to what else they choose); the account opens and they are signed in."""

    permission_required = "core.view_public"
    template_name = "students/claim.html"
    form_class = StudentClaimForm

    def student(self) -> Student | None:
        if not hasattr(self, "_student"):
            self._student = services.student_claim_pending(
                uidb64=self.kwargs["uidb64"], token=self.kwargs["token"]
            )
        return self._student

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "student": self.student()}

    def get_initial(self) -> dict[str, Any]:
        student = self.student()
        language = student.user.language if student else ""
        return {"language": language or self.request.LANGUAGE_CODE}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(student=self.student(), **kwargs)

    def form_valid(self, form: StudentClaimForm) -> HttpResponse:
        student = self.student()
        if student is None:
            return self.get(self.request)
        data = form.cleaned_data
        try:
            user = services.student_claim(
                student=student, password=data["password1"], language=data["language"],
                consent=data["consent"], matching=data["matching"], purposes=data["purposes"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            self.request, _("Welcome! Check your profile: it is as the embassy imported it.")
        )
        return in_preferred_language(redirect("students:me"), user)


class MyProfileView(RuleMixin, FormView):
    permission_required = "students.be_student"
    template_name = "students/me.html"
    form_class = StudentProfileEditForm
    success_url = reverse_lazy("students:me")

    def get_initial(self) -> dict[str, Any]:
        return StudentProfileEditForm.initial_for(student_or_404(self.request))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        student = student_or_404(self.request)
        active = {
            c.purpose for c in selectors.consents_of(student=student) if c.active and not c.fair_id
        }
        purposes = [
            (p, p.label, p in active) for p in (Purpose.EMBASSY_CONTACT, Purpose.NEWSLETTER)
        ]
        employers = [(b.organisation_id, str(b.organisation)) for b in _employers(student)]
        return super().get_context_data(
            student=student,
            purposes=purposes,
            consents=selectors.consents_of(student=student),
            cv_form=CvForm(),
            release_form=CvReleaseForm(employers=employers),
            releases=selectors.cv_releases_of(student=student),
            views=selectors.cv_views_of(student=student)[:50],
            registrations=selectors.registrations_of_student(student=student),
            **kwargs,
        )

    def form_valid(self, form: StudentProfileEditForm) -> HttpResponse:
        student = student_or_404(self.request)
        try:
            services.student_update(student=student, by=self.request.user, **form.profile())
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your student profile has been saved."))
        return super().form_valid(form)


def _employers(student: Any) -> list[Any]:
    """Employers the student can release the CV to: those with a booth at a fair they joined."""
    return selectors.booths_met_by(student=student)


class ConsentView(RuleMixin, View):
    permission_required = "students.be_student"

    def post(self, request: HttpRequest) -> HttpResponse:
        student = student_or_404(request)
        purpose, action = request.POST.get("purpose", ""), request.POST.get("action", "")
        fair = (
            selectors.fair_get(pk=int(request.POST["fair"]))
            if request.POST.get("fair", "").isdigit()
            else None
        )
        try:
            if action == "give":
                services.consent_give(student=student, purpose=purpose, fair=fair, by=request.user)
                messages.success(request, _("Your consent has been recorded."))
            else:
                services.consent_withdraw(
                    student=student, purpose=purpose, fair=fair, by=request.user
                )
                messages.success(request, _("Your consent has been withdrawn."))
        except ValidationError as error:
            service_errors(request, error)
        return redirect("students:me")


class CvUploadView(RuleMixin, View):
    permission_required = "students.be_student"

    def post(self, request: HttpRequest) -> HttpResponse:
        student = student_or_404(request)
        if request.POST.get("remove"):
            services.student_cv_remove(student=student, by=request.user)
            messages.success(request, _("Your CV has been removed."))
            return redirect("students:me")
        form = CvForm(request.POST, request.FILES)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("students:me")
        try:
            services.student_cv_upload(student=student, by=request.user, cv=form.cleaned_data["cv"])
        except ValidationError as error:
            service_errors(request, error)
            return redirect("students:me")
        messages.success(request, _("Your CV has been uploaded."))
        return redirect("students:me")


class CvReleaseView(RuleMixin, View):
    permission_required = "students.be_student"

    def post(self, request: HttpRequest) -> HttpResponse:
        student = student_or_404(request)
        if request.POST.get("revoke", "").isdigit():
            release = found(
                selectors.cv_release_of(student=student, pk=int(request.POST["revoke"]))
            )
            services.cv_release_revoke(release=release, by=request.user)
            messages.success(request, _("The release has ended."))
            return redirect("students:me")
        employers = [(b.organisation_id, str(b.organisation)) for b in _employers(student)]
        form = CvReleaseForm(request.POST, employers=employers)
        if not form.is_valid():
            messages.error(request, _("Choose an employer and a number of days from 1 to 90."))
            return redirect("students:me")
        organisation = found(organisation_get_by_id(pk=int(form.cleaned_data["organisation"])))
        try:
            services.cv_release(
                student=student, organisation=organisation, by=request.user,
                days=form.cleaned_data["days"],
            )  # fmt: skip
        except ValidationError as error:
            service_errors(request, error)
            return redirect("students:me")
        messages.success(request, _("Your CV is released to %(name)s.") % {"name": organisation})
        return redirect("students:me")


class StudentDetailView(RuleMixin, TemplateView):
    """A student's profile, for the student, operators and employers the student lets in."""

    permission_required = "students.view_student"
    template_name = "students/student_detail.html"

    def get_permission_object(self) -> Any:
        return found(selectors.student_get(pk=self.kwargs["pk"]))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(student=self.get_permission_object(), **kwargs)


def _viewer_organisations(request: HttpRequest) -> str:
    memberships = organisations_for_user(user=request.user)
    return ", ".join(str(m.organisation) for m in memberships)[:200]


class StudentCvView(PrivateFileView):
    """The CV through the project's private-files route; each view by someone other than the
    student is logged (the student sees who opened it)."""

    model = Student
    model_file_field = "cv"
    permission_required = "students.view_cv"
    filename = staticmethod(lambda student: "cv.pdf")

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        services.cv_open(
            student=self.object, by=request.user, organisation_name=_viewer_organisations(request)
        )
        return super().get(request, *args, **kwargs)
