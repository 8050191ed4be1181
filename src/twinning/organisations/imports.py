"""Import of organisations from CSV or XLSX files, all or nothing.

Every row goes through `organisation_create`, so an imported organisation obeys exactly the rules
of one created on the site (registry number by side, 1–5 NACE codes, choices, e-mail and web
address formats). Checks the service cannot make on plain text — the region slug, the NACE codes,
the choices, the year, the owner — come first, with messages that name the column. Rows are
written inside one transaction; if any row fails, or on a dry run, it is rolled back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.core.models import User
from twinning.core.services import ProgressCallback, audit_log
from twinning.core.spreadsheets import SpreadsheetError, read_records
from twinning.organisations.models import Organisation
from twinning.organisations.registry import validate_registry_id
from twinning.organisations.services import MAX_SECTORS, organisation_create
from twinning.programmes.selectors import regions, sectors_by_codes

if TYPE_CHECKING:
    from twinning.programmes.models import Programme

# The columns, in the order of the example files; docs/import.md describes each one.
COLUMNS = (
    "legal_name", "name_en", "name_ru", "name_kk", "kind", "region", "size", "year_founded",
    "website", "working_languages", "nace_codes", "registry_id", "description", "contact_name",
    "contact_email", "contact_phone", "owner_email",
)  # fmt: skip
REQUIRED_COLUMNS = ("legal_name", "kind", "region", "nace_codes")
TEXT_FIELDS = ("name_en", "name_ru", "name_kk", "website", "description", "contact_name",
               "contact_email", "contact_phone")  # fmt: skip
LANGUAGES = ("en", "ru", "kk")
LIST_SEPARATOR = re.compile(r"[;,|]")
# Field names the service reports errors under, shown as the column the user filled in.
FIELD_COLUMNS = {"sectors": "nace_codes", "__all__": ""}


class ImportFileError(ValueError):
    """The file as a whole cannot be read: wrong type, no header, missing or unknown columns."""


@dataclass(frozen=True)
class RowProblem:
    row: int
    messages: tuple[str, ...]


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    owners_created: int = 0
    dry_run: bool = False
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return not self.problems and not self.dry_run


# Reading ----------------------------------------------------------------------------------


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(spreadsheet row number, values by column) for every non-empty row; row 1 is the header."""
    try:
        return read_records(
            path, columns=COLUMNS, required=REQUIRED_COLUMNS,
            empty=_("The file has a header row but no rows of organisations."),
        )  # fmt: skip
    except SpreadsheetError as error:
        raise ImportFileError(str(error)) from None


# Checking and importing -----------------------------------------------------------------


@dataclass
class Lookups:
    """Reference data loaded once per import rather than once per row."""

    programme: Programme
    regions: dict[str, Any]
    sectors: dict[str, Any]
    users: dict[str, User]
    legal_names: set[str]

    @classmethod
    def load(cls, programme: Programme, rows: list[tuple[int, dict[str, str]]]) -> Lookups:
        sides = {programme.side_a_id, programme.side_b_id}
        codes = sorted({code for _, row in rows for code in _codes(row)})
        emails = {_owner_email(row).lower() for _, row in rows} - {""}
        return cls(
            programme=programme,
            regions={r.slug: r for r in regions() if r.side_id in sides},
            sectors={s.code: s for s in sectors_by_codes(codes=codes)},
            users={
                user.email.lower(): user
                for user in User.objects.annotate(email_lower=Lower("email")).filter(
                    email_lower__in=emails
                )
            },
            legal_names={
                name.lower()
                for name in Organisation.objects.filter(programme=programme).values_list(
                    "legal_name", flat=True
                )
            },
        )


