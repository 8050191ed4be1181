"""The dashboard's tables as headers and rows: one source for the page, CSV, XLSX and the PDF."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from twinning.core.spreadsheets import csv_bytes, csv_chunks, safe_row
from twinning.outcomes.dashboard import Dashboard, register_rows
from twinning.outcomes.definitions import DEFINITIONS
from twinning.outcomes.models import Outcome

Table = tuple[list[str], Iterable[list[Any]]]
# Outcomes read per query while the register is written (their meetings are prefetched per chunk)
REGISTER_CHUNK = 1000
# Verified agreements the PDF lists (by value): laying out thousands of rows takes minutes
REPORT_TOP = 50


def _figures(dashboard: Dashboard) -> Table:
    figures = dashboard.figures
    names = ["organisations", "opportunities", "introductions_requested", "introductions_accepted",
             "meetings_requested", "meetings_accepted", "meetings_held", "no_show_rate",
             "outcomes", "agreements", "verified"]  # fmt: skip
    rows = [[str(DEFINITIONS[name][0]), _plain(figures[name])] for name in names]
    rows += [
        [_("Value reported (GBP)"), figures["value_gbp"]],
        [_("Value reported (KZT)"), figures["value_kzt"]],
        [_("Value verified (GBP)"), figures["verified_gbp"]],
        [_("Value verified (KZT)"), figures["verified_kzt"]],
    ]
    return [_("Figure"), _("Value")], rows


def _funnel(dashboard: Dashboard) -> Table:
    return [_("Step"), _("Count")], [[str(label), n] for _key, label, n in dashboard.funnel]


def _stages(dashboard: Dashboard) -> Table:
    headers = [_("Stage"), _("Reported"), _("Confirmed"), _("Disputed"),
               pgettext("outcome", "Verified"), _("Value reported (GBP)"),
               _("Value reported (KZT)"), _("Value verified (GBP)"),
               _("Value verified (KZT)")]  # fmt: skip
    rows = [
        [str(r.label), r.reported, r.confirmed, r.disputed, r.verified,
         r.value_gbp, r.value_kzt, r.verified_gbp, r.verified_kzt]
        for r in dashboard.stages
    ]  # fmt: skip
    return headers, rows


def _local_content(dashboard: Dashboard) -> Table:
    headers = [_("Method"), _("Version"), _("Outcomes"), _("Average share (%)"),
               _("Share of value (%)"), pgettext("outcome", "Verified"),
               _("Share of verified value (%)")]  # fmt: skip
    rows = [
        [r.method, r.version, r.outcomes, _plain(r.average), _plain(r.weighted), r.verified,
         _plain(r.verified_weighted)]
        for r in dashboard.local_content
    ]  # fmt: skip
    return headers, rows


def _monthly(dashboard: Dashboard) -> Table:
    headers = [_("Month"), _("Introductions accepted"), _("Meetings held"), _("Agreements"),
               _("Value verified (GBP)")]  # fmt: skip
    rows = [
        [r.month.strftime("%Y-%m"), r.introductions, r.meetings, r.agreements, r.verified_gbp]
        for r in dashboard.months
    ]
    return headers, rows


def _register(
    dashboard: Dashboard, verified_agreements: bool = False, top: int | None = None
) -> Table:
    """The register row by row: read in chunks (never the whole queryset at once) and with the
    choice labels translated once, not once a row."""
    headers = [_("Outcome"), _("Kind"), _("Recorded by"), _("Partner"), _("Introduction"),
               _("Meetings"), _("Stage"), _("Stage reached on"), _("Value"), _("Currency"),
               _("Rate date"), _("Value (GBP)"), _("Value (KZT)"), _("Local-content share (%)"),
               _("Local-content method"), _("Confirmation"), _("Verified on")]  # fmt: skip
    labels = {name: _labels(name) for name in ("kind", "stage", "confirmation")}
    outcomes = register_rows(
        scope=dashboard.scope, verified_agreements=verified_agreements, top=top
    )
    return headers, (_register_row(o, labels) for o in outcomes.iterator(chunk_size=REGISTER_CHUNK))


def verified_register(dashboard: Dashboard) -> Table:
    """The largest verified agreements (`REPORT_TOP`): what the PDF report lists for funders;
    the full register is the XLSX export."""
    headers, rows = _register(dashboard, verified_agreements=True, top=REPORT_TOP)
    return headers, list(rows)


def _labels(name: str) -> dict[str, str]:
    return {value: str(label) for value, label in Outcome._meta.get_field(name).flatchoices}


def _register_row(outcome: Any, labels: dict[str, dict[str, str]]) -> list[Any]:
    meetings = "; ".join(
        f"{m.event.title_en} {m.event.starts_on:%Y-%m-%d}" for m in outcome.meetings.all()
    )
    introduction = outcome.introduction
    method = outcome.local_content_method
    return [
        outcome.title, labels["kind"].get(outcome.kind, outcome.kind), str(outcome.reporter),
        str(outcome.partner), f"{introduction.created_at:%Y-%m-%d}" if introduction else "",
        meetings, labels["stage"].get(outcome.stage, outcome.stage), outcome.stage_on,
        outcome.amount, outcome.currency, outcome.rate_on, outcome.value_gbp, outcome.value_kzt,
        outcome.local_content_share, str(method) if method else "",
        labels["confirmation"].get(outcome.confirmation, outcome.confirmation),
        outcome.verified_at.date() if outcome.verified_at else None,
    ]  # fmt: skip


TABLES: dict[str, tuple[Any, Callable[[Dashboard], Table]]] = {
    "figures": (DEFINITIONS["organisations"][0], _figures),
    "funnel": (DEFINITIONS["funnel"][0], _funnel),
    "stages": (DEFINITIONS["outcomes"][0], _stages),
    "local-content": (DEFINITIONS["local_content"][0], _local_content),
    "monthly": (DEFINITIONS["monthly"][0], _monthly),
    "register": (DEFINITIONS["agreements"][0], _register),
}


# The one part of the dashboard each table is made from (absent: the whole dashboard)
PARTS = {"stages": "stages", "local-content": "local_content", "monthly": "months",
         "register": None}  # fmt: skip


def _plain(value: Any) -> Any:
    return "" if value is None else value


def table(dashboard: Dashboard, name: str) -> Table:
    return TABLES[name][1](dashboard)


def as_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    return csv_bytes(headers, ([_cell(v) for v in row] for row in rows))


def as_csv_chunks(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """The CSV of `as_csv` in pieces, for a streamed download."""
    return csv_chunks(headers, ([_cell(v) for v in row] for row in rows))


def as_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A workbook written row by row (openpyxl's write-only mode keeps no cell objects)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(safe_row(list(headers)))
    for row in rows:
        sheet.append(safe_row([float(v) if isinstance(v, Decimal) else v for v in row]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    return "" if value is None else value
