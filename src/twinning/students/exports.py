"""An employer's leads as XLSX (openpyxl): only students who share their profile with the fair."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from twinning.students import selectors
from twinning.students.models import Booth


def _safe(value: object) -> object:
    """A cell never starts a formula (CSV/XLSX injection)."""
    text = "" if value is None else value
    if isinstance(text, str) and text[:1] in ("=", "+", "-", "@"):
        return "'" + text
    return text


def leads_xlsx(*, booth: Booth) -> bytes:
    notes = selectors.notes_of(booth=booth)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Leads")[:31]
    sheet.append(
        [
            _("Name"), _("E-mail address"), _("University"), _("Course"), _("Level"),
            _("Graduation year"), _("Skills"), _("Checked in"), _("Rating"), _("Note"),
        ]
    )  # fmt: skip
    for registration in selectors.leads_of(booth=booth):
        student = registration.student
        note = notes.get(registration.pk)
        sheet.append(
            [
                _safe(student.display_name), _safe(student.user.email),
                _safe(student.university_name), _safe(student.course),
                str(student.get_level_display()), student.graduation_year, _safe(student.skills),
                _("yes") if registration.checked_in_at else _("no"),
                note.rating if note else None, _safe(note.text if note else ""),
            ]
        )  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
