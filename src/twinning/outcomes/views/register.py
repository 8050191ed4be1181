"""Pages of the register: my outcomes, record one, one outcome with its workflow and evidence."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from twinning.core.pagination import page_of
from twinning.organisations.selectors import organisation_get_by_id, organisations_for_user
from twinning.outcomes import selectors, services
from twinning.outcomes.forms import (
    ConfirmForm,
    DisputeForm,
    EvidenceForm,
    FollowUpForm,
    MoveForm,
    OutcomeEditForm,
    OutcomeRecordForm,
    VerifyForm,
)
from twinning.outcomes.models import Outcome
from twinning.outcomes.rules import can_move


class MineView(LoginRequiredMixin, TemplateView):
    template_name = "outcomes/mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        return super().get_context_data(
            awaiting=selectors.outcomes_awaiting(user=user),
            outcomes=selectors.outcomes_for_user(user=user)[:200],
            **kwargs,
        )


class OperatorRegisterView(PermissionRequiredMixin, TemplateView):
    permission_required = "outcomes.operate"
    raise_exception = True
    template_name = "outcomes/register.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET
        stage = query.get("stage", "") if query.get("stage") in Outcome.Stage.values else ""
        confirmation = query.get("confirmation", "")
        confirmation = confirmation if confirmation in Outcome.Confirmation.values else ""
        verified = {"yes": True, "no": False}.get(query.get("verified", ""))
        outcomes = selectors.outcomes_all(stage=stage, confirmation=confirmation, verified=verified)
        return super().get_context_data(
            outcomes=page_of(self.request, outcomes), stages=Outcome.Stage.choices,
            confirmations=Outcome.Confirmation.choices, stage=stage,
            confirmation=confirmation, verified=query.get("verified", ""), **kwargs,
        )  # fmt: skip


class RecordView(LoginRequiredMixin, View):
    """Record an outcome with a partner one has met or been introduced to."""

    template_name = "outcomes/record.html"

    def _mine(self, request: HttpRequest) -> list[Any]:
        mine = [m.organisation for m in organisations_for_user(user=request.user)]
        if not mine:
            raise PermissionDenied(_("You are not a member of any organisation."))
        return mine

    def _pick(self, request: HttpRequest, mine: list[Any]) -> tuple[Any, Any | None]:
        data = request.POST or request.GET
        chosen = str(data.get("organisation", ""))
        reporter = next((o for o in mine if str(o.pk) == chosen), mine[0])
        partner_id = str(data.get("partner", ""))
        partner = organisation_get_by_id(pk=int(partner_id)) if partner_id.isdigit() else None
        return reporter, partner

    def _form(self, request: HttpRequest) -> tuple[OutcomeRecordForm, Any, Any]:
        mine = self._mine(request)
        reporter, partner = self._pick(request, mine)
        partners = list(selectors.partner_choices(organisation_id=reporter.pk))
        if partner is not None and partner.pk not in {p.pk for p in partners}:
            partner = None
        links = (
            selectors.links_available(first_id=reporter.pk, second_id=partner.pk)
            if partner is not None
            else selectors.Links([], [], [])
        )
        initial = {
            "organisation": reporter.pk,
            "partner": partner.pk if partner else "",
            "introduction": request.GET.get("introduction", ""),
            "meetings": request.GET.getlist("meeting"),
            "visit_sessions": request.GET.getlist("visit_session"),
        }
        form = OutcomeRecordForm(
            request.POST or None, initial=initial, organisations=mine, partners=partners,
            introductions=links.introductions, meetings=links.meetings, sessions=links.sessions,
            methods=list(selectors.local_content_methods()),
        )  # fmt: skip
        return form, reporter, partner

    def get(self, request: HttpRequest) -> HttpResponse:
        form, _reporter, partner = self._form(request)
        return render(request, self.template_name, {"form": form, "partner": partner})

    def post(self, request: HttpRequest) -> HttpResponse:
        form, reporter, partner = self._form(request)
        if not form.is_valid() or partner is None:
            return render(request, self.template_name, {"form": form, "partner": partner})
        links = selectors.links_available(first_id=reporter.pk, second_id=partner.pk)
        data = form.cleaned_data
        try:
            outcome = services.outcome_record(
                reporter=reporter, partner=partner, by=request.user,
                stage=data["stage"], stage_on=data["stage_on"], lost_reason=data["lost_reason"],
                introduction=next(
                    (i for i in links.introductions if i.pk == data["introduction"]), None
                ),
                meetings=[m for m in links.meetings if m.pk in set(data["meetings"])],
                visit_sessions=[s for s in links.sessions if s.pk in set(data["visit_sessions"])],
                **form.claim(),
            )  # fmt: skip
        except ValidationError as error:
            form.add_service_error(error)
            return render(request, self.template_name, {"form": form, "partner": partner})
        messages.success(
            request,
            _("Outcome recorded. %(partner)s is asked to confirm it.") % {"partner": partner},
        )
        return redirect("outcomes:detail", pk=outcome.pk)


def _outcome_for(request: HttpRequest, pk: int, permission: str = "outcomes.view") -> Outcome:
    """The outcome if the user may see it; 404 otherwise, so ids reveal nothing."""
    outcome = selectors.outcome_get(pk=pk)
    if outcome is None or not request.user.has_perm("outcomes.view", outcome):
        raise Http404
    return outcome


def _stages_open_to(user: Any, outcome: Outcome) -> list[tuple[str, Any]]:
    return [
        (stage, label)
        for stage, label in Outcome.Stage.choices
        if stage in can_move and can_move[stage].test(user, outcome)
    ]


class DetailView(View):
    template_name = "outcomes/detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        outcome = _outcome_for(request, pk)
        return render(request, self.template_name, self.context(request, outcome))

    def context(self, request: HttpRequest, outcome: Outcome, **forms: Any) -> dict[str, Any]:
        stages = _stages_open_to(request.user, outcome)
        return {
            "outcome": outcome,
            **selectors.outcome_record(outcome=outcome),
            "move_form": forms.get("move_form") or (MoveForm(stages=stages) if stages else None),
            "dispute_form": forms.get("dispute_form") or DisputeForm(),
            "verify_form": forms.get("verify_form") or VerifyForm(),
            "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        }


class StepView(View):
    """POST-only: one workflow step through a form; the service checks who may take it."""

    form_name = ""
    done_message: Any = ""

    def form(self, request: HttpRequest, outcome: Outcome) -> Any:
        raise NotImplementedError

    def act(self, request: HttpRequest, outcome: Outcome, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        outcome = _outcome_for(request, pk)
        form = self.form(request, outcome)
        if form.is_valid():
            try:
                self.act(request, outcome, form.cleaned_data)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, str(self.done_message))
                return redirect("outcomes:detail", pk=outcome.pk)
        detail = DetailView()
        context = detail.context(request, outcome, **{self.form_name: form})
        return render(request, detail.template_name, context, status=400)


class MoveView(StepView):
    form_name = "move_form"
    done_message = gettext_lazy("The stage is recorded; the other party is asked to confirm it.")

    def form(self, request: HttpRequest, outcome: Outcome) -> Any:
        stages = _stages_open_to(request.user, outcome)
        if not stages:
            raise PermissionDenied
        return MoveForm(request.POST, stages=stages)

    def act(self, request: HttpRequest, outcome: Outcome, data: dict[str, Any]) -> None:
        services.outcome_move(outcome=outcome, by=request.user, **data)


class ConfirmView(StepView):
    form_name = "confirm_form"
    done_message = gettext_lazy("Confirmed. An operator will verify it against the evidence.")

    def form(self, request: HttpRequest, outcome: Outcome) -> Any:
        return ConfirmForm(request.POST)

    def act(self, request: HttpRequest, outcome: Outcome, data: dict[str, Any]) -> None:
        services.outcome_confirm(outcome=outcome, by=request.user)


class DisputeView(StepView):
    form_name = "dispute_form"
    done_message = gettext_lazy("Disputed. The organisation that recorded it has been told why.")

    def form(self, request: HttpRequest, outcome: Outcome) -> Any:
        return DisputeForm(request.POST)

    def act(self, request: HttpRequest, outcome: Outcome, data: dict[str, Any]) -> None:
        services.outcome_dispute(outcome=outcome, by=request.user, reason=data["reason"])


class VerifyView(StepView):
    form_name = "verify_form"
    done_message = gettext_lazy("Verified: the outcome now counts in the verified totals.")

    def form(self, request: HttpRequest, outcome: Outcome) -> Any:
        return VerifyForm(request.POST)

    def act(self, request: HttpRequest, outcome: Outcome, data: dict[str, Any]) -> None:
        services.outcome_verify(outcome=outcome, by=request.user, note=data["note"])


class EvidenceAddView(StepView):
    form_name = "evidence_form"
    done_message = gettext_lazy("Evidence uploaded.")

    def form(self, request: HttpRequest, outcome: Outcome) -> Any:
        return EvidenceForm(request.POST, request.FILES)

    def act(self, request: HttpRequest, outcome: Outcome, data: dict[str, Any]) -> None:
        services.evidence_add(outcome=outcome, by=request.user, upload=data["upload"])


class EditView(LoginRequiredMixin, View):
    template_name = "outcomes/edit.html"

    def _form(self, request: HttpRequest, outcome: Outcome) -> OutcomeEditForm:
        if not request.user.has_perm("outcomes.edit", outcome):
            raise PermissionDenied
        initial = {
            "title": outcome.title, "kind": outcome.kind, "description": outcome.description,
            "amount": outcome.amount, "currency": outcome.currency, "rate_on": outcome.rate_on,
            "local_content_share": outcome.local_content_share,
            "local_content_method": outcome.local_content_method_id,
        }  # fmt: skip
        return OutcomeEditForm(
            request.POST or None, initial=initial, methods=list(selectors.local_content_methods())
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        outcome = _outcome_for(request, pk)
        form = self._form(request, outcome)
        return render(request, self.template_name, {"form": form, "outcome": outcome})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        outcome = _outcome_for(request, pk)
        form = self._form(request, outcome)
        if form.is_valid():
            try:
                services.outcome_update(outcome=outcome, by=request.user, **form.claim())
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Saved; the partner is asked to confirm again."))
                return redirect("outcomes:detail", pk=outcome.pk)
        return render(request, self.template_name, {"form": form, "outcome": outcome})


class FollowUpView(View):
    """Answered from the e-mail's link: the token is the key, so no sign-in is needed."""

    template_name = "outcomes/follow_up.html"

    def _context(self, follow_up: Any, form: FollowUpForm) -> dict[str, Any]:
        meeting = follow_up.meeting
        partner = meeting.request.recipient
        if partner.pk == follow_up.registration_id:
            partner = meeting.request.requester
        proposes = follow_up.answer in follow_up.PROPOSING and follow_up.outcome_id is None
        return {"follow_up": follow_up, "form": form, "partner": partner, "proposes": proposes}

    def _get(self, token: str) -> Any:
        follow_up = selectors.follow_up_get(token=token)
        if follow_up is None:
            raise Http404
        return follow_up

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        follow_up = self._get(token)
        initial = {"answer": follow_up.answer, "comment": follow_up.comment}
        form = FollowUpForm(initial=initial)
        return render(request, self.template_name, self._context(follow_up, form))

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        follow_up = self._get(token)
        form = FollowUpForm(request.POST)
        if form.is_valid():
            follow_up = services.follow_up_answer(follow_up=follow_up, **form.cleaned_data)
            follow_up = self._get(token)
        return render(request, self.template_name, self._context(follow_up, form))