def organisations_import(
    *,
    programme: Programme,
    rows: list[tuple[int, dict[str, str]]],
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Create one organisation per row, or none at all if any row has a problem."""
    lookups = Lookups.load(programme, rows)
    return all_or_nothing(
        rows=rows, dry_run=dry_run, progress=progress, target=programme,
        action="organisations.import",
        import_row=lambda row, result: _import_row(row, lookups, result),
    )  # fmt: skip


def all_or_nothing(
    *,
    rows: list[tuple[int, dict[str, str]]],
    dry_run: bool,
    progress: ProgressCallback | None,
    target: Any,
    action: str,
    import_row: Callable[[dict[str, str], ImportResult], list[str]],
) -> ImportResult:
    """Every importer's frame: `import_row` imports one row (in its own savepoint) or returns its
    problems; everything is rolled back if any row has one, or on a dry run."""
    result = ImportResult(rows=len(rows), dry_run=dry_run)
    with transaction.atomic():
        for done, (number, row) in enumerate(rows, start=1):
            messages = import_row(row, result)
            if messages:
                result.problems.append(RowProblem(number, tuple(messages)))
            if progress is not None:
                progress(done, len(rows), "")
        if result.problems or dry_run:
            transaction.set_rollback(True)
        else:
            audit_log(action=action, actor=None, target=target, created=result.created)
    return result


def _import_row(row: dict[str, str], lookups: Lookups, result: ImportResult) -> list[str]:
    messages = _check_row(row, lookups)
    if messages:
        return messages
    try:
        with transaction.atomic():  # a savepoint, so one failed row leaves the others usable
            owner, created = _owner(row, lookups)
            organisation_create(
                programme=lookups.programme,
                by=owner,
                legal_name=row["legal_name"],
                region=lookups.regions[row["region"].lower()],
                sectors=[lookups.sectors[code] for code in _codes(row)],
                working_languages=split_list(row.get("working_languages", "").lower()),
                registry_id=row.get("registry_id", ""),
                kind=row["kind"].lower(),
                size=row.get("size", "").lower(),
                year_founded=int(row["year_founded"]) if row.get("year_founded") else None,
                **{name: row.get(name, "") for name in TEXT_FIELDS},
            )
    except ValidationError as error:
        return row_messages(error)
    lookups.legal_names.add(row["legal_name"].lower())
    result.created += 1
    result.owners_created += created
    return []


def _check_row(row: dict[str, str], lookups: Lookups) -> list[str]:
    checks = (_check_name, _check_region, _check_registry, _check_nace, _check_choices,
              _check_year, _check_languages, _check_owner)  # fmt: skip
    return [message for check in checks for message in check(row, lookups)]


def _check_name(row: dict[str, str], lookups: Lookups) -> Iterable[str]:
    name = row.get("legal_name", "")
    if not name:
        yield _("legal_name: this column is required.")
    elif name.lower() in lookups.legal_names:
        yield _("legal_name: “%(name)s” is already in this programme.") % {"name": name}


def _check_region(row: dict[str, str], lookups: Lookups) -> Iterable[str]:
    region = row.get("region", "").lower()
    if not region:
        yield _("region: this column is required.")
    elif region not in lookups.regions:
        yield _("region: “%(value)s” is not a region of this programme.") % {"value": region}


def _check_registry(row: dict[str, str], lookups: Lookups) -> Iterable[str]:
    region = lookups.regions.get(row.get("region", "").lower())
    if region is None:
        return  # checked once the region is right: the side decides the format
    try:
        validate_registry_id(row.get("registry_id", ""), region.side.code)
    except ValidationError as error:
        yield from (f"registry_id: {message}" for message in error.messages)


def _check_nace(row: dict[str, str], lookups: Lookups) -> Iterable[str]:
    codes = _codes(row)
    if not 1 <= len(codes) <= MAX_SECTORS:
        yield ngettext(
            "nace_codes: give between 1 and %(max)d NACE code.",
            "nace_codes: give between 1 and %(max)d NACE codes.",
            MAX_SECTORS,
        ) % {"max": MAX_SECTORS}
    unknown = [code for code in codes if code not in lookups.sectors]
    if unknown:
        # The count is written out: a list of 21 codes reads wrong in Russian with the form for 1.
        yield ngettext(
            "nace_codes: %(count)d unknown NACE code: %(codes)s.",
            "nace_codes: %(count)d unknown NACE codes: %(codes)s.",
            len(unknown),
        ) % {"count": len(unknown), "codes": ", ".join(unknown)}


def _check_choices(row: dict[str, str], lookups: Lookups) -> Iterable[str]:
    for column, choices in (("kind", Organisation.Kind), ("size", Organisation.Size)):
        value = row.get(column, "").lower()
        if (value or column == "kind") and value not in choices.values:
            allowed = ", ".join(choices.values)
            yield _("%(column)s: “%(value)s” is not one of %(allowed)s.") % {
                "column": column, "value": value, "allowed": allowed
            }  # fmt: skip


def _check_year(row: dict[str, str], lookups: Lookups) -> Iterable[str]:
    year = row.get("year_founded", "")
    this_year = timezone.localdate().year
    if year and not (year.isdigit() and 1700 <= int(year) <= this_year):
        yield _("year_founded: “%(value)s” is not a year between 1700 and %(now)d.") % {
            "value": year, "now": this_year
        }  # fmt: skip


def _check_languages(row: dict[str, str], lookups: Lookups) -> Iterable[str]:
    codes = split_list(row.get("working_languages", "").lower())
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        yield _("working_languages: use en, ru and kk, not %(codes)s.") % {
            "codes": ", ".join(unknown)
        }


def _check_owner(row: dict[str, str], lookups: Lookups) -> Iterable[str]:
    email = _owner_email(row)
    if not email:
        yield _(
            "owner_email: give owner_email or contact_email; every organisation needs an owner."
        )
        return
    try:
        validate_email(email)
    except ValidationError:
        yield _("owner_email: “%(value)s” is not an e-mail address.") % {"value": email}


def _owner_email(row: dict[str, str]) -> str:
    return row.get("owner_email") or row.get("contact_email", "")


def _owner(row: dict[str, str], lookups: Lookups) -> tuple[User, bool]:
    """The owner's account. A new one is inactive, has no password and receives no e-mail
    until an operator activates it; imported people have not yet agreed to the privacy notice."""
    email = _owner_email(row).lower()
    user = lookups.users.get(email)
    if user is not None:
        return user, False
    name = row.get("contact_name", "") if email == row.get("contact_email", "").lower() else ""
    user = User.objects.create_user(email=email, full_name=name, is_active=False)
    lookups.users[email] = user
    return user, True


def _codes(row: dict[str, str]) -> list[str]:
    return split_list(row.get("nace_codes", "").upper())  # sections are capital letters: "A"


def split_list(value: str) -> list[str]:
    return [part.strip() for part in LIST_SEPARATOR.split(value) if part.strip()]


def row_messages(error: ValidationError) -> list[str]:
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        f"{FIELD_COLUMNS.get(name, name)}: {message}" if FIELD_COLUMNS.get(name, name) else message
        for name, messages in error.message_dict.items()
        for message in messages
    ]
