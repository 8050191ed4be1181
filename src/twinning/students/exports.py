"""An employer's leads as XLSX (openpyxl): only students who share their profile with the fair."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from twinning.core.spreadsheets import safe_row
from twinning.students import selectors
from twinning.students.models import Booth


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
            safe_row([
                student.display_name, student.user.email,
                student.university_name, student.course,
                str(student.get_level_display()), student.graduation_year, student.skills,
                _("yes") if registration.checked_in_at else _("no"),
                note.rating if note else None, note.text if note else "",
            ])
        )  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
