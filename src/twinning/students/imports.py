"""Import of students from CSV or XLSX files, all or nothing (a university's or the embassy's
list of Kazakh students in the UK).

Every row becomes an account that cannot sign in and a student profile, through
`student_import_create`, which checks the profile exactly as the sign-up does. Nobody imported is
contactable, shown to employers or matched: they have agreed to nothing yet. After the import
commits, each is e-mailed, in their language, a link to claim the profile (choose a password,
agree to the privacy notice, choose what else they agree to); until then an operator can send
the link again from the outreach page. Checks that need the file as a whole (an address given
twice) or plain text (choices, codes) come first, with messages that name the column.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.core.models import User
from twinning.core.services import ProgressCallback
from twinning.core.spreadsheets import read_records
from twinning.organisations.imports import (
    ImportResult,
    all_or_nothing,
    row_messages,
    split_list,
)
from twinning.programmes.selectors import regions, sectors_by_codes
from twinning.students.models import Student
from twinning.students.models.registry import (
    EARLIEST_GRADUATION,
    LANGUAGE_LEVELS,
    LATEST_GRADUATION,
)
from twinning.students.services.registry import student_import_create
from twinning.students.universities import university

if TYPE_CHECKING:
    from twinning.programmes.models import Programme

# The columns, in the order of the example file; docs/import.md describes each one.
COLUMNS = (
    "email", "full_name", "university", "course", "level", "graduation_year", "home_region",
    "languages", "nace_codes", "skills", "visa_route", "about", "language",
)  # fmt: skip
REQUIRED_COLUMNS = ("email", "full_name", "university", "course", "level", "graduation_year")
TEXT_FIELDS = ("course", "skills", "about")
SPOKEN = ("en", "ru", "kk")
LEVELS = tuple(code for code, _label in LANGUAGE_LEVELS if code)


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(spreadsheet row number, values by column) for every non-empty row; row 1 is the header.
    A file that cannot be read raises SpreadsheetError, with the message for the uploader."""
    empty = _("The file has a header row but no rows of students.")
    return read_records(path, columns=COLUMNS, required=REQUIRED_COLUMNS, empty=empty)


class _Lookups:
    """Reference data loaded once per import rather than once per row."""

    def __init__(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        codes = sorted({code for _, row in rows for code in _codes(row)})
        emails = {row.get("email", "").strip().lower() for _, row in rows} - {""}
        self.regions = {r.slug: r for r in regions().filter(side__code="KZ")}
        self.sectors = {s.code: s for s in sectors_by_codes(codes=codes)}
        self.taken = set(
            User.objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in=emails)
            .values_list("email_lower", flat=True)
        )
        self.seen: set[str] = set()


