from django.core.management.base import CommandError

from twinning.core.site import SiteUrlCommand
from twinning.students import selectors, services


class Command(SiteUrlCommand):
    help = "Allocate a job fair's interviews (published and locked ones stay) and print a summary."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        super().add_arguments(parser)
        parser.add_argument("fair", type=int)
        parser.add_argument("--time-limit", type=float, default=60)

    def handle_with_site(self, *args, **options):  # type: ignore[no-untyped-def]
        fair = selectors.fair_get(pk=options["fair"])
        if fair is None:
            raise CommandError("No such fair.")
        summary = services.fair_allocate(fair=fair, by=None, time_limit=options["time_limit"])
        self.stdout.write(
            f"{summary['interviews']} interviews; {summary['students_without']} of "
            f"{summary['students_asking']} students who asked have none ({summary['status']}, "
            f"{summary['seconds']} s)."
        )
