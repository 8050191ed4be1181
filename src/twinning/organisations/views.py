"""Pages for organisations, members, opportunities, the validation queue and the directory.

Every view names its rule; the services check it again, so a forged request is refused even when
a page would not have shown the button.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.pagination import page_of
from twinning.core.views import HtmxPartialMixin, UrlObjectMixin
from twinning.organisations import selectors, services
from twinning.organisations.forms import (
    DirectoryForm,
    MemberAddForm,
    OpportunityForm,
    OrganisationForm,
    RejectForm,
)
from twinning.organisations.models import Opportunity, Organisation
from twinning.programmes.selectors import programme_default

DIRECTORY_PAGE_SIZE = 20
CURRENT_ORGANISATION = "current_organisation"


class OrganisationMixin(UrlObjectMixin):
    not_found = gettext_lazy("No such organisation.")

    def find_object(self) -> Organisation | None:
        return selectors.organisation_get(slug=self.kwargs["slug"])


class OpportunityMixin(UrlObjectMixin):
    not_found = gettext_lazy("No such opportunity.")

    def find_object(self) -> Opportunity | None:
        return selectors.opportunity_get(pk=self.kwargs["pk"])


# Public pages


class DirectoryView(HtmxPartialMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "organisations.browse_directory"
    template_name = "organisations/directory.html"
    partial_template_name = "organisations/includes/directory_results.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        form = DirectoryForm(self.request.GET or None)
        opportunities = selectors.opportunities_published(filters=form.filters())
        page = page_of(self.request, opportunities, size=DIRECTORY_PAGE_SIZE)
        return super().get_context_data(form=form, page=page, **kwargs)


class OpportunityDetailView(OpportunityMixin, TemplateView):
    permission_required = "organisations.view_opportunity"
    template_name = "organisations/opportunity_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        opportunity = self.get_object()
        context = {"opportunity": opportunity, "reject_form": RejectForm()}
        return super().get_context_data(**context, **kwargs)


class OrganisationDetailView(OrganisationMixin, TemplateView):
    permission_required = "organisations.view_organisation"
    template_name = "organisations/organisation_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        organisation = self.get_object()
        context = {
            "organisation": organisation,
            "opportunities": selectors.opportunities_published_for_organisation(
                organisation=organisation
            ),
        }
        return super().get_context_data(**context, **kwargs)


# Organisations and members


class OrganisationCreateView(PermissionRequiredMixin, FormView):
    permission_required = "organisations.create_organisation"
    template_name = "organisations/organisation_form.html"
    form_class = OrganisationForm

    def form_valid(self, form: OrganisationForm) -> HttpResponse:
        programme = programme_default()
        if programme is None:
            form.add_error(None, _("No programme is open for registration yet."))
            return self.form_invalid(form)
        try:
            organisation = services.organisation_create(
                programme=programme, by=self.request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        self.request.session[CURRENT_ORGANISATION] = organisation.slug
        messages.success(self.request, _("Your organisation has been registered."))
        return redirect("organisations:mine")


class OrganisationEditView(OrganisationMixin, FormView):
    permission_required = "organisations.edit_organisation"
    template_name = "organisations/organisation_form.html"
    form_class = OrganisationForm

    def get_initial(self) -> dict[str, Any]:
        return OrganisationForm.initial_for(self.get_object())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(organisation=self.get_object(), **kwargs)

    def form_valid(self, form: OrganisationForm) -> HttpResponse:
        organisation = self.get_object()
        try:
            services.organisation_update(
                organisation=organisation, by=self.request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The profile has been saved."))
        return redirect("organisations:detail", slug=organisation.slug)


class MembersView(OrganisationMixin, FormView):
    """Members are listed to every member; adding one also needs `manage_members` (owners)."""

    permission_required = "organisations.view_private"
    template_name = "organisations/members.html"
    form_class = MemberAddForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        organisation = self.get_object()
        context = {
            "organisation": organisation,
            "memberships": selectors.organisation_members(organisation=organisation),
        }
        return super().get_context_data(**context, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("organisations.manage_members", self.get_object()):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: MemberAddForm) -> HttpResponse:
        organisation = self.get_object()
        user = selectors.user_by_email(email=form.cleaned_data["email"])
        if user is None:
            form.add_error("email", _("Nobody has an account with this e-mail address."))
            return self.form_invalid(form)
        services.membership_add(
            organisation=organisation,
            user=user,
            by=self.request.user,
            role=form.cleaned_data["role"],
        )
        messages.success(self.request, _("%(name)s is now a member.") % {"name": user})
        return redirect("organisations:members", slug=organisation.slug)


class MemberRemoveView(OrganisationMixin, View):
    permission_required = "organisations.manage_members"

    def post(self, request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
        organisation = self.get_object()
        membership = selectors.membership_get(organisation=organisation, user_id=user_id)
        if membership is None:
            raise Http404(_("This person is not a member."))
        try:
            services.membership_remove(
                organisation=organisation, user=membership.user, by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(name)s is no longer a member.") % {"name": membership.user}
            )
        return redirect("organisations:members", slug=organisation.slug)


class MyOrganisationView(PermissionRequiredMixin, TemplateView):
    """The organisations a user belongs to, one of them open; the choice sticks in the session."""

    permission_required = "core.manage_own_account"
    template_name = "organisations/mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        memberships = list(selectors.organisations_for_user(user=self.request.user))
        current = self._current(memberships)
        context: dict[str, Any] = {"memberships": memberships, "current": current}
        if current is not None:
            organisation = current.organisation
            context["completeness"] = selectors.organisation_completeness(organisation=organisation)
            context["opportunities"] = selectors.opportunities_for_organisation(
                organisation=organisation
            )
        return super().get_context_data(**context, **kwargs)

    def _current(self, memberships: list[Any]) -> Any:
        session = self.request.session
        wanted = self.request.GET.get("organisation") or session.get(CURRENT_ORGANISATION)
        chosen = next((m for m in memberships if m.organisation.slug == wanted), None)
        chosen = chosen or (memberships[0] if memberships else None)
        if chosen is not None:
            session[CURRENT_ORGANISATION] = chosen.organisation.slug
        return chosen


# Opportunities


class OpportunityCreateView(OrganisationMixin, FormView):
    permission_required = "organisations.create_opportunity"
    template_name = "organisations/opportunity_form.html"
    form_class = OpportunityForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(organisation=self.get_object(), **kwargs)

    def form_valid(self, form: OpportunityForm) -> HttpResponse:
        try:
            opportunity = services.opportunity_create(
                organisation=self.get_object(), by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The opportunity is saved as a draft. Submit it for validation when it is ready."),
        )
        return redirect("organisations:opportunity", pk=opportunity.pk)


class OpportunityEditView(OpportunityMixin, FormView):
    permission_required = "organisations.edit_opportunity"
    template_name = "organisations/opportunity_form.html"
    form_class = OpportunityForm

    def get_initial(self) -> dict[str, Any]:
        return OpportunityForm.initial_for(self.get_object())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        opportunity = self.get_object()
        return super().get_context_data(
            opportunity=opportunity, organisation=opportunity.organisation, **kwargs
        )

    def form_valid(self, form: OpportunityForm) -> HttpResponse:
        opportunity = self.get_object()
        try:
            services.opportunity_update(
                opportunity=opportunity, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The opportunity has been saved."))
        return redirect("organisations:opportunity", pk=opportunity.pk)


class OpportunityTransitionView(OpportunityMixin, View):
    """A button that moves an opportunity along its workflow (POST only).

    From the validation queue, an HTMX request gets the updated row back instead of a new page.
    """

    service: Any = None
    success_message: Any = ""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        opportunity = self.service(opportunity=self.get_object(), by=request.user)
        return respond_after_transition(request, opportunity, self.success_message)


def respond_after_transition(
    request: HttpRequest, opportunity: Opportunity, message: Any
) -> HttpResponse:
    from_queue = request.POST.get("from") == "queue"
    if from_queue and request.htmx:
        context = {"opportunity": opportunity, "done_message": message}
        return render(request, "organisations/includes/queue_row.html", context)
    messages.success(request, str(message))
    if from_queue:
        return redirect("organisations:queue")
    return redirect("organisations:opportunity", pk=opportunity.pk)


class OpportunitySubmitView(OpportunityTransitionView):
    permission_required = "organisations.submit_opportunity"
    service = staticmethod(services.opportunity_submit)
    success_message = gettext_lazy("Submitted: an operator will check it before it is published.")


class OpportunityCloseView(OpportunityTransitionView):
    permission_required = "organisations.close_opportunity"
    service = staticmethod(services.opportunity_close)
    success_message = gettext_lazy("The opportunity is closed.")


class OpportunityRenewView(OpportunityTransitionView):
    permission_required = "organisations.renew_opportunity"
    service = staticmethod(services.opportunity_renew)
    success_message = gettext_lazy("The opportunity has been renewed for another twelve months.")


class OpportunityPublishView(OpportunityTransitionView):
    permission_required = "organisations.validate_opportunity"
    service = staticmethod(services.opportunity_publish)
    success_message = gettext_lazy("The opportunity is published.")


class OpportunityRejectView(OpportunityMixin, FormView):
    permission_required = "organisations.validate_opportunity"
    template_name = "organisations/opportunity_reject.html"
    form_class = RejectForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(opportunity=self.get_object(), **kwargs)

    def form_valid(self, form: RejectForm) -> HttpResponse:
        opportunity = services.opportunity_reject(
            opportunity=self.get_object(), by=self.request.user, reason=form.cleaned_data["reason"]
        )
        message = _("The opportunity has been returned to its members.")
        return respond_after_transition(self.request, opportunity, message)

    def form_invalid(self, form: RejectForm) -> HttpResponse:
        if self.request.htmx and self.request.POST.get("from") == "queue":
            context = {"opportunity": self.get_object(), "reject_form": form}
            return render(self.request, "organisations/includes/queue_row.html", context)
        return super().form_invalid(form)


class ValidationQueueView(PermissionRequiredMixin, TemplateView):
    permission_required = "organisations.view_validation_queue"
    template_name = "organisations/queue.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            opportunities=page_of(self.request, selectors.opportunities_submitted()),
            reject_form=RejectForm(),
            **kwargs,
        )
