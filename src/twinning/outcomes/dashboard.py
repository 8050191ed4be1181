"""The programme dashboard: every figure aggregated in SQL, a fixed number of queries.

Each app counts its own rows for a `core.figures.Scope` (`<app>/selectors_figures.py`); the
register's own figures are here. `dashboard_for` runs the same ten statements whatever the size
of the programme (pinned by tests/outcomes/test_dashboard.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from twinning.core.figures import Scope, in_period
from twinning.events.selectors_figures import (
    meeting_figures,
    meeting_ids_of_event,
    meetings_held_by_month,
    request_figures,
)
from twinning.film.rates import to_cents
from twinning.introductions.selectors_figures import (
    introduction_figures,
    introductions_accepted_by_month,
)
from twinning.matching.selectors_figures import recommendation_count
from twinning.organisations.selectors_figures import organisation_figures, organisation_ids_in
from twinning.outcomes.models import Outcome

AGREEMENT = Q(stage__in=Outcome.AGREEMENT_STAGES)
VERIFIED = Q(verified_at__isnull=False)
ZERO = Decimal("0.00")
MAX_MONTHS = 24
# An annotation may not take a field's name: the sums are read back under the row's names.
RENAMED = {"sum_gbp": "value_gbp", "sum_kzt": "value_kzt"}


@dataclass
class StageRow:
    stage: str
    label: Any
    reported: int = 0
    confirmed: int = 0
    disputed: int = 0
    verified: int = 0
    value_gbp: Decimal = ZERO
    value_kzt: Decimal = ZERO
    verified_gbp: Decimal = ZERO
    verified_kzt: Decimal = ZERO


@dataclass
class LocalContentRow:
    method: str
    version: str
    outcomes: int
    average: Decimal | None
    weighted: Decimal | None
    verified: int
    verified_weighted: Decimal | None


@dataclass
class MonthRow:
    month: dt.date
    introductions: int = 0
    meetings: int = 0
    agreements: int = 0
    verified_gbp: Decimal = ZERO


@dataclass
class Dashboard:
    scope: Scope
    figures: dict[str, Any]
    stages: list[StageRow]
    local_content: list[LocalContentRow]
    months: list[MonthRow]
    funnel: list[tuple[str, Any, int]] = field(default_factory=list)

    def totals(self, *names: str) -> dict[str, Any]:
        return {name: sum(getattr(row, name) for row in self.stages) for name in names}


def _outcomes(scope: Scope) -> Any:
    queryset = Outcome.objects.filter(
        programme_id=scope.programme_id, **in_period("stage_on", scope, dates=True)
    )
    if scope.by_organisation:
        ids = scope.organisation_ids
        queryset = queryset.filter(Q(reporter_id__in=ids) | Q(partner_id__in=ids))
    if scope.event_id:
        links = Outcome.meetings.through.objects.filter(
            meeting_id__in=meeting_ids_of_event(event_id=scope.event_id)
        )
        queryset = queryset.filter(pk__in=links.values("outcome_id"))
    return queryset


def _money(expression: str, condition: Q) -> Sum:
    return Sum(expression, filter=condition, default=ZERO)


def stage_rows(*, scope: Scope) -> list[StageRow]:
    """Outcomes by stage: reported, confirmed, disputed, verified, value (reported, verified)."""
    rows = {
        row["stage"]: row
        for row in _outcomes(scope)
        .values("stage")
        .annotate(
            reported=Count("pk"),
            confirmed=Count("pk", filter=Q(confirmation=Outcome.Confirmation.CONFIRMED)),
            disputed=Count("pk", filter=Q(confirmation=Outcome.Confirmation.DISPUTED)),
            verified=Count("pk", filter=VERIFIED),
            sum_gbp=_money("value_gbp", Q()),
            sum_kzt=_money("value_kzt", Q()),
            verified_gbp=_money("value_gbp", VERIFIED),
            verified_kzt=_money("value_kzt", VERIFIED),
        )
        .order_by()
    }
    result = []
    for stage, label in Outcome.Stage.choices:
        values = {
            RENAMED.get(k, k): _cents(v) for k, v in rows.get(stage, {}).items() if k != "stage"
        }
        result.append(StageRow(stage=stage, label=label, **values))
    return result


def _cents(value: Any) -> Any:
    """Sums come back from SQLite with float-like precision: money is kept to the cent."""
    return to_cents(Decimal(value)) if isinstance(value, Decimal | float) else value


def local_content_rows(*, scope: Scope) -> list[LocalContentRow]:
    """Per method and version (never across them): count, average share, value-weighted share."""
    weighted = ExpressionWrapper(
        F("local_content_share") * F("value_gbp"), output_field=DecimalField()
    )
    with_value = Q(value_gbp__isnull=False)
    rows = (
        _outcomes(scope)
        .filter(local_content_method__isnull=False)
        .values("local_content_method__name", "local_content_method__version")
        .annotate(
            outcomes=Count("pk"),
            share_sum=Sum("local_content_share"),
            weighted_sum=Sum(weighted, filter=with_value),
            value_sum=Sum("value_gbp", filter=with_value),
            verified=Count("pk", filter=VERIFIED),
            verified_weighted_sum=Sum(weighted, filter=with_value & VERIFIED),
            verified_value_sum=Sum("value_gbp", filter=with_value & VERIFIED),
        )
        .order_by("local_content_method__name", "local_content_method__version")
    )
    return [_local_content_row(row) for row in rows]


def _ratio(numerator: Any, denominator: Any) -> Decimal | None:
    if not numerator or not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.1"))


def _local_content_row(row: dict[str, Any]) -> LocalContentRow:
    return LocalContentRow(
        method=row["local_content_method__name"],
        version=row["local_content_method__version"],
        outcomes=row["outcomes"],
        average=_ratio(row["share_sum"], row["outcomes"]),
        weighted=_ratio(row["weighted_sum"], row["value_sum"]),
        verified=row["verified"],
        verified_weighted=_ratio(row["verified_weighted_sum"], row["verified_value_sum"]),
    )


def agreements_by_month(*, scope: Scope) -> dict[dt.date, dict[str, Any]]:
    rows = (
        _outcomes(scope)
        .filter(AGREEMENT)
        .annotate(month=TruncMonth("stage_on"))
        .values("month")
        .annotate(agreements=Count("pk"), verified_gbp=_money("value_gbp", VERIFIED))
        .order_by()
    )
    return {row["month"]: row for row in rows}


def _months(scope: Scope, seen: set[dt.date]) -> list[dt.date]:
    if not seen and not scope.start:
        return []
    first = (scope.start or min(seen)).replace(day=1)
    last = (scope.end or max(seen, default=first)).replace(day=1)
    months: list[dt.date] = []
    month = first
    while month <= last and len(months) < MAX_MONTHS:
        months.append(month)
        if (month.year, month.month) == (dt.MAXYEAR, 12):
            break  # a period asked to end in December 9999 ends there
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def month_rows(*, scope: Scope) -> list[MonthRow]:
    introductions = introductions_accepted_by_month(scope=scope)
    meetings = meetings_held_by_month(scope=scope)
    agreements = agreements_by_month(scope=scope)
    seen = {*introductions, *meetings, *agreements}
    return [
        MonthRow(
            month=month,
            introductions=introductions.get(month, 0),
            meetings=meetings.get(month, 0),
            agreements=agreements.get(month, {}).get("agreements", 0),
            verified_gbp=_cents(agreements.get(month, {}).get("verified_gbp", ZERO)),
        )
        for month in _months(scope, seen)
    ]


def _no_show_rate(meetings: dict[str, int]) -> Decimal | None:
    attended = meetings["held"] + meetings["no_show"]
    if not attended:
        return None
    return (Decimal(100) * meetings["no_show"] / attended).quantize(Decimal("0.1"))


def dashboard_for(*, scope: Scope) -> Dashboard:
    organisations = organisation_figures(scope=scope)
    introductions = introduction_figures(scope=scope)
    requests = request_figures(scope=scope)
    meetings = meeting_figures(scope=scope)
    stages = stage_rows(scope=scope)
    figures: dict[str, Any] = {
        **organisations,
        "recommendations": recommendation_count(scope=scope),
        "introductions_requested": introductions["requested"],
        "introductions_accepted": introductions["accepted"],
        "meetings_requested": requests["requested"],
        "meetings_accepted": requests["accepted"],
        "meetings_held": meetings["held"],
        "no_shows": meetings["no_show"],
        "no_show_rate": _no_show_rate(meetings),
        "feedback": {
            k.removeprefix("feedback_"): v for k, v in meetings.items() if k.startswith("feedback_")
        },
    }
    dashboard = Dashboard(
        scope=scope,
        figures=figures,
        stages=stages,
        local_content=local_content_rows(scope=scope),
        months=month_rows(scope=scope),
    )
    _add_outcome_totals(dashboard)
    return dashboard


# The parts of the dashboard one table needs, computed alone for that table's export
PARTS = {"stages": stage_rows, "local_content": local_content_rows, "months": month_rows}


def dashboard_part(*, scope: Scope, part: str | None) -> Dashboard:
    """A dashboard with only one part computed (or none: the register needs the scope only)."""
    dashboard = Dashboard(scope=scope, figures={}, stages=[], local_content=[], months=[])
    if part is not None:
        setattr(dashboard, part, PARTS[part](scope=scope))
    return dashboard


def _add_outcome_totals(dashboard: Dashboard) -> None:
    agreements = [row for row in dashboard.stages if row.stage in Outcome.AGREEMENT_STAGES]
    figures = dashboard.figures
    figures["outcomes"] = sum(row.reported for row in dashboard.stages)
    figures["agreements"] = sum(row.reported for row in agreements)
    figures["verified"] = sum(row.verified for row in agreements)
    for name in ("value_gbp", "value_kzt", "verified_gbp", "verified_kzt"):
        figures[name] = sum((getattr(row, name) for row in agreements), ZERO)
    dashboard.funnel = [
        ("recommendations", _("Recommendations"), figures["recommendations"]),
        ("introductions_requested", _("Introductions requested"),
         figures["introductions_requested"]),
        ("introductions_accepted", _("Introductions accepted"), figures["introductions_accepted"]),
        ("meetings_held", _("Meetings held"), figures["meetings_held"]),
        ("outcomes", _("Outcomes"), figures["outcomes"]),
        ("agreements", _("Agreements"), figures["agreements"]),
        ("verified", _("Verified agreements"), figures["verified"]),
    ]  # fmt: skip


def scope_for(*, programme_id: int, data: dict[str, Any]) -> Scope:
    """The scope the dashboard's cleaned filters select."""
    return Scope(
        programme_id=programme_id,
        start=data.get("start"),
        end=data.get("end"),
        event_id=data.get("event"),
        organisation_ids=organisation_ids_in(
            programme_id=programme_id, side_id=data.get("side"),
            region_id=data.get("region"), sector_code=data.get("sector") or "",
        ),
    )  # fmt: skip


def register_rows(
    *, scope: Scope, verified_agreements: bool = False, top: int | None = None
) -> Any:
    """The outcomes in scope with their parties and links, for the register table (3 queries);
    `top`: only that many, the largest by value (GBP) first."""
    queryset = _outcomes(scope)
    if verified_agreements:
        queryset = queryset.filter(AGREEMENT & VERIFIED)
    queryset = queryset.select_related(
        "reporter", "partner", "introduction", "local_content_method"
    ).prefetch_related("meetings__event")
    if top is None:
        return queryset.order_by("-stage_on", "-pk")
    return queryset.order_by(F("value_gbp").desc(nulls_last=True), "-stage_on", "-pk")[:top]
