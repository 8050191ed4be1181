"""The public estimator: production and budget lines in, a translated result and a bar chart out;
studio members save it as a draft application."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import View
from rules.contrib.views import PermissionRequiredMixin

from twinning.film import labels, selectors, services
from twinning.film.estimator import Estimate, SchemeEstimate
from twinning.film.forms import (
    FLAGS,
    LINES_PREFIX,
    NEW_LINE,
    LineFormSet,
    ProductionForm,
    StudioChoiceForm,
    posted_lines,
)
from twinning.film.rates import MissingRate, RateTable

if TYPE_CHECKING:
    from twinning.core.models import User


def actor(request: HttpRequest) -> User:
    """The signed-in user: every view that writes has a rule that refuses anonymous visitors."""
    return cast("User", request.user)


# Estimates


@dataclass(frozen=True)
class SchemeRow:
    """One scheme's estimate with its wording in the reader's language, for the result table."""

    estimate: SchemeEstimate
    reasons: list[tuple[bool, str]]
    warnings: list[tuple[str, str]]  # (the warning, the rule data's English note if apart)
    rate: str
    amount_converted: Decimal | None  # the amount if eligible, in the production's currency
    bar_percent: int


def _converted(scheme: SchemeEstimate, currency: str, rates: RateTable, on: Any) -> Decimal | None:
    try:
        return rates.conversion(scheme.currency, currency, on).apply(scheme.amount_if_eligible)
    except MissingRate:
        return None


def scheme_rows(result: Estimate) -> list[SchemeRow]:
    rates = selectors.rate_table_from_database()
    currency = result.production.currency
    amounts = [_converted(s, currency, rates, result.on) for s in result.schemes]
    largest = max((amount for amount in amounts if amount), default=Decimal(0))
    return [
        SchemeRow(
            estimate=scheme,
            reasons=[(r.met, labels.reason_text(r.code, r.met, r.params)) for r in scheme.reasons],
            warnings=[labels.warning_parts(w.code, w.params) for w in scheme.warnings],
            rate="" if scheme.rate is None else labels.render("{rate:.0%}", {"rate": scheme.rate}),
            amount_converted=amount,
            bar_percent=int(100 * amount / largest) if amount and largest else 0,
        )
        for scheme, amount in zip(result.schemes, amounts, strict=True)
    ]


def line_formset(rows: list[dict[str, Any]]) -> Any:
    return LineFormSet(initial=rows, prefix=LINES_PREFIX)


def edited_rows(data: Any) -> list[dict[str, Any]]:
    """The posted lines with one added or removed, as the "add"/"remove" buttons asked."""
    rows = posted_lines(data)
    if "remove_line" in data:
        with contextlib.suppress(ValueError, IndexError):
            del rows[int(data["remove_line"])]
    else:
        rows.append(dict(NEW_LINE))
    return rows or [dict(NEW_LINE)]


def typed_production(data: Any) -> ProductionForm:
    """The production as typed, shown again without complaining about what is still missing."""
    initial = {key: data.get(key) for key in ProductionForm.base_fields if key in data}
    initial.update({flag: bool(data.get(flag)) for flag in FLAGS})
    return ProductionForm(initial=initial)


def user_studios(request: HttpRequest) -> list[Any]:
    if not request.user.is_authenticated:
        return []
    return [m.organisation for m in selectors.studios_for_user(user=request.user)]


class EstimatorView(PermissionRequiredMixin, View):
    """The public estimator: no log-in; studio members may save the estimate as a draft."""

    permission_required = "film.estimate"
    template_name = "film/estimator.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.page(ProductionForm(), line_formset([dict(NEW_LINE)]))

    def post(self, request: HttpRequest) -> HttpResponse:
        data = request.POST
        if "add_line" in data or "remove_line" in data:
            return self.page(typed_production(data), line_formset(edited_rows(data)))
        form, lines = ProductionForm(data), LineFormSet(data, prefix=LINES_PREFIX)
        result = None
        if form.is_valid() and lines.is_valid():
            try:
                result = services.estimate_production(
                    production=form.production(), lines=lines.lines()
                )
            except ValidationError as error:
                form.add_error(None, error)
        return self.page(form, lines, result)

    def page(self, form: Any, lines: Any, result: Estimate | None = None, **extra: Any) -> Any:
        studios = user_studios(self.request)
        context = {
            "form": form,
            "lines": lines,
            "result": result,
            "rows": scheme_rows(result) if result else [],
            "studio_form": StudioChoiceForm(studios=studios) if studios else None,
            **extra,
        }
        return render(self.request, self.template_name, context)


class EstimateLinesView(PermissionRequiredMixin, View):
    """HTMX: the budget lines again, with one added or removed."""

    permission_required = "film.estimate"

    def post(self, request: HttpRequest) -> HttpResponse:
        lines = line_formset(edited_rows(request.POST))
        return render(request, "film/includes/lines.html", {"lines": lines})


class SaveDraftView(EstimatorView):
    """Save the estimate as a draft application of one of the user's studios."""

    permission_required = "film.list_own_applications"
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ProductionForm(request.POST)
        lines = LineFormSet(request.POST, prefix=LINES_PREFIX)
        studio_form = StudioChoiceForm(request.POST, studios=user_studios(request))
        valid = all([form.is_valid(), lines.is_valid()])
        if valid and not studio_form.is_valid():
            # The choices are the user's studios: none, or a forged one, means no right to apply.
            form.add_error(None, _("Only members of a film/TV studio can apply."))
        if not valid or form.errors:
            return self.page(form, lines)
        try:
            application = services.film_application_create(
                organisation=studio_form.organisation(), by=actor(request),
                production=form.production(), lines=lines.lines(),
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(form, lines)
        messages.success(request, _("Saved as a draft application. Add the details and documents."))
        return redirect("film:application", application.pk)
