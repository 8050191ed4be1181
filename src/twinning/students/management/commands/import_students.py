from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import ngettext

from twinning.core.site import SiteUrlCommand
from twinning.organisations.imports import ImportResult
from twinning.organisations.management.commands.import_organisations import (
    Command as ImportCommand,
)
from twinning.students.imports import COLUMNS, read_rows, students_import


class Command(SiteUrlCommand, ImportCommand):
    """The organisations' import command reading students; it mails each student a link to claim
    the profile, so it needs the site's address (`--site-url` or SITE_URL) unless a dry run."""

    read = staticmethod(read_rows)
    run = staticmethod(students_import)
    help = (
        "Import students from a CSV or XLSX file (columns: "
        + ", ".join(COLUMNS)
        + "; see docs/import.md). A file with any bad row imports nothing; each imported "
        "student is e-mailed a link to claim the profile."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        ImportCommand.add_arguments(self, parser)
        SiteUrlCommand.add_arguments(self, parser)

    def needs_site_url(self, options: dict[str, Any]) -> bool:
        return not options["dry_run"]

    def handle_with_site(self, *args: Any, **options: Any) -> None:
        ImportCommand.handle(self, *args, **options)

    def _imported(self, result: ImportResult) -> str:
        return ngettext(
            "Imported %(created)d student; each is e-mailed a link to claim the profile.",
            "Imported %(created)d students; each is e-mailed a link to claim the profile.",
            result.created,
        ) % {"created": result.created}
