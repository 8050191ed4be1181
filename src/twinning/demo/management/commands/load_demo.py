import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from twinning.demo.content import FLAGSHIPS
from twinning.demo.plan import DEMO_PASSWORD, LOGINS
from twinning.demo.selectors import demo_counts
from twinning.demo.services import demo_load, step_names

FLAGSHIP_NAMES = {
    flagship.key: flagship.legal_name for side in FLAGSHIPS.values() for flagship in side
}


class Command(BaseCommand):
    help = (
        "Load the demo programme 'Yorkshire – Kazakhstan Business Twinning' with organisations, "
        "opportunities and demo logins. Safe to run again: only what is missing is created."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--until",
            metavar="STEP",
            help=f"stop after this step (steps: {', '.join(step_names())})",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="load even with DEBUG=false (a public demo server): the logins are published",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "DEBUG is false: the demo would create a superuser whose password is printed "
                "here and in the docs. Use --allow-production for a public demo server."
            )
        started = time.perf_counter()
        try:
            results = demo_load(report=self.stdout.write, until=options["until"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        if results and not any(tally.created for _, tally in results):
            self.stdout.write("The demo programme was already loaded: nothing to do.")
        counts = demo_counts()
        sides = ", ".join(f"{side} {n}" for side, n in sorted(counts["organisations"].items()))
        states = ", ".join(f"{state} {n}" for state, n in sorted(counts["opportunities"].items()))
        self.stdout.write(f"Organisations: {sides}")
        self.stdout.write(f"Opportunities: {states}")
        self.stdout.write(f"Done in {elapsed:.1f} s.\n")
        self._print_logins()

    def _print_logins(self) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD})"))
        for login in LOGINS:
            role = "Operator" if login.is_operator else f"Member ({login.language})"
            owns = f" — {FLAGSHIP_NAMES[login.owns]}" if login.owns else ""
            self.stdout.write(f"  {role}: {login.email} / {DEMO_PASSWORD}{owns}")