def students_import(
    *,
    programme: Programme,
    rows: list[tuple[int, dict[str, str]]],
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """One student per row, or none at all if any row has a problem. `programme` is the
    registry's interface for every importer; students belong to the platform, not to one."""
    lookups = _Lookups(rows)
    return all_or_nothing(
        rows=rows, dry_run=dry_run, progress=progress, target=programme, action="students.import",
        import_row=lambda row, result: _import_row(row, lookups, result),
    )  # fmt: skip


def _import_row(row: dict[str, str], lookups: _Lookups, result: ImportResult) -> list[str]:
    messages = [message for check in CHECKS for message in check(row, lookups)]
    if messages:
        return messages
    email = row["email"].strip()
    try:  # the service is atomic: a savepoint, so one failed row leaves the others usable
        student_import_create(
            email=email,
            full_name=row["full_name"].strip(),
            language=row.get("language", "").strip().lower() or settings.LANGUAGE_CODE,
            university=row["university"].strip().lower(),
            level=row["level"].strip().lower(),
            graduation_year=int(row["graduation_year"]),
            home_region=lookups.regions.get(row.get("home_region", "").strip().lower()),
            languages=_languages(row),
            sectors=[lookups.sectors[code] for code in _codes(row)],
            visa_route=row.get("visa_route", "").strip().lower(),
            **{name: row.get(name, "").strip() for name in TEXT_FIELDS},
        )
    except ValidationError as error:
        return row_messages(error)
    lookups.seen.add(email.lower())
    result.created += 1
    return []


def _check_email(row: dict[str, str], lookups: _Lookups) -> Iterable[str]:
    email = row.get("email", "").strip()
    if not email:
        yield _("email: this column is required.")
        return
    try:
        validate_email(email)
    except ValidationError:
        yield _("email: “%(value)s” is not an e-mail address.") % {"value": email}
        return
    if email.lower() in lookups.seen:
        yield _("email: “%(value)s” is on an earlier row of the file.") % {"value": email}
    elif email.lower() in lookups.taken:
        yield _(
            "email: “%(value)s” already has an account; its owner can add a student profile "
            "from the site."
        ) % {"value": email}


def _check_required(row: dict[str, str], lookups: _Lookups) -> Iterable[str]:
    for column in ("full_name", "course"):
        if not row.get(column, "").strip():
            yield _("%(column)s: this column is required.") % {"column": column}


def _check_university(row: dict[str, str], lookups: _Lookups) -> Iterable[str]:
    value = row.get("university", "").strip().lower()
    if not value:
        yield _("%(column)s: this column is required.") % {"column": "university"}
    elif university(value) is None:
        yield _("university: “%(value)s” is not in the list of universities.") % {"value": value}


def _check_choices(row: dict[str, str], lookups: _Lookups) -> Iterable[str]:
    for column, choices, required in (
        ("level", Student.Level.values, True),
        ("visa_route", [v for v in Student.VisaRoute.values if v], False),
        ("language", [code for code, _name in settings.LANGUAGES], False),
    ):
        value = row.get(column, "").strip().lower()
        if (value or required) and value not in choices:
            yield _("%(column)s: “%(value)s” is not one of %(allowed)s.") % {
                "column": column, "value": value, "allowed": ", ".join(choices)
            }  # fmt: skip


def _check_year(row: dict[str, str], lookups: _Lookups) -> Iterable[str]:
    year = row.get("graduation_year", "").strip()
    if not year.isdigit():
        yield _("graduation_year: “%(value)s” is not a year.") % {"value": year}
    elif not EARLIEST_GRADUATION <= int(year) <= LATEST_GRADUATION:
        message = _("The graduation year must be between %(first)s and %(last)s.") % {
            "first": EARLIEST_GRADUATION, "last": LATEST_GRADUATION
        }  # fmt: skip
        yield f"graduation_year: {message}"


def _check_region(row: dict[str, str], lookups: _Lookups) -> Iterable[str]:
    region = row.get("home_region", "").strip().lower()
    if region and region not in lookups.regions:
        yield _("home_region: “%(value)s” is not a region of Kazakhstan.") % {"value": region}


def _check_languages(row: dict[str, str], lookups: _Lookups) -> Iterable[str]:
    for part in split_list(row.get("languages", "")):
        code, _sep, level = (piece.strip() for piece in part.partition(":"))
        if code.lower() not in SPOKEN or _level(level) is None:
            yield _(
                "languages: “%(value)s” is not a language and a level, as in “en:C1; ru:native” "
                "(languages %(codes)s; levels %(levels)s)."
            ) % {"value": part, "codes": ", ".join(SPOKEN), "levels": ", ".join(LEVELS)}


def _check_nace(row: dict[str, str], lookups: _Lookups) -> Iterable[str]:
    unknown = [code for code in _codes(row) if code not in lookups.sectors]
    if unknown:
        yield ngettext(
            "nace_codes: %(count)d unknown NACE code: %(codes)s.",
            "nace_codes: %(count)d unknown NACE codes: %(codes)s.",
            len(unknown),
        ) % {"count": len(unknown), "codes": ", ".join(unknown)}


CHECKS = (_check_email, _check_required, _check_university, _check_choices, _check_year,
          _check_region, _check_languages, _check_nace)  # fmt: skip


def _level(value: str) -> str | None:
    for level in LEVELS:
        if value.lower() == level.lower():
            return level
    return None


def _languages(row: dict[str, str]) -> dict[str, str]:
    pairs = (part.partition(":") for part in split_list(row.get("languages", "")))
    return {code.strip().lower(): _level(level.strip()) or "" for code, _sep, level in pairs}


def _codes(row: dict[str, str]) -> list[str]:
    return split_list(row.get("nace_codes", "").upper())
