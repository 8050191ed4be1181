"""Pages: express interest, my introductions, the operators' list with the broker action."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.pagination import page_of
from twinning.introductions import selectors, services
from twinning.introductions.forms import ExpressInterestForm
from twinning.introductions.models import Introduction
from twinning.organisations.selectors import (
    opportunity_get_by_id,
    organisation_get_by_id,
    organisations_for_user,
)


class ExpressInterestView(LoginRequiredMixin, FormView):
    template_name = "introductions/express_interest.html"
    form_class = ExpressInterestForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.recipient = organisation_get_by_id(pk=kwargs["recipient"])
        if self.recipient is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def _mine(self) -> list[Any]:
        """The user's organisations that may write to the recipient: same programme, other side."""
        return [
            m.organisation
            for m in organisations_for_user(user=self.request.user)
            if m.organisation.programme_id == self.recipient.programme_id
            and m.organisation.side_id != self.recipient.side_id
        ]

    def _opportunity(self) -> Any:
        pk = self.request.GET.get("opportunity", "")
        opportunity = opportunity_get_by_id(pk=int(pk)) if pk.isdigit() else None
        if opportunity is None or opportunity.organisation_id != self.recipient.pk:
            return None
        return opportunity

    def get_form_kwargs(self) -> dict[str, Any]:
        mine = self._mine()
        if not mine:
            raise PermissionDenied(_("None of your organisations is on the other side."))
        return {**super().get_form_kwargs(), "organisations": mine}

    def get_initial(self) -> dict[str, Any]:
        chosen = self.request.GET.get("organisation", "")
        return {"organisation": int(chosen)} if chosen.isdigit() else {}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            recipient=self.recipient, opportunity=self._opportunity(), **kwargs
        )

    def form_valid(self, form: ExpressInterestForm) -> HttpResponse:
        requester = next(o for o in self._mine() if o.pk == form.cleaned_data["organisation"])
        try:
            services.introduction_request(
                requester=requester,
                recipient=self.recipient,
                by=self.request.user,
                message=form.cleaned_data["message"],
                opportunity=self._opportunity(),
            )
        except ValidationError as error:
            form.add_service_error(error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your interest has been sent to %(name)s.") % {"name": self.recipient},
        )
        return redirect("introductions:mine")


class MineView(LoginRequiredMixin, TemplateView):
    template_name = "introductions/mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        return super().get_context_data(
            incoming=selectors.introductions_incoming(user=user),
            outgoing=selectors.introductions_outgoing(user=user),
            **kwargs,
        )


class OperatorListView(PermissionRequiredMixin, TemplateView):
    permission_required = "introductions.operate"
    raise_exception = True
    template_name = "introductions/operator_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        state = self.request.GET.get("state", "")
        state = state if state in Introduction.State.values else ""
        return super().get_context_data(
            introductions=page_of(self.request, selectors.introductions_all(state=state)),
            state=state,
            states=Introduction.State.choices,
            **kwargs,
        )


class TransitionView(LoginRequiredMixin, View):
    """POST-only: one workflow step; the service checks who may take it."""

    transition: Any = None
    done_message: Any = ""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        introduction = selectors.introduction_get(pk=pk)
        if introduction is None or not request.user.has_perm("introductions.view", introduction):
            raise Http404
        try:
            type(self).transition(introduction=introduction, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.done_message)
        return redirect(self._next(request))

    def _next(self, request: HttpRequest) -> str:
        target = request.POST.get("next", "")
        # Only a path on this site: a bare word would be read as a URL name by `redirect`.
        local = target.startswith("/") and not target.startswith("//")
        if local and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            return target
        return "introductions:mine"


class AcceptView(TransitionView):
    transition = services.introduction_accept
    done_message = gettext_lazy(
        "Introduction accepted: you can now see each other's contact details."
    )


class DeclineView(TransitionView):
    transition = services.introduction_decline
    done_message = gettext_lazy("Introduction declined.")


class WithdrawView(TransitionView):
    transition = services.introduction_withdraw
    done_message = gettext_lazy("Introduction withdrawn.")
