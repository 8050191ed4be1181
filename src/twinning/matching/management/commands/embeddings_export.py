from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from twinning.matching import services
from twinning.programmes.selectors import programme_get


class Command(BaseCommand):
    help = (
        "Write the cached embeddings of a programme's texts to an .npz file, e.g. to ship them "
        "with the demo so that loading it needs no embedding."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("file", type=Path)
        parser.add_argument("--programme", required=True, help="programme slug")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        programme = programme_get(slug=options["programme"])
        if programme is None:
            raise CommandError(f"No programme with the slug {options['programme']!r}.")
        count = services.embeddings_export(programme=programme, path=options["file"])
        self.stdout.write(f"{count} vectors written to {options['file']}.")
