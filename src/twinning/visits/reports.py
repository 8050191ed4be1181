"""The visit report: sessions held, people met, organisations by sector and region, follow-ups
and outcomes; read once, shown as a page, written as XLSX and as PDF."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from twinning.core.spreadsheets import safe_row
from twinning.organisations.selectors import organisations_for_matching
from twinning.programmes.selectors import sectors_by_codes
from twinning.visits.models import Attendee, FollowUp, Session, SessionOutcome, Visit
from twinning.visits.selectors import Times, session_times, sessions


@dataclass
class SessionLine:
    session: Session
    times: Times
    invited: int = 0
    accepted: int = 0
    attended: int = 0


@dataclass
class VisitReport:
    visit: Visit
    sessions: list[SessionLine]
    people_met: list[Attendee]
    by_sector: list[tuple[str, str, int]]
    by_region: list[tuple[str, int]]
    follow_ups: list[FollowUp]
    outcomes: list[SessionOutcome]
    totals: dict[str, int] = field(default_factory=dict)


def _lines(visit: Visit) -> list[SessionLine]:
    rows = list(sessions(visit=visit).prefetch_related("attendees"))
    lines = []
    for session in rows:
        answers = list(session.attendees.all())
        lines.append(
            SessionLine(
                session,
                session_times(session=session),
                invited=sum(a.state != Attendee.State.WITHDRAWN for a in answers),
                accepted=sum(a.state == Attendee.State.ACCEPTED for a in answers),
                attended=sum(a.attended is True for a in answers),
            )
        )
    return lines


def _met(visit: Visit) -> list[Attendee]:
    """Guests who came, or said yes where attendance was not taken."""
    guests = (
        Attendee.objects.filter(session__visit=visit, state=Attendee.State.ACCEPTED)
        .exclude(attended=False)
        .exclude(session__status=Session.Status.CANCELLED)
    )
    related = ("person__organisation__region", "session")
    return list(guests.select_related(*related).order_by("person__name", "session__starts_at"))


def _organisation_counts(visit: Visit, met: list[Attendee]) -> tuple[list, list]:
    ids = sorted({a.person.organisation_id for a in met if a.person.organisation_id})
    organisations = list(organisations_for_matching(programme_id=visit.programme_id, ids=ids))
    divisions: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    for organisation in organisations:
        regions[organisation.region.name] += 1
        for division in {s.code[:2] for s in organisation.sectors.all()}:
            divisions[division] += 1
    titles = {s.code: s.title for s in sectors_by_codes(codes=sorted(divisions))}
    by_sector = [(code, titles.get(code, ""), n) for code, n in sorted(divisions.items())]
    return by_sector, sorted(regions.items())


def visit_report(*, visit: Visit) -> VisitReport:
    met = _met(visit)
    by_sector, by_region = _organisation_counts(visit, met)
    follow_ups = list(
        FollowUp.objects.filter(attendee__session__visit=visit)
        .select_related("attendee__person__organisation", "attendee__session")
        .order_by("attendee__session__starts_at", "attendee__person__name")
    )
    outcomes = list(
        SessionOutcome.objects.filter(session__visit=visit)
        .select_related("session", "organisation")
        .order_by("session__starts_at", "recorded_at")
    )
    lines = _lines(visit)
    totals = {
        "held": sum(line.session.status != Session.Status.CANCELLED for line in lines),
        "people": len({a.person_id for a in met}),
        "organisations": len({a.person.organisation_id for a in met if a.person.organisation_id}),
        "follow_ups": len(follow_ups),
        "answered": sum(bool(f.answer) for f in follow_ups),
        "outcomes": len(outcomes),
    }
    return VisitReport(visit, lines, met, by_sector, by_region, follow_ups, outcomes, totals)


# ---------------------------------------------------------------- XLSX


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list[Any]]) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append(safe_row(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))


def report_xlsx(report: VisitReport) -> bytes:
    book = Workbook()
    book.remove(book.active)
    _sheet(
        book,
        _("Sessions"),
        [
            _("Day"),
            _("Start"),
            _("End"),
            _("Time zone"),
            _("Session"),
            _("Kind"),
            _("Venue"),
            _("Status"),
            _("Invited"),
            _("Will attend"),
            _("Attended"),
        ],
        [
            [
                line.times.day,
                line.times.start,
                line.times.end,
                line.times.zone,
                line.session.title,
                line.session.get_kind_display(),
                line.session.venue.name,
                line.session.get_status_display(),
                line.invited,
                line.accepted,
                line.attended,
            ]
            for line in report.sessions
        ],
    )
    _sheet(
        book,
        _("People met"),
        [_("Name"), _("Role"), _("Organisation"), _("Region"), _("Session")],
        [
            [
                a.person.name,
                a.person.role,
                str(a.person.organisation or ""),
                a.person.organisation.region.name if a.person.organisation else "",
                a.session.title,
            ]
            for a in report.people_met
        ],
    )
    _sheet(
        book,
        _("Organisations by sector"),
        [_("NACE division"), _("Sector"), _("Organisations")],
        [list(row) for row in report.by_sector],
    )
    _sheet(
        book,
        _("Organisations by region"),
        [_("Region"), _("Organisations")],
        [list(row) for row in report.by_region],
    )
    _sheet(
        book,
        _("Follow-ups"),
        [_("Name"), _("Organisation"), _("Session"), _("What came of it")],
        [
            [
                f.attendee.person.name,
                str(f.attendee.person.organisation or ""),
                f.attendee.session.title,
                f.answer,
            ]
            for f in report.follow_ups
        ],
    )
    _sheet(
        book,
        _("Outcomes"),
        [_("Session"), _("Organisation"), _("What was agreed")],
        [[o.session.title, str(o.organisation or ""), o.description] for o in report.outcomes],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
