"""Write an event's brokerage day as a scheduling instance (JSON), to solve or benchmark it
outside the site: ``python -m twinning.scheduling solve day.json``."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from twinning.events.scheduler import plan_for
from twinning.events.selectors import event_get
from twinning.scheduling.instance import problem_to_json


class Command(BaseCommand):
    help = (
        "Print an event's day (slots, tables, participants, meetings, interpreters, fairness) "
        "as a scheduling instance in JSON, participants and meetings by id, no names."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("event", help="the event's slug")

    def handle(self, *args: Any, event: str, **options: Any) -> None:
        found = event_get(slug=event)
        if found is None:
            raise CommandError(f"No event with the slug {event!r}.")
        data = problem_to_json(plan_for(found).problem)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
