"""Operator pages for the brokerage rules: the programme's, and an event's overrides."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from twinning.events import selectors_brokerage, services
from twinning.events.forms import EventRulesForm, ProgrammeRulesForm
from twinning.events.views.base import MANAGE, OperatorMixin
from twinning.programmes.selectors import programme_get

HISTORY = 10


class RulesFormMixin:
    template_name = "events/manage/rules.html"

    def owner(self) -> dict[str, Any]:
        raise NotImplementedError

    def form_valid(self, form: BaseForm) -> HttpResponse:
        fields = {name: form.cleaned_data[name] for name in form.cleaned_data}
        try:
            services.brokerage_rules_set(by=self.request.user, **self.owner(), **fields)  # type: ignore[attr-defined]
        except ValidationError as error:
            form.add_service_error(error)  # type: ignore[attr-defined]
            return self.form_invalid(form)  # type: ignore[attr-defined]
        messages.success(self.request, _("The brokerage rules are saved."))  # type: ignore[attr-defined]
        return redirect(self.request.path)  # type: ignore[attr-defined]


class ProgrammeRulesView(RulesFormMixin, PermissionRequiredMixin, FormView):
    permission_required = MANAGE
    form_class = ProgrammeRulesForm

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        self.programme = programme_get(slug=kwargs["slug"])
        if self.programme is None:
            raise Http404(_("No such programme."))
        return super().dispatch(request, *args, **kwargs)

    def owner(self) -> dict[str, Any]:
        return {"programme": self.programme}

    def get_form_kwargs(self) -> dict[str, Any]:
        instance = selectors_brokerage.programme_rules_to_edit(programme=self.programme)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rules = selectors_brokerage.rules_of_programme(programme_id=self.programme.pk)
        context = {
            "programme": self.programme,
            "heading": self.programme.name,
            "history": selectors_brokerage.rules_history(rules=rules)[:HISTORY],
        }
        return super().get_context_data(**context, **kwargs)


class EventRulesView(RulesFormMixin, OperatorMixin, FormView):
    form_class = EventRulesForm

    def owner(self) -> dict[str, Any]:
        return {"event": self.event}

    def get_form_kwargs(self) -> dict[str, Any]:
        instance = selectors_brokerage.event_rules_to_edit(event=self.event)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = self.event
        rules = selectors_brokerage.rules_of_event(event=event)
        context = {
            "event": event,
            "programme": event.programme,
            "heading": event.title,
            "in_force": selectors_brokerage.rules_in_force(event=event),
            "history": selectors_brokerage.rules_history(rules=rules)[:HISTORY],
        }
        return super().get_context_data(**context, **kwargs)
