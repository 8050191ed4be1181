from django.core.management.base import BaseCommand

from twinning.students.services import fair_data_delete_due


class Command(BaseCommand):
    help = (
        "Delete CVs and fair data (registrations, rankings, interviews, notes) of job fairs that "
        "ended more than STUDENTS_RETENTION_DAYS ago. Run it daily, as expire_requests."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--days", type=int, default=None, help="override the retention period")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        counts = fair_data_delete_due(days=options["days"])
        self.stdout.write(
            f"{counts['fairs']} fairs, {counts['registrations']} registrations, "
            f"{counts['cvs']} CVs deleted."
        )
