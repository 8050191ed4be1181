from django.utils.translation import ngettext

from twinning.organisations.imports import ImportResult
from twinning.organisations.management.commands.import_organisations import (
    Command as ImportCommand,
)
from twinning.students.imports import COLUMNS, read_rows, students_import


class Command(ImportCommand):
    read = staticmethod(read_rows)
    run = staticmethod(students_import)
    help = (
        "Import students from a CSV or XLSX file (columns: "
        + ", ".join(COLUMNS)
        + "; see docs/import.md). A file with any bad row imports nothing; each imported "
        "student is e-mailed a link to claim the profile."
    )

    def _imported(self, result: ImportResult) -> str:
        return ngettext(
            "Imported %(created)d student; each is e-mailed a link to claim the profile.",
            "Imported %(created)d students; each is e-mailed a link to claim the profile.",
            result.created,
        ) % {"created": result.created}
