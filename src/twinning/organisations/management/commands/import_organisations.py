from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from twinning.core.spreadsheets import formula_warnings
from twinning.organisations.imports import (
    COLUMNS,
    ImportResult,
    organisations_import,
    read_rows,
)
from twinning.programmes.selectors import programme_default, programme_get

# Below this many rows the import is over before a progress bar would be read.
PROGRESS_FROM_ROWS = 200


class Command(BaseCommand):
    """Also the base of the other apps' import commands: they replace `read`, `run` and
    `_imported` (students.management.commands.import_students)."""

    read = staticmethod(read_rows)
    run = staticmethod(organisations_import)
    help = (
        "Import organisations from a CSV or XLSX file (columns: "
        + ", ".join(COLUMNS)
        + "; see docs/import.md). A file with any bad row imports nothing."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("file", type=Path)
        parser.add_argument("--programme", help="programme slug (default: the active programme)")
        parser.add_argument("--dry-run", action="store_true", help="check every row, save nothing")
        parser.add_argument(
            "--language", default="en", choices=["en", "ru", "kk"], help="language of messages"
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        with translation.override(options["language"]):
            programme = self._programme(options["programme"])
            try:
                rows = self.read(options["file"])
            except (ValueError, OSError) as error:  # ImportFileError, SpreadsheetError, codecs
                raise CommandError(str(error)) from error
            for warning in formula_warnings(rows):
                self.stderr.write(warning)
            result = self._run(programme, rows, options["dry_run"])
            self._report(result)

    def _programme(self, slug: str | None):  # type: ignore[no-untyped-def]
        programme = programme_get(slug=slug) if slug else programme_default()
        if programme is None:
            raise CommandError(_("No such programme: %(slug)s.") % {"slug": slug or "—"})
        return programme

    def _run(self, programme, rows, dry_run: bool) -> ImportResult:  # type: ignore[no-untyped-def]
        bar = tqdm(total=len(rows), unit="row", disable=len(rows) < PROGRESS_FROM_ROWS)
        with bar:
            return self.run(
                programme=programme,
                rows=rows,
                dry_run=dry_run,
                progress=lambda done, total, message: bar.update(done - bar.n),
            )

    def _report(self, result: ImportResult) -> None:
        for problem in result.problems:
            self.stderr.write(_("Row %(row)d:") % {"row": problem.row})
            for message in problem.messages:
                self.stderr.write(f"  - {message}")
        if result.problems:
            bad = len(result.problems)
            raise CommandError(
                # The wording agrees with the rows that have problems, not with all the rows.
                ngettext(
                    "Nothing was imported: %(bad)d of %(rows)d rows has problems (listed above).",
                    "Nothing was imported: %(bad)d of %(rows)d rows have problems (listed above).",
                    bad,
                )
                % {"bad": bad, "rows": result.rows}
            )
        if result.dry_run:
            self.stdout.write(
                ngettext(
                    "Dry run: %(rows)d row is valid; nothing was saved.",
                    "Dry run: all %(rows)d rows are valid; nothing was saved.",
                    result.rows,
                )
                % {"rows": result.rows}
            )
            return
        self.stdout.write(self.style.SUCCESS(self._imported(result)))

    def _imported(self, result: ImportResult) -> str:
        # Two counts, two nouns: each agrees with its own number.
        accounts = ngettext(
            "%(owners)d new inactive owner account",
            "%(owners)d new inactive owner accounts",
            result.owners_created,
        ) % {"owners": result.owners_created}
        return ngettext(
            "Imported %(created)d organisation (%(accounts)s).",
            "Imported %(created)d organisations (%(accounts)s).",
            result.created,
        ) % {"created": result.created, "accounts": accounts}
