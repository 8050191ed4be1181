from django.core.management.base import BaseCommand, CommandError

from twinning.students import selectors, services


class Command(BaseCommand):
    help = "Allocate a job fair's interviews (published and locked ones stay) and print a summary."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("fair", type=int)
        parser.add_argument("--time-limit", type=float, default=60)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        fair = selectors.fair_get(pk=options["fair"])
        if fair is None:
            raise CommandError("No such fair.")
        summary = services.fair_allocate(fair=fair, by=None, time_limit=options["time_limit"])
        self.stdout.write(
            f"{summary['interviews']} interviews; {summary['students_without']} of "
            f"{summary['students_asking']} students who asked have none ({summary['status']}, "
            f"{summary['seconds']} s)."
        )
